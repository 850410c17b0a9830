import { recentTipsKept } from '../knowledge/tips.js';
import { keepNewestPlaces, newestPlace } from './places.js';
import { type Deletion, epoch, type Place, reminderTokensKept, type UserState } from './user-state.js';

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
    const [storedPlace, minePlace, basePlace] = [
      stored.places[device],
      mine.places[device],
      base.places[device],
    ];
    const pickedPlace = pick(
      storedPlace,
      minePlace,
      basePlace,
      storedPlace?.at ?? epoch,
      minePlace?.at ?? epoch,
    );
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
