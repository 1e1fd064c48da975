// Parsers for the three kinds of request Slack sends. zod/mini keeps the gateway bundle small.
import * as z from 'zod/mini';
import { SlackPayloadError } from '../errors.js';

const id = z.string().check(z.minLength(1), z.maxLength(64));

const slashCommandSchema = z.object({
  command: z.string().check(z.regex(/^\/[\w-]{1,31}$/)),
  text: z._default(z.string(), ''),
  response_url: z.url(),
  trigger_id: z.string(),
  user_id: id,
  team_id: id,
  channel_id: id,
  channel_name: z.optional(z.string()),
  api_app_id: z.optional(z.string()),
  enterprise_id: z.optional(z.string()),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

const blockActionSchema = z.looseObject({
  action_id: z.string().check(z.minLength(1), z.maxLength(255)),
  block_id: z.optional(z.string()),
  value: z.optional(z.string().check(z.maxLength(2000))),
  action_ts: z.optional(z.string()),
  type: z.optional(z.string()),
});
export type BlockAction = z.infer<typeof blockActionSchema>;

const blockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id, team_id: z.optional(z.string()) }),
  team: z.optional(z.nullable(z.looseObject({ id: z.string() }))),
  actions: z.array(blockActionSchema).check(z.minLength(1)),
  response_url: z.optional(z.url()),
  trigger_id: z.optional(z.string()),
  channel: z.optional(z.looseObject({ id })),
  container: z.optional(z.looseObject({ type: z.optional(z.string()), message_ts: z.optional(z.string()) })),
  message: z.optional(z.looseObject({ ts: z.string(), text: z.optional(z.string()) })),
});
export type BlockActionsPayload = z.infer<typeof blockActionsSchema>;

const urlVerificationSchema = z.object({
  type: z.literal('url_verification'),
  challenge: z.string(),
  token: z.optional(z.string()),
});
const eventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  event_id: id,
  team_id: z.optional(z.string()),
  event_time: z.optional(z.number()),
  event: z.looseObject({
    type: z.string(),
    channel: z.optional(z.string()),
    user: z.optional(z.string()),
    bot_id: z.optional(z.string()),
    subtype: z.optional(z.string()),
    ts: z.optional(z.string()),
    thread_ts: z.optional(z.string()),
    text: z.optional(z.string()),
  }),
});
const eventsBodySchema = z.discriminatedUnion('type', [urlVerificationSchema, eventCallbackSchema]);
export type EventsApiBody = z.infer<typeof eventsBodySchema>;
export type EventCallback = z.infer<typeof eventCallbackSchema>;

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}

function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new SlackPayloadError(`${what} is not valid: ${describeIssues(result.error)}`);
  return result.data;
}

function formFields(rawBody: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) fields[key] = value;
  return fields;
}

/** A slash command: form-urlencoded fields. */
export function parseSlashCommand(rawBody: string): SlashCommand {
  return parseWith(slashCommandSchema, formFields(rawBody), 'slash command');
}

/** Interactivity: form field `payload` holding JSON. Only `block_actions` is handled by the suite. */
export function parseBlockActions(rawBody: string): BlockActionsPayload {
  const payload = formFields(rawBody).payload;
  if (payload === undefined) throw new SlackPayloadError('interactivity request has no payload field');
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new SlackPayloadError('interactivity payload is not JSON');
  }
  return parseWith(blockActionsSchema, json, 'interactivity payload');
}

/** Events API: a JSON body. */
export function parseEventsBody(rawBody: string): EventsApiBody {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new SlackPayloadError('event body is not JSON');
  }
  return parseWith(eventsBodySchema, json, 'event body');
}

/** Slack's `ssl_check=1` probe comes form-encoded with no command. */
export function isSslCheck(rawBody: string): boolean {
  return formFields(rawBody).ssl_check === '1';
}
