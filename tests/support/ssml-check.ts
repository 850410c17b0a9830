import { check, type ISSMLCheckError } from 'ssml-check-core';
import { alexaLimits } from '../../lambda/src/speech/limits.js';
import { breakSeconds } from '../../tools/simulator/session.js';

/**
 * Problems Alexa would reject or play wrongly; empty when the SSML is fine. ssml-check-core checks it
 * as Alexa's SSML (well-formed XML in one `<speak>`, only Alexa's tags with valid attributes and
 * values, no raw `&`, at most five audio tags); the project's own length rules come on top: under
 * 8,000 characters, and every break longer than nothing and at most 10 s (speech/limits.ts).
 */
export async function ssmlProblems(ssml: string): Promise<string[]> {
  const problems = ((await check(ssml, { platform: 'amazon', locale: 'nl-NL' })) ?? []).map(described);
  if (ssml.length >= alexaLimits.maxSsmlChars) problems.push(`${ssml.length} characters`);
  for (const [, time = ''] of ssml.matchAll(/<break\b[^>]*\btime="([^"]*)"/g)) {
    const seconds = breakSeconds(time);
    if (!(seconds > 0 && seconds <= alexaLimits.maxBreakSeconds)) problems.push(`break of ${time}`);
  }
  return [...new Set(problems)];
}

function described(error: ISSMLCheckError): string {
  if (error.type === 'Invalid & character') return 'unescaped &';
  if (error.type !== 'tag') return error.type;
  if (error.tag === 'speak' && error.attribute === undefined) return 'not one <speak> element';
  if (error.tag === 'break' && error.attribute === 'time') return `break of ${error.value}`;
  if (error.attribute === undefined) return `tag <${error.tag}> not allowed`;
  return `<${error.tag} ${error.attribute}="${error.value ?? ''}"> not allowed`;
}
