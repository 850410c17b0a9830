import { alexaLimits, charactersPerSecond } from './limits.js';

/** A piece of speech as plain data: the pure modules return these, only this module writes SSML. */
export type SpeechPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pause'; readonly seconds: number };

export type Speech = readonly SpeechPart[];

export type SpeechRate = 'normal' | 'slow';

export const say = (text: string): SpeechPart => ({ kind: 'text', text });
export const pause = (seconds: number): SpeechPart => ({ kind: 'pause', seconds });

/** Escapes the five XML specials so that no text can add or break SSML tags. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Alexa plays at most 10 s per `<break>`: a longer pause becomes several breaks in a row. */
export function breaksFor(seconds: number): string {
  if (!(seconds > 0)) return '';
  const tenths = Math.round(seconds * 10);
  const full = Math.floor(tenths / (alexaLimits.maxBreakSeconds * 10));
  const restTenths = tenths - full * alexaLimits.maxBreakSeconds * 10;
  const breaks = Array.from({ length: full }, () => `<break time="${alexaLimits.maxBreakSeconds}s"/>`);
  if (restTenths > 0) breaks.push(`<break time="${restTenths * 100}ms"/>`);
  return breaks.join('');
}

/** Collapses white space and drops control characters that would make the SSML invalid. */
function cleanText(text: string): string {
  const printable = Array.from(text)
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 ? code !== 0x7f : ch === '\t' || ch === '\n' || ch === '\r';
    })
    .join('');
  return printable.replace(/\s+/g, ' ').trim();
}

/**
 * The article's written shorthand as Dutch speech: "20-30 seconden" is "20 tot 30 seconden",
 * "3x" is "3 keer", "blaas/darm" is "blaas of darm".
 */
export function spokenForm(text: string): string {
  return text
    .replace(/(\d+)\s*[-–]\s*(\d+)/g, '$1 tot $2')
    .replace(/\b(\d+)x\b/g, '$1 keer')
    .replace(/(\p{L})\/(\p{L})/gu, '$1 of $2');
}

/** Renders speech as one `<speak>` document; slow speech is wrapped in a prosody tag. */
export function renderSsml(speech: Speech, rate: SpeechRate = 'normal'): string {
  const body = speech
    .map((part) =>
      part.kind === 'text' ? escapeXml(spokenForm(cleanText(part.text))) : breaksFor(part.seconds),
    )
    .filter((piece) => piece.length > 0)
    .join(' ');
  const inner = rate === 'slow' ? `<prosody rate="85%">${body}</prosody>` : body;
  return `<speak>${inner}</speak>`;
}

/** Seconds of silence in the speech. */
export function pauseSeconds(speech: Speech): number {
  return speech.reduce((sum, part) => sum + (part.kind === 'pause' ? part.seconds : 0), 0);
}

/** An estimate of how long Alexa takes to play the speech, silences included. */
export function estimatedSeconds(speech: Speech, rate: SpeechRate = 'normal'): number {
  const chars = speech.reduce((sum, part) => sum + (part.kind === 'text' ? part.text.length : 0), 0);
  return pauseSeconds(speech) + chars / charactersPerSecond[rate];
}

/** Joins pieces of speech into one. */
export function join(...pieces: Array<Speech | SpeechPart | string>): Speech {
  return pieces.flatMap((piece) =>
    typeof piece === 'string' ? [say(piece)] : Array.isArray(piece) ? piece : [piece as SpeechPart],
  );
}
