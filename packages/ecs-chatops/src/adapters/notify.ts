import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { NotifyPort } from '../ports.js';

/** Email to `notification_emails` through the feature's SNS topic. */
export class SnsNotifier implements NotifyPort {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string | undefined,
  ) {}

  async email(subject: string, body: string): Promise<void> {
    if (!this.topicArn) return;
    await this.sns.send(
      new PublishCommand({ TopicArn: this.topicArn, Subject: subject.slice(0, 99), Message: body }),
    );
  }
}
