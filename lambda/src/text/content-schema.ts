import { z } from 'zod';

/** Shapes of `content/spoken.json` (the article as it is said) and `content/dutch.json` (words). */

const line = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case words joined by dashes');
const seedLines = z.array(z.number().int().positive()).min(1);

/**
 * A sentence the skill says, with the seed lines it says (1-based line numbers of the seed file). A
 * sentence that also says a safety addition names it.
 */
const tracedSchema = z.strictObject({
  say: line,
  seed: seedLines,
  safetyAddition: id.optional(),
});

export const spokenSchema = z.strictObject({
  /** The verbatim article the line numbers point into. */
  seedFile: line,
  /** Seed lines no sentence says, each group with the reason (headings, the byline). */
  notSaid: z.array(z.strictObject({ seed: seedLines, why: line })),
  /**
   * Seed words the spoken text says in other words ("lenderug" → "onderrug", "core" → "buik",
   * "rugspieren"): the trace test accepts these words for that seed word.
   */
  rewordings: z.record(z.string(), z.array(z.string())),
  /**
   * Content (file:key) that names medical words without a medical claim: what the skill can do, what to
   * ask next. The trace test lets these through; the list stays short.
   */
  notClaims: z.record(z.string().regex(/^[a-z]+\.json:[A-Za-z.]+$/), line),
  /** The short list of sentences the skill adds for safety, not from the article, each with its reason. */
  safety: z.record(id, z.strictObject({ say: line, why: line })),
  tips: z.record(id, z.strictObject({ title: tracedSchema, sentences: z.array(tracedSchema).min(1) })),
  /** Each exercise's steps in the article's order, one spoken sentence per article step. */
  exercises: z.record(id, z.array(tracedSchema).length(5)),
  /** Each criterion as a noun phrase that fits "de vraag over {flags}" and "Je noemt iets wat past bij {flags}". */
  criteria: z.record(id, tracedSchema),
  /** The red flags said in whole sentences, when the user asks to hear them. */
  redFlags: z.strictObject({
    direct: z.array(tracedSchema).min(1),
    moreQuestion: line,
    appointment: z.array(tracedSchema).min(1),
  }),
  info: z.strictObject({
    whatIs: z.array(tracedSchema).min(1),
    kindsLead: tracedSchema,
    kinds: z.record(id, tracedSchema),
    placesLead: tracedSchema,
    places: z.record(id, tracedSchema),
    commonCauses: z.array(tracedSchema).min(1),
    lessCommonLead: tracedSchema,
    lessCommonCauses: z.record(id, tracedSchema),
    rareCauses: tracedSchema,
    moreCausesQuestion: line,
    conclusion: z.array(tracedSchema).min(1),
    faqMove: z.strictObject({
      /** "Mag ik bewegen?": the answer starts with yes. */
      yes: tracedSchema,
      /** "Moet ik in bed blijven?": the answer starts with no. */
      no: tracedSchema,
      rest: z.array(tracedSchema),
      /** Words in the question that ask about rest rather than movement. */
      restWords: z.array(line).min(1),
    }),
    duration: z.array(tracedSchema).min(1),
    danger: z.array(tracedSchema).min(1),
    tipsMenu: tracedSchema,
    tipsMenuQuestion: line,
    exercisesMenu: tracedSchema,
    exercisesMenuQuestion: line,
  }),
  /** Where the information comes from, and that it is not medical advice: said in the help. */
  disclaimer: z.array(tracedSchema).min(1),
});

export const dutchWordsSchema = z.strictObject({
  /** Dutch number words from nul to dertig: counts and seconds are said as words. */
  numbers: z.array(line).length(31),
  /** "eerste" … "twintigste": repetitions are counted with these, so no count is heard as step text. */
  ordinals: z.array(line).length(21),
  and: line,
  or: line,
});

export type SpokenContent = z.infer<typeof spokenSchema>;
export type SpokenSentence = z.infer<typeof tracedSchema>;
export type DutchWords = z.infer<typeof dutchWordsSchema>;
