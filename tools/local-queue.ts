import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * A loopback stand-in for the state queue: an SQS queue with a dead-letter queue, speaking the SQS JSON
 * protocol as the AWS SDK sends it (POST /, X-Amz-Target: AmazonSQS.SendMessage, awsJson1_0), and
 * delivering to a consumer the way Lambda's SQS event source does (batches of SQSEvent records; the
 * ids in `batchItemFailures` come back later, and move to the dead-letter queue after `maxReceiveCount`).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
export type QueueConsumer = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

interface QueuedMessage {
  messageId: string;
  body: string;
  sentAt: number;
  receiveCount: number;
}

export interface LocalQueue {
  /** The QueueUrl to give the skill (env STATE_QUEUE_URL). */
  url: string;
  /** Every message ever sent, in order. */
  sent(): QueuedMessage[];
  /** Messages waiting to be delivered (again). */
  waiting(): QueuedMessage[];
  deadLetters(): QueuedMessage[];
  /** While false, SendMessage is refused (connections are cut, as when SQS cannot be reached). */
  setAvailable(available: boolean): void;
  /** Delivers every waiting message once, in batches of up to 10; returns how many failed. */
  deliver(consumer: QueueConsumer): Promise<{ delivered: number; failed: number }>;
  /** Delivers a message once more, as SQS may (it delivers at least once), though it was done already. */
  redeliver(message: QueuedMessage, consumer: QueueConsumer): Promise<SQSBatchResponse | undefined>;
  /** Delivers until nothing waits, or `rounds` deliveries have failed to empty it. */
  drain(consumer: QueueConsumer, rounds?: number): Promise<void>;
  /** Delivers in the background every `everyMs` (the simulator and the load test). */
  poll(consumer: QueueConsumer, everyMs?: number): () => Promise<void>;
  close(): Promise<void>;
}

export interface LocalQueueOptions {
  /** Deliveries before a message moves to the dead-letter queue. @default 5 */
  maxReceiveCount?: number;
}

const queueName = 'rug-coach-state';
const account = '000000000000';

function sqsError(
  response: ServerResponse,
  status: number,
  code: string,
  queryCode: string,
  message: string,
) {
  const text = JSON.stringify({ __type: `com.amazonaws.sqs#${code}`, message });
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'x-amzn-query-error': `${queryCode};Sender`,
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startLocalQueue({ maxReceiveCount = 5 }: LocalQueueOptions = {}): Promise<LocalQueue> {
  const all: QueuedMessage[] = [];
  let waiting: QueuedMessage[] = [];
  const dead: QueuedMessage[] = [];
  let available = true;
  const sockets = new Set<Socket>();

  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (!available) {
      request.socket.destroy();
      return;
    }
    const target = String(request.headers['x-amz-target'] ?? '');
    let input: { QueueUrl?: unknown; MessageBody?: unknown };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return sqsError(response, 400, 'InvalidParameterValue', 'InvalidParameterValue', 'Body is not JSON');
    }
    if (target !== 'AmazonSQS.SendMessage') {
      return sqsError(
        response,
        400,
        'UnsupportedOperation',
        'AWS.SimpleQueueService.UnsupportedOperation',
        target,
      );
    }
    if (typeof input.QueueUrl !== 'string' || !input.QueueUrl.endsWith(`/${account}/${queueName}`)) {
      return sqsError(
        response,
        400,
        'QueueDoesNotExist',
        'AWS.SimpleQueueService.NonExistentQueue',
        'The specified queue does not exist.',
      );
    }
    if (typeof input.MessageBody !== 'string' || input.MessageBody.length === 0) {
      return sqsError(response, 400, 'MissingParameter', 'MissingParameter', 'MessageBody is required');
    }
    const message: QueuedMessage = {
      messageId: randomUUID(),
      body: input.MessageBody,
      sentAt: Date.now(),
      receiveCount: 0,
    };
    all.push(message);
    waiting.push(message);
    const text = JSON.stringify({
      MessageId: message.messageId,
      MD5OfMessageBody: createHash('md5').update(message.body, 'utf8').digest('hex'),
    });
    response.writeHead(200, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': randomUUID(),
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/${account}/${queueName}`;

  const record = (message: QueuedMessage): SQSRecord => ({
    messageId: message.messageId,
    receiptHandle: `${message.messageId}#${message.receiveCount}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: account,
      ApproximateFirstReceiveTimestamp: String(message.sentAt),
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(message.body, 'utf8').digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:eu-west-1:${account}:${queueName}`,
    awsRegion: 'eu-west-1',
  });

  const deliver = async (consumer: QueueConsumer) => {
    const batch = waiting;
    waiting = [];
    let failed = 0;
    for (let i = 0; i < batch.length; i += 10) {
      const messages = batch.slice(i, i + 10);
      for (const message of messages) message.receiveCount++;
      let failures: Set<string>;
      try {
        const result = await consumer({ Records: messages.map(record) });
        failures = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch {
        // The function failed as a whole: the whole batch comes back.
        failures = new Set(messages.map((m) => m.messageId));
      }
      for (const message of messages) {
        if (!failures.has(message.messageId)) continue;
        failed++;
        if (message.receiveCount >= maxReceiveCount) dead.push(message);
        else waiting.push(message);
      }
    }
    return { delivered: batch.length, failed };
  };

  return {
    url,
    sent: () => [...all],
    waiting: () => [...waiting],
    deadLetters: () => [...dead],
    setAvailable: (value) => {
      available = value;
      if (!value) for (const socket of sockets) socket.destroy();
    },
    deliver,
    redeliver: (message, consumer) => {
      message.receiveCount++;
      return consumer({ Records: [record(message)] });
    },
    async drain(consumer, rounds = maxReceiveCount) {
      for (let round = 0; round < rounds && waiting.length > 0; round++) await deliver(consumer);
    },
    poll(consumer, everyMs = 200) {
      let running: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        running = running.then(() => (waiting.length > 0 ? deliver(consumer) : undefined));
      }, everyMs);
      return async () => {
        clearInterval(timer);
        await running;
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
