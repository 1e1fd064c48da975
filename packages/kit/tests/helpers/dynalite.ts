// A real DynamoDB implementation (dynalite, in memory) on 127.0.0.1, with a client pointed at it.
import type { AddressInfo } from 'node:net';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DynamoDBClient,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

export const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
export const REGION = 'eu-west-1';

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  createTable(name: string, keys: { hash: string; range?: string }): Promise<void>;
  close(): Promise<void>;
}

export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: REGION,
    credentials: FAKE_CREDENTIALS,
    maxAttempts: 1,
  });
  return {
    endpoint,
    client,
    async createTable(name, keys) {
      const KeySchema: KeySchemaElement[] = [{ AttributeName: keys.hash, KeyType: 'HASH' }];
      const AttributeDefinitions: AttributeDefinition[] = [{ AttributeName: keys.hash, AttributeType: 'S' }];
      if (keys.range) {
        KeySchema.push({ AttributeName: keys.range, KeyType: 'RANGE' });
        AttributeDefinitions.push({ AttributeName: keys.range, AttributeType: 'S' });
      }
      await client.send(
        new CreateTableCommand({
          TableName: name,
          KeySchema,
          AttributeDefinitions,
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    },
    async close() {
      client.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error?: Error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
