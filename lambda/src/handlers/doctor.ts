import { getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { Intent } from '../intents.js';
import { searchArticle } from '../knowledge/search.js';
import { showDoctorScreen } from '../screen/show.js';
import { join, type Speech } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import * as triage from '../triage/index.js';
import { dialog, setDialog } from './context.js';
import { exercising, painStop } from './exercise.js';
import { answerFromArticle } from './question.js';
import { ask, tell } from './respond.js';
import { freeText, isIntent, slotText } from './slots.js';

/*
 * "Moet ik naar de dokter?" and every symptom the user names. Nothing said here is stored or logged:
 * the questionnaire's state lives only in the session attributes.
 */

/** What is said about a symptom is not kept for "herhaal": session attributes travel with every request. */
const healthAnswer = { keepForRepeat: false };

/** Speaks a turn of the doctor conversation: the next question, or the advice. */
export function speakTriage(input: HandlerInput, turn: triage.TriageTurn): Response {
  if (turn.state !== null) {
    setDialog(input, { mode: 'triage', triage: turn.state });
    return ask(input, turn.speech, turn.reprompt, healthAnswer);
  }
  setDialog(input, { mode: 'idle' });
  showDoctorScreen(input, turn.speech);
  // Urgent advice ends the session: the user should act on it, not be asked what else they want.
  if (turn.outcome.level === 'direct') return tell(input, turn.speech);
  if (turn.offer && turn.reprompt) {
    setDialog(
      input,
      turn.offer.kind === 'directQuestions'
        ? { mode: 'doctorOffer', start: turn.offer.start }
        : { mode: 'tipOffer', more: 'rode-vlaggen' },
    );
    return ask(input, turn.speech, turn.reprompt, healthAnswer);
  }
  return ask(input, join(turn.speech, ...prompts.whatNext), join(...prompts.whatNextReprompt), healthAnswer);
}

/** The questionnaire from where an offer left it: from the start, or with an appointment criterion noted. */
function offeredQuestions(input: HandlerInput): triage.TriageTurn {
  const current = dialog(input);
  const start = current.mode === 'doctorOffer' ? triage.parseTriageState(current.start) : undefined;
  return start ? triage.questionsFrom(start) : triage.openingTurn('asked');
}

function openState(input: HandlerInput): triage.TriageState | undefined {
  const current = dialog(input);
  if (current.mode !== 'triage') return undefined;
  return triage.parseTriageState(current.triage);
}

/** The open question's state, for a handler whose canHandle has checked that there is one. */
function questionState(input: HandlerInput): triage.TriageState {
  const state = openState(input);
  if (!state) throw new Error('no triage question is open');
  return state;
}

/**
 * Before anything else: words of the user's own (a free-form slot, or a value no slot type knows) that
 * name one of the article's red flags get the triage answer, in any intent and any mode. "mijn been
 * tintelt" said during the brug stops the exercise and gives the advice; inside the questionnaire it
 * answers as the questionnaire's rules say.
 */
export const redFlagFirst: RequestHandler = {
  canHandle(input) {
    const said = freeText(input);
    return said !== undefined && triage.namesRedFlag(said);
  },
  handle(input) {
    const said = freeText(input) ?? '';
    const state = openState(input);
    const turn = (state && triage.symptomDuringQuestions(state, said)) ?? triage.adviceFor(said);
    return speakTriage(input, turn);
  },
};

/** "moet ik naar de dokter", "…want mijn been tintelt": advice at once for a named symptom, else questions. */
export const askDoctor: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Doctor),
  handle(input) {
    const symptom = slotText(input, 'symptom');
    return speakTriage(input, symptom ? triage.adviceFor(symptom) : triage.openingTurn('asked'));
  },
};

/** Words that make a sentence a question ("is rekken goed", "hoe til ik"), not only a complaint. */
const questionWords =
  /\b(?:hoe|wat|waarom|wanneer|welke|welk|waar|helpt|helpen|mag|moet|kan|kun|is het|is dat|zijn)\b/;

function asksSomething(said: string): boolean {
  return questionWords.test(said.toLowerCase());
}

/**
 * A symptom or pain said on its own that names no red flag ("au", "ik heb rugpijn"): during an
 * exercise the exercise stops and the questions are offered; otherwise the questions start at once.
 * Words that are a question the article answers clearly ("is rekken goed als het zeer doet?") get
 * that answer: they were screened for red flags first (redFlagFirst).
 */
export const symptomSaid: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Symptom),
  handle(input) {
    if (exercising(input)) return painStop(input);
    const said = slotText(input, 'symptom');
    if (said && asksSomething(said) && searchArticle(said).answer) return answerFromArticle(input, said);
    return speakTriage(input, triage.openingTurn(said ? 'unrecognised' : 'asked'));
  },
};

/**
 * A symptom of the article's lists said on its own, with no words passed to say which: the advice of
 * its level at once ("mijn been voelt doof": direct contact), wherever the conversation is.
 */
export const symptomOfALevel: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.UrgentSymptom, Intent.AppointmentSymptom),
  handle(input) {
    const level = isIntent(input, Intent.UrgentSymptom) ? 'direct' : 'appointment';
    return speakTriage(input, triage.unspecifiedSymptom(level, openState(input)));
  },
};

/** Answers to "Wil je een paar vragen over wanneer je naar de huisarts moet?". */
export const doctorOfferAnswers: RequestHandler[] = [
  {
    canHandle: (input) => isIntent(input, Intent.Yes, Intent.Next, Intent.DontKnow),
    handle: (input) => speakTriage(input, offeredQuestions(input)),
  },
  {
    canHandle: (input) => isIntent(input, Intent.No),
    handle(input) {
      setDialog(input, { mode: 'idle' });
      return ask(input, join(...prompts.whatNext), join(...prompts.whatNextReprompt));
    },
  },
  {
    // "herhaal", help, or words not understood: the offer stands and is asked again.
    canHandle: (input) => isIntent(input, Intent.Repeat, Intent.Help, Intent.Fallback),
    handle: (input) =>
      ask(input, join(...prompts.doctorOfferAgain), join(...prompts.doctorOfferAgain), healthAnswer),
  },
];

const replies: Record<string, triage.Reply> = {
  [Intent.Yes]: 'yes',
  [Intent.No]: 'no',
  // Never read as "nee": not knowing about a red flag is a reason to call.
  [Intent.DontKnow]: 'unknown',
};

/** While a question is open: ja / nee / weet ik niet answer it; "stop" ends it; anything else asks it again. */
export const questionnaire: RequestHandler[] = [
  {
    canHandle: (input) => isIntent(input, ...Object.keys(replies)) && openState(input) !== undefined,
    handle(input) {
      const state = questionState(input);
      const request = input.requestEnvelope.request as { intent: { name: string } };
      return speakTriage(input, triage.replyTurn(state, replies[request.intent.name] ?? 'unknown'));
    },
  },
  {
    // "stop" inside the questionnaire: no reassurance, the advice to call when in doubt.
    canHandle: (input) => isIntent(input, Intent.Stop, Intent.Cancel) && openState(input) !== undefined,
    handle(input) {
      setDialog(input, { mode: 'idle' });
      return tell(input, join(...prompts.triageStopped));
    },
  },
  {
    // Help, "herhaal", navigation, a tip, words not understood: none of them answers the question.
    canHandle: (input) =>
      getRequestType(input.requestEnvelope) === 'IntentRequest' && openState(input) !== undefined,
    handle(input) {
      const state = questionState(input);
      const hint: Speech = isIntent(input, Intent.Repeat) ? [] : join(...prompts.triageAnswerHint);
      return ask(
        input,
        join(hint, triage.currentQuestion(state)),
        triage.currentReprompt(state),
        healthAnswer,
      );
    },
  },
];
