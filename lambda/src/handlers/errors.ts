import { type ErrorHandler, getRequestType } from 'ask-sdk-core';
import { errorClass, log } from '../log.js';
import { join } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import { ask } from './respond.js';
import { DeletionNotKeptError } from './skill-events.js';

/**
 * Whatever went wrong, the user hears a sentence, never silence or Alexa's generic error. The one
 * exception: a deletion that was neither done nor queued fails the invocation, so that it is seen.
 */
export const speakError: ErrorHandler = {
  canHandle: (_input, error) => !(error instanceof DeletionNotKeptError),
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
