import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStates } from '../../lambda/src/state/merge.js';
import { withPlace } from '../../lambda/src/state/places.js';
import { recordSession, recordSessionDay } from '../../lambda/src/state/progress.js';
import {
  expiryFor,
  newUserState,
  parseUserState,
  type SavedPosition,
  type UserState,
} from '../../lambda/src/state/user-state.js';
import { dayInAmsterdam } from '../../lambda/src/time/amsterdam.js';
import { routinePosition, testNow, userState } from '../support/builders.js';

const now = testNow;

function at(iso: string): Date {
  return new Date(iso);
}

describe('a new user', () => {
  it('has not heard the disclaimer, has no position and no progress', () => {
    const fresh = newUserState(now);
    expect(fresh.version).toBe(0);
    expect(fresh.disclaimerHeard).toBe(false);
    expect(fresh.position).toBeNull();
    expect(fresh.progress).toEqual({
      sessionsDone: 0,
      exercisesDone: 0,
      daysInARow: 0,
      lastSessionDay: null,
    });
    expect(fresh.preferences).toEqual({ holdExtraSeconds: 0, speechRate: 'normal' });
  });

  it('is kept about 13 months after the last use', () => {
    const days = (expiryFor(now) - now.getTime() / 1000) / 86_400;
    expect(days).toBeGreaterThan(390);
    expect(days).toBeLessThan(400);
    expect(Number.isInteger(expiryFor(now))).toBe(true);
  });
});

describe('reading a stored state', () => {
  it('turns anything that is not an object into a new state without throwing', () => {
    for (const garbage of [undefined, null, 'x', 42, [1, 2]]) {
      expect(parseUserState(garbage, now)).toEqual(newUserState(now));
    }
  });

  it('falls back to defaults field by field, keeping the valid fields', () => {
    const read = parseUserState(
      {
        version: 'three',
        disclaimerHeard: true,
        position: routinePosition(3, '2025-05-30T08:00:00.000Z'),
        preferences: { holdExtraSeconds: 'lang', speechRate: 'slow' },
        progress: { sessionsDone: 4, exercisesDone: -2, daysInARow: 2, lastSessionDay: 'gisteren' },
        recentTips: [1, 'a', 3, 2.5, 7],
      },
      now,
    );
    expect(read.version).toBe(0);
    expect(read.disclaimerHeard).toBe(true);
    expect(read.position?.exerciseIndex).toBe(3);
    expect(read.preferences).toEqual({ holdExtraSeconds: 0, speechRate: 'slow' });
    expect(read.progress).toEqual({ sessionsDone: 4, exercisesDone: 0, daysInARow: 2, lastSessionDay: null });
    expect(read.recentTips).toEqual([1, 3, 7]);
  });

  it('reads an item from an older version that lacks whole sections', () => {
    const read = parseUserState({ disclaimerHeard: true }, now);
    expect(read.disclaimerHeard).toBe(true);
    expect(read.progress.sessionsDone).toBe(0);
    expect(read.preferences.speechRate).toBe('normal');
    expect(read.createdAt).toBe(now.toISOString());
    expect(read.expiresAt).toBe(expiryFor(now));
  });

  it('drops a position that points past its exercises instead of resuming nowhere', () => {
    expect(parseUserState({ position: routinePosition(7, now.toISOString()) }, now).position).toBeNull();
    expect(parseUserState({ position: { exerciseIndex: 1 } }, now).position).toBeNull();
  });

  it('keeps a longer hold within the article range of 20 to 30 seconds', () => {
    expect(parseUserState({ preferences: { holdExtraSeconds: 25 } }, now).preferences.holdExtraSeconds).toBe(
      10,
    );
    expect(parseUserState({ preferences: { holdExtraSeconds: -5 } }, now).preferences.holdExtraSeconds).toBe(
      0,
    );
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const read = parseUserState(value, now);
        expect(typeof read.disclaimerHeard).toBe('boolean');
        expect(Array.isArray(read.recentTips)).toBe(true);
      }),
    );
  });
});

describe('days in a row (Europe/Amsterdam)', () => {
  it('starts at 1 on the first session', () => {
    const after = recordSessionDay(userState(), at('2025-01-14T08:00:00Z'));
    expect(after.progress).toMatchObject({ daysInARow: 1, lastSessionDay: '2025-01-14' });
  });

  it('counts a session after midnight in Amsterdam as the next day, though UTC still says the same day', () => {
    const evening = recordSessionDay(userState(), at('2025-01-14T22:30:00Z')); // 23:30 in Amsterdam
    const afterMidnight = recordSessionDay(evening, at('2025-01-14T23:30:00Z')); // 00:30 the 15th
    expect(afterMidnight.progress).toMatchObject({ daysInARow: 2, lastSessionDay: '2025-01-15' });
  });

  it('does not count two sessions on the same Amsterdam day twice', () => {
    const justAfterMidnight = recordSessionDay(userState(), at('2025-01-14T23:10:00Z')); // 00:10 the 15th
    const evening = recordSessionDay(justAfterMidnight, at('2025-01-15T20:00:00Z'));
    expect(evening.progress).toMatchObject({ daysInARow: 1, lastSessionDay: '2025-01-15' });
  });

  it('restarts at 1 after a day without a session', () => {
    const monday = recordSessionDay(userState(), at('2025-01-13T08:00:00Z'));
    const tuesday = recordSessionDay(monday, at('2025-01-14T08:00:00Z'));
    const thursday = recordSessionDay(tuesday, at('2025-01-16T08:00:00Z'));
    expect(tuesday.progress.daysInARow).toBe(2);
    expect(thursday.progress.daysInARow).toBe(1);
  });

  it('counts calendar days across the spring DST change, not 24 hours', () => {
    const saturday = recordSessionDay(userState(), at('2025-03-29T22:30:00Z')); // Sat 23:30 CET
    // Sunday 30 March has 23 hours: 23 hours later is still Sunday evening, the next day.
    expect(recordSessionDay(saturday, at('2025-03-30T21:30:00Z')).progress.daysInARow).toBe(2);
    // 24 hours later is already Monday 00:30 CEST: Sunday was skipped.
    expect(recordSessionDay(saturday, at('2025-03-30T22:30:00Z')).progress.daysInARow).toBe(1);
  });

  it('treats the 25-hour autumn DST day as one day', () => {
    const early = recordSessionDay(userState(), at('2025-10-25T22:30:00Z')); // Sun 26 Oct 00:30 CEST
    const late = recordSessionDay(early, at('2025-10-26T22:30:00Z')); // Sun 26 Oct 23:30 CET
    expect(dayInAmsterdam(at('2025-10-26T22:30:00Z'))).toBe('2025-10-26');
    expect(late.progress).toMatchObject({ daysInARow: 1, lastSessionDay: '2025-10-26' });
  });

  it('continues across month and year ends', () => {
    const feb = recordSessionDay(userState(), at('2025-02-28T12:00:00Z'));
    expect(recordSessionDay(feb, at('2025-03-01T12:00:00Z')).progress.daysInARow).toBe(2);
    const dec = recordSessionDay(userState(), at('2025-12-31T12:00:00Z'));
    expect(recordSessionDay(dec, at('2026-01-01T12:00:00Z')).progress.daysInARow).toBe(2);
  });

  it('counts a finished session along with its day', () => {
    const after = recordSession(userState(), at('2025-01-14T08:00:00Z'));
    expect(after.progress).toMatchObject({ sessionsDone: 1, daysInARow: 1 });
  });
});

describe('merging two sessions that wrote from the same base', () => {
  const base = userState({
    version: 4,
    updatedAt: '2025-06-01T09:00:00.000Z',
    position: routinePosition(1, '2025-06-01T09:00:00.000Z'),
    progress: { sessionsDone: 2, exercisesDone: 6, daysInARow: 1, lastSessionDay: '2025-05-31' },
    recentTips: [1, 2],
  });

  it('adds up the sessions and exercises of both', () => {
    const stored = { ...base, version: 5, progress: { ...base.progress, sessionsDone: 3, exercisesDone: 7 } };
    const mine = { ...base, progress: { ...base.progress, sessionsDone: 4, exercisesDone: 11 } };
    const merged = mergeStates(stored, mine, base);
    expect(merged.progress.sessionsDone).toBe(5);
    expect(merged.progress.exercisesDone).toBe(12);
    expect(merged.version).toBe(5);
  });

  const placed = (s: UserState, device: string, p: SavedPosition | null, at: string): UserState =>
    withPlace(s, device, { position: p, at });

  it('keeps the newest place of a device both sessions moved, whichever side wrote it', () => {
    const older = placed(
      base,
      'kitchen',
      routinePosition(2, '2025-06-01T09:10:00.000Z'),
      '2025-06-01T09:10:00.000Z',
    );
    const newer = placed(
      base,
      'kitchen',
      routinePosition(3, '2025-06-01T09:20:00.000Z'),
      '2025-06-01T09:20:00.000Z',
    );
    expect(mergeStates(older, newer, base).position?.exerciseIndex).toBe(3);
    expect(mergeStates(newer, older, base).position?.exerciseIndex).toBe(3);
  });

  it('keeps each device its own place: a device that did not move keeps what the other stored', () => {
    const bedroomAt = '2025-06-01T09:05:00.000Z';
    const kitchenAt = '2025-06-01T09:07:00.000Z';
    const stored = placed(base, 'bedroom', routinePosition(4, bedroomAt), bedroomAt);
    const mine = placed(
      { ...base, updatedAt: '2025-06-01T09:30:00.000Z' },
      'kitchen',
      routinePosition(2, kitchenAt),
      kitchenAt,
    );
    const merged = mergeStates(stored, mine, base);
    expect(merged.places.bedroom?.position?.exerciseIndex).toBe(4);
    expect(merged.places.kitchen?.position?.exerciseIndex).toBe(2);
    // Where the user was last, for the next session on any device.
    expect(merged.position?.exerciseIndex).toBe(2);
  });

  it('lets a routine finished later (no position) win over an older position', () => {
    const stored = placed(
      base,
      'bedroom',
      routinePosition(2, '2025-06-01T09:05:00.000Z'),
      '2025-06-01T09:05:00.000Z',
    );
    const mine = placed(base, 'kitchen', null, '2025-06-01T09:30:00.000Z');
    expect(mergeStates(stored, mine, base).position).toBeNull();
  });

  it('keeps a reminder created on either side, and one deleted on either side stays deleted', () => {
    const b = { ...base, reminderTokens: ['old'] };
    const stored = { ...b, reminderTokens: ['old', 'bedroom'] };
    const mine = { ...b, reminderTokens: ['kitchen'] };
    expect(mergeStates(stored, mine, b).reminderTokens).toEqual(['bedroom', 'kitchen']);
  });

  /** The other session stored its preferences at 09:05; this one, changed from `base`, saves at 09:30. */
  const mergedPreferences = (stored: UserState['preferences'], mine: UserState['preferences']) =>
    mergeStates(
      { ...base, updatedAt: '2025-06-01T09:05:00.000Z', preferences: stored },
      { ...base, updatedAt: '2025-06-01T09:30:00.000Z', preferences: mine },
      base,
    ).preferences;

  it('keeps a preference changed by the other session when this one did not change it', () => {
    expect(
      mergedPreferences(
        { holdExtraSeconds: 10, speechRate: 'normal' },
        { holdExtraSeconds: 0, speechRate: 'slow' },
      ),
    ).toEqual({ holdExtraSeconds: 10, speechRate: 'slow' });
  });

  it('lets the newest change of the same preference win', () => {
    expect(
      mergedPreferences(
        { holdExtraSeconds: 10, speechRate: 'normal' },
        { holdExtraSeconds: 5, speechRate: 'normal' },
      ).holdExtraSeconds,
    ).toBe(5);
  });

  it('unites the tips heard and keeps a heard disclaimer heard', () => {
    const stored = { ...base, disclaimerHeard: true, recentTips: [1, 2, 3] };
    const mine = { ...base, recentTips: [1, 2, 4] };
    const merged = mergeStates(stored, mine, base);
    expect(merged.recentTips).toEqual([1, 2, 3, 4]);
    expect(merged.disclaimerHeard).toBe(true);
  });

  it('keeps the streak of the latest session day', () => {
    const stored = { ...base, progress: { ...base.progress, daysInARow: 1, lastSessionDay: '2025-05-31' } };
    const mine = { ...base, progress: { ...base.progress, daysInARow: 2, lastSessionDay: '2025-06-01' } };
    expect(mergeStates(stored, mine, base).progress).toMatchObject({
      daysInARow: 2,
      lastSessionDay: '2025-06-01',
    });
    expect(mergeStates(mine, stored, base).progress).toMatchObject({
      daysInARow: 2,
      lastSessionDay: '2025-06-01',
    });
  });

  it('never loses a counted session, whatever both sessions did', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (baseCount, storedExtra, mineExtra) => {
        const b = { ...base, progress: { ...base.progress, sessionsDone: baseCount } };
        const stored = { ...b, progress: { ...b.progress, sessionsDone: baseCount + storedExtra } };
        const mine = { ...b, progress: { ...b.progress, sessionsDone: baseCount + mineExtra } };
        expect(mergeStates(stored, mine, b).progress.sessionsDone).toBe(baseCount + storedExtra + mineExtra);
      }),
    );
  });
});
