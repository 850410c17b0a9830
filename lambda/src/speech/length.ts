import { charactersPerSecond } from './limits.js';

/**
 * How long speech lasts, measured one way everywhere: the coach's turn layout, the tests' limits, the
 * benchmark and `npm run listen` (which reports it next to the measured seconds) all use these.
 */

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pause'; readonly seconds: number };
type Rate = 'normal' | 'slow';

/** Seconds of silence in the speech. */
export function pauseSeconds(speech: readonly Part[]): number {
  return speech.reduce((sum, part) => sum + (part.kind === 'pause' ? part.seconds : 0), 0);
}

/** An estimate of how long Alexa takes to play the speech, silences included. */
export function estimatedSeconds(speech: readonly Part[], rate: Rate = 'normal'): number {
  const chars = speech.reduce((sum, part) => sum + (part.kind === 'text' ? part.text.length : 0), 0);
  return pauseSeconds(speech) + chars / charactersPerSecond[rate];
}

/** The words of a text as a listener counts them ("buik- en rugspieren" is three). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * Words said before the answer asks something: everything up to the start of the sentence with the
 * answer's first question mark, or all of it when it asks nothing.
 */
export function wordsBeforeQuestion(text: string): number {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const question = sentences.findIndex((sentence) => sentence.trim().endsWith('?'));
  const before = question < 0 ? sentences : sentences.slice(0, question);
  return wordCount(before.join(' '));
}
