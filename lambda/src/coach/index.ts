/** The exercise coach: exercises from the article as spoken turns with timed holds, and routine navigation. */
export {
  adjustHold,
  holdFor,
  holdSpeech,
  maxHoldExtraSeconds,
  setSpeechRate,
} from './hold.js';
export {
  currentMove,
  currentTurn,
  exerciseNameAt,
  nextMove,
  painStop,
  pauseSpeech,
  previousMove,
  restartMove,
  resumeMove,
  resumeOffer,
  routineFor,
  routineOrder,
  skipMove,
  suggestExercise,
} from './routine.js';
export { planFor, safetyNotice, spokenName, turnsFor } from './turns.js';
export type { CoachPreferences, CoachProgress, RoutineMove, RoutinePosition } from './types.js';
