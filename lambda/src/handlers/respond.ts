import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { renderSsml, type Speech } from '../speech/ssml.js';

function rate(input: HandlerInput) {
  const attrs = input.attributesManager.getSessionAttributes() as {
    userState?: { preferences?: { speechRate?: string } };
  };
  return attrs.userState?.preferences?.speechRate === 'slow' ? 'slow' : 'normal';
}

/** Speaks and waits for an answer: every question has a reprompt. */
export function ask(input: HandlerInput, speech: Speech, reprompt: Speech): Response {
  return input.responseBuilder
    .speak(renderSsml(speech, rate(input)))
    .reprompt(renderSsml(reprompt, rate(input)))
    .withShouldEndSession(false)
    .getResponse();
}

/** Speaks and ends the session. */
export function tell(input: HandlerInput, speech: Speech): Response {
  return input.responseBuilder
    .speak(renderSsml(speech, rate(input)))
    .withShouldEndSession(true)
    .getResponse();
}
