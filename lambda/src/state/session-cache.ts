import { sameJson } from './merge.js';
import type { Attempt } from './store.js';
import { parseUserState, type UserState } from './user-state.js';

/**
 * Carries the user's state through one Alexa session in its session attributes, so it is loaded once
 * per session and written only when it changed. `base` is the state as stored (the snapshot the next
 * conditional write starts from); `pending` are this session's writes whose outcome is unknown.
 */
export type SessionAttributes = Record<string, unknown>;

export interface SessionState {
  state: UserState;
  base: UserState;
  pending: Attempt[];
}

const stateKey = 'userState';
const baseKey = 'userStateBase';
const pendingKey = 'userStatePending';
/** Writes of unknown outcome kept; older ones are covered by a newer one that landed. */
const pendingKept = 2;

/** The state kept in the session, or undefined when it has not been loaded yet in this session. */
export function stateFromSession(
  attributes: SessionAttributes,
  now: Date = new Date(),
): SessionState | undefined {
  const state = attributes[stateKey];
  const base = attributes[baseKey];
  if (state === undefined || base === undefined) return undefined;
  // Session attributes come back from Alexa as JSON: read them as leniently as a stored item.
  return {
    state: parseUserState(state, now),
    base: parseUserState(base, now),
    pending: pendingFrom(attributes[pendingKey], now),
  };
}

function pendingFrom(value: unknown, now: Date): Attempt[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const { id, state } = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<Attempt>;
    return typeof id === 'string' && id.length > 0 && id.length <= 64
      ? [{ id, state: parseUserState(state, now) }]
      : [];
  });
}

export function putStateInSession(
  attributes: SessionAttributes,
  state: UserState,
  base: UserState,
  pending: readonly Attempt[] = [],
): void {
  attributes[stateKey] = structuredClone(state);
  attributes[baseKey] = structuredClone(base);
  if (pending.length > 0) attributes[pendingKey] = structuredClone(pending.slice(-pendingKept));
  else delete attributes[pendingKey];
}

/**
 * True when the session changed the state since it was loaded or last saved, or a write of it may
 * have landed unconfirmed: then it must be written (a change back to the stored value included).
 */
export function isDirty(session: SessionState): boolean {
  return !sameJson(session.state, session.base) || session.pending.length > 0;
}

/** What may be stored by now: the state of the newest unconfirmed write, or else the base. */
export function storedAsFarAsKnown(session: SessionState): UserState {
  return session.pending.at(-1)?.state ?? session.base;
}
