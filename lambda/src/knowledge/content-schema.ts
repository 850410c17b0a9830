import { z } from 'zod';

const line = z.string().trim().min(1);

/** What the skill says when it answers an open question, and the topics the article is silent on. */
export const knowledgeContentSchema = z.strictObject({
  notInArticle: line,
  suggestions: line.includes('{first}').includes('{second}'),
  defaultSuggestions: z.array(line).min(2),
  suggestionReprompt: line,
  tipLabel: line.includes('{topic}'),
  exerciseLabel: line.includes('{name}'),
  exerciseOffer: line.includes('{name}'),
  exerciseOfferReprompt: line.includes('{name}'),
  /** An exercise described in other words ("die waarbij je je billen optilt"): asked, never assumed. */
  exerciseGuess: line.includes('{name}'),
  /** Search words that lead to the doctor questions ("wanneer moet ik naar de huisarts"). */
  doctorWords: line,
  followUp: line,
  followUpReprompt: line,
  /** Topics the article does not cover, each with an honest answer and the tip the article does have. */
  gaps: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z-]+$/),
      words: z.array(line).min(1),
      speech: line,
      related: line,
      /** The seed lines the related answer says. */
      seed: z.array(z.number().int().positive()).min(1),
    }),
  ),
});

export type KnowledgeContent = z.infer<typeof knowledgeContentSchema>;
