import { z } from 'zod';
import type { Article } from '../content/schema.js';

/** Shape of `content/triage.json`: the questionnaire's questions and the advice sentences. */

const line = z.string().trim().min(1);
const lines = z.array(line).min(1);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by dashes');
/** The seed lines (1-based, content/source/rugpijn-artikel.txt) an object's sentences say. */
const seed = z.array(z.number().int().positive()).min(1);

/** A sentence that must contain `{name}`, filled in at speaking time. */
const template = (...names: string[]) =>
  line.refine((text) => names.every((name) => text.includes(`{${name}}`)), {
    message: `must contain ${names.map((name) => `{${name}}`).join(' and ')}`,
  });

/** One question per turn, so that a "ja" always belongs to one criterion. */
export const maxFlagsPerQuestion = 1;

const triageQuestionSchema = z.strictObject({
  id,
  /** The article's criterion this question asks about (an id of `doctor.directContact` / `doctor.appointment`). */
  flags: z.array(id).min(1).max(maxFlagsPerQuestion),
  /** One question, and only one: it ends with the turn's only question mark. */
  ask: line.refine((text) => text.endsWith('?') && text.split('?').length === 2, 'one question, at the end'),
  /** Said when the user stays silent; says how to answer. */
  reprompt: line,
  seed,
  /** A safety addition this question also asks about (content/spoken.json safety). */
  safetyAddition: id.optional(),
});

const escalationSchema = z.strictObject({
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
  seed,
});

export const triageContentSchema = z.strictObject({
  /** Said before the first question: the 112 sentence is said, not asked. */
  start: z.strictObject({
    lead: line,
    unrecognised: line,
    howToAnswer: line,
    emergency: line.refine((text) => text.includes('112') && !text.includes('?'), 'says 112, asks nothing'),
  }),
  /** Said once, before the first "make an appointment" question. */
  appointmentSection: line,
  /** An appointment criterion named during a direct question: noted, and the direct questions go on. */
  noted: z.strictObject({ flags: template('flags'), any: line, directFirst: line, seed }),
  questions: z.array(triageQuestionSchema).min(1),
  outcomes: z.strictObject({
    direct: escalationSchema.extend({
      action: z
        .array(line)
        .min(1)
        .refine((action) => action[0]?.startsWith('Neem nu direct contact op'), 'says "nu direct" first'),
    }),
    appointment: escalationSchema.extend({
      /** Said after every appointment advice. */
      watchFor: lines,
      /** When the direct questions were not asked: offered, never skipped in silence. */
      offerDirectQuestions: line,
      offerDirectQuestionsReprompt: line,
    }),
    selfCare: z.strictObject({
      allNo: line,
      conclusion: line,
      doubt: line,
      /** The red flags are offered, not recited. */
      offerFlags: line,
      offerFlagsReprompt: line,
      seed,
    }),
  }),
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
