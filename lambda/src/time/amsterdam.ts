/** The skill's users live in the Netherlands and Belgium: both on Amsterdam time. */
export const amsterdamTimeZone = 'Europe/Amsterdam';

// Made on first use: building a formatter for a time zone loads ICU's zone data, some 10 to 25 ms of a
// cold start that a LaunchRequest does not need (npm run bench; tests/build/cold-start.test.ts).
let wallClockFormat: Intl.DateTimeFormat | undefined;
function wallClock(): Intl.DateTimeFormat {
  wallClockFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: amsterdamTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return wallClockFormat;
}

/** `now` as Amsterdam wall-clock time, without zone ("2025-03-01T08:00:00.000"). */
export function localDateTime(now: Date): string {
  const parts = wallClock().formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}.000`;
}

/** The calendar day (YYYY-MM-DD) in Europe/Amsterdam at `now`. */
export function dayInAmsterdam(now: Date): string {
  return localDateTime(now).slice(0, 10);
}
