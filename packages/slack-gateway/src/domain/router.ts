// Pure routing: which feature owns a request, and what to answer and dispatch. No I/O.
import {
  type BlockActionsPayload,
  type EventCallback,
  type GatewayDecision,
  type RequestContext,
  type SlackFeature,
  type SlackMessage,
  type SlashCommand,
  type WorkerPayload,
  ephemeral,
} from '@slackops/kit/core';

export interface RegisteredFeature {
  feature: SlackFeature;
  /** Name of the feature's worker Lambda. */
  workerFunction: string;
}

export interface Routed {
  reply?: SlackMessage;
  dispatch?: { functionName: string; payload: WorkerPayload };
}

export function unknownCommandReply(command: string, features: RegisteredFeature[]): SlackMessage {
  const known = features.flatMap((f) => f.feature.commands);
  return ephemeral(
    known.length
      ? `\`${command}\` is not a command of this slackops installation. Available: ${known.map((c) => `\`${c}\``).join(', ')}.`
      : `\`${command}\` is not a command of this slackops installation (no feature is enabled).`,
  );
}

export function internalErrorReply(requestId: string): SlackMessage {
  return ephemeral(
    `:warning: Something went wrong on our side. Nothing was changed. Error id: \`${requestId}\``,
  );
}

function toRouted(decision: GatewayDecision, owner: RegisteredFeature): Routed {
  const routed: Routed = {};
  if (decision.reply) routed.reply = decision.reply;
  if (decision.work) routed.dispatch = { functionName: owner.workerFunction, payload: decision.work };
  return routed;
}

/** Runs a feature's pure handler; a bug in it becomes an error reply with the request id, not a crash. */
function guarded(context: RequestContext, run: () => GatewayDecision, owner: RegisteredFeature): Routed {
  try {
    return toRouted(run(), owner);
  } catch {
    return { reply: internalErrorReply(context.requestId) };
  }
}

export function routeCommand(
  features: RegisteredFeature[],
  command: SlashCommand,
  context: RequestContext,
): Routed {
  const owner = features.find((f) => f.feature.commands.includes(command.command));
  if (!owner?.feature.onCommand) return { reply: unknownCommandReply(command.command, features) };
  const onCommand = owner.feature.onCommand.bind(owner.feature);
  return guarded(context, () => onCommand(command, context), owner);
}

export function routeAction(
  features: RegisteredFeature[],
  payload: BlockActionsPayload,
  context: RequestContext,
): Routed {
  // Slack sends one action per block_actions payload for buttons.
  const action = payload.actions[0]!;
  const owner = features.find(
    (f) => f.feature.actionPrefix && action.action_id.startsWith(f.feature.actionPrefix),
  );
  if (!owner?.feature.onAction) {
    return {
      reply: ephemeral(
        `This button (\`${action.action_id}\`) belongs to no enabled feature; it may be from an older version. Nothing was done.`,
      ),
    };
  }
  const onAction = owner.feature.onAction.bind(owner.feature);
  return guarded(context, () => onAction(action, payload, context), owner);
}

/**
 * Events: our own posts come back as events, and message subtypes (edits, joins…) are noise unless a
 * feature asks for them, so bot messages and subtypes are dropped here.
 */
export function routeEvent(
  features: RegisteredFeature[],
  body: EventCallback,
  context: RequestContext,
): Routed {
  const event = body.event;
  if (event.bot_id || (event.type === 'message' && event.subtype && event.subtype !== 'file_share'))
    return {};
  const owner = features.find((f) => f.feature.ownsEvent?.(body));
  if (!owner?.feature.onEvent) return {};
  const onEvent = owner.feature.onEvent.bind(owner.feature);
  return guarded(context, () => onEvent(body, context), owner);
}
