import { dutchWords } from './content.js';

/** One way to fill a sentence: `{name}` placeholders, and it refuses to say a hole aloud. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no value for {${key}} in "${template}"`);
    return String(value);
  });
}

/** The placeholders a template asks for ("{name}" → "name"), in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

/** A number as a Dutch word ("tien"), so that counts sound the same on every device; digits above dertig. */
export function numberWord(n: number): string {
  return dutchWords.numbers[n] ?? String(n);
}

/** "eerste", "tweede", … "twintigste": a count that cannot be heard as part of the next sentence. */
export function ordinalWord(n: number): string {
  return dutchWords.ordinals[n] ?? `${numberWord(n)}ste`;
}

/** The word as it starts a sentence ("Tien."). */
export function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A sentence: capitalised, with a full stop unless it already ends in one. */
export function sentence(text: string): string {
  const trimmed = capitalized(text.trim());
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "A, B en C" (or "A, B of C"): a list as one part of a sentence. */
export function listOf(items: readonly string[], join: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${dutchWords[join]} ${items[items.length - 1]}`;
}

/**
 * The one normaliser for comparing words: lower case, no diacritics, no apostrophes ('s nachts →
 * s nachts), and every run of other characters one space.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['‘’`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a text, normalised. */
export function wordsOf(text: string): string[] {
  const normal = normalise(text);
  return normal === '' ? [] : normal.split(' ');
}
