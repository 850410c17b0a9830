import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { canfulfill } from 'ask-sdk-model';
import { Intent } from '../intents.js';
import { join } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import { ask } from './respond.js';

/*
 * Requests Alexa sends besides launches and intents. None of them may end in the error handler: a user
 * would hear "er ging iets mis" for something that is not an error.
 */

/** The intents this skill fulfils; Alexa may ask before it routes a name-free request here. */
const ownIntents = new Set<string>([
  Intent.Exercise,
  Intent.Routine,
  Intent.Tip,
  Intent.Info,
  Intent.Question,
  Intent.Doctor,
  Intent.Symptom,
  Intent.UrgentSymptom,
  Intent.AppointmentSymptom,
  Intent.Progress,
]);

/** CanFulfillIntentRequest: yes for what the skill is about, no for the rest; nothing is said. */
export const canFulfill: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'CanFulfillIntentRequest',
  handle(input) {
    const request = input.requestEnvelope.request as canfulfill.CanFulfillIntentRequest;
    const answer = ownIntents.has(request.intent?.name ?? '') ? 'YES' : 'NO';
    return input.responseBuilder.withCanFulfillIntent({ canFulfill: answer }).getResponse();
  },
};

/** System.ExceptionEncountered reports an error in an earlier response: Alexa accepts no speech here. */
export const exceptionEncountered: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'System.ExceptionEncountered',
  handle: (input) => input.responseBuilder.getResponse(),
};

/**
 * A screen touch (APL UserEvent, or Display.ElementSelected from the older Display interface): the
 * screens have no buttons; nothing to say, keep listening.
 */
export const screenEvent: RequestHandler = {
  canHandle: (input) =>
    ['Alexa.Presentation.APL.UserEvent', 'Display.ElementSelected'].includes(
      getRequestType(input.requestEnvelope),
    ),
  handle: (input) => input.responseBuilder.getResponse(),
};

/** Back from a skill connection this skill did not start (or an old-style Connections.Response). */
export const connectionResult: RequestHandler = {
  canHandle: (input) =>
    ['SessionResumedRequest', 'Connections.Response'].includes(getRequestType(input.requestEnvelope)),
  handle: (input) => ask(input, join(...prompts.whatNext), join(...prompts.whatNextReprompt)),
};

/**
 * Any other request type (Dialog.API.Invoked of Alexa Conversations, which this skill does not use, or a
 * type newer than this code): in a session, what the user can do next; outside one, nothing.
 */
export const anyOtherRequest: RequestHandler = {
  canHandle: () => true,
  handle: (input) =>
    input.requestEnvelope.session
      ? ask(input, join(...prompts.whatNext), join(...prompts.whatNextReprompt))
      : input.responseBuilder.getResponse(),
};
