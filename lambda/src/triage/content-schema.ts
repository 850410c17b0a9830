import { z } from 'zod';
import type { Article } from '../content/schema.js';

/** Shape of `content/triage.json`: the questionnaire's questions and the advice sentences. */

const line = z.string().trim().min(1);
const lines = z.array(line).min(1);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by dashes');

/** A sentence that must contain `{name}`, filled in at speaking time. */
const template = (...names: string[]) =>
  line.refine((text) => names.every((name) => text.includes(`{${name}}`)), {
    message: `must contain ${names.map((name) => `{${name}}`).join(' and ')}`,
  });

/** Alexa cannot show a question's items: more than three per yes/no question is too many to keep in mind. */
export const maxFlagsPerQuestion = 3;

export const triageQuestionSchema = z.object({
  id,
  /** The article's criteria this question asks about (ids of `doctor.directContact` / `doctor.appointment`). */
  flags: z.array(id).min(1).max(maxFlagsPerQuestion),
  ask: line,
  /** Said when the user stays silent; shorter, and says how to answer. */
  reprompt: line,
});

const escalationSchema = z.object({
  /** The classifier recognised a symptom in what the user said. */
  named: template('flags'),
  /** A symptom of this level was named, but no words came with it to say which. */
  namedAny: line,
  /** The user answered yes to a question. */
  yes: template('flags'),
  /** The user did not know: never read as no. */
  unsure: template('flags'),
  reason: line,
  unsureReason: line,
  /** What to do now. */
  action: lines,
});

export const triageContentSchema = z.object({
  start: z.object({ lead: line, unrecognised: line, howToAnswer: line, emergency: line }),
  /** Said once, before the first "make an appointment" question. */
  appointmentSection: line,
  /** An appointment criterion named during a direct question: noted, and the direct questions go on. */
  noted: template('flags'),
  /** Likewise, when no words came with it to say which criterion. */
  notedAny: line,
  questions: z.array(triageQuestionSchema).min(1),
  outcomes: z.object({
    direct: escalationSchema,
    appointment: escalationSchema.extend({
      /** The direct-contact flags were maybe not asked about: say when to call at once. */
      watchFor: z.array(line).min(1),
    }),
    selfCare: z.object({
      allNo: line,
      point: template('title', 'text'),
      callAfterAll: z.array(line).min(1),
    }),
  }),
  words: z.object({ and: line, or: line }),
  /** Ends every outcome. */
  disclaimer: line,
});

export type TriageContent = z.infer<typeof triageContentSchema>;
export type TriageQuestion = z.infer<typeof triageQuestionSchema>;

/**
 * Checks a schema cannot express: the questions ask about every criterion of the article exactly once,
 * all "direct contact" flags before any "make an appointment" criterion, and no question mixes the two.
 */
export function triageContentChecks(content: TriageContent, doctor: Article['doctor']): string[] {
  const errors: string[] = [];
  const direct = doctor.directContact.map((flag) => flag.id);
  const appointment = doctor.appointment.map((flag) => flag.id);
  const asked = content.questions.flatMap((question) => question.flags);
  for (const flag of [...direct, ...appointment]) {
    const times = asked.filter((other) => other === flag).length;
    if (times !== 1) errors.push(`criterion ${flag} is asked ${times} times, expected once`);
  }
  for (const flag of asked) {
    if (!direct.includes(flag) && !appointment.includes(flag)) errors.push(`unknown criterion ${flag}`);
  }
  let seenAppointment = false;
  for (const question of content.questions) {
    const kinds = new Set(question.flags.map((flag) => (direct.includes(flag) ? 'direct' : 'appointment')));
    if (kinds.size > 1) errors.push(`question ${question.id} mixes direct and appointment criteria`);
    if (kinds.has('appointment')) seenAppointment = true;
    else if (seenAppointment)
      errors.push(`question ${question.id} asks a direct flag after an appointment one`);
  }
  const ids = content.questions.map((question) => question.id);
  if (new Set(ids).size !== ids.length) errors.push('question ids are not unique');
  return errors;
}
