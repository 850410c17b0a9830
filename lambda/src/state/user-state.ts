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
  position: RoutinePosition | null;
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
  position: RoutinePosition | null;
  at: string;
}

interface Deletion {
  /** The version of the deletion marker: every state loaded before the deletion has a lower one. */
  version: number;
  at: string;
}

export interface RoutinePosition {
  exerciseIds: string[];
  exerciseIndex: number;
  turnIndex: number;
  kind: 'single' | 'routine';
  /** ISO timestamp of the last change of position: the newest position wins a conflict. */
  updatedAt: string;
}

interface Preferences {
  /** Seconds added to a hold, within the article's range (20–30 s holds: at most 10 extra). */
  holdExtraSeconds: number;
  speechRate: 'normal' | 'slow';
}

interface Progress {
  sessionsDone: number;
  exercisesDone: number;
  daysInARow: number;
  /** YYYY-MM-DD in Europe/Amsterdam. */
  lastSessionDay: string | null;
}

export const recentTipsKept = 5;
/** The place of a device not known: an item from before places were kept, or a save without a device. */
export const unknownDevice = 'unknown';
/** Devices whose own place is kept (a household's); the oldest place goes first. */
export const placesKept = 4;
/** More tokens than this means something else is wrong; the newest are kept. */
export const reminderTokensKept = 20;
/**
 * Write ids kept in the item: a save whose answer was lost recognises its own write as long as fewer
 * than this many other writes landed in between.
 */
export const writesKept = 32;
export const maxHoldExtraSeconds = 10;
/** Months a user's data is kept after their last use (the TTL). */
export const retentionMonths = 13;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const epoch = new Date(0).toISOString();

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
function positionOf(v: unknown): RoutinePosition | undefined {
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
  const s = v.holdExtraSeconds;
  return {
    holdExtraSeconds:
      typeof s === 'number' && Number.isFinite(s)
        ? Math.min(maxHoldExtraSeconds, Math.max(0, Math.round(s)))
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

function keepNewestPlaces(places: Record<string, Place>): Record<string, Place> {
  const entries = Object.entries(places);
  if (entries.length <= placesKept) return places;
  entries.sort(([, a], [, b]) => Date.parse(b.at) - Date.parse(a.at));
  return Object.fromEntries(entries.slice(0, placesKept));
}

/** The place that changed last, of any device: where the user stopped. */
export function newestPlace(places: Record<string, Place>): Place | undefined {
  let newest: Place | undefined;
  for (const place of Object.values(places)) {
    if (!newest || Date.parse(place.at) > Date.parse(newest.at)) newest = place;
  }
  return newest;
}

/** `state` with `device`'s own place set to `place`. */
export function withPlace(state: UserState, device: string, place: Place): UserState {
  return { ...state, places: keepNewestPlaces({ ...state.places, [device]: place }) };
}

/** The state as a new session sees it: its position is where the user stopped last, on any device. */
export function asLoaded(state: UserState): UserState {
  const newest = newestPlace(state.places);
  return newest ? { ...state, position: newest.position } : state;
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
 * A three-way merge of two sets: what either side added is kept, what either side removed (it was in
 * `base` and is no longer) stays removed.
 */
function mergeSets(stored: readonly string[], mine: readonly string[], base: readonly string[]): string[] {
  const removed = new Set([
    ...base.filter((t) => !mine.includes(t)),
    ...base.filter((t) => !stored.includes(t)),
  ]);
  const merged = [...stored];
  for (const t of mine) if (!merged.includes(t)) merged.push(t);
  return merged.filter((t) => !removed.has(t));
}

/** Each device's place on its own: a device that did not move keeps what the other session stored. */
function mergePlaces(stored: UserState, mine: UserState, base: UserState): Record<string, Place> {
  const devices = new Set([...Object.keys(stored.places), ...Object.keys(mine.places)]);
  const merged: Record<string, Place> = {};
  for (const device of devices) {
    const [s, m, b] = [stored.places[device], mine.places[device], base.places[device]];
    const pickedPlace = pick(s, m, b, s?.at ?? epoch, m?.at ?? epoch);
    if (pickedPlace) merged[device] = pickedPlace;
  }
  return keepNewestPlaces(merged);
}

function laterDeletion(a: Deletion | null, b: Deletion | null): Deletion | null {
  if (!a) return b;
  if (!b) return a;
  return b.version > a.version ? b : a;
}

/**
 * Resolves a write conflict. `stored` is what another session wrote since this one loaded `base`;
 * `mine` is this session's state. Nothing is lost: counters add up what this session added since
 * `base`, each device keeps its own place (the newest wins where both moved the same device), the newest
 * change of a preference wins, tips heard and reminders created are united (a reminder deleted on either
 * side stays deleted), a heard disclaimer stays heard. The result carries `stored.version` and
 * `stored.writes`: the next conditional write expects them.
 *
 * `base` must be what this session's changes started from as far as the stored item knows it: after a
 * write of this session landed without its answer, that write's state (see UserStateStore.save), so
 * that the landed changes are not counted twice and a change back to the original value still counts.
 */
export function mergeStates(stored: UserState, mine: UserState, base: UserState): UserState {
  const storedDayIsLater = (stored.progress.lastSessionDay ?? '') > (mine.progress.lastSessionDay ?? '');
  const sameDay = stored.progress.lastSessionDay === mine.progress.lastSessionDay;
  const streakFrom = storedDayIsLater ? stored : mine;

  const recentTips = [...stored.recentTips];
  for (const tip of mine.recentTips) {
    if (!recentTips.includes(tip)) recentTips.push(tip);
  }
  const places = mergePlaces(stored, mine, base);

  return {
    version: stored.version,
    createdAt: newer(stored.createdAt, mine.createdAt) ? mine.createdAt : stored.createdAt,
    updatedAt: newer(stored.updatedAt, mine.updatedAt) ? stored.updatedAt : mine.updatedAt,
    expiresAt: Math.max(stored.expiresAt, mine.expiresAt),
    disclaimerHeard: stored.disclaimerHeard || mine.disclaimerHeard,
    position: newestPlace(places)?.position ?? null,
    places,
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
    reminderTokens: mergeSets(stored.reminderTokens, mine.reminderTokens, base.reminderTokens).slice(
      -reminderTokensKept,
    ),
    writes: stored.writes,
    lastDeletion: laterDeletion(stored.lastDeletion, mine.lastDeletion),
  };
}
