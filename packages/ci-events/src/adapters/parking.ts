import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ParkingPort } from '../ports.js';

/** Puts a body that can never be processed into the dead-letter queue, with the reason beside it. */
export class DlqParking implements ParkingPort {
  constructor(
    private readonly sqs: SQSClient,
    private readonly dlqUrl: string,
  ) {}

  async park(body: string, reason: string, messageId: string): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.dlqUrl,
        // SQS takes at most 256 KiB per message: an oversize body is cut, its reason says so.
        MessageBody: body.length > 200_000 ? body.slice(0, 200_000) : body || '(empty body)',
        MessageAttributes: {
          reason: { DataType: 'String', StringValue: reason },
          originalMessageId: { DataType: 'String', StringValue: messageId },
        },
      }),
    );
  }
}
