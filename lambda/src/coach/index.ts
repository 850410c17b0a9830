/** The exercise coach: exercises from the article as spoken turns with timed holds, and routine navigation. */
export {
  adjustHold,
  holdFor,
  holdSpeech,
  maxHoldExtraSeconds,
  setSpeechRate,
} from './hold.js';
export {
  currentStep,
  currentTurn,
  exerciseNameAt,
  nextPosition,
  painStop,
  pauseSpeech,
  previousPosition,
  restartPosition,
  resumeOffer,
  resumeStep,
  routineFor,
  routineOrder,
  skipPosition,
  suggestExercise,
} from './routine.js';
export { planFor, safetyNotice, spokenName, turnsFor } from './turns.js';
export type { CoachPreferences, CoachProgress, CoachStep, RoutinePosition } from './types.js';
