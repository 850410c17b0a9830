import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import { Intent } from '../intents.js';
import { log } from '../log.js';
import { join } from '../speech/ssml.js';
import { prompts, spoken } from '../text/index.js';
import { setDialog } from './context.js';
import { ask, askAgain, tell } from './respond.js';
import { isIntent } from './slots.js';

/** "help" outside an exercise or the questionnaire (those re-ask their own question). */
export const help: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Help),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    const disclaimer = spoken.disclaimer.map((sentence) => sentence.say);
    return ask(
      input,
      join(...prompts.help, ...disclaimer, ...prompts.whatNext),
      join(...prompts.whatNextReprompt),
    );
  },
};

/** "stop", "annuleer", "ik ben klaar voor vandaag": goodbye. Areas with a position to keep handle stop first. */
export const stop: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Stop, Intent.Cancel, Intent.DoneForToday),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return tell(input, join(...prompts.goodbye));
  },
};

/** "naar het begin" (NavigateHome) and a "ja"/"nee" that answers no question: back to the menu. */
export const home: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.NavigateHome, Intent.Yes, Intent.No, Intent.DontKnow),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return ask(input, join(...prompts.whatYouCanAsk, ...prompts.whatNext), join(...prompts.whatNextReprompt));
  },
};

/** "herhaal" outside an exercise: the last answer again, word for word. */
export const repeatLast: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Repeat),
  handle: (input) =>
    askAgain(input) ??
    ask(input, join(...prompts.nothingToRepeat, ...prompts.whatNext), join(...prompts.whatNextReprompt)),
};

/** Anything not understood, including intents this version does not know. */
export const fallback: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
  handle(input) {
    return ask(
      input,
      join(...prompts.fallback, ...prompts.whatYouCanAsk, ...prompts.whatNext),
      join(...prompts.whatNextReprompt),
    );
  },
};

/**
 * The session ended (timeout, user left, error): nothing to say; the state is saved by the interceptor.
 * With reason ERROR, Alexa says what went wrong in `error.type` (e.g. INVALID_RESPONSE for a rejected
 * directive): logged, without `error.message`, which can quote the response.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-types-reference.html#sessionendedrequest
 */
export const sessionEnded: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
  handle(input) {
    const request = input.requestEnvelope.request as SessionEndedRequest;
    if (request.reason === 'ERROR') {
      log.error('session ended with an error', {
        requestId: request.requestId,
        errorType: request.error?.type ?? 'unknown',
      });
    }
    return input.responseBuilder.getResponse();
  },
};
