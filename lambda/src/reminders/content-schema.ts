import { z } from 'zod';

const line = z.string().trim().min(1);
const lines = z.array(line).min(1);

/** The reminder's sentences: what Alexa says when it reminds, and the skill's answers about it. */
export const reminderContentSchema = z.strictObject({
  /** Spoken by Alexa at the reminder time, outside the skill. */
  reminderText: line.max(250),
  /** "{time}": the time as words ("acht uur"); the confirmation names time and recurrence. */
  confirmed: lines.refine((l) => l.some((s) => s.includes('{time}')), 'the confirmation names the time'),
  askTime: lines,
  askTimeReprompt: lines,
  permissionCard: lines,
  permissionDenied: lines,
  failed: lines,
  deleted: lines,
  noReminder: lines,
  deleteFailed: lines,
  time: z.strictObject({
    hour: line.includes('{hour}'),
    hourMinutes: line.includes('{hour}').includes('{minutes}'),
    quarterPast: line.includes('{hour}'),
    half: line.includes('{nextHour}'),
    quarterTo: line.includes('{nextHour}'),
    morning: line,
    afternoon: line,
    evening: line,
    night: line,
  }),
});

export type ReminderContent = z.infer<typeof reminderContentSchema>;
