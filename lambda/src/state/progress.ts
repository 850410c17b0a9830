/** What a user has done: sessions counted and the days-in-a-row streak, by the Amsterdam calendar. */
import { dayInAmsterdam } from '../time/amsterdam.js';
import type { UserState } from './user-state.js';

function dayBefore(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** Marks `now` as a day with a session: the days-in-a-row streak grows, holds or restarts at 1. */
export function recordSessionDay(state: UserState, now: Date): UserState {
  const today = dayInAmsterdam(now);
  const last = state.progress.lastSessionDay;
  // A last day after today means a clock moved backwards: leave the streak as it is.
  if (last !== null && last >= today) return state;
  const daysInARow = last === dayBefore(today) ? state.progress.daysInARow + 1 : 1;
  return { ...state, progress: { ...state.progress, daysInARow, lastSessionDay: today } };
}

/** One finished session: the session count and the days-in-a-row streak. */
export function recordSession(state: UserState, now: Date): UserState {
  const counted = {
    ...state,
    progress: { ...state.progress, sessionsDone: state.progress.sessionsDone + 1 },
  };
  return recordSessionDay(counted, now);
}
