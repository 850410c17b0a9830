import type { Prompt, Speech } from '../speech/ssml.js';
import { join } from '../speech/ssml.js';
import { triageContent } from '../text/index.js';
import { classifySymptom } from './classify.js';
import {
  answer,
  nameSymptom,
  questionAt,
  questionLevel,
  type Reply,
  startQuestionnaire,
  startsAppointmentSection,
  type TriageOutcome,
  type TriageState,
} from './questionnaire.js';
import {
  appointmentSectionIntro,
  currentQuestion,
  currentReprompt,
  notedSymptom,
  outcomeSpeech,
  questionnaireOpening,
} from './speech.js';

/**
 * One turn of the doctor conversation, ready for a handler: what to say, and either the state to keep
 * in the session (a question is open, with its reprompt) or the outcome (nothing to keep).
 */
export type TriageTurn =
  | (Prompt & {
      readonly state: TriageState;
      readonly outcome: null;
    })
  | {
      readonly state: null;
      readonly outcome: TriageOutcome;
      readonly speech: Speech;
      /** The advice ends with an offer (its speech asks it): what "ja" then starts. */
      readonly offer?: TriageOffer;
      readonly reprompt: Speech | null;
    };

/**
 * What an advice offers: the direct-contact questions (after an appointment advice given before they
 * were asked; `start` notes the appointment criterion, so "nee" to all of them ends in that advice
 * again, never in less), or the red flags in words (after "nee" to every question).
 */
type TriageOffer =
  | { readonly kind: 'directQuestions'; readonly start: TriageState }
  | { readonly kind: 'redFlags' };

function questionTurn(state: TriageState, before: Speech): TriageTurn {
  return {
    state,
    outcome: null,
    speech: join(before, currentQuestion(state)),
    reprompt: currentReprompt(state),
  };
}

/**
 * The advice as a turn. `directAsked`: whether the direct-contact questions were answered first (an
 * outcome inside the questionnaire); an appointment advice without them offers them.
 */
function outcomeTurn(outcome: TriageOutcome, directAsked: boolean): TriageTurn {
  if (outcome.level === 'selfCare') {
    const { offerFlagsReprompt } = triageContent.outcomes.selfCare;
    return {
      state: null,
      outcome,
      speech: outcomeSpeech(outcome),
      offer: { kind: 'redFlags' },
      reprompt: join(offerFlagsReprompt),
    };
  }
  if (outcome.level === 'appointment' && !directAsked) {
    const start: TriageState =
      outcome.flagIds.length > 0
        ? { ...startQuestionnaire(), noted: outcome.flagIds }
        : { ...startQuestionnaire(), notedAny: true };
    return {
      state: null,
      outcome,
      speech: outcomeSpeech(outcome, true),
      offer: { kind: 'directQuestions', start },
      reprompt: join(triageContent.outcomes.appointment.offerDirectQuestionsReprompt),
    };
  }
  return { state: null, outcome, speech: outcomeSpeech(outcome), reprompt: null };
}

/** "Moet ik naar de dokter?" without a symptom: the questionnaire from its first question. */
export function openingTurn(reason: 'asked' | 'unrecognised' = 'asked'): TriageTurn {
  return questionTurn(startQuestionnaire(), questionnaireOpening(reason));
}

/** The questionnaire from a given state (an appointment criterion noted): the opening, then its question. */
export function questionsFrom(state: TriageState): TriageTurn {
  return questionTurn(state, questionnaireOpening('asked'));
}

/** "…want mijn been tintelt": a recognised symptom gets its advice at once, anything else the questions. */
export function adviceFor(symptom: string): TriageTurn {
  const found = classifySymptom(symptom);
  if (found.level === 'unknown') return openingTurn('unrecognised');
  return outcomeTurn({ level: found.level, flagIds: found.flagIds, because: 'named' }, false);
}

/** The user's ja / nee / weet ik niet to the open question. */
export function replyTurn(state: TriageState, reply: Reply): TriageTurn {
  const result = answer(state, reply);
  if (result.state === null) return outcomeTurn(result.outcome, true);
  const before = startsAppointmentSection(result.state) ? appointmentSectionIntro() : [];
  return questionTurn(result.state, before);
}

/**
 * Words said while a question is open ("ja, en mijn been tintelt ook"): a recognised symptom is
 * answered as the questionnaire's rules say; undefined when nothing is recognised (ask again).
 */
export function symptomDuringQuestions(state: TriageState, said: string): TriageTurn | undefined {
  const found = classifySymptom(said);
  if (found.level === 'unknown') return undefined;
  const result = nameSymptom(state, found);
  if (result.state === null) return outcomeTurn(result.outcome, directAnswered(state, result.outcome));
  return questionTurn(result.state, notedSymptom(found.flagIds));
}

/** An appointment advice during the questions comes only once the direct questions are past. */
function directAnswered(state: TriageState, outcome: TriageOutcome): boolean {
  return outcome.level !== 'appointment' || questionLevel(questionAt(state)) === 'appointment';
}

/** True when the words name one of the article's criteria. */
export function namesRedFlag(said: string): boolean {
  return classifySymptom(said).level !== 'unknown';
}

/**
 * A symptom said on its own with no words passed (UrgentSymptomIntent, AppointmentSymptomIntent): its
 * level is known from the intent, which criterion is not. Inside the questionnaire the rules for a
 * named symptom apply.
 */
export function unspecifiedSymptom(
  level: 'direct' | 'appointment',
  state: TriageState | undefined,
): TriageTurn {
  const found = { level, flagIds: [] as string[] };
  if (!state) return outcomeTurn({ level, flagIds: [], because: 'named' }, false);
  const result = nameSymptom(state, found);
  if (result.state === null) return outcomeTurn(result.outcome, directAnswered(state, result.outcome));
  return questionTurn(result.state, notedSymptom([]));
}
