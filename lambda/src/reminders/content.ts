import remindersJson from '../../../content/reminders.json';
import type { ReminderContent } from './content-schema.js';

/** The reminder sentences, typed by the compiler here and checked by zod in the tests. */
export const reminderText: ReminderContent = remindersJson;
