import type { HandlerInput } from 'ask-sdk-core';
import type * as coach from '../coach/index.js';
import { recordSession } from '../state/progress.js';
import { turnTime } from '../state/turn.js';
import type { SavedPosition, UserState } from '../state/user-state.js';
import { setUserState, userState } from './context.js';

/** The user's progress as the coach reads it (holds grow with sessions done). */
export function progressOf(user: UserState): coach.CoachProgress {
  return { sessionsDone: user.progress.sessionsDone };
}

/**
 * Keeps what a move through the routine changed: the new position (saved by the response interceptor
 * before Alexa speaks, so "ga verder" replays a turn the user interrupted), an exercise done when the
 * move went on to the next one, and at the end the exercise and the session done.
 */
export function keepProgress(input: HandlerInput, routineMove: coach.RoutineMove): void {
  const user = userState(input);
  if (routineMove.done) {
    setUserState(input, finished(input, { ...user, position: null }));
    return;
  }
  const movedOn = user.position !== null && routineMove.position.exerciseIndex > user.position.exerciseIndex;
  const position: SavedPosition = { ...routineMove.position, updatedAt: turnTime(input).toISOString() };
  setUserState(input, {
    ...user,
    position,
    progress: { ...user.progress, exercisesDone: user.progress.exercisesDone + (movedOn ? 1 : 0) },
  });
}

/** "sla deze over" past the last exercise: the place is cleared, and nothing counts as done. */
export function keepSkippedToEnd(input: HandlerInput): void {
  setUserState(input, { ...userState(input), position: null });
}

/** A finished exercise or routine counts once per Alexa session towards sessions done and days in a row. */
function finished(input: HandlerInput, user: UserState): UserState {
  const attributes = input.attributesManager.getSessionAttributes();
  const counted = { ...user, progress: { ...user.progress, exercisesDone: user.progress.exercisesDone + 1 } };
  if (attributes.sessionCounted === true) return counted;
  attributes.sessionCounted = true;
  return recordSession(counted, turnTime(input));
}
