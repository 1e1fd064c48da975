import { postToResponseUrl, type SlackMessage } from '@slackops/kit';
import type { SlackPort } from '../ports.js';

/**
 * Delivery through a Slack incoming webhook (the setup ci-events replaces). A webhook can only post:
 * it returns no ts, so there are no threads and no updates — every event is its own message.
 */
export class WebhookSlackAdapter implements SlackPort {
  constructor(private readonly webhookUrl: () => Promise<string>) {}

  async post(_channel: string, message: SlackMessage): Promise<string> {
    // Incoming webhooks answer like response_url: "ok", or an error status (same retry rules).
    await postToResponseUrl(await this.webhookUrl(), {
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
    return 'webhook';
  }

  async update(): Promise<void> {
    // Webhook messages cannot be edited.
  }
}
