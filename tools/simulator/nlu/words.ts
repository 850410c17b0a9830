/** Lower-case words with punctuation removed; diacritics kept, for reporting what was said. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

/**
 * Lower case, no diacritics ("knieën" → "knieen"), no punctuation, single spaces. Samples, slot values
 * and utterances all go through it, so comparisons are like for like.
 */
export function normalize(text: string): string {
  return words(text)
    .map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''))
    .join(' ');
}
