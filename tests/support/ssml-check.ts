import { alexaLimits } from '../../lambda/src/speech/limits.js';
import { breakSeconds } from '../../tools/simulator/session.js';

/** Tags Alexa accepts in SSML (the subset a skill may use). */
const allowedTags = new Set([
  'speak',
  'break',
  'prosody',
  'emphasis',
  'p',
  's',
  'say-as',
  'sub',
  'phoneme',
  'lang',
  'audio',
  'amazon:effect',
  'amazon:emotion',
  'amazon:domain',
  'voice',
  'w',
]);

/**
 * Problems Alexa would reject or play wrongly: not well-formed XML, unknown tags, raw `&`, a break over
 * 10 s, 8,000 characters or more, more than five audio tags. Empty when the SSML is fine.
 */
export function ssmlProblems(ssml: string): string[] {
  const problems: string[] = [];
  if (!ssml.startsWith('<speak>') || !ssml.endsWith('</speak>')) problems.push('not wrapped in <speak>');
  if (ssml.length >= alexaLimits.maxSsmlChars) problems.push(`${ssml.length} characters`);
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(ssml)) problems.push('unescaped &');
  const stack: string[] = [];
  let audio = 0;
  for (const match of ssml.matchAll(/<(\/?)([a-zA-Z:-]+)((?:\s+[a-zA-Z:-]+="[^"<>]*")*)\s*(\/?)>|<|>/g)) {
    const [whole, closing, name, attributes, selfClosing] = match;
    if (whole === '<' || whole === '>') {
      problems.push(`stray ${whole}`);
      continue;
    }
    if (!name || !allowedTags.has(name)) problems.push(`tag <${name}> not allowed`);
    if (name === 'audio') audio++;
    if (name === 'break') {
      const time = /time="([^"]+)"/.exec(attributes ?? '')?.[1];
      const seconds = time ? breakSeconds(time) : Number.NaN;
      if (!(seconds > 0 && seconds <= alexaLimits.maxBreakSeconds)) problems.push(`break of ${time}`);
    }
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> closes nothing open`);
    } else stack.push(name ?? '');
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(', ')}`);
  if (audio > alexaLimits.maxAudioTags) problems.push(`${audio} audio tags`);
  return problems;
}
