import {
  getRequestType,
  type HandlerInput,
  type RequestInterceptor,
  type ResponseInterceptor,
} from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { errorClass, log } from '../log.js';
import type { UserStateStore } from './dynamo-store.js';
import { isDirty, putStateInSession, type SessionState, stateFromSession } from './session-cache.js';
import { newUserState, sameJson, type UserState } from './user-state.js';

/**
 * Loading and saving the user's state around every request: read once per session, carried in the
 * session attributes, written once at the end of a turn and only when it changed.
 */
export interface PersistenceOptions {
  store: UserStateStore;
  now: () => Date;
}

/**
 * All DynamoDB work of one turn (the load, the save, a merge) must end within this many milliseconds:
 * a hanging database then costs the user at most this long before they hear the answer.
 */
export const turnBudgetMs = 2000;

/** The deadline of this turn's DynamoDB work, made when the turn starts. */
function turnDeadline(input: HandlerInput): AbortSignal {
  const attributes = input.attributesManager.getRequestAttributes();
  attributes.dynamoDeadline ??= AbortSignal.timeout(turnBudgetMs);
  return attributes.dynamoDeadline as AbortSignal;
}

function hasSession(input: HandlerInput): boolean {
  return input.requestEnvelope.session !== undefined;
}

function userIdOf(input: HandlerInput): string {
  return input.requestEnvelope.context.System.user.userId;
}

/**
 * A change the user would miss if the session were cut off now: where they are, how they like it.
 * Other changes (tips heard, counters) wait until the session ends, to save writes.
 */
function mustSaveNow(session: SessionState): boolean {
  const { state, base } = session;
  return (
    !sameJson(state.position, base.position) ||
    !sameJson(state.preferences, base.preferences) ||
    state.reminderToken !== base.reminderToken
  );
}

export function loadUserState({ store, now }: PersistenceOptions): RequestInterceptor {
  return {
    async process(input) {
      if (!hasSession(input)) return;
      const attributes = input.attributesManager.getSessionAttributes();
      const carried = stateFromSession(attributes, now());
      if (carried) {
        // Written back parsed: session attributes come from the network and may be from an older version.
        putStateInSession(attributes, carried.state, carried.base);
        return;
      }
      let loaded: UserState;
      try {
        loaded = await store.load(userIdOf(input), turnDeadline(input));
      } catch (error) {
        // The user still gets an answer; a later conditional write merges with what is stored.
        log.warn('user state not loaded', {
          requestId: input.requestEnvelope.request.requestId,
          errorClass: errorClass(error),
        });
        loaded = newUserState(now());
      }
      putStateInSession(attributes, loaded, loaded);
    },
  };
}

export function saveUserState({ store, now }: PersistenceOptions): ResponseInterceptor {
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
      // The budget is spent (the load hung): answer now; the state stays dirty and is saved next turn.
      if (deadline.aborted) {
        log.warn('user state not saved', {
          requestId: input.requestEnvelope.request.requestId,
          errorClass: 'TurnBudgetSpent',
        });
        return;
      }
      try {
        const saved = await store.save(userIdOf(input), session.state, session.base, deadline);
        putStateInSession(attributes, saved, saved);
      } catch (error) {
        // Kept dirty in the session: the next turn tries again.
        log.warn('user state not saved', {
          requestId: input.requestEnvelope.request.requestId,
          errorClass: errorClass(error),
        });
      }
    },
  };
}
