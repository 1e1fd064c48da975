import { booleanEnv, jsonEnv } from '@slackops/kit/core';
import * as z from 'zod';

const channelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id (C… or G…)');

export const routesSchema = z.object({
  repositories: z.record(z.string(), channelId).default({}),
  environments: z.record(z.string(), channelId).default({}),
});
export type Routes = z.infer<typeof routesSchema>;

export const processorConfigSchema = z.object({
  STATE_TABLE: z.string().min(3),
  DEFAULT_CHANNEL: channelId,
  CRITICAL_CHANNEL: channelId.optional(),
  HEARTBEAT_CHANNEL: channelId.optional(),
  ROUTES: z.optional(jsonEnv(routesSchema)),
  DLQ_URL: z.string().url(),
  POST_SUCCESS_WITHOUT_FAILURE: booleanEnv(false),
  /** Set: deliver through this SSM-held incoming-webhook URL (no threads) instead of the bot token. */
  SLACK_WEBHOOK_URL_PARAM: z.string().min(1).optional(),
  /** Slack's limit is about 1 message per second per channel. */
  SLACK_POST_INTERVAL_MS: z.coerce.number().int().min(0).max(5000).default(1000),
});
export type ProcessorConfig = z.infer<typeof processorConfigSchema>;
