// The contract between the Slack gateway and each feature. A feature hands the gateway a PURE module:
// it parses and authorizes a request without I/O, so help, syntax errors and refusals answer at once,
// and names the work its worker Lambda must do asynchronously.
import type { SlackMessage } from './blocks.js';
import type { BlockAction, BlockActionsPayload, EventCallback, SlashCommand } from './requests.js';

/** What the gateway does with a request: answer now, and optionally hand work to the feature's worker. */
export interface GatewayDecision {
  /** The HTTP 200 body Slack shows the user at once. Omit to acknowledge silently. */
  reply?: SlackMessage;
  /** Work for the feature's worker Lambda, invoked asynchronously. */
  work?: WorkerPayload;
}

/** What a feature's worker receives. `task` is the feature's own, validated again by the worker. */
export interface WorkerPayload {
  source: 'slack';
  kind: 'command' | 'action' | 'event';
  /** The gateway's request id: the key that ties logs, audit records and replies together. */
  requestId: string;
  receivedAt: string;
  userId: string;
  teamId?: string;
  channelId?: string;
  responseUrl?: string;
  /** Slack's message ts for a button click: the message to update. */
  messageTs?: string;
  task: unknown;
}

export interface RequestContext {
  requestId: string;
  receivedAt: string;
}

export interface SlackFeature {
  /** Package name, e.g. `ecs-chatops`. */
  name: string;
  /** Slash commands it owns, with the slash: `/ecs-status`. */
  commands: string[];
  /** Prefix of the action_ids it owns, e.g. `ecs:`. */
  actionPrefix?: string;
  onCommand?(command: SlashCommand, context: RequestContext): GatewayDecision;
  onAction?(action: BlockAction, payload: BlockActionsPayload, context: RequestContext): GatewayDecision;
  /** Whether an event (message in a channel) belongs to this feature. */
  ownsEvent?(event: EventCallback): boolean;
  onEvent?(event: EventCallback, context: RequestContext): GatewayDecision;
}
