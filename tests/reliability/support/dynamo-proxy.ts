import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback server between the skill and dynalite that misbehaves on purpose, switchable per test:
 * - 'pass': forwards every request to dynalite;
 * - 'refuse': stops listening, so connections are refused (and open keep-alive sockets are cut);
 * - 'hang': accepts requests and never answers;
 * - 'throttle': answers like DynamoDB under load (HTTP 400, ProvisionedThroughputExceededException);
 * - 'conflict': forwards reads, answers every write with ConditionalCheckFailedException;
 * - 'error500': answers like DynamoDB with an internal error (HTTP 500, InternalServerError);
 * - 'slow': forwards every request, and passes the answer on only after `slowMs`.
 * And in 'pass' mode, switched per write: a write that reaches dynalite (it lands) but whose answer is
 * lost (the connection is reset, or never answered) or comes late.
 */
export type ProxyMode = 'pass' | 'refuse' | 'hang' | 'throttle' | 'conflict' | 'error500' | 'slow';

/** What happens to the answer of a write that landed. */
type LostAnswer = 'reset' | 'hang' | { delayMs: number };

interface Seen {
  operation: string;
  mode: ProxyMode;
  /** The HTTP status the skill got back (undefined while hanging). */
  status?: number;
  /** The request landed at dynalite, but its answer was lost or delayed on purpose. */
  lost?: boolean;
}

export interface DynamoProxy {
  endpoint: string;
  mode(): ProxyMode;
  setMode(mode: ProxyMode): Promise<void>;
  /** In 'pass' mode, answers the next `count` writes with ConditionalCheckFailedException (a lost race). */
  failNextWrites(count: number): void;
  /** In 'pass' mode, lets the next `count` writes land at dynalite and then loses (or delays) their answer. */
  loseAnswers(count: number, how: LostAnswer): void;
  /** How long 'slow' mode holds each answer. @default 1600 */
  setSlowness(ms: number): void;
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

const internalError = {
  __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
  message: 'Internal server error',
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
  let answersToLose = 0;
  let lostAnswer: LostAnswer = 'reset';
  let slowMs = 1600;
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
    if (mode === 'throttle' || mode === 'error500') {
      request.resume();
      request.on('end', () =>
        mode === 'throttle'
          ? answer(response, entry, 400, throttled)
          : answer(response, entry, 500, internalError),
      );
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
        const losing = mode === 'pass' && answersToLose > 0 && writes.has(operation);
        if (losing) answersToLose--;
        const how = losing ? lostAnswer : mode === 'slow' ? { delayMs: slowMs } : undefined;
        if (how === undefined) {
          response.writeHead(reply.statusCode ?? 500, reply.headers);
          reply.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => chunks.push(chunk));
        reply.on('end', () => {
          if (losing) entry.lost = true;
          if (how === 'reset') {
            response.socket?.destroy();
          } else if (how === 'hang') {
            hanging.add(response);
            response.on('close', () => hanging.delete(response));
          } else {
            setTimeout(() => {
              if (response.destroyed) return;
              response.writeHead(reply.statusCode ?? 500, reply.headers);
              response.end(Buffer.concat(chunks));
            }, how.delayMs);
          }
        });
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
    loseAnswers: (count, how) => {
      answersToLose = count;
      lostAnswer = how;
    },
    setSlowness: (ms) => {
      slowMs = ms;
    },
    seen: () => [...seen],
    resetSeen: () => {
      seen = [];
    },
    stop: close,
  };
}
