import { getUserId, type HandlerInput } from 'ask-sdk-core';
import { errorClass, log } from '../log.js';
import { type StateQueue, stateQueue } from './state-queue.js';
import type { UserStateStore } from './store.js';
import { deadlineWithin, turnDeadline } from './turn.js';
import type { UserState } from './user-state.js';

export type DeletionOutcome =
  /** Deleted now; `state` is the fresh state on the deletion marker. */
  | { kind: 'deleted'; state: UserState; reminderTokens: string[] }
  /** DynamoDB did not take it; the durable queue has it and retries until it does. */
  | { kind: 'queued' }
  /** Neither DynamoDB nor the queue took it: nothing is deleted, and the caller must say so. */
  | { kind: 'failed' };

/** The deletion's own DynamoDB time, within the turn's: leaves room to queue it when DynamoDB hangs. */
const deleteBudgetMs = 1500;
const queueBudgetMs = 800;

/**
 * Deletes everything kept about the user, and never loses the deletion: what DynamoDB does not take
 * in this turn goes to the durable queue. Only 'failed' means nothing will happen, and is logged as an error.
 */
export async function deleteUserData(
  input: HandlerInput,
  store: UserStateStore,
  reason: 'user asked' | 'skill disabled',
  queue: StateQueue = stateQueue(),
): Promise<DeletionOutcome> {
  const userId = getUserId(input.requestEnvelope);
  const requestId = input.requestEnvelope.request.requestId;
  try {
    const signal = AbortSignal.any([turnDeadline(input), AbortSignal.timeout(deleteBudgetMs)]);
    const { state, reminderTokens } = await store.delete(userId, signal);
    log.info('user data deleted', { reason, requestId });
    return { kind: 'deleted', state, reminderTokens };
  } catch (error) {
    log.warn('user data not deleted', { reason, requestId, errorClass: errorClass(error) });
  }
  try {
    await queue.send({ kind: 'delete', userId }, deadlineWithin(input, queueBudgetMs));
    log.info('user data deletion queued', { reason, requestId });
    return { kind: 'queued' };
  } catch (error) {
    log.error('user data deletion not queued', { reason, requestId, errorClass: errorClass(error) });
    return { kind: 'failed' };
  }
}
