import { alexaLimits } from './limits.js';

export { estimatedSeconds, pauseSeconds, wordCount, wordsBeforeQuestion } from './length.js';

/** A piece of speech as plain data: the pure modules return these, only this module writes SSML. */
export type SpeechPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'pause'; readonly seconds: number };

export type Speech = readonly SpeechPart[];

export type SpeechRate = 'normal' | 'slow';

/** What a question says, and what Alexa says again when the user stays silent: one name for the pair. */
export interface Prompt {
  readonly speech: Speech;
  readonly reprompt: Speech;
}

/**
 * "praat langzamer": a product choice, slower but still natural (Amazon Polly's guide slows speech to
 * 85 % to aid comprehension). Alexa's prosody rate takes a percentage of at least 20 %:
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#prosody
 */
const slowRate = '85%';

export const say = (text: string): SpeechPart => ({ kind: 'text', text });
export const pause = (seconds: number): SpeechPart => ({ kind: 'pause', seconds });

/** Escapes the five XML specials so that no text can add or break SSML tags. */
function escapeXml(text: string): string {
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
 * The emergency number as three digits, "één één twee", never "honderdtwaalf". Text is written for the
 * ear in content/, so this is the one number the renderer marks up.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#say-as
 */
function digitsOf112(escaped: string): string {
  return escaped.replace(/(?<!\d)112(?!\d)/g, '<say-as interpret-as="digits">112</say-as>');
}

/**
 * Renders speech as one `<speak>` document; slow speech is wrapped in a prosody tag. The 85 % rate is a
 * product choice, not from the article or Alexa's docs (which allow any rate from 20 %); coach/turns.ts
 * lays turns out at this rate so that they still fit in 90 s.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#prosody
 */
export function renderSsml(speech: Speech, rate: SpeechRate = 'normal'): string {
  const body = speech
    .map((part) =>
      part.kind === 'text' ? digitsOf112(escapeXml(cleanText(part.text))) : breaksFor(part.seconds),
    )
    .filter((piece) => piece.length > 0)
    .join(' ');
  const inner = rate === 'slow' ? `<prosody rate="${slowRate}">${body}</prosody>` : body;
  return `<speak>${inner}</speak>`;
}

/** Joins pieces of speech into one. */
export function join(...pieces: Array<Speech | SpeechPart | string>): Speech {
  return pieces.flatMap((piece) =>
    typeof piece === 'string' ? [say(piece)] : Array.isArray(piece) ? piece : [piece as SpeechPart],
  );
}
