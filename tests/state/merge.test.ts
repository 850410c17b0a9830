/* Two sessions that wrote from the same base, merged without losing or double-counting (state/merge.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStates } from '../../lambda/src/state/merge.js';
import { withPlace } from '../../lambda/src/state/places.js';
import type { SavedPosition, UserState } from '../../lambda/src/state/user-state.js';
import { routinePosition, userState } from '../support/builders.js';

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
