import { type ErrorHandler, getRequestType } from 'ask-sdk-core';
import { prompts } from '../content/prompts.js';
import { errorClass, log } from '../log.js';
import { join } from '../speech/ssml.js';
import { ask } from './respond.js';

/** Whatever went wrong, the user hears a sentence, never silence or Alexa's generic error. */
export const speakError: ErrorHandler = {
  canHandle: () => true,
  handle(input, error) {
    const requestType = getRequestType(input.requestEnvelope);
    log.error('request failed', {
      requestId: input.requestEnvelope.request.requestId,
      requestType,
      errorClass: errorClass(error),
    });
    if (requestType === 'SessionEndedRequest' || !input.requestEnvelope.session) {
      return input.responseBuilder.getResponse();
    }
    return ask(input, join(...prompts.error), join(...prompts.whatNextReprompt));
  },
};
