import { z } from 'zod';

/** Shapes of the files in `content/`. Every medical sentence comes from the source article. */

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by dashes');

/** A range of seconds or counts as the article gives it ("20-30 seconden"). */
const rangeSchema = z
  .object({ min: z.number().int().positive(), max: z.number().int().positive() })
  .refine((r) => r.min <= r.max, 'min must not exceed max');

const exerciseSchema = z.object({
  id,
  /** The name as spoken ("knie naar borst"). */
  name: text,
  /** The article's heading, with its typo fixed ("Bekkenkanteling"). */
  title: text,
  /** The article's numbered steps, in order, every one of them. */
  steps: z.array(text).min(3),
  /** Seconds to hold the position, when the article gives a hold. */
  holdSeconds: rangeSchema.optional(),
  /** How many times, per side when `perSide` is true. */
  repetitions: z.number().int().positive(),
  /** True when the article says "each leg" / "wissel van been". */
  perSide: z.boolean(),
  /** Seconds per movement for slow repeated movements (kat-koe, bekkenkanteling). */
  secondsPerMovement: z.number().positive().optional(),
  /** Other names people use for it (bruggetje); the interaction model has them too. */
  synonyms: z.array(text).default([]),
});

const tipSchema = z.object({
  number: z.number().int().min(1).max(13),
  id,
  title: text,
  intro: text,
  bullets: z.array(text).min(1),
  /** Words a user may say to ask for this tip ("tillen", "matras"). */
  topics: z.array(text).min(1),
});

const redFlagSchema = z.object({
  id,
  /** The article's words; how the skill says it is in content/spoken.json (criteria). */
  text,
});

export const articleSchema = z.object({
  source: z.object({
    title: text,
    publisher: text,
    date: text,
    /** The article's lead paragraph under the title. */
    summary: text.optional(),
  }),
  disclaimer: z.object({
    /** One sentence at launch: no medical advice, call the GP when in doubt. */
    short: text,
    /** The article's disclaimer, every sentence (mentions 112). */
    full: z.array(text).min(1),
  }),
  intro: z.array(text).min(1),
  whatIs: z.array(text).min(1),
  kinds: z.array(z.object({ id, name: text, description: text })).length(3),
  places: z
    .array(
      z.object({
        id,
        name: text,
        /** The article's aside after the name ("meest voorkomend"). */
        note: text.optional(),
        description: text,
      }),
    )
    .length(3),
  causes: z.object({
    common: z.object({ share: text, heading: text, items: z.array(text).min(1) }),
    lessCommon: z.object({
      heading: text,
      items: z.array(z.object({ name: text, description: text })).min(1),
    }),
    rare: z.object({ items: z.array(text).min(1) }),
  }),
  tips: z.array(tipSchema).length(13),
  exercises: z.array(exerciseSchema).length(5),
  doctor: z.object({
    directContact: z.array(redFlagSchema).length(7),
    appointment: z.array(redFlagSchema).length(5),
  }),
  conclusion: z.object({
    intro: text,
    points: z.array(z.object({ title: text, text })).length(5),
    closing: z.array(text).min(1),
  }),
  faq: z.array(z.object({ id, question: text, answer: z.array(text).min(1) })).min(1),
});

export type Article = z.infer<typeof articleSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type Tip = z.infer<typeof tipSchema>;
export type RedFlag = z.infer<typeof redFlagSchema>;
