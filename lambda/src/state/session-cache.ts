import { parseUserState, sameJson, type UserState } from './user-state.js';

/**
 * Carries the user's state through one Alexa session in its session attributes, so it is loaded once
 * per session and written only when it changed. `base` is the state as stored (the snapshot the next
 * conditional write starts from).
 */
export type SessionAttributes = Record<string, unknown>;

export interface SessionState {
  state: UserState;
  base: UserState;
}

const stateKey = 'userState';
const baseKey = 'userStateBase';

/** The state kept in the session, or undefined when it has not been loaded yet in this session. */
export function stateFromSession(
  attributes: SessionAttributes,
  now: Date = new Date(),
): SessionState | undefined {
  const state = attributes[stateKey];
  const base = attributes[baseKey];
  if (state === undefined || base === undefined) return undefined;
  // Session attributes come back from Alexa as JSON: read them as leniently as a stored item.
  return { state: parseUserState(state, now), base: parseUserState(base, now) };
}

export function putStateInSession(attributes: SessionAttributes, state: UserState, base: UserState): void {
  attributes[stateKey] = structuredClone(state);
  attributes[baseKey] = structuredClone(base);
}

/** True when the session changed the state since it was loaded or last saved: then it must be written. */
export function isDirty(session: SessionState): boolean {
  return !sameJson(session.state, session.base);
}
