/* Days in a row and sessions done, counted on the Europe/Amsterdam calendar (state/progress.ts). */
import { describe, expect, it } from 'vitest';
import { recordSession, recordSessionDay } from '../../lambda/src/state/progress.js';
import { dayInAmsterdam } from '../../lambda/src/time/amsterdam.js';
import { userState } from '../support/builders.js';

function at(iso: string): Date {
  return new Date(iso);
}

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
