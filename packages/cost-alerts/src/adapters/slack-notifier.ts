import { createSlackClient, toSlackDeliveryError } from '@slackops/kit';
import type { ChannelName } from '../domain/alert.js';
import { DeliveryError } from '../errors.js';
import type { ChannelNotifier, Notification } from '../ports.js';

type SlackClient = ReturnType<typeof createSlackClient>;

/** Posts Block Kit to the channel through the suite's Slack app (bot token from SSM). */
export class SlackChannelNotifier implements ChannelNotifier {
  readonly mode = 'slack' as const;
  private client: Promise<SlackClient> | undefined;

  constructor(
    private readonly channels: Record<ChannelName, string>,
    private readonly botToken: () => Promise<string>,
  ) {}

  async deliver(channel: ChannelName, notification: Notification): Promise<void> {
    this.client ??= this.botToken().then((token) => createSlackClient(token));
    const client = await this.client.catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    try {
      await client.chat.postMessage({
        channel: this.channels[channel],
        text: notification.slack.text,
        blocks: notification.slack.blocks ?? [],
        unfurl_links: false,
      });
    } catch (error) {
      const slack = toSlackDeliveryError(error);
      throw new DeliveryError(
        slack.code,
        `posting to the ${channel} channel failed: ${slack.message}`,
        slack.retryable,
        {
          cause: slack,
        },
      );
    }
  }
}
