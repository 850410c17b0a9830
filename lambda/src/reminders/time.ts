import { dutchWords, fill, numberWord, reminderText } from '../text/index.js';

/** A time of day on the 24-hour clock. */
export interface ReminderTime {
  hour: number;
  minute: number;
}

const valid = (hour: number, minute: number): ReminderTime | undefined =>
  Number.isInteger(hour) && Number.isInteger(minute) && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
    ? { hour, minute }
    : undefined;

function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,2}$/.test(word)) return Number(word);
  const index = dutchWords.numbers.indexOf(word === 'een' ? 'één' : word);
  return index >= 0 ? index : undefined;
}

/** 'ochtend' words keep the hour, 'middag'/'avond' move 1–11 to the afternoon or evening. */
function withDayPart(time: ReminderTime | undefined, words: string[]): ReminderTime | undefined {
  if (!time) return undefined;
  const later = words.some((w) => /middags?|avonds?/.test(w));
  return later && time.hour > 0 && time.hour < 12 ? { ...time, hour: time.hour + 12 } : time;
}

/**
 * The time in an AMAZON.TIME slot. Alexa sends "08:00" (or "MO", "EV" for a part of the day, which is
 * not a time to remind at); the local simulator passes the words said ("acht uur", "half negen"),
 * which are read here too.
 */
export function parseReminderTime(value: string | undefined): ReminderTime | undefined {
  if (value === undefined) return undefined;
  const clock = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (clock) return valid(Number(clock[1]), Number(clock[2]));
  const words = value
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/\s+/)
    .filter((w) => w !== '' && w !== 'om');
  const [first, second, third] = words;
  let time: ReminderTime | undefined;
  if (first === 'half') {
    const next = numberOf(second);
    time = next === undefined ? undefined : valid((next + 23) % 24, 30);
  } else if (first === 'kwart' && (second === 'over' || second === 'voor')) {
    const hour = numberOf(third);
    if (hour !== undefined) time = second === 'over' ? valid(hour, 15) : valid((hour + 23) % 24, 45);
  } else {
    const hour = numberOf(first);
    const minute = second === 'uur' ? (numberOf(third) ?? 0) : 0;
    if (hour !== undefined && (second === 'uur' || second === undefined || second === "'s"))
      time = valid(hour, minute);
  }
  return withDayPart(time, words);
}

function dayPart(hour: number): string {
  const timeText = reminderText.time;
  if (hour < 6) return timeText.night;
  if (hour < 12) return timeText.morning;
  if (hour < 18) return timeText.afternoon;
  return timeText.evening;
}

/** The time as Dutch speech: "acht uur 's ochtends", "half negen 's avonds", "kwart over zeven 's ochtends". */
export function spokenTime({ hour, minute }: ReminderTime): string {
  const timeText = reminderText.time;
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const nextHour = numberWord((twelve % 12) + 1);
  const hourWord = numberWord(twelve);
  const said =
    minute === 0
      ? fill(timeText.hour, { hour: hourWord })
      : minute === 15
        ? fill(timeText.quarterPast, { hour: hourWord })
        : minute === 30
          ? fill(timeText.half, { nextHour })
          : minute === 45
            ? fill(timeText.quarterTo, { nextHour })
            : fill(timeText.hourMinutes, { hour: hourWord, minutes: numberWord(minute) });
  return `${said} ${dayPart(hour)}`;
}
