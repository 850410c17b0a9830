import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable } from '../../lambda/src/state/create-table.js';
import { createDynamoClient } from '../../lambda/src/state/dynamo-client.js';
import { userTable } from '../../lambda/src/state/table-schema.js';

// dynalite is CommonJS without type declarations: this is the part of its API used here.
type Dynalite = (options: {
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;
const dynalite = createRequire(import.meta.url)('dynalite') as Dynalite;

export interface BenchDynalite {
  endpoint: string;
  tableName: string;
  /** A client configured like the Lambda's (the same function builds it). */
  client: DynamoDBClient;
  /** Requests counted at the server since the last reset, by operation ('GetItem', 'PutItem', …). */
  calls(): Record<string, number>;
  totalCalls(): number;
  resetCalls(): void;
  stop(): Promise<void>;
}

/** An in-memory DynamoDB API on 127.0.0.1 that counts the requests it receives, with the user table. */
export async function startDynalite(tableName: string = userTable.localName): Promise<BenchDynalite> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  let counts: Record<string, number> = {};
  server.prependListener('request', (request) => {
    // "DynamoDB_20120810.GetItem" → "GetItem"
    const target = String(request.headers['x-amz-target'] ?? 'unknown');
    const operation = target.slice(target.lastIndexOf('.') + 1);
    counts[operation] = (counts[operation] ?? 0) + 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createDynamoClient({ DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'eu-west-1' });
  await createTable(client, tableName);
  counts = {};
  return {
    endpoint,
    tableName,
    client,
    calls: () => ({ ...counts }),
    totalCalls: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    resetCalls: () => {
      counts = {};
    },
    stop: async () => {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}
