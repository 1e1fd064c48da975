// The clusters and services that may be read or changed: the tfvars `ecs_clusters` map, as JSON.
import { jsonEnv } from '@slackops/kit/core';
import * as z from 'zod/mini';

const principal = z
  .string()
  .check(z.regex(/^[UWS][A-Z0-9]{2,}$/, 'must be a Slack user id (U…/W…) or user-group id (S…)'));

export const clusterSchema = z.object({
  services: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  protected: z._default(z.boolean(), false),
  region: z.optional(z.nullable(z.string())),
  operators: z._default(z.array(principal), []),
  approvers: z._default(z.array(principal), []),
  max_desired_count: z._default(z.number().check(z.int(), z.minimum(0)), 20),
});
export type ClusterConfig = z.infer<typeof clusterSchema>;
export type Clusters = Record<string, ClusterConfig>;

export const clustersEnv = jsonEnv(z.record(z.string(), clusterSchema));

/** What the gateway needs: the allow-list (pure decisions) and the worker to hand work to. */
export const ecsGatewayConfigSchema = z.object({
  ECS_CLUSTERS: clustersEnv,
  ECS_WORKER_FUNCTION: z.string().check(z.minLength(1)),
});
export type EcsGatewayConfig = z.infer<typeof ecsGatewayConfigSchema>;

export const workerConfigSchema = z.object({
  ECS_CLUSTERS: clustersEnv,
  AUDIT_TABLE: z.string().check(z.minLength(3)),
  STATE_TABLE: z.string().check(z.minLength(3)),
  NOTIFICATION_TOPIC_ARN: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:sns:/))),
  AWS_REGION: z._default(z.string(), 'us-east-1'),
});
export type WorkerConfig = z.infer<typeof workerConfigSchema>;

export const deploymentEventsConfigSchema = z.object({
  ECS_CLUSTERS: clustersEnv,
  AUDIT_TABLE: z.string().check(z.minLength(3)),
  STATE_TABLE: z.string().check(z.minLength(3)),
});
