import coachJson from '../../../content/coach.json';
import type { CoachContent } from './content-schema.js';

/** The coach's sentences, typed by the compiler here and checked by zod in the tests. */
export const coachText: CoachContent = coachJson;

/** Fills `{name}` placeholders; a missing value is a programming error, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no value for {${key}} in "${template}"`);
    return String(value);
  });
}

/** A number as a Dutch word ("tien"), so that counts sound the same on every device; digits above dertig. */
export function numberWord(n: number): string {
  return coachText.numbers[n] ?? String(n);
}

/** The word as it starts a sentence ("Tien."). */
export function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Ends a sentence from the article, which has no full stops ("Wissel van been" → "Wissel van been."). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
