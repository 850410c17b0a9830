import type { Speech } from '../../lambda/src/speech/ssml.js';

/** The words of the speech, as the user hears them, pauses left out. */
export const words = (speech: Speech): string =>
  speech.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join(' ');

const isCountdownCue = (text: string) => /^Nog \S+ seconden\.$/.test(text);
const isRelease = (text: string) => text === 'En loslaten.' || text === 'Laat het langzaam zakken.';

/**
 * The holds the user hears: silences, interrupted only by countdown cues ("Nog tien seconden."),
 * that end with the release cue ("En loslaten.", "Laat het langzaam zakken."). Returns each hold's silences.
 */
export function holdsIn(speech: Speech): number[][] {
  const holds: number[][] = [];
  let run: number[] | undefined;
  for (const part of speech) {
    if (part.kind === 'pause') {
      run = [...(run ?? []), part.seconds];
    } else if (run && isCountdownCue(part.text)) {
      // still holding
    } else {
      if (run && isRelease(part.text)) holds.push(run);
      run = undefined;
    }
  }
  return holds;
}

/** The longest silence with no words in between, adjacent pauses taken together. */
export function longestSilence(speech: Speech): number {
  let longest = 0;
  let current = 0;
  for (const part of speech) {
    current = part.kind === 'pause' ? current + part.seconds : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
