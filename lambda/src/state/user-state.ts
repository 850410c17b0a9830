import * as z from 'zod/mini';

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

export interface Deletion {
  /** The version of the deletion marker: every state loaded before the deletion has a lower one. */
  version: number;
  at: string;
}

export interface RoutinePosition {
  exerciseIds: string[];
  exerciseIndex: number;
  turnIndex: number;
  kind: 'single' | 'routine';
  /** Repetitions of the exercise done before the saved turn (coach/types.ts): where "ga verder" goes on. */
  repetitionsBefore?: number;
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
    places: {},
    progress: defaultProgress(),
    recentTips: [],
    reminderTokens: [],
    writes: [],
    lastDeletion: null,
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
  repetitionsBefore: z.optional(z.int().check(z.nonnegative())),
  updatedAt: timestamp,
});

const wholePosition = positionSchema.check(z.refine((p) => p.exerciseIndex < p.exerciseIds.length));
const placeSchema = z.object({ position: z.nullable(wholePosition), at: z.iso.datetime({ offset: true }) });
const token = z.string().check(z.minLength(1), z.maxLength(500));

/** Keeps the well-formed entries of a list or record and drops the rest, one by one. */
function each<T>(schema: z.ZodMiniType<T>) {
  return (value: unknown): T[] =>
    (Array.isArray(value) ? value : []).flatMap((entry) => {
      const parsed = schema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
}

function placesFrom(value: unknown): Record<string, Place> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const places: Record<string, Place> = {};
  for (const [device, entry] of Object.entries(value)) {
    const parsed = placeSchema.safeParse(entry);
    if (parsed.success && device.length > 0 && device.length <= 64) places[device] = parsed.data;
  }
  return keepNewestPlaces(places);
}

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
  position: z.catch(z.nullable(wholePosition), null),
  places: z.optional(z.unknown()),
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
  reminderTokens: z.optional(z.unknown()),
  /** Written by versions that kept one reminder only. */
  reminderToken: z.catch(z.optional(token), undefined),
  writes: z.optional(z.unknown()),
  lastDeletion: z.catch(
    z.nullable(z.object({ version: z.int().check(z.positive()), at: z.iso.datetime({ offset: true }) })),
    null,
  ),
});

/** Parses anything (a stored item, session attributes) into a valid state; never throws. */
export function parseUserState(input: unknown, now: Date): UserState {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return newUserState(now);
  const { reminderToken, reminderTokens, places, writes, ...parsed } = userStateSchema.parse(input);
  const tokens = each(token)(reminderTokens);
  if (reminderToken !== undefined && !tokens.includes(reminderToken)) tokens.unshift(reminderToken);
  const state: UserState = {
    ...parsed,
    places: placesFrom(places),
    reminderTokens: tokens.slice(-reminderTokensKept),
    writes: each(z.string().check(z.minLength(1), z.maxLength(64)))(writes).slice(0, writesKept),
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
