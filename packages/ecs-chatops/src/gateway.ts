// The pure module the Slack gateway runs for `/ecs-status` and `ecs:` buttons: parse, authorize,
// answer at once, and name the worker's task. No SDK, no I/O: the gateway's cold start is the user's wait.
import {
  type BlockAction,
  type BlockActionsPayload,
  decideAccess,
  type GatewayDecision,
  mentionAll,
  type RequestContext,
  type SlackFeature,
  type SlashCommand,
  type WorkerPayload,
  ephemeral,
} from '@slackops/kit/core';
import * as z from 'zod/mini';
import type { Clusters, EcsGatewayConfig } from './config.js';
import { EcsUsageError, parseEcsCommand } from './domain/command.js';
import { confirmMessage, overviewMessage, refusal, usageMessage } from './domain/messages.js';
import { type Change, changeSchema, type EcsTask } from './domain/tasks.js';

export { ecsGatewayConfigSchema } from './config.js';

const approvalValueSchema = z.object({ id: z.string(), requester: z.string(), cluster: z.string() });
const cardValueSchema = z.object({ cluster: z.string(), service: z.string() });

function work(
  kind: WorkerPayload['kind'],
  task: EcsTask,
  context: RequestContext,
  who: { userId: string; channelId?: string; responseUrl?: string; messageTs?: string },
): WorkerPayload {
  const payload: WorkerPayload = {
    source: 'slack',
    kind,
    requestId: context.requestId,
    receivedAt: context.receivedAt,
    userId: who.userId,
    task,
  };
  if (who.channelId) payload.channelId = who.channelId;
  if (who.responseUrl) payload.responseUrl = who.responseUrl;
  if (who.messageTs) payload.messageTs = who.messageTs;
  return payload;
}

function parseJson<T>(schema: z.ZodMiniType<T>, value: string | undefined): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(value ?? ''));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export function createEcsFeature(config: EcsGatewayConfig): SlackFeature {
  const clusters: Clusters = config.ECS_CLUSTERS;

  /** Operators may change; a cluster without operators is read-only. Groups are checked by the worker. */
  function mayOperate(userId: string, cluster: string): 'yes' | 'no' | 'groups' {
    const decision = decideAccess(userId, clusters[cluster]?.operators ?? []);
    return decision.outcome === 'allowed' ? 'yes' : decision.outcome === 'denied' ? 'no' : 'groups';
  }

  function refuse(
    text: string,
    audit: { action: string; resource: string },
    context: RequestContext,
    who: { userId: string; channelId?: string },
  ): GatewayDecision {
    return {
      reply: refusal(text),
      work: work('command', { op: 'refused', ...audit, reason: text }, context, who),
    };
  }

  function notOperator(cluster: string): string {
    const operators = clusters[cluster]?.operators ?? [];
    return operators.length
      ? `You are not an operator of \`${cluster}\`. Ask ${mentionAll(operators)}.`
      : `\`${cluster}\` is read-only: no operators are configured for it (terraform variable \`ecs_clusters\`).`;
  }

  function onCommand(command: SlashCommand, context: RequestContext): GatewayDecision {
    const who = { userId: command.user_id, channelId: command.channel_id, responseUrl: command.response_url };
    let request: ReturnType<typeof parseEcsCommand>;
    try {
      request = parseEcsCommand(command.text, clusters);
    } catch (error) {
      if (error instanceof EcsUsageError) return { reply: usageMessage(error.message) };
      throw error;
    }
    switch (request.kind) {
      case 'help':
        return { reply: usageMessage() };
      case 'overview':
        return { reply: overviewMessage(clusters) };
      case 'cluster':
        return {
          reply: ephemeral(`:hourglass_flowing_sand: Checking the services of \`${request.cluster}\`…`),
          work: work('command', { op: 'cluster', cluster: request.cluster }, context, who),
        };
      case 'status':
        return {
          reply: ephemeral(`:hourglass_flowing_sand: Fetching \`${request.cluster}/${request.service}\`…`),
          work: work(
            'command',
            { op: 'status', cluster: request.cluster, service: request.service },
            context,
            who,
          ),
        };
      case 'logs':
        return {
          reply: ephemeral(
            `:hourglass_flowing_sand: Reading the last ${request.lines} log lines of \`${request.cluster}/${request.service}\`…`,
          ),
          work: work(
            'command',
            { op: 'logs', cluster: request.cluster, service: request.service, lines: request.lines },
            context,
            who,
          ),
        };
      case 'mutation': {
        const resource = `ecs:${request.cluster}/${request.service}`;
        if (mayOperate(command.user_id, request.cluster) === 'no')
          return refuse(notOperator(request.cluster), { action: request.action, resource }, context, who);
        const change: Change = {
          action: request.action,
          cluster: request.cluster,
          service: request.service,
          requester: command.user_id,
        };
        if (request.count !== undefined) change.count = request.count;
        return { reply: confirmMessage(change, clusters[request.cluster]!.protected) };
      }
    }
  }

  function onAction(
    action: BlockAction,
    payload: BlockActionsPayload,
    context: RequestContext,
  ): GatewayDecision {
    const who = {
      userId: payload.user.id,
      channelId: payload.channel?.id,
      responseUrl: payload.response_url,
      messageTs: payload.message?.ts,
    };
    switch (action.action_id) {
      case 'ecs:cancel':
        return { reply: { text: 'Cancelled. Nothing was changed.', replace_original: true } };
      case 'ecs:confirm':
      case 'ecs:card-restart':
      case 'ecs:card-rollback': {
        const change = parseJson(changeSchema, action.value);
        if (!change || !clusters[change.cluster]?.services.includes(change.service))
          return {
            reply: refusal('This button no longer matches the configuration. Run the command again.'),
          };
        // Whoever clicks is who asks: a card's buttons can be clicked by anyone in the channel.
        change.requester = payload.user.id;
        const resource = `ecs:${change.cluster}/${change.service}`;
        if (mayOperate(payload.user.id, change.cluster) === 'no')
          return refuse(notOperator(change.cluster), { action: change.action, resource }, context, who);
        const op = clusters[change.cluster]!.protected ? 'request-approval' : 'run';
        return {
          reply: {
            text: `:hourglass_flowing_sand: Working on it…`,
            replace_original: action.action_id === 'ecs:confirm',
          },
          work: work('action', { op, change }, context, who),
        };
      }
      case 'ecs:card-scale': {
        const target = parseJson(cardValueSchema, action.value);
        return {
          reply: ephemeral(
            `To scale, type \`/ecs-status cluster=${target?.cluster ?? '<c>'} service=${target?.service ?? '<s>'} action=scale count=<n>\``,
          ),
        };
      }
      case 'ecs:card-logs':
      case 'ecs:card-refresh': {
        const target = parseJson(cardValueSchema, action.value);
        if (!target || !clusters[target.cluster]?.services.includes(target.service))
          return { reply: refusal('This button no longer matches the configuration.') };
        const task: EcsTask =
          action.action_id === 'ecs:card-logs'
            ? { op: 'logs', ...target, lines: 50 }
            : { op: 'status', ...target };
        return { work: work('action', task, context, who) };
      }
      case 'ecs:approve':
      case 'ecs:reject': {
        const approval = parseJson(approvalValueSchema, action.value);
        if (!approval || !clusters[approval.cluster])
          return { reply: refusal('This approval request is not valid any more.') };
        const decision = action.action_id === 'ecs:approve' ? 'approve' : 'reject';
        if (decision === 'approve' && payload.user.id === approval.requester) {
          return refuse(
            'You cannot approve your own request: another approver must.',
            { action: 'approve', resource: `ecs:${approval.cluster}` },
            context,
            who,
          );
        }
        const access = decideAccess(payload.user.id, clusters[approval.cluster]!.approvers);
        if (access.outcome === 'denied' && payload.user.id !== approval.requester) {
          return refuse(
            `Only approvers of \`${approval.cluster}\` can decide: ${mentionAll(clusters[approval.cluster]!.approvers)}.`,
            { action: decision, resource: `ecs:${approval.cluster}` },
            context,
            who,
          );
        }
        // The requester may withdraw (reject) their own request.
        return { work: work('action', { op: 'decide', approvalId: approval.id, decision }, context, who) };
      }
      default:
        return { reply: refusal(`Unknown button \`${action.action_id}\`.`) };
    }
  }

  return { name: 'ecs-chatops', commands: ['/ecs-status'], actionPrefix: 'ecs:', onCommand, onAction };
}
