import type { HandlerInput } from 'ask-sdk-core';
import type { Turn } from '../coach/types.js';
import { exerciseById } from '../content/article.js';
import type { Tip } from '../content/schema.js';
import type { Speech } from '../speech/ssml.js';
import { doctorScreen, exerciseScreen, type RenderDocument, supportsApl, tipScreen } from './apl.js';

function rate(input: HandlerInput) {
  const attrs = input.attributesManager.getSessionAttributes() as {
    userState?: { preferences?: { speechRate?: string } };
  };
  return attrs.userState?.preferences?.speechRate === 'slow' ? 'slow' : 'normal';
}

/** Adds the document to the response being built, on devices with a screen only. */
function showScreen(input: HandlerInput, directive: RenderDocument): void {
  if (supportsApl(input.requestEnvelope)) input.responseBuilder.addDirective(directive);
}

/** The exercise turn on the screen: call before `ask(...)` with everything the response says. */
export function showExerciseScreen(input: HandlerInput, turn: Turn, spoken: Speech): void {
  if (!supportsApl(input.requestEnvelope)) return;
  const exercise = exerciseById(turn.exerciseId);
  if (exercise) showScreen(input, exerciseScreen(turn, exercise, spoken, rate(input)));
}

export function showTipScreen(input: HandlerInput, tip: Tip): void {
  showScreen(input, tipScreen(tip));
}

export function showDoctorScreen(input: HandlerInput, speech: Speech): void {
  showScreen(input, doctorScreen(speech));
}
