import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  PutItemCommand,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { AuditWriter } from '../../src/audit.js';
import { KitError } from '../../src/errors.js';

const record = {
  resource: 'ecs:prod/api',
  actor: 'U1',
  action: 'restart',
  outcome: 'requested' as const,
  requestId: 'req-1',
  at: new Date('2026-01-01T00:00:00Z'),
};

describe('AuditWriter', () => {
  const dynamoMock = mockClient(DynamoDBClient);

  beforeEach(() => {
    dynamoMock.reset();
  });

  afterAll(() => {
    dynamoMock.restore();
  });

  describe('write()', () => {
    it('sends a conditional PutItem that never overwrites', async () => {
      // Prepare
      dynamoMock.on(PutItemCommand).resolves({});
      const writer = new AuditWriter(new DynamoDBClient({ region: 'eu-west-1' }), 'audit');

      // Act
      await writer.write(record);

      // Assess
      const calls = dynamoMock.commandCalls(PutItemCommand);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.args[0].input).toMatchObject({
        TableName: 'audit',
        ConditionExpression: 'attribute_not_exists(sk)',
        Item: { pk: { S: 'ecs:prod/api' }, sk: { S: '2026-01-01T00:00:00.000Z#req-1#requested' } },
      });
    });

    it('resolves when the record is already there (ConditionalCheckFailedException)', async () => {
      // Prepare
      dynamoMock
        .on(PutItemCommand)
        .rejects(
          new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }),
        );
      const writer = new AuditWriter(new DynamoDBClient({ region: 'eu-west-1' }), 'audit');

      // Act
      const writing = writer.write(record);

      // Assess
      await expect(writing).resolves.toBeUndefined();
    });

    it.each([
      ['throttling', new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} })],
      ['any other error', new Error('AccessDeniedException')],
    ])(
      'throws KitError audit_write_failed naming the resource and keeping the cause when DynamoDB fails with %s',
      async (_label, cause) => {
        // Prepare
        dynamoMock.on(PutItemCommand).rejects(cause);
        const writer = new AuditWriter(new DynamoDBClient({ region: 'eu-west-1' }), 'audit');

        // Act
        const error = await writer.write(record).then(
          () => {
            throw new Error('expected write to fail');
          },
          (e: unknown) => e,
        );

        // Assess
        expect(error).toBeInstanceOf(KitError);
        expect(error).toMatchObject({
          code: 'audit_write_failed',
          message: 'could not write the audit record for ecs:prod/api',
        });
        expect((error as KitError).cause).toBe(cause);
      },
    );
  });
});
