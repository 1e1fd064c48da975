// Append-only audit trail on DynamoDB: every request (allowed or refused), approval and outcome.
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { KitError } from './errors.js';

export type AuditOutcome =
  | 'requested'
  | 'refused'
  | 'awaiting-approval'
  | 'approved'
  | 'rejected'
  | 'succeeded'
  | 'failed';

export interface AuditRecord {
  /** What was acted on, e.g. `ecs:prod/api`. The partition key: "what happened to X" is one Query. */
  resource: string;
  /** Slack user id of whoever did it. */
  actor: string;
  /** e.g. `restart`, `scale`, `approve`. */
  action: string;
  outcome: AuditOutcome;
  /** The gateway's request id, shared by every record of one request. */
  requestId: string;
  /** Where it was asked: Slack channel id. */
  channelId?: string;
  /** Short free text: reason, error id, deployment id. Never a secret. */
  detail?: string;
  at?: Date;
}

export class AuditWriter {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  /**
   * Adds one record. The sort key makes each (time, request, outcome) unique and the write is
   * conditional, so a record is never overwritten: the table only grows.
   */
  async write(record: AuditRecord): Promise<void> {
    const at = (record.at ?? new Date()).toISOString();
    const item: Record<string, { S: string }> = {
      pk: { S: record.resource },
      sk: { S: `${at}#${record.requestId}#${record.outcome}` },
      actor: { S: record.actor },
      action: { S: record.action },
      outcome: { S: record.outcome },
      requestId: { S: record.requestId },
      at: { S: at },
    };
    if (record.channelId) item.channelId = { S: record.channelId };
    if (record.detail) item.detail = { S: record.detail.slice(0, 1000) };
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    } catch (error) {
      // The same record written twice (a retried invocation): it is already there, which is what we want.
      if (error instanceof ConditionalCheckFailedException) return;
      throw new KitError('audit_write_failed', `could not write the audit record for ${record.resource}`, {
        cause: error,
      });
    }
  }
}
