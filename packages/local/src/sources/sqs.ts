// SQS → Lambda as the event source mapping does it: batches, partial batch responses
// (ReportBatchItemFailures), receive counts, and a redrive to the DLQ after maxReceiveCount.
import { randomUUID } from 'node:crypto';
import type { SimulatorFactory, WorldContext } from '../aws/world.js';
import { awsError } from '../aws/world.js';
import type { LambdaRunner } from './lambda.js';

export interface QueueMessage {
  messageId: string;
  body: string;
  receiveCount: number;
  attributes?: Record<string, unknown>;
}

export class LocalQueue {
  /** Visible or in flight: not yet deleted nor moved. For a DLQ, the parked messages. */
  readonly waiting: QueueMessage[] = [];
  readonly deleted: QueueMessage[] = [];

  constructor(
    readonly name: string,
    readonly url: string,
    private readonly options: {
      target?: string;
      batchSize: number;
      maxReceiveCount: number;
      deadLetter?: LocalQueue;
    },
  ) {}

  send(body: string, attributes?: Record<string, unknown>): string {
    const messageId = randomUUID();
    this.waiting.push({ messageId, body, receiveCount: 0, ...(attributes ? { attributes } : {}) });
    return messageId;
  }

  /**
   * Delivers until the queue is empty: each round hands batches to the function; failed items
   * return to the queue (visibility timeout) and go to the DLQ after maxReceiveCount receives.
   * `between` runs after each round (a test can advance a clock or lift a fault there).
   */
  async drain(lambda: LambdaRunner, between?: () => void | Promise<void>, maxRounds = 50): Promise<void> {
    if (!this.options.target) throw new Error(`queue ${this.name} has no event source mapping`);
    for (let round = 0; round < maxRounds && this.waiting.length > 0; round++) {
      const inFlight = this.waiting.splice(0, this.waiting.length);
      const batches: QueueMessage[][] = [];
      for (let i = 0; i < inFlight.length; i += this.options.batchSize)
        batches.push(inFlight.slice(i, i + this.options.batchSize));
      for (const batch of batches) {
        for (const message of batch) message.receiveCount += 1;
        const failed = await this.deliver(lambda, batch);
        for (const message of batch) {
          if (!failed.has(message.messageId)) this.deleted.push(message);
          else if (message.receiveCount >= this.options.maxReceiveCount && this.options.deadLetter)
            this.options.deadLetter.waiting.push(message);
          else this.waiting.push(message);
        }
      }
      await between?.();
    }
  }

  private async deliver(lambda: LambdaRunner, batch: QueueMessage[]): Promise<Set<string>> {
    const event = {
      Records: batch.map((m) => ({
        messageId: m.messageId,
        receiptHandle: `rh-${m.messageId}-${m.receiveCount}`,
        body: m.body,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(Date.now()),
          SenderId: 'SANDBOX',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:eu-west-1:123456789012:${this.name}`,
        awsRegion: 'eu-west-1',
      })),
    };
    try {
      const result = (await lambda.invoke(this.options.target!, event)) as
        | { batchItemFailures?: Array<{ itemIdentifier: string }> }
        | undefined;
      return new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      // A thrown error fails the whole batch.
      return new Set(batch.map((m) => m.messageId));
    }
  }
}

const queuesByWorld = new WeakMap<WorldContext, Map<string, LocalQueue>>();

export function queuesOf(context: WorldContext): Map<string, LocalQueue> {
  let queues = queuesByWorld.get(context);
  if (!queues) {
    queues = new Map();
    queuesByWorld.set(context, queues);
  }
  return queues;
}

export function createQueue(
  context: WorldContext,
  name: string,
  options: { target?: string; batchSize?: number; maxReceiveCount?: number; deadLetter?: LocalQueue } = {},
): LocalQueue {
  const url = `https://sqs.${context.region}.amazonaws.com/${context.accountId}/${name}`;
  const queue = new LocalQueue(name, url, {
    batchSize: options.batchSize ?? 10,
    maxReceiveCount: options.maxReceiveCount ?? 5,
    ...(options.target ? { target: options.target } : {}),
    ...(options.deadLetter ? { deadLetter: options.deadLetter } : {}),
  });
  queuesOf(context).set(url, queue);
  return queue;
}

/** SQS SendMessage through the SDK, into the sandbox's queues. */
export const sqsSimulator: SimulatorFactory = (_world, context) => ({
  serviceId: 'SQS',
  operations: {
    SendMessage: (input) => {
      const queue = queuesOf(context).get(String(input.QueueUrl ?? ''));
      if (!queue)
        throw awsError('QueueDoesNotExist', `The specified queue does not exist: ${String(input.QueueUrl)}`);
      if (typeof input.MessageBody !== 'string' || input.MessageBody.length === 0)
        throw awsError('InvalidParameterValue', 'MessageBody is empty');
      if (Buffer.byteLength(input.MessageBody) > 1024 * 1024)
        throw awsError('InvalidParameterValue', 'MessageBody is larger than 1 MiB');
      const messageId = queue.send(
        input.MessageBody,
        input.MessageAttributes as Record<string, unknown> | undefined,
      );
      return { MessageId: messageId };
    },
  },
});
