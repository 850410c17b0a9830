import { triageContent } from '../text/index.js';
import type { TriageQuestion } from './content-schema.js';
import { levelOf, type UrgentLevel } from './criteria.js';

/**
 * The "moet ik naar de dokter?" questionnaire as a small state machine. The questions ask the seven
 * "direct contact" flags first, then the five "make an appointment" criteria; the first "yes" ends it
 * with that level of advice. Self-care advice comes only after a "no" to every question.
 *
 * "Weet ik niet" escalates at once: on a direct-contact question it gives the direct advice, on an
 * appointment question the appointment advice. We do not ask again: a user who does not know whether
 * they lose control of their bladder will not know better when asked twice, and silence is already
 * re-asked by Alexa's reprompt before any answer reaches this module. Unknown is never read as no.
 */

/** Lives in Alexa's session attributes only (health answers are never stored): keep it tiny. */
export interface TriageState {
  readonly v: 1;
  /** Index of the question being asked. */
  readonly question: number;
  /**
   * Appointment criteria the user named in their own words while a "direct contact" question was
   * open: the direct questions still come first, but the end is at least an appointment.
   */
  readonly noted?: readonly string[];
  /** Likewise, when the user named an appointment criterion but no words came with it to say which. */
  readonly notedAny?: true;
}

export type Reply = 'yes' | 'no' | 'unknown';

/** Why the advice is urgent: a symptom the user named, a "yes", or a "weet ik niet". */
export type EscalationCause = 'named' | 'yes' | 'unsure';

export type TriageOutcome =
  | { readonly level: UrgentLevel; readonly flagIds: readonly string[]; readonly because: EscalationCause }
  | { readonly level: 'selfCare' };

/** Either the next question is due (state) or the questionnaire is over (outcome); never both. */
export type AnswerResult =
  | { readonly state: TriageState; readonly outcome: null }
  | { readonly state: null; readonly outcome: TriageOutcome };

const questions: readonly TriageQuestion[] = triageContent.questions;

export function startQuestionnaire(): TriageState {
  return { v: 1, question: 0 };
}

/** The question a state is at; a state from outside is checked with `parseTriageState` first. */
export function questionAt(state: TriageState): TriageQuestion {
  const question = questions[state.question];
  if (!question) throw new Error(`no triage question ${state.question}`);
  return question;
}

/** The advice level a "yes" to this question gives. */
export function questionLevel(question: TriageQuestion): UrgentLevel {
  // Any unknown id counts as direct: a content mistake must never make advice less urgent.
  return question.flags.every((flag) => levelOf(flag) === 'appointment') ? 'appointment' : 'direct';
}

export function answer(state: TriageState, reply: Reply): AnswerResult {
  const question = questionAt(state);
  if (reply !== 'no') {
    const because: EscalationCause = reply === 'yes' ? 'yes' : 'unsure';
    return { state: null, outcome: { level: questionLevel(question), flagIds: question.flags, because } };
  }
  const next = state.question + 1;
  const nextQuestion = questions[next];
  const noted = state.noted ?? [];
  const anyNoted = noted.length > 0 || state.notedAny === true;
  // Every direct question answered "nee", and the user named an appointment criterion: that advice.
  if (anyNoted && (nextQuestion === undefined || questionLevel(nextQuestion) === 'appointment')) {
    return { state: null, outcome: { level: 'appointment', flagIds: noted, because: 'named' } };
  }
  if (nextQuestion === undefined) return { state: null, outcome: { level: 'selfCare' } };
  const carried = {
    ...(noted.length > 0 ? { noted } : {}),
    ...(state.notedAny ? { notedAny: true as const } : {}),
  };
  return { state: { v: 1, question: next, ...carried }, outcome: null };
}

/**
 * A symptom the user names in their own words while a question is open. A direct flag gives that
 * advice at once; an appointment criterion does too once the direct questions are past, but while a
 * direct question is open it is noted and that question stands: "nee" to the rest then ends in an
 * appointment, never in less.
 */
export function nameSymptom(
  state: TriageState,
  found: { level: UrgentLevel; flagIds: readonly string[] },
): AnswerResult {
  if (found.level === 'direct' || questionLevel(questionAt(state)) === 'appointment') {
    return { state: null, outcome: { level: found.level, flagIds: found.flagIds, because: 'named' } };
  }
  if (found.flagIds.length === 0) return { state: { ...state, notedAny: true }, outcome: null };
  const noted = [...new Set([...(state.noted ?? []), ...found.flagIds])];
  return { state: { ...state, noted }, outcome: null };
}

/** True when this state's question is the first "make an appointment" question. */
export function startsAppointmentSection(state: TriageState): boolean {
  const previous = questions[state.question - 1];
  return (
    previous !== undefined &&
    questionLevel(previous) === 'direct' &&
    questionLevel(questionAt(state)) === 'appointment'
  );
}

/** Reads a state back from session attributes; anything malformed gives undefined (start again). */
export function parseTriageState(value: unknown): TriageState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, question } = value as { v?: unknown; question?: unknown };
  if (v !== 1 || typeof question !== 'number' || !Number.isInteger(question)) return undefined;
  if (question < 0 || question >= questions.length) return undefined;
  const { noted } = value as { noted?: unknown };
  const known =
    Array.isArray(noted) && noted.every((id) => typeof id === 'string' && levelOf(id) === 'appointment')
      ? (noted as string[]).slice(0, questions.length)
      : [];
  const notedAny = (value as { notedAny?: unknown }).notedAny === true;
  return { v: 1, question, ...(known.length > 0 ? { noted: known } : {}), ...(notedAny ? { notedAny } : {}) };
}

/** How many questions there are: one for each of the article's criteria (tests hold it to that). */
export const questionCount = questions.length;
