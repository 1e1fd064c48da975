import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { changeSchema } from '../domain/tasks.js';
import type { Announcement, Approval, StatePort } from '../ports.js';

const APPROVAL_TTL_SECONDS = 24 * 60 * 60;
const ANNOUNCEMENT_TTL_SECONDS = 7 * 24 * 60 * 60;

const approvalItem = z.object({
  id: z.string(),
  change: changeSchema,
  channelId: z.string(),
  messageTs: z.string(),
  requestedAt: z.string(),
});
const announcementItem = z.object({
  deploymentId: z.string(),
  channelId: z.string(),
  messageTs: z.string(),
  change: changeSchema,
  approver: z.string().optional(),
  requestId: z.string(),
  startedAt: z.string(),
});

/** Approvals and deployment announcements in the state table (hash `pk`, TTL `expiresAt`). */
export class DynamoStateStore implements StatePort {
  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly table: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async putApproval(approval: Approval): Promise<void> {
    await this.dynamo.send(
      new PutItemCommand({
        TableName: this.table,
        Item: {
          pk: { S: `approval#${approval.id}` },
          status: { S: 'pending' },
          body: { S: JSON.stringify(approval) },
          expiresAt: { N: String(this.nowSeconds() + APPROVAL_TTL_SECONDS) },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getApproval(id: string): Promise<Approval | undefined> {
    const out = await this.dynamo.send(
      new GetItemCommand({
        TableName: this.table,
        Key: { pk: { S: `approval#${id}` } },
        ConsistentRead: true,
      }),
    );
    const body = out.Item?.body?.S;
    return body ? approvalItem.parse(JSON.parse(body)) : undefined;
  }

  /**
   * The conditional update is what makes an approval count once: two approvers clicking at the same
   * time, or a retried invocation, find the status already decided and get nothing back.
   */
  async decide(id: string, decision: 'approved' | 'rejected', by: string): Promise<Approval | undefined> {
    try {
      const out = await this.dynamo.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: { pk: { S: `approval#${id}` } },
          UpdateExpression: 'SET #status = :decision, decidedBy = :by',
          ConditionExpression: '#status = :pending AND expiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':decision': { S: decision },
            ':by': { S: by },
            ':pending': { S: 'pending' },
            ':now': { N: String(this.nowSeconds()) },
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const body = out.Attributes?.body?.S;
      return body ? approvalItem.parse(JSON.parse(body)) : undefined;
    } catch (error) {
      if (
        error instanceof ConditionalCheckFailedException ||
        (error as Error).name === 'ConditionalCheckFailedException'
      )
        return undefined;
      throw error;
    }
  }

  async putAnnouncement(announcement: Announcement): Promise<void> {
    await this.dynamo.send(
      new PutItemCommand({
        TableName: this.table,
        Item: {
          pk: { S: `deployment#${announcement.deploymentId}` },
          body: { S: JSON.stringify(announcement) },
          expiresAt: { N: String(this.nowSeconds() + ANNOUNCEMENT_TTL_SECONDS) },
        },
      }),
    );
  }

  async getAnnouncement(deploymentId: string): Promise<Announcement | undefined> {
    const out = await this.dynamo.send(
      new GetItemCommand({
        TableName: this.table,
        Key: { pk: { S: `deployment#${deploymentId}` } },
        ConsistentRead: true,
      }),
    );
    const body = out.Item?.body?.S;
    if (!body) return undefined;
    const parsed = announcementItem.parse(JSON.parse(body));
    const result: Announcement = { ...parsed, change: parsed.change };
    if (parsed.approver === undefined) delete result.approver;
    return result;
  }
}
