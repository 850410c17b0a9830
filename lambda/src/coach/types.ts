import type { Prompt, Speech, SpeechRate } from '../speech/ssml.js';

/** What a user chose about their exercises; kept per user. */
export interface CoachPreferences {
  /** Seconds added to the article's low end of a hold, clamped to the article's range. */
  holdExtraSeconds: number;
  speechRate: SpeechRate;
}

/** How much a user has practised; holds grow slowly with it. */
export interface CoachProgress {
  sessionsDone: number;
}

/** Where a user is: plain JSON, saved before each turn is spoken so "ga verder" can replay it. */
export interface RoutinePosition {
  exerciseIds: string[];
  exerciseIndex: number;
  turnIndex: number;
  kind: 'single' | 'routine';
  /**
   * Repetitions of the exercise done before the saved turn: where "ga verder" goes on when the turns are
   * laid out differently now (a longer hold). Absent in places saved before it was kept.
   */
  repetitionsBefore?: number;
}

export type Side = 'links' | 'rechts';

/** One response's worth of exercise: a step, one side, or a set of repetitions, ending in a prompt. */
export interface Turn extends Prompt {
  exerciseId: string;
  /** "deel 2 van 5": this turn among the exercise's turns (content coach.turn.partLabel). */
  partLabel: string;
  side?: Side;
  /** The seconds each hold in this turn lasts, for exercises with holds. */
  holdSeconds?: number;
  /** Repetitions of the exercise (both sides counted) before this turn's first one. */
  repetitionsBefore: number;
  /** Repetitions in this turn. */
  repetitions: number;
  isLastOfExercise: boolean;
  isLastOfRoutine: boolean;
}

/** The result of moving through a routine: the next turn to speak, or the end. */
export type RoutineMove<P extends RoutinePosition = RoutinePosition> =
  | (Prompt & {
      done: false;
      position: P;
      turn: Turn;
      /** What to say: any lead-in ("Goed gedaan. Volgende oefening: de brug.") and then the turn. */
      speech: Speech;
    })
  | { done: true; speech: Speech };
