import type { HandlerInput } from 'ask-sdk-core';
import { exerciseById } from '../content/article.js';
import type { UserState } from '../state/user-state.js';

/** Content said in parts: the rest that "ja" to "Wil je de rest horen?" says. */
const moreIds = ['oorzaken', 'rode-vlaggen', 'afspraak-vlaggen'] as const;
export type MoreId = (typeof moreIds)[number];

/** What a start would begin, kept while the skill asks whether to overwrite a saved place. */
export interface PendingStart {
  kind: 'single' | 'routine';
  exerciseId?: string;
}

/**
 * Where the conversation is, kept in Alexa's session attributes only (never in the database):
 * the questionnaire's answers are health data and must not be stored.
 */
export type Dialog =
  | { mode: 'idle' }
  /**
   * "Wil je nog een tip?" was asked; or, with `more`, "Wil je de rest horen?": an offer of more to hear.
   * (One mode for both, so that the routing's group for offers of more serves them.)
   */
  | { mode: 'tipOffer'; more?: MoreId }
  | { mode: 'exercise' }
  | { mode: 'paused' }
  /** At launch: "Vorige keer was je bij de brug. Zullen we daar verdergaan?" */
  | { mode: 'resumeOffer' }
  /**
   * "Wil je een paar vragen over wanneer je naar de huisarts moet?" was asked. `start`: the questionnaire
   * state "ja" starts from (an appointment criterion already named), read with parseTriageState.
   */
  | { mode: 'doctorOffer'; start?: unknown }
  | { mode: 'confirmDelete' }
  | { mode: 'triage'; triage: unknown }
  /** "Welke oefening wil je doen?" was asked (an exercise name the skill does not know). */
  | { mode: 'chooseExercise' }
  /** "Je was bij de brug. Wil je daar verder, of opnieuw beginnen?": a start waits for the answer. */
  | { mode: 'restartOffer'; start: PendingStart }
  /** "Zullen we beginnen?" after explaining an exercise. */
  | { mode: 'exerciseOffer'; exerciseId: string };

export type DialogMode = Dialog['mode'];

/** Every dialog mode, once: routing, validation and the tests read this list. Typed as a record so
 * that a mode added to `Dialog` and not here does not compile. */
const everyMode: Record<DialogMode, true> = {
  idle: true,
  tipOffer: true,
  exercise: true,
  paused: true,
  resumeOffer: true,
  doctorOffer: true,
  confirmDelete: true,
  triage: true,
  chooseExercise: true,
  restartOffer: true,
  exerciseOffer: true,
};
export const dialogModes = Object.keys(everyMode) as readonly DialogMode[];

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

const knownExercise = (id: unknown): id is string => typeof id === 'string' && exerciseById(id) !== undefined;

/** A dialog read from session attributes, or idle when it is not one this version wrote. */
function parseDialog(value: unknown): Dialog {
  if (typeof value !== 'object' || value === null) return { mode: 'idle' };
  const current = value as {
    mode?: unknown;
    start?: unknown;
    exerciseId?: unknown;
    triage?: unknown;
    more?: unknown;
  };
  if (!dialogModes.includes(current.mode as DialogMode)) return { mode: 'idle' };
  switch (current.mode) {
    case 'triage':
      return { mode: 'triage', triage: current.triage };
    case 'tipOffer':
      return moreIds.includes(current.more as MoreId)
        ? { mode: 'tipOffer', more: current.more as MoreId }
        : { mode: 'tipOffer' };
    case 'doctorOffer':
      return current.start === undefined
        ? { mode: 'doctorOffer' }
        : { mode: 'doctorOffer', start: current.start };
    case 'exerciseOffer':
      return knownExercise(current.exerciseId)
        ? { mode: 'exerciseOffer', exerciseId: current.exerciseId }
        : { mode: 'idle' };
    case 'restartOffer': {
      const start = current.start as Partial<PendingStart> | undefined;
      if (start?.kind !== 'single' && start?.kind !== 'routine') return { mode: 'idle' };
      if (start.exerciseId !== undefined && !knownExercise(start.exerciseId)) return { mode: 'idle' };
      return {
        mode: 'restartOffer',
        start: { kind: start.kind, ...(start.exerciseId ? { exerciseId: start.exerciseId } : {}) },
      };
    }
    default:
      return {
        mode: current.mode as Exclude<
          DialogMode,
          'triage' | 'exerciseOffer' | 'restartOffer' | 'tipOffer' | 'doctorOffer'
        >,
      };
  }
}

/** The dialog mode; anything unreadable (an older version's attributes) counts as idle. */
export function dialog(input: HandlerInput): Dialog {
  return parseDialog(session(input).dialog);
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
