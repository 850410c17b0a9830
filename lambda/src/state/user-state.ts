import { maxHoldExtraSeconds } from '../coach/hold.js';
import type { CoachPreferences, RoutinePosition } from '../coach/types.js';
import { recentTipsKept } from '../knowledge/tips.js';
import { keepNewestPlaces } from './places.js';

/**
 * What the skill keeps about one user: the shape, its defaults and the reader of a stored state.
 * Places of devices: places.ts; sessions and streaks: progress.ts; two sessions' writes: merge.ts.
 */

/**
 * What the skill keeps about one user: where they are in their exercises, their preferences and their
 * progress. Plain JSON. Never anything the user said about their health.
 */
export interface UserState {
  /**
   * Optimistic lock: the version stored in DynamoDB; 0 means "never stored". A new item starts at the
   * current time in milliseconds and every write adds 1, so a version is never handed out twice for one
   * user, not even after a deletion (see `lastDeletion`).
   */
  version: number;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
  /** Epoch seconds, about 13 months after the last use: the table's TTL attribute. */
  expiresAt: number;
  disclaimerHeard: boolean;
  /**
   * Where this session is. When a session starts it is the newest place of any device ("ga verder"
   * carries on where the user stopped, on any device); from then on it is this device's own place.
   */
  position: SavedPosition | null;
  /** Each device's own place, by a one-way key of the device (never the device id itself). */
  places: Record<string, Place>;
  preferences: Preferences;
  progress: Progress;
  /** Numbers (1..13) of the tips heard most recently, oldest first, at most `recentTipsKept`. */
  recentTips: number[];
  /** The alert tokens of every reminder the skill created for the user and has not deleted yet. */
  reminderTokens: string[];
  /** Ids of the latest saves that wrote this item, newest first: a save recognises its own write by them. */
  writes: string[];
  /** The last "wis mijn gegevens" (or disabled skill): nothing loaded before it may be written back. */
  lastDeletion: Deletion | null;
}

/** One device's place: a position, or none (finished), and when it changed. */
export interface Place {
  position: SavedPosition | null;
  at: string;
}

export interface Deletion {
  /** The version of the deletion marker: every state loaded before the deletion has a lower one. */
  version: number;
  at: string;
}

/** A position in a routine as saved: the coach's position and when it changed. */
export interface SavedPosition extends RoutinePosition {
  /** ISO timestamp of the last change of position: the newest position wins a conflict. */
  updatedAt: string;
}

/** The coach's preferences, kept as they are (holdExtraSeconds within 0..maxHoldExtraSeconds). */
type Preferences = CoachPreferences;

interface Progress {
  sessionsDone: number;
  exercisesDone: number;
  daysInARow: number;
  /** YYYY-MM-DD in Europe/Amsterdam. */
  lastSessionDay: string | null;
}

/** The place of a device not known: an item from before places were kept, or a save without a device. */
export const unknownDevice = 'unknown';
/** More tokens than this means something else is wrong; the newest are kept. */
export const reminderTokensKept = 20;
/**
 * Write ids kept in the item: a save whose answer was lost recognises its own write as long as fewer
 * than this many other writes landed in between.
 */
export const writesKept = 32;
/** Months a user's data is kept after their last use (the TTL). */
export const retentionMonths = 13;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** The time an unreadable timestamp reads as; never a real write's. */
export const epoch = new Date(0).toISOString();

function defaultPreferences(): Preferences {
  return { holdExtraSeconds: 0, speechRate: 'normal' };
}

function defaultProgress(): Progress {
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
    places: {},
    progress: defaultProgress(),
    recentTips: [],
    reminderTokens: [],
    writes: [],
    lastDeletion: null,
  };
}

// The reader of a stored state is written out by hand, not with zod: zod's runtime was 35 KiB of the
// bundle and some 10 ms of every cold start (npm run bench). tests/state/user-state-reader.test.ts
// holds it to the zod schema it replaced, on generated states valid and broken field by field.

/** An ISO 8601 date-time with seconds and a zone (Z or ±hh:mm), a real calendar date: zod's `iso.datetime({ offset: true })`. */
const isoDateTime =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isTimestamp = (v: unknown): v is string => typeof v === 'string' && isoDateTime.test(v);
const countOr0 = (v: unknown): number => (isCount(v) ? v : 0);
const timestampOrEpoch = (v: unknown): string => (isTimestamp(v) ? v : epoch);
const isToken = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 500;
const isWriteId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 64;

/** A whole position, or undefined: a half position could point at an exercise that does not exist. */
function positionOf(v: unknown): SavedPosition | undefined {
  if (!isRecord(v)) return undefined;
  const { exerciseIds, exerciseIndex, turnIndex, kind, repetitionsBefore } = v;
  if (!Array.isArray(exerciseIds) || exerciseIds.length === 0) return undefined;
  if (!exerciseIds.every((id) => typeof id === 'string' && id.length > 0)) return undefined;
  if (!isCount(exerciseIndex) || !isCount(turnIndex) || exerciseIndex >= exerciseIds.length) return undefined;
  if (kind !== 'single' && kind !== 'routine') return undefined;
  if (repetitionsBefore !== undefined && !isCount(repetitionsBefore)) return undefined;
  return {
    exerciseIds: [...exerciseIds],
    exerciseIndex,
    turnIndex,
    kind,
    ...(repetitionsBefore !== undefined && { repetitionsBefore }),
    updatedAt: timestampOrEpoch(v.updatedAt),
  };
}

function placeOf(v: unknown): Place | undefined {
  if (!isRecord(v) || !isTimestamp(v.at)) return undefined;
  if (v.position === null) return { position: null, at: v.at };
  const position = positionOf(v.position);
  return position ? { position, at: v.at } : undefined;
}

function placesFrom(value: unknown): Record<string, Place> {
  if (!isRecord(value)) return {};
  const places: Record<string, Place> = {};
  for (const [device, entry] of Object.entries(value)) {
    const place = placeOf(entry);
    if (place && device.length > 0 && device.length <= 64) places[device] = place;
  }
  return keepNewestPlaces(places);
}

function preferencesOf(v: unknown): Preferences {
  if (!isRecord(v)) return defaultPreferences();
  const seconds = v.holdExtraSeconds;
  return {
    holdExtraSeconds:
      typeof seconds === 'number' && Number.isFinite(seconds)
        ? Math.min(maxHoldExtraSeconds, Math.max(0, Math.round(seconds)))
        : 0,
    speechRate: v.speechRate === 'normal' || v.speechRate === 'slow' ? v.speechRate : 'normal',
  };
}

function progressOf(v: unknown): Progress {
  if (!isRecord(v)) return defaultProgress();
  const day = v.lastSessionDay;
  return {
    sessionsDone: countOr0(v.sessionsDone),
    exercisesDone: countOr0(v.exercisesDone),
    daysInARow: countOr0(v.daysInARow),
    lastSessionDay: typeof day === 'string' && isoDate.test(day) ? day : null,
  };
}

function lastDeletionOf(v: unknown): Deletion | null {
  if (!isRecord(v) || !Number.isSafeInteger(v.version) || (v.version as number) <= 0 || !isTimestamp(v.at)) {
    return null;
  }
  return { version: v.version as number, at: v.at };
}

/**
 * Parses anything (a stored item, session attributes) into a valid state; never throws. Read leniently:
 * an item written by an older version, or corrupted, falls back to defaults field by field, keeping the
 * valid fields; a position is kept only when it is whole.
 */
export function parseUserState(input: unknown, now: Date): UserState {
  if (!isRecord(input)) return newUserState(now);
  const tokens = (Array.isArray(input.reminderTokens) ? input.reminderTokens : []).filter(isToken);
  // Written by versions that kept one reminder only.
  const token = input.reminderToken;
  if (isToken(token) && !tokens.includes(token)) tokens.unshift(token);
  const state: UserState = {
    version: countOr0(input.version),
    createdAt: timestampOrEpoch(input.createdAt),
    updatedAt: timestampOrEpoch(input.updatedAt),
    expiresAt: countOr0(input.expiresAt),
    disclaimerHeard: typeof input.disclaimerHeard === 'boolean' ? input.disclaimerHeard : false,
    position: input.position === null ? null : (positionOf(input.position) ?? null),
    preferences: preferencesOf(input.preferences),
    progress: progressOf(input.progress),
    recentTips: Array.isArray(input.recentTips)
      ? input.recentTips
          .filter((t): t is number => typeof t === 'number' && Number.isInteger(t))
          .slice(-recentTipsKept)
      : [],
    lastDeletion: lastDeletionOf(input.lastDeletion),
    places: placesFrom(input.places),
    reminderTokens: tokens.slice(-reminderTokensKept),
    writes: (Array.isArray(input.writes) ? input.writes : []).filter(isWriteId).slice(0, writesKept),
  };
  // An item from before places were kept: its one position becomes the place of an unknown device.
  if (Object.keys(state.places).length === 0 && state.position !== null) {
    state.places = { [unknownDevice]: { position: state.position, at: state.position.updatedAt } };
  }
  if (state.createdAt === epoch) state.createdAt = now.toISOString();
  if (state.expiresAt === 0) state.expiresAt = expiryFor(now);
  return state;
}
