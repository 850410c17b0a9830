import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { renderSsml, type Speech } from '../speech/ssml.js';

function rate(input: HandlerInput) {
  const attrs = input.attributesManager.getSessionAttributes() as {
    userState?: { preferences?: { speechRate?: string } };
  };
  return attrs.userState?.preferences?.speechRate === 'slow' ? 'slow' : 'normal';
}

/** Longest answer kept for "herhaal": session attributes count towards Alexa's 24 KB response limit. */
const maxRepeatChars = 4000;

/** A `Prompt` rendered to SSML, as Alexa gets it and "herhaal" says it again. */
interface RenderedPrompt {
  ssml: string;
  reprompt: string;
}

export interface AskOptions {
  /** False for answers about the user's health: those are not kept, not even in the session. */
  keepForRepeat?: boolean;
}

/** Speaks and waits for an answer: every question has a reprompt. The answer is kept for "herhaal". */
export function ask(
  input: HandlerInput,
  speech: Speech,
  reprompt: Speech,
  options: AskOptions = {},
): Response {
  const spoken: RenderedPrompt = {
    ssml: renderSsml(speech, rate(input)),
    reprompt: renderSsml(reprompt, rate(input)),
  };
  const attributes = input.attributesManager.getSessionAttributes();
  const keep =
    options.keepForRepeat !== false && spoken.ssml.length + spoken.reprompt.length <= maxRepeatChars;
  if (keep) attributes.lastSpoken = spoken;
  else delete attributes.lastSpoken;
  return speakRendered(input, spoken);
}

function speakRendered(input: HandlerInput, spoken: RenderedPrompt): Response {
  return input.responseBuilder
    .speak(spoken.ssml)
    .reprompt(spoken.reprompt)
    .withShouldEndSession(false)
    .getResponse();
}

/** The last answer again, exactly as it was said; undefined when there is none (or it was too long). */
export function askAgain(input: HandlerInput): Response | undefined {
  const last = input.attributesManager.getSessionAttributes().lastSpoken as
    | Partial<RenderedPrompt>
    | undefined;
  if (typeof last?.ssml !== 'string' || typeof last.reprompt !== 'string') return undefined;
  if (!last.ssml.startsWith('<speak>') || !last.reprompt.startsWith('<speak>')) return undefined;
  return speakRendered(input, { ssml: last.ssml, reprompt: last.reprompt });
}

/** Speaks and ends the session. */
export function tell(input: HandlerInput, speech: Speech): Response {
  return input.responseBuilder
    .speak(renderSsml(speech, rate(input)))
    .withShouldEndSession(true)
    .getResponse();
}
