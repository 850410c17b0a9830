import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoStateQueueError, parseStateJob, StateQueue } from '../../lambda/src/state/state-queue.js';
import { newUserState } from '../../lambda/src/state/user-state.js';
import { type LocalQueue, startLocalQueue } from '../../tools/local-queue.js';
import { userState } from '../support/builders.js';

/*
 * The state queue's client is the real AWS SDK (@aws-sdk/client-sqs, as bundled), talking to a loopback
 * stand-in that answers in the shapes of the SQS API Reference (JSON protocol): a stored message with
 * its MD5 (which the SDK checks), or an error with its type.
 */

let sqs: LocalQueue;
beforeAll(async () => {
  sqs = await startLocalQueue();
});
afterAll(() => sqs.close());

const now = new Date('2025-06-01T10:00:00Z');

describe('StateQueue against an SQS stand-in', () => {
  it('sends a job SQS stores whole, with an id and the time, that the consumer reads back', async () => {
    const queue = new StateQueue({ queueUrl: sqs.url, now: () => now });
    const state = userState({ disclaimerHeard: true, recentTips: [3] }, now);
    await queue.send({
      kind: 'save',
      userId: 'amzn1.ask.account.Q',
      state,
      base: newUserState(now),
      pending: [],
    });
    await queue.send({ kind: 'delete', userId: 'amzn1.ask.account.Q' });
    const [save, deletion] = sqs
      .sent()
      .slice(-2)
      .map((m) => parseStateJob(m.body, now));
    expect(save).toMatchObject({ kind: 'save', userId: 'amzn1.ask.account.Q', at: now.toISOString() });
    expect(save?.kind === 'save' && save.state.recentTips).toEqual([3]);
    expect(deletion).toMatchObject({ kind: 'delete', userId: 'amzn1.ask.account.Q' });
    expect(save?.id).not.toBe(deletion?.id);
  });

  it('rejects with the error SQS names when the queue does not exist', async () => {
    const queue = new StateQueue({ queueUrl: sqs.url.replace(/[^/]+$/, 'no-such-queue') });
    await expect(queue.send({ kind: 'delete', userId: 'u' })).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
  });

  it('rejects fast when SQS cannot be reached, and when no queue is configured', async () => {
    sqs.setAvailable(false);
    try {
      const started = performance.now();
      await expect(
        new StateQueue({ queueUrl: sqs.url }).send({ kind: 'delete', userId: 'u' }),
      ).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      sqs.setAvailable(true);
    }
    await expect(
      new StateQueue({ queueUrl: '' }).send({ kind: 'delete', userId: 'u' }),
    ).rejects.toBeInstanceOf(NoStateQueueError);
  });

  it('reads no job from a body that is not one', () => {
    for (const body of [
      '',
      'null',
      '{}',
      '{"kind":"save"}',
      '{"kind":"drop","id":"x","userId":"u","at":"t"}',
    ]) {
      expect(parseStateJob(body), body).toBeUndefined();
    }
  });
});
