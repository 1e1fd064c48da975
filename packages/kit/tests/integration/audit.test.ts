import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { type AuditRecord, AuditWriter } from '../../src/audit.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';

describe('AuditWriter (against dynalite)', () => {
  let dynamo: LocalDynamo;
  let writer: AuditWriter;
  const table = 'slackops-audit';

  const itemsOf = async (resource: string) =>
    (
      await dynamo.client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: resource } },
        }),
      )
    ).Items ?? [];

  beforeAll(async () => {
    dynamo = await startDynalite();
    await dynamo.createTable(table, { hash: 'pk', range: 'sk' });
    writer = new AuditWriter(dynamo.client, table);
  });

  afterAll(async () => {
    await dynamo.close();
  });

  describe('write()', () => {
    it('stores a record under the resource, sorted by time, request and outcome', async () => {
      // Prepare
      const record: AuditRecord = {
        resource: 'ecs:prod/api',
        actor: 'U111',
        action: 'restart',
        outcome: 'succeeded',
        requestId: 'req-1',
        channelId: 'C222',
        detail: 'deployment ecs-svc/123',
        at: new Date('2026-01-02T03:04:05.000Z'),
      };

      // Act
      await writer.write(record);

      // Assess
      expect(await itemsOf('ecs:prod/api')).toEqual([
        {
          pk: { S: 'ecs:prod/api' },
          sk: { S: '2026-01-02T03:04:05.000Z#req-1#succeeded' },
          actor: { S: 'U111' },
          action: { S: 'restart' },
          outcome: { S: 'succeeded' },
          requestId: { S: 'req-1' },
          at: { S: '2026-01-02T03:04:05.000Z' },
          channelId: { S: 'C222' },
          detail: { S: 'deployment ecs-svc/123' },
        },
      ]);
    });

    it('keeps every outcome of one request as its own record', async () => {
      // Prepare
      const base = {
        resource: 'ecs:prod/web',
        actor: 'U1',
        action: 'scale',
        requestId: 'req-2',
        at: new Date('2026-01-02T00:00:00Z'),
      };

      // Act
      await writer.write({ ...base, outcome: 'requested' });
      await writer.write({ ...base, outcome: 'awaiting-approval' });
      await writer.write({ ...base, outcome: 'approved', actor: 'U2' });

      // Assess
      const items = await itemsOf('ecs:prod/web');
      expect(items.map((item) => item.outcome?.S).sort()).toEqual([
        'approved',
        'awaiting-approval',
        'requested',
      ]);
    });

    it('neither throws nor overwrites when the same record is written twice', async () => {
      // Prepare
      const record: AuditRecord = {
        resource: 'ecs:prod/worker',
        actor: 'U1',
        action: 'rollback',
        outcome: 'failed',
        requestId: 'req-3',
        detail: 'first write',
        at: new Date('2026-01-03T00:00:00Z'),
      };
      await writer.write(record);

      // Act
      const again = writer.write({ ...record, detail: 'second write' });

      // Assess
      await expect(again).resolves.toBeUndefined();
      const items = await itemsOf('ecs:prod/worker');
      expect(items).toHaveLength(1);
      expect(items[0]?.detail).toEqual({ S: 'first write' });
    });

    it('leaves out channelId and detail when they are not given and cuts detail to 1000 characters', async () => {
      // Act
      await writer.write({
        resource: 'r:bare',
        actor: 'U1',
        action: 'a',
        outcome: 'refused',
        requestId: 'q1',
        at: new Date(0),
      });
      await writer.write({
        resource: 'r:long',
        actor: 'U1',
        action: 'a',
        outcome: 'refused',
        requestId: 'q2',
        detail: 'd'.repeat(1500),
      });

      // Assess
      const [bare] = await itemsOf('r:bare');
      const [long] = await itemsOf('r:long');
      expect(bare).not.toHaveProperty('channelId');
      expect(bare).not.toHaveProperty('detail');
      expect(bare?.at).toEqual({ S: '1970-01-01T00:00:00.000Z' });
      expect(long?.detail?.S).toHaveLength(1000);
      expect(Date.parse(long?.at?.S ?? '')).not.toBeNaN();
    });
  });
});
