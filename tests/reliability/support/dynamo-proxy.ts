import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback server between the skill and dynalite that misbehaves on purpose, switchable per test:
 * - 'pass': forwards every request to dynalite;
 * - 'refuse': stops listening, so connections are refused (and open keep-alive sockets are cut);
 * - 'hang': accepts requests and never answers;
 * - 'throttle': answers like DynamoDB under load (HTTP 400, ProvisionedThroughputExceededException);
 * - 'conflict': forwards reads, answers every write with ConditionalCheckFailedException.
 */
export type ProxyMode = 'pass' | 'refuse' | 'hang' | 'throttle' | 'conflict';

export interface Seen {
  operation: string;
  mode: ProxyMode;
  /** The HTTP status the skill got back (undefined while hanging). */
  status?: number;
}

export interface DynamoProxy {
  endpoint: string;
  mode(): ProxyMode;
  setMode(mode: ProxyMode): Promise<void>;
  /** In 'pass' mode, answers the next `count` writes with ConditionalCheckFailedException (a lost race). */
  failNextWrites(count: number): void;
  /** Requests received since the last reset, by operation and by what the proxy did with them. */
  seen(): Seen[];
  resetSeen(): void;
  stop(): Promise<void>;
}

const throttled = {
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
};

const conditionFailed = {
  __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
  message: 'The conditional request failed',
};

const writes = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

function operationOf(request: IncomingMessage): string {
  const target = String(request.headers['x-amz-target'] ?? 'unknown');
  return target.slice(target.lastIndexOf('.') + 1);
}

function answer(response: ServerResponse, entry: Seen, status: number, body: object): void {
  entry.status = status;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': 'proxy',
  });
  response.end(text);
}

export async function startDynamoProxy(target: string, initial: ProxyMode = 'pass'): Promise<DynamoProxy> {
  const upstream = new URL(target);
  let current: ProxyMode = initial;
  let seen: Seen[] = [];
  let writesToFail = 0;
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    const operation = operationOf(request);
    const mode = current;
    const entry: Seen = { operation, mode };
    seen.push(entry);
    if (mode === 'hang' || mode === 'refuse') {
      // 'refuse' can only get here on a socket opened just before the switch: treat it like a hang.
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      request.resume();
      return;
    }
    if (mode === 'throttle') {
      request.resume();
      request.on('end', () => answer(response, entry, 400, throttled));
      return;
    }
    const racing = mode === 'pass' && writesToFail > 0 && writes.has(operation);
    if (racing) writesToFail--;
    if ((mode === 'conflict' || racing) && writes.has(operation)) {
      request.resume();
      request.on('end', () => answer(response, entry, 400, conditionFailed));
      return;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (reply) => {
        entry.status = reply.statusCode;
        response.writeHead(reply.statusCode ?? 500, reply.headers);
        reply.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const response of hanging) response.destroy();
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  await listen(0);
  const { port } = server.address() as AddressInfo;
  if (initial === 'refuse') await close();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    mode: () => current,
    async setMode(mode) {
      const wasRefusing = current === 'refuse';
      current = mode;
      // Whatever hung so far stays unanswered for good: the client has given up on it.
      for (const response of hanging) response.destroy();
      if (mode === 'refuse' && !wasRefusing) await close();
      if (mode !== 'refuse' && wasRefusing) await listen(port);
    },
    failNextWrites: (count) => {
      writesToFail = count;
    },
    seen: () => [...seen],
    resetSeen: () => {
      seen = [];
    },
    stop: close,
  };
}
