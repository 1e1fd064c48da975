/// <reference path="../types/dynalite.d.ts" />
// DynamoDB for the sandbox is dynalite: a real DynamoDB implementation, in memory, on 127.0.0.1.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

/** The same keys Terraform gives the table: hash `pk`, optional range `sk`, TTL on `expiresAt`. */
export interface TableSpec {
  /** Name without the prefix, e.g. `audit`. */
  name: string;
  rangeKey?: boolean;
  ttl?: boolean;
}

export class LocalDynamo {
  private server: Server | undefined;
  endpoint = '';

  async start(): Promise<this> {
    this.server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }) as Server;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  client(): DynamoDBClient {
    return new DynamoDBClient({
      endpoint: this.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
  }

  async createTable(fullName: string, spec: TableSpec): Promise<void> {
    const client = this.client();
    const keys = [{ AttributeName: 'pk', KeyType: 'HASH' as const }];
    const attributes = [{ AttributeName: 'pk', AttributeType: 'S' as const }];
    if (spec.rangeKey) {
      keys.push({ AttributeName: 'sk', KeyType: 'RANGE' as never });
      attributes.push({ AttributeName: 'sk', AttributeType: 'S' });
    }
    await client.send(
      new CreateTableCommand({
        TableName: fullName,
        KeySchema: keys,
        AttributeDefinitions: attributes,
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    if (spec.ttl) {
      await client
        .send(
          new UpdateTimeToLiveCommand({
            TableName: fullName,
            TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
          }),
        )
        .catch(() => undefined);
    }
    client.destroy();
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}
