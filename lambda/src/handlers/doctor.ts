import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { prompts } from '../content/prompts.js';
import { showDoctorScreen } from '../screen/show.js';
import { join, type Speech } from '../speech/ssml.js';
import * as triage from '../triage/index.js';
import { dialog, inMode, setDialog } from './context.js';
import { ask, tell } from './respond.js';
import { isIntent, slotText } from './slots.js';

/*
 * "Moet ik naar de dokter?". Nothing said here is stored or logged: the questionnaire's state lives
 * only in the session attributes, and only as the number of the open question.
 */

/** What is said about a symptom is not kept for "herhaal": session attributes travel with every request. */
const healthAnswer = { keepForRepeat: false };

function speakTurn(input: HandlerInput, turn: triage.TriageTurn): Response {
  if (turn.state !== null) {
    setDialog(input, { mode: 'triage', triage: turn.state });
    return ask(input, turn.speech, turn.reprompt, healthAnswer);
  }
  setDialog(input, { mode: 'idle' });
  showDoctorScreen(input, turn.speech);
  // Urgent advice ends the session: the user should act on it, not be asked what else they want.
  if (turn.outcome.level === 'direct') return tell(input, turn.speech);
  return ask(input, join(turn.speech, ...prompts.whatNext), join(...prompts.whatNextReprompt), healthAnswer);
}

function openState(input: HandlerInput): triage.TriageState | undefined {
  const current = dialog(input);
  if (current.mode !== 'triage') return undefined;
  return triage.parseTriageState(current.triage);
}

function inQuestionnaire(input: HandlerInput): boolean {
  return openState(input) !== undefined;
}

/** "moet ik naar de dokter", "…want mijn been tintelt": advice at once for a named symptom, else questions. */
export const askDoctor: RequestHandler = {
  canHandle: (input) => isIntent(input, 'DoctorIntent'),
  handle(input) {
    const symptom = slotText(input, 'symptom');
    return speakTurn(input, symptom ? triage.adviceFor(symptom) : triage.openingTurn('asked'));
  },
};

/** "ja" after "het doet pijn" offered the doctor questions. */
export const acceptDoctorQuestions: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent') && inMode(input, 'painOffer'),
  handle: (input) => speakTurn(input, triage.openingTurn('asked')),
};

export const declineDoctorQuestions: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent') && inMode(input, 'painOffer'),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return ask(input, join(...prompts.whatNext), join(...prompts.whatNextReprompt));
  },
};

const replies: Record<string, triage.Reply> = {
  'AMAZON.YesIntent': 'yes',
  'AMAZON.NoIntent': 'no',
  // Never read as "nee": not knowing about a red flag is a reason to call.
  DontKnowIntent: 'unknown',
};

/** ja / nee / weet ik niet to the open question; the first "ja" escalates at once. */
export const answerDoctorQuestion: RequestHandler = {
  canHandle: (input) => isIntent(input, ...Object.keys(replies)) && inQuestionnaire(input),
  handle(input) {
    const state = openState(input)!;
    const request = input.requestEnvelope.request as { intent: { name: string } };
    return speakTurn(input, triage.replyTurn(state, replies[request.intent.name] ?? 'unknown'));
  },
};

/** Help, "herhaal", navigation words or anything not understood inside the questionnaire: the same question again. */
export const reaskDoctorQuestion: RequestHandler = {
  canHandle: (input) =>
    isIntent(
      input,
      'AMAZON.HelpIntent',
      'AMAZON.RepeatIntent',
      'AMAZON.FallbackIntent',
      'AMAZON.NextIntent',
      'AMAZON.PreviousIntent',
      'AMAZON.StartOverIntent',
      'AMAZON.PauseIntent',
      'AMAZON.ResumeIntent',
      // "het doet pijn" answers none of the questions; the question stands.
      'PainIntent',
    ) && inQuestionnaire(input),
  handle(input) {
    const state = openState(input)!;
    const hint: Speech = isIntent(input, 'AMAZON.RepeatIntent') ? [] : join(...prompts.triageAnswerHint);
    return ask(input, join(hint, triage.currentQuestion(state)), triage.currentReprompt(state), healthAnswer);
  },
};

/** "stop" inside the questionnaire: no reassurance, the advice to call when in doubt. */
export const stopDoctorQuestions: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent') && inQuestionnaire(input),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return tell(input, join(...prompts.triageStopped));
  },
};
