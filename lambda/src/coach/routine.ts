import { exerciseById } from '../content/article.js';
import type { Exercise } from '../content/schema.js';
import { join, type Prompt, type Speech, say } from '../speech/ssml.js';
import { coachText, fill } from '../text/index.js';
import { spokenName, turnStartingAfter, turnsFor } from './turns.js';
import type { CoachPreferences, CoachProgress, RoutineMove, RoutinePosition, Turn } from './types.js';

/**
 * The routine's order: gentle mobility lying down first (knie naar borst, then bekkenkanteling from the
 * same position), then kat-koe on hands and knees, then the brug, which asks more strength once the back
 * is warm, and the hamstring stretch last, lying down again, to end calmly.
 */
export const routineOrder: readonly string[] = [
  'knie-naar-borst',
  'bekkenkanteling',
  'kat-koe',
  'brug',
  'hamstrings',
];

const navigationText = coachText.navigation;

/** A new position: one exercise ("vraag rug coach naar de brug") or the whole routine, from an exercise on. */
export function routineFor(kind: 'single' | 'routine', exerciseId?: string): RoutinePosition {
  if (kind === 'single') {
    return { exerciseIds: [exerciseId ?? suggestExercise()], exerciseIndex: 0, turnIndex: 0, kind };
  }
  const start = exerciseId === undefined ? 0 : Math.max(0, routineOrder.indexOf(exerciseId));
  return { exerciseIds: [...routineOrder], exerciseIndex: start, turnIndex: 0, kind };
}

/** "een oefening": an exercise from the routine, picked by the seed (say, the day), the first without one. */
export function suggestExercise(seed = 0): string {
  const index = Math.abs(Math.trunc(Number.isFinite(seed) ? seed : 0)) % routineOrder.length;
  return routineOrder[index] ?? 'knie-naar-borst';
}

function exerciseAt(position: RoutinePosition, index = position.exerciseIndex): Exercise | undefined {
  const id = position.exerciseIds[index];
  return id === undefined ? undefined : exerciseById(id);
}

/** The exercise the position is in, as a name in a sentence ("de brug"), or undefined for a stale position. */
export function exerciseNameAt(position: RoutinePosition): string | undefined {
  const exercise = exerciseAt(position);
  return exercise ? spokenName(exercise) : undefined;
}

/** The index of the next exercise the article has, after `from` (stored positions may hold old ids). */
function nextKnownIndex(position: RoutinePosition, from: number, direction: 1 | -1): number | undefined {
  for (let i = from + direction; i >= 0 && i < position.exerciseIds.length; i += direction) {
    if (exerciseAt(position, i)) return i;
  }
  return undefined;
}

/**
 * The turn the position points at; "herhaal" and "ga verder" say it again. A turn index beyond the end
 * (the hold changed, so the exercise has fewer turns now) means its last turn. Undefined when the
 * position names no exercise the article has.
 */
export function currentTurn(
  position: RoutinePosition,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): Turn | undefined {
  return locate(position, prefs, progress)?.turn;
}

/**
 * The turn a position points at, and its index in the turns as they are laid out now. A position that
 * knows how many repetitions were done before it goes on from there (the layout may have changed since);
 * an older one goes by its turn index.
 */
function locate(
  position: RoutinePosition,
  prefs: CoachPreferences,
  progress: CoachProgress | undefined,
): { turn: Turn; index: number } | undefined {
  const exercise = exerciseAt(position);
  if (!exercise) return undefined;
  const turns = turnsFor(exercise, prefs, progress);
  const byRepetition =
    position.repetitionsBefore === undefined
      ? undefined
      : turnStartingAfter(exercise, prefs, progress, position.repetitionsBefore);
  const index = byRepetition?.index ?? Math.min(Math.max(0, position.turnIndex), turns.length - 1);
  const turn = byRepetition?.turn ?? turns[index];
  if (!turn) return undefined;
  const lastExercise = nextKnownIndex(position, position.exerciseIndex, 1) === undefined;
  return { turn: { ...turn, isLastOfRoutine: turn.isLastOfExercise && lastExercise }, index };
}

function moveTo<P extends RoutinePosition>(
  position: P,
  prefs: CoachPreferences,
  progress: CoachProgress | undefined,
  lead: Speech,
): RoutineMove<P> {
  const found = locate(position, prefs, progress);
  if (!found) return { done: true, speech: join(navigationText.routineDone) };
  const { turn, index } = found;
  // The place as the turns are laid out now, with the repetitions done before it.
  const placed = { ...position, turnIndex: index, repetitionsBefore: turn.repetitionsBefore };
  return { done: false, position: placed, turn, speech: join(lead, turn.speech), reprompt: turn.reprompt };
}

/** A position at a turn index of the current layout (moving by turns, not by repetitions). */
function byIndex<P extends RoutinePosition>(position: P, turnIndex: number): P {
  const { repetitionsBefore: _, ...rest } = position;
  return { ...rest, turnIndex } as P;
}

/** The move to the position itself, with no lead-in: to start, or to say a turn again. */
export function currentMove<P extends RoutinePosition>(
  position: P,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): RoutineMove<P> {
  return moveTo(position, prefs, progress, []);
}

/** "volgende": the next turn of this exercise, else the next exercise, else done (with its praise). */
export function nextMove<P extends RoutinePosition>(
  position: P,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): RoutineMove<P> {
  const exercise = exerciseAt(position);
  if (exercise) {
    const turns = turnsFor(exercise, prefs, progress);
    const index = locate(position, prefs, progress)?.index ?? position.turnIndex;
    if (index + 1 < turns.length) {
      return moveTo(byIndex(position, index + 1), prefs, progress, []);
    }
  }
  const next = nextKnownIndex(position, position.exerciseIndex, 1);
  const following = next === undefined ? undefined : exerciseAt(position, next);
  if (next !== undefined && following) {
    const lead = [say(fill(navigationText.nextExercise, { name: spokenName(following) }))];
    return moveTo(byIndex({ ...position, exerciseIndex: next }, 0), prefs, progress, lead);
  }
  if (position.kind === 'single' && exercise) {
    return { done: true, speech: [say(fill(navigationText.exerciseDone, { name: spokenName(exercise) }))] };
  }
  return { done: true, speech: [say(navigationText.routineDone)] };
}

/**
 * "sla deze over": on to the next exercise of the routine, or the end when this was the last one (or
 * the only one). A skipped exercise is not praised and does not count as done.
 */
export function skipMove<P extends RoutinePosition>(
  position: P,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): RoutineMove<P> {
  const exercise = exerciseAt(position);
  const skipped = exercise ? [say(fill(navigationText.skipped, { name: spokenName(exercise) }))] : [];
  const next = nextKnownIndex(position, position.exerciseIndex, 1);
  const following = next === undefined ? undefined : exerciseAt(position, next);
  if (next !== undefined && following) {
    const lead = [...skipped, say(fill(navigationText.skippedNext, { name: spokenName(following) }))];
    return moveTo(byIndex({ ...position, exerciseIndex: next }, 0), prefs, progress, lead);
  }
  return { done: true, speech: [...skipped, say(navigationText.skippedLast)] };
}

/** "vorige": the turn before, in this exercise or at the end of the one before; the first turn stays. */
export function previousMove<P extends RoutinePosition>(
  position: P,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): RoutineMove<P> {
  const exercise = exerciseAt(position);
  const index = locate(position, prefs, progress)?.index ?? position.turnIndex;
  if (exercise && index > 0) {
    return moveTo(byIndex(position, index - 1), prefs, progress, []);
  }
  const previous = nextKnownIndex(position, position.exerciseIndex, -1);
  const before = previous === undefined ? undefined : exerciseAt(position, previous);
  if (previous !== undefined && before) {
    const last = turnsFor(before, prefs, progress).length - 1;
    return moveTo(byIndex({ ...position, exerciseIndex: previous }, last), prefs, progress, []);
  }
  return moveTo(byIndex(position, 0), prefs, progress, [say(navigationText.atFirstStep)]);
}

/** "opnieuw": the current exercise from its first turn. */
export function restartMove<P extends RoutinePosition>(
  position: P,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): RoutineMove<P> {
  return moveTo(byIndex(position, 0), prefs, progress, [say(navigationText.restart)]);
}

/** "ga verder": the saved turn again, introduced with where the user was. */
export function resumeMove<P extends RoutinePosition>(
  position: P,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): RoutineMove<P> {
  const exercise = exerciseAt(position);
  const lead = exercise ? [say(fill(navigationText.resume, { name: spokenName(exercise) }))] : [];
  return moveTo(position, prefs, progress, lead);
}

/** "pauze": the position is kept; the handler saves it. */
export function pauseSpeech(): Prompt {
  return { speech: [say(navigationText.pause)], reprompt: [say(navigationText.pauseReprompt)] };
}

/** At launch: "Vorige keer was je bij de brug. Zullen we daar verdergaan?", or undefined for a stale position. */
export function resumeOffer(position: RoutinePosition): Prompt | undefined {
  const name = exerciseNameAt(position);
  if (name === undefined) return undefined;
  return {
    speech: [say(fill(navigationText.resumeOffer, { name }))],
    reprompt: [say(fill(navigationText.resumeOfferReprompt, { name }))],
  };
}

/** "het doet pijn": stop, never force, and offer the questions about the GP. */
export function painStop(): Prompt {
  return { speech: [say(navigationText.painStop)], reprompt: [say(navigationText.painStopReprompt)] };
}
