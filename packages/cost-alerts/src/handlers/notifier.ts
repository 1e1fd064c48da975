// SNS (critical and heartbeat topics) → cost-alerts-notifier. One message → one Slack post (or one
// Chatbot custom notification). Delivery failures throw: Lambda retries the async SNS invocation
// twice, then the on-failure destination (an SQS DLQ in Terraform) keeps the event.
import { SNSClient } from '@aws-sdk/client-sns';
import { createLogger, getSecret, loadConfig } from '@slackops/kit';
import * as z from 'zod';
import { ChatbotChannelNotifier, ORIGIN_ATTRIBUTE } from '../adapters/chatbot-notifier.js';
import { SlackChannelNotifier } from '../adapters/slack-notifier.js';
import { notifierConfigSchema } from '../config.js';
import { type NotifyOutcome, notify } from '../domain/notify.js';
import { InvalidEventError } from '../errors.js';
import type { ChannelNotifier } from '../ports.js';

const config = loadConfig(notifierConfigSchema);
const logger = createLogger('cost-alerts');
const topics = { critical: config.CRITICAL_TOPIC_ARN, heartbeat: config.HEARTBEAT_TOPIC_ARN };
const notifier: ChannelNotifier =
  config.DELIVERY_MODE === 'chatbot'
    ? new ChatbotChannelNotifier(new SNSClient({}), topics)
    : new SlackChannelNotifier(
        { critical: config.CRITICAL_CHANNEL ?? '', heartbeat: config.HEARTBEAT_CHANNEL ?? '' },
        () => getSecret('SLACK_BOT_TOKEN'),
      );

const snsEventSchema = z.object({
  Records: z
    .array(
      z.object({
        EventSource: z.literal('aws:sns'),
        Sns: z.object({
          MessageId: z.string(),
          TopicArn: z.string(),
          Subject: z.string().nullish(),
          Message: z.string(),
          MessageAttributes: z
            .record(z.string(), z.object({ Type: z.string(), Value: z.string() }))
            .optional(),
        }),
      }),
    )
    .min(1),
});

export async function handler(event: unknown): Promise<NotifyOutcome[]> {
  const parsed = snsEventSchema.safeParse(event);
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`)
      .join('; ');
    // Not retryable and not an SNS delivery: log it for the DLQ reader and fail (the event is kept there).
    throw new InvalidEventError(`not an SNS event: ${problem}`);
  }
  const outcomes: NotifyOutcome[] = [];
  for (const record of parsed.data.Records) {
    const sns = record.Sns;
    if (sns.MessageAttributes?.[ORIGIN_ATTRIBUTE]) {
      outcomes.push({ skipped: 'published by cost-alerts itself', kind: 'custom' });
      continue;
    }
    const incoming = sns.Subject
      ? { topicArn: sns.TopicArn, message: sns.Message, subject: sns.Subject }
      : { topicArn: sns.TopicArn, message: sns.Message };
    const outcome = await notify(incoming, topics, notifier);
    logger.info('notification handled', { messageId: sns.MessageId, ...outcome });
    outcomes.push(outcome);
  }
  return outcomes;
}
