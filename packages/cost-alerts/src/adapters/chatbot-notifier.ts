import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { ChannelName } from '../domain/alert.js';
import { chatbotProblems } from '../domain/chatbot.js';
import { DeliveryError } from '../errors.js';
import type { ChannelNotifier, Notification } from '../ports.js';

/**
 * Marks what the functions publish themselves. The notifier's subscriptions filter it out
 * (`{"slackops_origin": [{"exists": false}]}`) and the notifier ignores it too, so a republished
 * message never loops back.
 */
export const ORIGIN_ATTRIBUTE = 'slackops_origin';
export const ORIGIN_VALUE = 'cost-alerts';

const RETRYABLE_SNS_ERRORS = new Set([
  'ThrottledException',
  'InternalErrorException',
  'KMSThrottlingException',
]);

/** Publishes the Chatbot custom notification schema to the channel's SNS topic (chatbot mode). */
export class ChatbotChannelNotifier implements ChannelNotifier {
  readonly mode = 'chatbot' as const;

  constructor(
    private readonly sns: SNSClient,
    private readonly topics: Record<ChannelName, string>,
  ) {}

  async deliver(channel: ChannelName, notification: Notification): Promise<void> {
    const problems = chatbotProblems(notification.chatbot);
    if (problems.length > 0) {
      // Chatbot would drop it silently: fail loudly instead (a bug here, never retryable).
      throw new DeliveryError(
        'chatbot_schema',
        `not a valid Chatbot custom notification: ${problems.join('; ')}`,
        false,
      );
    }
    try {
      await this.sns.send(
        new PublishCommand({
          TopicArn: this.topics[channel],
          Message: JSON.stringify(notification.chatbot),
          MessageAttributes: { [ORIGIN_ATTRIBUTE]: { DataType: 'String', StringValue: ORIGIN_VALUE } },
        }),
      );
    } catch (error) {
      // Classified by name, not instanceof: the error may come from another copy of the SDK.
      const name = (error as Error).name ?? 'Error';
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 500;
      throw new DeliveryError(
        name,
        `publishing to the ${channel} topic failed: ${name}`,
        RETRYABLE_SNS_ERRORS.has(name) || status >= 500,
        { cause: error },
      );
    }
  }
}
