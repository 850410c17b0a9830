import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../lambda/src/state/dynamo-client.js';
import { userTable } from '../lambda/src/state/table-schema.js';
import { createTable } from './create-table.js';

// dynalite is CommonJS without type declarations: this is the part of its API used here.
type Dynalite = (options: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;
const dynalite = createRequire(import.meta.url)('dynalite') as Dynalite;

export interface RunningDynalite {
  endpoint: string;
  tableName: string;
  /** A client for this server, configured like the Lambda's. */
  client: DynamoDBClient;
  /** Requests received since start (or the last reset), by operation ('GetItem', 'PutItem', …). */
  calls(): Record<string, number>;
  /** Number of requests received since start (or the last reset). */
  totalCalls(): number;
  /** The bodies of the requests received since start (or the last reset), with their operation. */
  requests(): Array<{ operation: string; body: Record<string, unknown> }>;
  resetCalls(): void;
  stop(): Promise<void>;
}

export interface LocalDynamoOptions {
  /** A folder to keep the data in (LevelDB); in memory when not given. */
  path?: string;
  tableName?: string;
}

/**
 * A real DynamoDB API (dynalite) on 127.0.0.1, in this process, with the user table created from the
 * shared key schema. It counts the requests it receives, so callers can check calls per turn.
 * Used by the simulator (data in .data/), the tests, the benchmark and the load test.
 */
export async function startLocalDynamo({
  path,
  tableName = userTable.localName,
}: LocalDynamoOptions = {}): Promise<RunningDynalite> {
  // Lambda runs Node 22 or newer; the SDK's notice about this laptop's Node 20 is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const server = dynalite({
    ...(path ? { path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  let counts: Record<string, number> = {};
  let received: Array<{ operation: string; body: Record<string, unknown> }> = [];
  server.prependListener('request', (request) => {
    // The operation is the part after the dot: "DynamoDB_20120810.GetItem".
    const target = String(request.headers['x-amz-target'] ?? 'unknown');
    const operation = target.slice(target.lastIndexOf('.') + 1);
    counts[operation] = (counts[operation] ?? 0) + 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        received.push({ operation, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        received.push({ operation, body: {} });
      }
    });
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
  received = [];

  return {
    endpoint,
    tableName,
    client,
    calls: () => ({ ...counts }),
    totalCalls: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    requests: () => [...received],
    resetCalls: () => {
      counts = {};
      received = [];
    },
    stop: async () => {
      client.destroy();
      // Keep-alive sockets would hold close() open.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
