import { randomBytes } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { boundedHttpHandler } from './http-handler.js';
import type { Attempt } from './store.js';
import { parseUserState, type UserState } from './user-state.js';

/**
 * The durable queue for what DynamoDB did not take during a turn: a deletion ("wis mijn gegevens",
 * a disabled skill) and a session's last save. An SQS queue in AWS (built in infra/constructs/state-queue.ts),
 * with a dead-letter queue and the `stateJobs` consumer that retries until DynamoDB takes the job.
 */
export type StateJob =
  | { kind: 'delete'; id: string; userId: string; at: string }
  | {
      kind: 'save';
      /** Also the write id of the job's save: a redelivered job recognises its own landed write. */
      id: string;
      userId: string;
      at: string;
      state: UserState;
      base: UserState;
      pending: Attempt[];
      device?: string;
    };

export type NewStateJob =
  | Omit<Extract<StateJob, { kind: 'delete' }>, 'id' | 'at'>
  | Omit<Extract<StateJob, { kind: 'save' }>, 'id' | 'at'>;

/** No queue is configured (STATE_QUEUE_URL): nothing can be kept for later. */
export class NoStateQueueError extends Error {
  override name = 'NoStateQueueError';
  constructor() {
    super('STATE_QUEUE_URL is not set');
  }
}

export interface StateQueueOptions {
  /** Defaults to env STATE_QUEUE_URL. */
  queueUrl?: string;
  client?: SQSClient;
  now?: () => Date;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The SQS client, tuned like the DynamoDB one for Alexa's answer window: half a second to connect,
 * 0.7 s to answer, two attempts, and the turn's own deadline on top. The queue URL's host is the
 * endpoint (a loopback stand-in on a laptop, which needs no real credentials).
 */
function createQueueClient(queueUrl: string, region = process.env.AWS_REGION || 'eu-west-1'): SQSClient {
  const url = new URL(queueUrl);
  return new SQSClient({
    region,
    endpoint: url.origin,
    maxAttempts: 2,
    requestHandler: boundedHttpHandler({ connectionTimeout: 500, requestTimeout: 700 }),
    ...(loopback.has(url.hostname)
      ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

export class StateQueue {
  private clientInstance: SQSClient | undefined;
  private readonly queueUrl: string | undefined;
  private readonly now: () => Date;

  constructor(options: StateQueueOptions = {}) {
    this.queueUrl = options.queueUrl ?? (process.env.STATE_QUEUE_URL || undefined);
    this.clientInstance = options.client;
    this.now = options.now ?? (() => new Date());
  }

  /** Keeps `job` for the consumer; resolves once SQS has stored it. */
  async send(job: NewStateJob, signal?: AbortSignal): Promise<void> {
    if (!this.queueUrl) throw new NoStateQueueError();
    this.clientInstance ??= createQueueClient(this.queueUrl);
    const whole = { ...job, id: randomBytes(8).toString('base64url'), at: this.now().toISOString() };
    await this.clientInstance.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(whole) }),
      { abortSignal: signal },
    );
  }
}

/** A queued job read back; undefined for a body that is not one (it cannot succeed by retrying). */
export function parseStateJob(body: string, now: Date = new Date()): StateJob | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const job = value as Record<string, unknown>;
  const { kind, id, userId, at } = job;
  if (typeof id !== 'string' || typeof userId !== 'string' || userId === '' || typeof at !== 'string')
    return undefined;
  if (kind === 'delete') return { kind, id, userId, at };
  if (kind !== 'save') return undefined;
  const pending = Array.isArray(job.pending) ? job.pending : [];
  return {
    kind,
    id,
    userId,
    at,
    state: parseUserState(job.state, now),
    base: parseUserState(job.base, now),
    pending: pending.flatMap((p: unknown) => {
      const attempt = p as Partial<Attempt> | null;
      return typeof attempt?.id === 'string'
        ? [{ id: attempt.id, state: parseUserState(attempt.state, now) }]
        : [];
    }),
    ...(typeof job.device === 'string' ? { device: job.device } : {}),
  };
}

let defaultQueue: StateQueue | undefined;

/** The queue for the Lambda, made on first use. */
export function stateQueue(): StateQueue {
  defaultQueue ??= new StateQueue();
  return defaultQueue;
}
