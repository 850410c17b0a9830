import type { services } from 'ask-sdk-model';
import type { ReminderTime } from './time.js';

/** The skill's users live in the Netherlands and Belgium: both on Amsterdam time. */
const reminderTimeZone = 'Europe/Amsterdam';
const reminderLocale = 'nl-NL';

// Made on first use: building a formatter for a time zone loads ICU's zone data, some 10 to 25 ms of a
// cold start that a LaunchRequest does not need (npm run bench; tests/build/cold-start.test.ts).
let localPartsFormat: Intl.DateTimeFormat | undefined;
function localParts(): Intl.DateTimeFormat {
  localPartsFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: reminderTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return localPartsFormat;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `now` as Amsterdam wall-clock time, without zone ("2025-03-01T08:00:00.000"): the API's format. */
export function localDateTime(now: Date): string {
  const part = (type: string) =>
    localParts()
      .formatToParts(now)
      .find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}.000`;
}

/** The RFC 5545 rule the API takes: every day at the given time. */
function dailyRule({ hour, minute }: ReminderTime): string {
  return `FREQ=DAILY;BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0;INTERVAL=1`;
}

/** The first time the reminder goes off: today at that time, or tomorrow when it has passed. */
export function firstOccurrence(time: ReminderTime, now: Date): string {
  const local = localDateTime(now);
  const today = local.slice(0, 10);
  const at = `${pad(time.hour)}:${pad(time.minute)}:00.000`;
  if (`${today}T${at}` > local) return `${today}T${at}`;
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return `${tomorrow.toISOString().slice(0, 10)}T${at}`;
}

/**
 * A daily recurring reminder (Reminders API, SCHEDULED_ABSOLUTE with `recurrenceRules`; the older
 * `freq`/`byDay` fields are deprecated and ignored when the rules are present).
 */
export function dailyReminderRequest(
  time: ReminderTime,
  now: Date,
  text: string,
): services.reminderManagement.ReminderRequest {
  return {
    requestTime: localDateTime(now),
    trigger: {
      type: 'SCHEDULED_ABSOLUTE',
      timeZoneId: reminderTimeZone,
      recurrence: {
        startDateTime: firstOccurrence(time, now),
        recurrenceRules: [dailyRule(time)],
      },
    },
    alertInfo: { spokenInfo: { content: [{ locale: reminderLocale, text }] } },
    pushNotification: { status: 'ENABLED' },
  };
}
