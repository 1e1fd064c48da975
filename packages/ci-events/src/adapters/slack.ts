import type { WebClient } from '@slack/web-api';
import { type SlackMessage, toSlackDeliveryError } from '@slackops/kit';
import type { SlackPort } from '../ports.js';

export class SlackAdapter implements SlackPort {
  constructor(private readonly client: WebClient) {}

  async post(channel: string, message: SlackMessage, threadTs?: string): Promise<string> {
    try {
      const out = await this.client.chat.postMessage({
        channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      return out.ts ?? '';
    } catch (error) {
      throw toSlackDeliveryError(error);
    }
  }

  async update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    try {
      await this.client.chat.update({
        channel,
        ts,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
    } catch (error) {
      throw toSlackDeliveryError(error);
    }
  }
}
