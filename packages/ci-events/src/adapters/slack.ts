import type { WebClient } from '@slack/web-api';
import { type SlackMessage, toSlackDeliveryError } from '@slackops/kit';
import type { SlackPort } from '../ports.js';

/**
 * Keeps this container's posts to one channel at least `intervalMs` apart: Slack allows about one
 * message per second per channel. Waits are short (at most one interval); a 429 from Slack (another
 * container posted) still fails the message, and SQS retries it later.
 */
export class ChannelPacer {
  private readonly nextSlot = new Map<string, number>();
  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async wait(channel: string): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(channel) ?? 0);
    this.nextSlot.set(channel, slot + this.intervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}

export class SlackAdapter implements SlackPort {
  constructor(
    private readonly client: WebClient,
    private readonly pacer: ChannelPacer = new ChannelPacer(1000),
  ) {}

  async post(channel: string, message: SlackMessage, threadTs?: string): Promise<string> {
    await this.pacer.wait(channel);
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
