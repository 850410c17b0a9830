import { spokenName } from '../../lambda/src/coach/turns.js';
import { exerciseById } from '../../lambda/src/content/article.js';
import { newUserState, type SavedPosition, type UserState } from '../../lambda/src/state/user-state.js';

/** The moment the state tests start from, unless one gives another. */
export const testNow = new Date('2025-06-01T10:00:00Z');

/** The article's routine, in its order. */
const routine = ['knie-naar-borst', 'kat-koe', 'bekkenkanteling', 'brug', 'hamstrings'];

/** A place in the routine: at the first turn of its `exerciseIndex`th exercise, saved at `updatedAt`. */
export function routinePosition(
  exerciseIndex: number,
  updatedAt: string,
  exerciseIds: readonly string[] = routine,
): SavedPosition {
  return { exerciseIds: [...exerciseIds], exerciseIndex, turnIndex: 0, kind: 'routine', updatedAt };
}

/** A user's state: a new user's, at `now`, with `changes` on top. */
export function userState(changes: Partial<UserState> = {}, now: Date = testNow): UserState {
  return { ...newUserState(now), ...changes };
}

/** Exercise `id`'s name as the coach says it in a sentence ("de brug"), from the content. */
export function spokenExerciseName(id: string): string {
  const exercise = exerciseById(id);
  if (!exercise) throw new Error(`no exercise ${id} in the article`);
  return spokenName(exercise);
}
