import { createHash } from 'node:crypto';
import {
  getDeviceId,
  getRequestType,
  getUserId,
  type HandlerInput,
  type RequestInterceptor,
  type ResponseInterceptor,
} from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { errorClass, log } from '../log.js';
import { sameJson } from './merge.js';
import {
  isDirty,
  putStateInSession,
  type SessionState,
  stateFromSession,
  storedAsFarAsKnown,
} from './session-cache.js';
import { type StateQueue, stateQueue } from './state-queue.js';
import type { UserStateStore } from './store.js';
import { deadlineWithin, startTurn, turnDeadline } from './turn.js';
import { newUserState, type UserState } from './user-state.js';

/**
 * Loading and saving the user's state around every request: read once per session, carried in the
 * session attributes, written once at the end of a turn and only when it changed. What DynamoDB does not
 * take when a session ends goes to the durable queue, which writes it later.
 */
export interface PersistenceOptions {
  store: UserStateStore;
  /** @default the Lambda's queue (env STATE_QUEUE_URL) */
  queue?: StateQueue;
  now: () => Date;
}

/** Sending to the queue gets at most this long, within what is left of the turn. */
const queueBudgetMs = 800;

function hasSession(input: HandlerInput): boolean {
  return input.requestEnvelope.session !== undefined;
}

function requestIdOf(input: HandlerInput): string {
  return input.requestEnvelope.request.requestId;
}

/**
 * The device's own key for its place: a one-way hash of user and device, so the stored item holds no
 * device id, and the same device has another key for another user.
 */
function deviceKey(userId: string, deviceId: string | undefined): string {
  return createHash('sha256')
    .update(`${userId}\n${deviceId ?? 'no device'}`)
    .digest('base64url')
    .slice(0, 12);
}

function deviceOf(input: HandlerInput): string {
  return deviceKey(getUserId(input.requestEnvelope), getDeviceId(input.requestEnvelope) ?? undefined);
}

/**
 * A change the user would miss if the session were cut off now: where they are, how they like it,
 * the reminders they have. Other changes (tips heard, counters) wait until the session ends, to save writes.
 */
function mustSaveNow(session: SessionState): boolean {
  const { state } = session;
  const stored = storedAsFarAsKnown(session);
  return (
    !sameJson(state.position, stored.position) ||
    !sameJson(state.preferences, stored.preferences) ||
    !sameJson(state.reminderTokens, stored.reminderTokens)
  );
}

export function loadUserState({ store, now }: PersistenceOptions): RequestInterceptor {
  return {
    async process(input) {
      startTurn(input, now());
      if (!hasSession(input)) return;
      const attributes = input.attributesManager.getSessionAttributes();
      const carried = stateFromSession(attributes, now());
      if (carried) {
        // Written back parsed: session attributes come from the network and may be from an older version.
        putStateInSession(attributes, carried.state, carried.base, carried.pending);
        return;
      }
      let loaded: UserState;
      try {
        loaded = await store.load(getUserId(input.requestEnvelope), turnDeadline(input));
      } catch (error) {
        // The user still gets an answer; a later conditional write merges with what is stored.
        log.warn('user state not loaded', { requestId: requestIdOf(input), errorClass: errorClass(error) });
        loaded = newUserState(now());
      }
      putStateInSession(attributes, loaded, loaded);
    },
  };
}

/** Keeps a session's last save for the queue's consumer; logs what it could not keep. */
async function keepForLater(input: HandlerInput, queue: StateQueue, session: SessionState): Promise<void> {
  try {
    await queue.send(
      {
        kind: 'save',
        userId: getUserId(input.requestEnvelope),
        state: session.state,
        base: session.base,
        pending: session.pending,
        device: deviceOf(input),
      },
      deadlineWithin(input, queueBudgetMs),
    );
    log.info('user state queued', { requestId: requestIdOf(input) });
  } catch (error) {
    log.error('user state lost', { requestId: requestIdOf(input), errorClass: errorClass(error) });
  }
}

export function saveUserState({ store, queue = stateQueue(), now }: PersistenceOptions): ResponseInterceptor {
  return {
    async process(input, response?: Response) {
      if (!hasSession(input)) return;
      const attributes = input.attributesManager.getSessionAttributes();
      const session = stateFromSession(attributes, now());
      if (!session || !isDirty(session)) return;
      const ending =
        getRequestType(input.requestEnvelope) === 'SessionEndedRequest' ||
        response?.shouldEndSession === true;
      if (!ending && !mustSaveNow(session)) return;
      const deadline = turnDeadline(input);
      // The budget is spent (the load hung): answer now; the state stays dirty and is saved later.
      if (deadline.aborted) {
        log.warn('user state not saved', { requestId: requestIdOf(input), errorClass: 'TurnBudgetSpent' });
        if (ending) await keepForLater(input, queue, session);
        return;
      }
      const outcome = await store.save(
        getUserId(input.requestEnvelope),
        { state: session.state, base: session.base, pending: session.pending, device: deviceOf(input) },
        deadline,
      );
      if (outcome.kind !== 'failed') {
        putStateInSession(attributes, outcome.state, outcome.state);
        return;
      }
      // Kept dirty in the session, with the write that may have landed: the next turn tries again.
      const pending = outcome.attempt ? [...session.pending, outcome.attempt] : session.pending;
      putStateInSession(attributes, session.state, session.base, pending);
      log.warn('user state not saved', {
        requestId: requestIdOf(input),
        errorClass: errorClass(outcome.error),
      });
      // No next turn: the queue writes it once DynamoDB takes it.
      if (ending) await keepForLater(input, queue, { ...session, pending });
    },
  };
}
