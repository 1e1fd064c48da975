import { ConfigError } from '@slackops/kit/core';
import * as z from 'zod/mini';

export const gatewayConfigSchema = z.object({
  /** DynamoDB table that remembers Events API event ids (dedupe of Slack's retries). */
  EVENTS_TABLE: z.string().check(z.minLength(3)),
  SLACK_SIGNING_SECRET: z.optional(z.string().check(z.minLength(8))),
  SLACK_SIGNING_SECRET_PARAM: z.optional(z.string().check(z.minLength(1))),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function checkSecretSource(config: GatewayConfig): void {
  if (!config.SLACK_SIGNING_SECRET && !config.SLACK_SIGNING_SECRET_PARAM) {
    throw new ConfigError(
      'invalid configuration: SLACK_SIGNING_SECRET_PARAM is not set (the SSM parameter that holds the signing secret)',
    );
  }
}
