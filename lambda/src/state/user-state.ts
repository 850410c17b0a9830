import * as z from 'zod/mini';

/**
 * What the skill keeps about one user: where they are in their exercises, their preferences and their
 * progress. Plain JSON. Never anything the user said about their health.
 */
export interface UserState {
  /** Optimistic lock: the version stored in DynamoDB; 0 means "never stored". */
  version: number;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  /** Epoch seconds, about 13 months after the last use: the table's TTL attribute. */
  expiresAt: number;
  disclaimerHeard: boolean;
  position: RoutinePosition | null;
  preferences: Preferences;
  progress: Progress;
  /** Numbers (1..13) of the tips heard most recently, oldest first, at most `recentTipsKept`. */
  recentTips: number[];
  reminderToken?: string;
}

export interface RoutinePosition {
  exerciseIds: string[];
  exerciseIndex: number;
  turnIndex: number;
  kind: 'single' | 'routine';
  /** ISO timestamp of the last change of position: the newest position wins a conflict. */
  updatedAt: string;
}

export interface Preferences {
  /** Seconds added to a hold, within the article's range (20–30 s holds: at most 10 extra). */
  holdExtraSeconds: number;
  speechRate: 'normal' | 'slow';
}

export interface Progress {
  sessionsDone: number;
  exercisesDone: number;
  daysInARow: number;
  /** YYYY-MM-DD in Europe/Amsterdam. */
  lastSessionDay: string | null;
}

export const recentTipsKept = 5;
export const maxHoldExtraSeconds = 10;
/** Months a user's data is kept after their last use (the TTL). */
export const retentionMonths = 13;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const epoch = new Date(0).toISOString();

export function defaultPreferences(): Preferences {
  return { holdExtraSeconds: 0, speechRate: 'normal' };
}

export function defaultProgress(): Progress {
  return { sessionsDone: 0, exercisesDone: 0, daysInARow: 0, lastSessionDay: null };
}

/** Epoch seconds `retentionMonths` calendar months after `now`. */
export function expiryFor(now: Date): number {
  const expires = new Date(now.getTime());
  expires.setUTCMonth(expires.getUTCMonth() + retentionMonths);
  return Math.floor(expires.getTime() / 1000);
}

export function newUserState(now: Date): UserState {
  const iso = now.toISOString();
  return {
    version: 0,
    createdAt: iso,
    updatedAt: iso,
    expiresAt: expiryFor(now),
    disclaimerHeard: false,
    position: null,
    preferences: defaultPreferences(),
    progress: defaultProgress(),
    recentTips: [],
  };
}

// zod/mini: the same validation as zod's classic API, tree-shaken to a few KiB in the Lambda bundle.
const count = z.catch(z.int().check(z.nonnegative()), 0);
const timestamp = z.catch(z.iso.datetime({ offset: true }), epoch);

const positionSchema = z.object({
  exerciseIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  exerciseIndex: z.int().check(z.nonnegative()),
  turnIndex: z.int().check(z.nonnegative()),
  kind: z.enum(['single', 'routine']),
  updatedAt: timestamp,
});

/**
 * Reads a stored state leniently: an item written by an older version, or corrupted, never throws;
 * each field that is missing or invalid falls back to its default on its own. A position is kept only
 * when it is whole (a half position could point at an exercise that does not exist).
 */
export const userStateSchema = z.object({
  version: count,
  createdAt: timestamp,
  updatedAt: timestamp,
  expiresAt: count,
  disclaimerHeard: z.catch(z.boolean(), false),
  position: z.catch(
    z.nullable(positionSchema.check(z.refine((p) => p.exerciseIndex < p.exerciseIds.length))),
    null,
  ),
  preferences: z.catch(
    z.object({
      holdExtraSeconds: z.catch(
        z.pipe(
          z.number(),
          z.transform((s: number) => Math.min(maxHoldExtraSeconds, Math.max(0, Math.round(s)))),
        ),
        0,
      ),
      speechRate: z.catch(z.enum(['normal', 'slow']), 'normal'),
    }),
    () => defaultPreferences(),
  ),
  progress: z.catch(
    z.object({
      sessionsDone: count,
      exercisesDone: count,
      daysInARow: count,
      lastSessionDay: z.catch(z.nullable(z.string().check(z.regex(isoDate))), null),
    }),
    () => defaultProgress(),
  ),
  recentTips: z.catch(
    z.pipe(
      z.array(z.unknown()),
      z.transform((tips: unknown[]) =>
        tips.filter((t): t is number => typeof t === 'number' && Number.isInteger(t)).slice(-recentTipsKept),
      ),
    ),
    [],
  ),
  reminderToken: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
});

/** Parses anything (a stored item, session attributes) into a valid state; never throws. */
export function parseUserState(input: unknown, now: Date): UserState {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return newUserState(now);
  const parsed = userStateSchema.parse(input);
  const { reminderToken, ...rest } = parsed;
  const state: UserState = rest;
  if (reminderToken !== undefined) state.reminderToken = reminderToken;
  if (state.createdAt === epoch) state.createdAt = now.toISOString();
  if (state.expiresAt === 0) state.expiresAt = expiryFor(now);
  return state;
}

// Made on first use: building it loads time-zone data (~20 ms), which a launch never needs.
let amsterdamDay: Intl.DateTimeFormat | undefined;

/** The calendar day (YYYY-MM-DD) in Europe/Amsterdam at `now`. */
export function dayInAmsterdam(now: Date): string {
  amsterdamDay ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return amsterdamDay.format(now);
}

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

/** Remembers a tip as heard (the newest last), keeping the last `recentTipsKept`. */
export function rememberTip(state: UserState, tipNumber: number): UserState {
  const recentTips = [...state.recentTips.filter((t) => t !== tipNumber), tipNumber].slice(-recentTipsKept);
  return { ...state, recentTips };
}

/** JSON equality that does not depend on key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const entries = Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

function newer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/**
 * Picks between a field as stored now and as changed by this session, both started from `base`:
 * a side that did not change it yields to the other; when both changed it, the newer one wins.
 */
function pick<T>(stored: T, mine: T, base: T, storedAt: string, mineAt: string): T {
  if (sameJson(mine, base)) return stored;
  if (sameJson(stored, base)) return mine;
  return newer(storedAt, mineAt) ? stored : mine;
}

function addDelta(stored: number, mine: number, base: number): number {
  return stored + Math.max(0, mine - base);
}

/**
 * Resolves a write conflict. `stored` is what another session wrote since this one loaded `base`;
 * `mine` is this session's state. Nothing is lost: counters add up, the newest position and
 * preferences win, tips heard are united, a heard disclaimer stays heard. The result carries
 * `stored.version`, the version the next conditional write expects.
 */
export function mergeStates(stored: UserState, mine: UserState, base: UserState): UserState {
  const positionTime = (s: UserState) => s.position?.updatedAt ?? s.updatedAt;
  const storedDayIsLater = (stored.progress.lastSessionDay ?? '') > (mine.progress.lastSessionDay ?? '');
  const sameDay = stored.progress.lastSessionDay === mine.progress.lastSessionDay;
  const streakFrom = storedDayIsLater ? stored : mine;

  const recentTips = [...stored.recentTips];
  for (const tip of mine.recentTips) {
    if (!recentTips.includes(tip)) recentTips.push(tip);
  }

  const merged: UserState = {
    version: stored.version,
    createdAt: newer(stored.createdAt, mine.createdAt) ? mine.createdAt : stored.createdAt,
    updatedAt: newer(stored.updatedAt, mine.updatedAt) ? stored.updatedAt : mine.updatedAt,
    expiresAt: Math.max(stored.expiresAt, mine.expiresAt),
    disclaimerHeard: stored.disclaimerHeard || mine.disclaimerHeard,
    position: pick(stored.position, mine.position, base.position, positionTime(stored), positionTime(mine)),
    preferences: {
      holdExtraSeconds: pick(
        stored.preferences.holdExtraSeconds,
        mine.preferences.holdExtraSeconds,
        base.preferences.holdExtraSeconds,
        stored.updatedAt,
        mine.updatedAt,
      ),
      speechRate: pick(
        stored.preferences.speechRate,
        mine.preferences.speechRate,
        base.preferences.speechRate,
        stored.updatedAt,
        mine.updatedAt,
      ),
    },
    progress: {
      sessionsDone: addDelta(
        stored.progress.sessionsDone,
        mine.progress.sessionsDone,
        base.progress.sessionsDone,
      ),
      exercisesDone: addDelta(
        stored.progress.exercisesDone,
        mine.progress.exercisesDone,
        base.progress.exercisesDone,
      ),
      daysInARow: sameDay
        ? Math.max(stored.progress.daysInARow, mine.progress.daysInARow)
        : streakFrom.progress.daysInARow,
      lastSessionDay: streakFrom.progress.lastSessionDay,
    },
    recentTips: recentTips.slice(-recentTipsKept),
  };
  const reminderToken = pick(
    stored.reminderToken,
    mine.reminderToken,
    base.reminderToken,
    stored.updatedAt,
    mine.updatedAt,
  );
  if (reminderToken !== undefined) merged.reminderToken = reminderToken;
  return merged;
}
