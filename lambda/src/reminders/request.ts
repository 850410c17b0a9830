import type { services } from 'ask-sdk-model';
import { amsterdamTimeZone, localDateTime } from '../time/amsterdam.js';
import type { ReminderTime } from './time.js';

const reminderLocale = 'nl-NL';

const pad = (n: number) => String(n).padStart(2, '0');

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
      timeZoneId: amsterdamTimeZone,
      recurrence: {
        startDateTime: firstOccurrence(time, now),
        recurrenceRules: [dailyRule(time)],
      },
    },
    alertInfo: { spokenInfo: { content: [{ locale: reminderLocale, text }] } },
    pushNotification: { status: 'ENABLED' },
  };
}
