import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import type { ThreadState } from '../domain/thread.js';
import type { Claim, StatePort } from '../ports.js';

const DONE_TTL_SECONDS = 14 * 24 * 60 * 60;
const THREAD_TTL_SECONDS = 90 * 24 * 60 * 60;
const threadSchema = z.object({
  channel: z.string(),
  ts: z.string(),
  failures: z.number(),
  since: z.string(),
  lastRunUrl: z.string().optional(),
  open: z.boolean(),
  version: z.number(),
});

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException ||
  (error as Error).name === 'ConditionalCheckFailedException';

export class DynamoState implements StatePort {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async claim(eventKey: string, leaseSeconds: number): Promise<Claim> {
    const now = this.nowSeconds();
    try {
      const out = await this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: { pk: { S: eventKey } },
          UpdateExpression: 'SET #state = :claimed, leaseUntil = :lease, expiresAt = :expires',
          // New, or claimed by a delivery whose lease ran out (it crashed or timed out).
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':claimed': { S: 'claimed' },
            ':lease': { N: String(now + leaseSeconds) },
            ':now': { N: String(now) },
            ':expires': { N: String(now + DONE_TTL_SECONDS) },
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const postedTs = out.Attributes?.postedTs?.S;
      return postedTs ? { outcome: 'claimed', postedTs } : { outcome: 'claimed' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.dynamo.send(
        new GetItemCommand({ TableName: this.table, Key: { pk: { S: eventKey } }, ConsistentRead: true }),
      );
      return current.Item?.state?.S === 'done' ? { outcome: 'done' } : { outcome: 'busy' };
    }
  }

  async notePosted(eventKey: string, ts: string): Promise<void> {
    await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { pk: { S: eventKey } },
        UpdateExpression: 'SET postedTs = :ts',
        ExpressionAttributeValues: { ':ts': { S: ts } },
      }),
    );
  }

  async complete(eventKey: string): Promise<void> {
    await this.dynamo.send(
      new UpdateItemCommand({
        TableName: this.table,
        Key: { pk: { S: eventKey } },
        UpdateExpression: 'SET #state = :done',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': { S: 'done' } },
      }),
    );
  }

  async release(eventKey: string): Promise<void> {
    await this.dynamo
      .send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: { pk: { S: eventKey } },
          UpdateExpression: 'SET leaseUntil = :zero',
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':zero': { N: '0' }, ':claimed': { S: 'claimed' } },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  async getThread(threadKey: string): Promise<ThreadState | undefined> {
    const out = await this.dynamo.send(
      new GetItemCommand({ TableName: this.table, Key: { pk: { S: threadKey } }, ConsistentRead: true }),
    );
    const body = out.Item?.body?.S;
    return body ? threadSchema.parse(JSON.parse(body)) : undefined;
  }

  async putThread(
    threadKey: string,
    thread: ThreadState,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    try {
      await this.dynamo.send(
        new PutItemCommand({
          TableName: this.table,
          Item: {
            pk: { S: threadKey },
            version: { N: String(thread.version) },
            body: { S: JSON.stringify(thread) },
            expiresAt: { N: String(this.nowSeconds() + THREAD_TTL_SECONDS) },
          },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': { N: String(expectedVersion) } },
              }),
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
