import articleJson from '../../../content/article.json';
import type { Article, Exercise, Tip } from './schema.js';

/**
 * The source article as typed data. The compiler checks the JSON's shape here; zod checks the rest
 * (lengths, ids, ranges) in the tests and the build, not at run time, to keep cold starts short.
 */
export const article: Article = articleJson;

/** The exercise with this id, or undefined for an id the article does not have. */
export function exerciseById(id: string): Exercise | undefined {
  return article.exercises.find((exercise) => exercise.id === id);
}

/** The tip with this number (1 to 13, as the article counts them), or undefined. */
export function tipByNumber(n: number): Tip | undefined {
  return article.tips.find((tip) => tip.number === n);
}

/** The tip with this id ('tillen', 'matras', ...), or undefined. */
export function tipById(id: string): Tip | undefined {
  return article.tips.find((tip) => tip.id === id);
}
