/* Reading a stored state: a new user's defaults, and a stored item of any shape read field by field. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiryFor, newUserState, parseUserState } from '../../lambda/src/state/user-state.js';
import { routinePosition, testNow } from '../support/builders.js';

const now = testNow;

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
