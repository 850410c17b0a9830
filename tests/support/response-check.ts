import type { ResponseEnvelope } from 'ask-sdk-model';
import { alexaLimits } from '../../lambda/src/speech/limits.js';
import { ssmlProblems } from './ssml-check.js';

/** Alexa rejects a response whose JSON is over 24 kilobytes. */
const maxResponseBytes = alexaLimits.maxResponseBytes;

/**
 * What Alexa would reject or play wrongly in a response: invalid SSML (speech or reprompt), speech of
 * 8,000 characters or more, a body over 24 KB, or a session left open without a reprompt.
 * Empty when the response is fine.
 */
export async function responseProblems(envelope: ResponseEnvelope): Promise<string[]> {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(envelope));
  if (bytes > maxResponseBytes) problems.push(`response is ${bytes} bytes`);
  if (envelope.version !== '1.0') problems.push(`version ${String(envelope.version)}`);
  const { outputSpeech, reprompt, shouldEndSession } = envelope.response;
  if (outputSpeech) {
    if (outputSpeech.type !== 'SSML') problems.push(`speech of type ${outputSpeech.type}`);
    else {
      problems.push(...(await ssmlProblems(outputSpeech.ssml)).map((p) => `speech: ${p}`));
      if (outputSpeech.ssml.length >= alexaLimits.maxSsmlChars) problems.push('speech too long');
    }
  }
  if (shouldEndSession === false) {
    if (!outputSpeech) problems.push('listens without speaking');
    const again = reprompt?.outputSpeech;
    if (!again) problems.push('listens without a reprompt');
    else if (again.type !== 'SSML') problems.push(`reprompt of type ${again.type}`);
    else problems.push(...(await ssmlProblems(again.ssml)).map((p) => `reprompt: ${p}`));
  }
  return problems;
}
