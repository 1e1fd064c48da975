// `/ecs-status [cluster=<c>] [service=<s>] [action=…] [count=<n>] [lines=<n>] [region=<r>]`: pure parsing
// against the allow-list, so every mistake is answered at once with what would be valid.
import { CommandSyntaxError, parseCommandArgs } from '@slackops/kit/core';
import type { ClusterConfig, Clusters } from '../config.js';
import { MUTATIONS, type Mutation } from './tasks.js';

export const ACTIONS = ['status', 'restart', 'scale', 'rollback', 'logs', 'help'] as const;
export type Action = (typeof ACTIONS)[number];
const OPTIONS = ['cluster', 'service', 'action', 'count', 'lines', 'region'];
export const DEFAULT_LOG_LINES = 50;
export const MAX_LOG_LINES = 1000;

export type EcsRequest =
  | { kind: 'help' }
  | { kind: 'overview' }
  | { kind: 'cluster'; cluster: string }
  | { kind: 'status'; cluster: string; service: string }
  | { kind: 'logs'; cluster: string; service: string; lines: number }
  | { kind: 'mutation'; action: Mutation; cluster: string; service: string; count?: number };

export class EcsUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EcsUsageError';
  }
}

const list = (items: string[]) => items.map((i) => `\`${i}\``).join(', ');

function positiveInt(name: string, value: string, max: number): number {
  if (!/^\d{1,6}$/.test(value)) throw new EcsUsageError(`${name}=${value} is not a whole number`);
  const n = Number(value);
  if (n > max) throw new EcsUsageError(`${name}=${value} is more than ${max}`);
  return n;
}

function clusterOf(clusters: Clusters, name: string): ClusterConfig {
  const cluster = clusters[name];
  if (!cluster)
    throw new EcsUsageError(
      `unknown cluster \`${name}\`. Clusters you can use: ${list(Object.keys(clusters))}`,
    );
  return cluster;
}

export function parseEcsCommand(text: string, clusters: Clusters): EcsRequest {
  let args: ReturnType<typeof parseCommandArgs>;
  try {
    args = parseCommandArgs(text);
  } catch (error) {
    if (error instanceof CommandSyntaxError) throw new EcsUsageError(error.message);
    throw error;
  }
  const { options, words } = args;
  if (words.length === 1 && words[0]!.toLowerCase() === 'help') return { kind: 'help' };
  if (words.length > 0)
    throw new EcsUsageError(`\`${words[0]}\` is not an option: write key=value, e.g. cluster=prod`);
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key))
      throw new EcsUsageError(`unknown option \`${key}\`. Options: ${list(OPTIONS)}`);
  }
  const action = (options.action ?? 'status').toLowerCase();
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new EcsUsageError(`unknown action \`${action}\`. Actions: ${list([...ACTIONS])}`);
  if (action === 'help') return { kind: 'help' };
  if (options.cluster === undefined) {
    if (Object.keys(options).length > 0 && action !== 'status')
      throw new EcsUsageError('name a cluster: cluster=<name>');
    if (options.service !== undefined)
      throw new EcsUsageError('name the cluster of that service: cluster=<name>');
    return { kind: 'overview' };
  }
  const cluster = clusterOf(clusters, options.cluster);
  if (options.region && cluster.region && options.region !== cluster.region) {
    throw new EcsUsageError(`cluster \`${options.cluster}\` is in ${cluster.region}, not ${options.region}`);
  }
  if (options.service === undefined) {
    if (action !== 'status')
      throw new EcsUsageError(
        `name a service for ${action}: service=<name>. Services of \`${options.cluster}\`: ${list(cluster.services)}`,
      );
    return { kind: 'cluster', cluster: options.cluster };
  }
  if (!cluster.services.includes(options.service)) {
    throw new EcsUsageError(
      `unknown service \`${options.service}\` in \`${options.cluster}\`. Services you can use: ${list(cluster.services)}`,
    );
  }
  const where = { cluster: options.cluster, service: options.service };
  if (action === 'status') return { kind: 'status', ...where };
  if (action === 'logs')
    return {
      kind: 'logs',
      ...where,
      lines: options.lines ? positiveInt('lines', options.lines, MAX_LOG_LINES) : DEFAULT_LOG_LINES,
    };
  const mutation = action as Mutation;
  if (mutation === 'scale') {
    if (options.count === undefined) throw new EcsUsageError('scale needs count=<number of tasks>');
    return {
      kind: 'mutation',
      action: 'scale',
      ...where,
      count: positiveInt('count', options.count, cluster.max_desired_count),
    };
  }
  if (options.count !== undefined) throw new EcsUsageError(`count= only goes with action=scale`);
  return { kind: 'mutation', action: mutation, ...where };
}

export const isMutation = (action: string): action is Mutation =>
  (MUTATIONS as readonly string[]).includes(action);
