import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import * as coach from '../coach/index.js';
import { Intent } from '../intents.js';
import { showExerciseScreen } from '../screen/show.js';
import { join, type Speech } from '../speech/ssml.js';
import type { SavedPosition } from '../state/user-state.js';
import { prompts } from '../text/index.js';
import { inMode, markSafetyHeard, safetyHeard, setDialog, userState } from './context.js';
import { keepProgress, keepSkippedToEnd, progressOf } from './exercise-progress.js';
import { ask, tell } from './respond.js';
import { isIntent } from './slots.js';

/** An exercise going on: the words that move through it, and the saved place picked up again. */

/** Keeps what the move changed (exercise-progress.ts), then says it; the screen shows the turn. */
export function speakMove(input: HandlerInput, routineMove: coach.RoutineMove, lead: Speech = []): Response {
  keepProgress(input, routineMove);
  if (routineMove.done) {
    setDialog(input, { mode: 'idle' });
    return ask(input, join(lead, routineMove.speech, ...prompts.whatNext), join(...prompts.whatNextReprompt));
  }
  setDialog(input, { mode: 'exercise' });
  showExerciseScreen(input, routineMove.turn, join(lead, routineMove.speech));
  return ask(input, join(lead, routineMove.speech), routineMove.reprompt);
}

/** The "never force an exercise" sentence, once per session, before the first exercise. */
export function safetyLead(input: HandlerInput): Speech {
  if (safetyHeard(input)) return [];
  markSafetyHeard(input);
  return coach.safetyNotice();
}

export function resumeSaved(input: HandlerInput): Response {
  const user = userState(input);
  if (!user.position)
    return ask(input, join(...prompts.noExerciseToResume), join(...prompts.whatNextReprompt));
  const routineMove = coach.resumeMove(user.position, user.preferences, progressOf(user));
  return speakMove(input, routineMove, safetyLead(input));
}

function moveBy(
  input: HandlerInput,
  how: (
    position: SavedPosition,
    prefs: coach.CoachPreferences,
    progress: coach.CoachProgress,
  ) => coach.RoutineMove,
): Response {
  const user = userState(input);
  if (!user.position) return ask(input, join(...prompts.notInExercise), join(...prompts.whatNextReprompt));
  return speakMove(input, how(user.position, user.preferences, progressOf(user)));
}

/** "sla deze over": the next exercise; skipping the last (or only) one ends without counting it as done. */
function skip(input: HandlerInput): Response {
  const user = userState(input);
  if (!user.position) return ask(input, join(...prompts.notInExercise), join(...prompts.whatNextReprompt));
  const routineMove = coach.skipMove(user.position, user.preferences, progressOf(user));
  if (!routineMove.done) return speakMove(input, routineMove);
  keepSkippedToEnd(input);
  setDialog(input, { mode: 'idle' });
  return ask(input, join(routineMove.speech, ...prompts.whatNext), join(...prompts.whatNextReprompt));
}

function stopHere(input: HandlerInput): Response {
  setDialog(input, { mode: 'idle' });
  return tell(input, join(...prompts.stopExercise));
}

/** While an exercise is going on (or paused): the words that move through it. */
const controls: RequestHandler[] = [
  {
    // "volgende", "klaar", "ja", and "ga verder" when nothing is paused: the next turn.
    canHandle: (input) =>
      isIntent(input, Intent.Next, Intent.Yes) ||
      (isIntent(input, Intent.Resume) && inMode(input, 'exercise')),
    handle: (input) => moveBy(input, coach.nextMove),
  },
  {
    // "ga verder" after "pauze": the saved turn again, with where the user was.
    canHandle: (input) => isIntent(input, Intent.Resume),
    handle: resumeSaved,
  },
  {
    canHandle: (input) => isIntent(input, Intent.Previous),
    handle: (input) => moveBy(input, coach.previousMove),
  },
  {
    canHandle: (input) => isIntent(input, Intent.Repeat),
    handle: (input) => moveBy(input, coach.currentMove),
  },
  {
    canHandle: (input) => isIntent(input, Intent.StartOver),
    handle: (input) => moveBy(input, coach.restartMove),
  },
  { canHandle: (input) => isIntent(input, Intent.Skip), handle: skip },
  {
    // "pauze": the position is already saved; "ga verder" picks it up now or in a later session.
    canHandle: (input) => isIntent(input, Intent.Pause),
    handle(input) {
      setDialog(input, { mode: 'paused' });
      // Alexa listens a little longer for "ga verder"; after that the session ends and the place stays saved.
      const { speech, reprompt } = coach.pauseSpeech();
      return ask(input, speech, reprompt);
    },
  },
  {
    // "stop", "ik ben klaar voor vandaag": goodbye, with the position kept for "ga verder" another time.
    canHandle: (input) => isIntent(input, Intent.Stop, Intent.Cancel, Intent.DoneForToday),
    handle: stopHere,
  },
  {
    // "help", or words not understood: how to go on; the exercise stays where it is.
    canHandle: (input) => isIntent(input, Intent.Help, Intent.Fallback),
    handle(input) {
      const user = userState(input);
      if (!user.position)
        return ask(input, join(...prompts.notInExercise), join(...prompts.whatNextReprompt));
      const routineMove = coach.currentMove(user.position, user.preferences, progressOf(user));
      const notUnderstood = isIntent(input, Intent.Fallback) ? prompts.fallback : [];
      const reprompt = routineMove.done ? join(...prompts.exerciseHelp) : routineMove.reprompt;
      return ask(input, join(...notUnderstood, ...prompts.exerciseHelp), reprompt);
    },
  },
];

/** The controls answer only while there is a place to move from. */
export const exerciseControls: RequestHandler[] = controls.map((handler) => ({
  canHandle: (input) => userState(input).position !== null && handler.canHandle(input),
  handle: (input) => handler.handle(input),
}));

/** True while an exercise is going on or paused, with a place to go on from. */
export function exercising(input: HandlerInput): boolean {
  return inMode(input, 'exercise', 'paused') && userState(input).position !== null;
}

/** "het doet pijn" during an exercise: stop, never force, and offer the doctor questions. */
export function painStop(input: HandlerInput): Response {
  setDialog(input, { mode: 'doctorOffer' });
  const { speech, reprompt } = coach.painStop();
  // What the user said about their pain is not kept, not even for "herhaal".
  return ask(input, speech, reprompt, { keepForRepeat: false });
}

/** Navigation words when no exercise is going on: the saved one again, or how to start one. */
export const navigateOutsideExercise: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, Intent.Next, Intent.Previous, Intent.StartOver, Intent.Pause, Intent.Resume, Intent.Skip),
  handle(input) {
    const user = userState(input);
    if (!user.position || isIntent(input, Intent.Pause, Intent.Skip)) {
      setDialog(input, { mode: 'idle' });
      const none = isIntent(input, Intent.Resume) ? prompts.noExerciseToResume : prompts.notInExercise;
      return ask(input, join(...none), join(...prompts.whatNextReprompt));
    }
    return resumeSaved(input);
  },
};
