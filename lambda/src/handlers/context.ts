import type { HandlerInput } from 'ask-sdk-core';
import type { UserState } from '../state/user-state.js';

/**
 * Where the conversation is, kept in Alexa's session attributes only (never in the database):
 * the questionnaire's answers are health data and must not be stored.
 */
export type Dialog =
  | { mode: 'idle' }
  | { mode: 'tipOffer' }
  | { mode: 'exercise' }
  | { mode: 'paused' }
  | { mode: 'resumeOffer' }
  | { mode: 'painOffer' }
  | { mode: 'confirmDelete' }
  | { mode: 'triage'; triage: unknown };

export type DialogMode = Dialog['mode'];

const modes: readonly DialogMode[] = [
  'idle',
  'tipOffer',
  'exercise',
  'paused',
  'resumeOffer',
  'painOffer',
  'confirmDelete',
  'triage',
];

interface SessionShape {
  /** Put there by the persistence interceptor (state/session-cache.ts), validated when read. */
  userState?: UserState;
  dialog?: Dialog;
  /** True once the "never force an exercise" sentence was said in this session. */
  safetyHeard?: boolean;
}

function session(input: HandlerInput): SessionShape {
  return input.attributesManager.getSessionAttributes() as SessionShape;
}

/** The user's state, loaded once per session by the persistence interceptor. */
export function userState(input: HandlerInput): UserState {
  const user = session(input).userState;
  if (!user) throw new Error('user state was not loaded');
  return user;
}

/** Replaces the user's state; the response interceptor writes it when it changed. */
export function setUserState(input: HandlerInput, user: UserState): void {
  session(input).userState = user;
}

/** The dialog mode; anything unreadable (an older version's attributes) counts as idle. */
export function dialog(input: HandlerInput): Dialog {
  const current = session(input).dialog;
  if (current && typeof current === 'object' && modes.includes(current.mode)) return current;
  return { mode: 'idle' };
}

export function setDialog(input: HandlerInput, next: Dialog): void {
  session(input).dialog = next;
}

export function inMode(input: HandlerInput, ...wanted: DialogMode[]): boolean {
  return wanted.includes(dialog(input).mode);
}

export function safetyHeard(input: HandlerInput): boolean {
  return session(input).safetyHeard === true;
}

export function markSafetyHeard(input: HandlerInput): void {
  session(input).safetyHeard = true;
}
