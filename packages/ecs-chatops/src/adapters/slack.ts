import type { WebClient } from '@slack/web-api';
import { postToResponseUrl, type SlackMessage, toSlackDeliveryError } from '@slackops/kit';
import type { SlackPort } from '../ports.js';

export class SlackAdapter implements SlackPort {
  constructor(private readonly client: WebClient) {}

  respond(responseUrl: string, message: SlackMessage): Promise<void> {
    return postToResponseUrl(responseUrl, message);
  }

  async post(channel: string, message: SlackMessage): Promise<string> {
    try {
      const out = await this.client.chat.postMessage({
        channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
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

  async upload(channel: string, filename: string, content: string, comment: string): Promise<void> {
    try {
      await this.client.filesUploadV2({ channel_id: channel, filename, content, initial_comment: comment });
    } catch (error) {
      throw toSlackDeliveryError(error);
    }
  }

  async groupMembers(groupId: string): Promise<string[]> {
    try {
      const out = await this.client.usergroups.users.list({ usergroup: groupId });
      return out.users ?? [];
    } catch (error) {
      throw toSlackDeliveryError(error);
    }
  }
}
