import { article } from '../text/content.js';
import type { Exercise, Tip } from './schema.js';

export { article };

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
