import type { ResponseEnvelope } from 'ask-sdk-model';
import { expect } from 'vitest';
import type { HeardTurn } from '../../tools/simulator/session.js';
import { responseProblems } from './response-check.js';
import { ssmlProblems } from './ssml-check.js';

/**
 * The shared assertions, registered for every test file by vitest.config.ts:
 * - `expect(turn).toSay(content)`: what the user hears contains it. `content` is a line of content/
 *   (its `{placeholders}` stand for any words), several lines (each is said), or a pattern.
 * - `await expect(turn).toBeAValidAlexaAnswer()` (awaited: the SSML check is asynchronous): Alexa would
 *   take the response as it is (response-check.ts: valid SSML within Alexa's limits in the speech and
 *   the reprompt, a body within 24 KB, a reprompt whenever the session stays open); a turn also speaks,
 *   and has a reprompt while the session is open, unless it ends the session or hands over to Alexa.
 */

type Heard = HeardTurn | string;
type Said = string | RegExp | readonly string[];

/** Text as a pattern that matches it literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A content line as a pattern: its words as written, each `{placeholder}` any words. */
export function contentPattern(line: string): RegExp {
  const pattern = line
    .split(/\{[^}]+\}/)
    .map((part) => escapeRegExp(part.trim()).replace(/\s+/g, '\\s+'))
    .join('.+?');
  return new RegExp(pattern);
}

const textOf = (heard: Heard) => (typeof heard === 'string' ? heard : heard.text);
const labelOf = (heard: Heard) =>
  typeof heard === 'string' ? 'the text' : `the answer to "${heard.utterance}"`;

function isTurn(received: unknown): received is HeardTurn {
  return (
    typeof received === 'object' && received !== null && 'utterance' in received && 'response' in received
  );
}

/** What Alexa would reject in a turn or a bare response; for a turn that listens, a missing reprompt too. */
export async function answerProblems(received: HeardTurn | ResponseEnvelope): Promise<string[]> {
  if (!isTurn(received)) return responseProblems(received);
  const problems = await responseProblems(received.response);
  // When the skill hands over to Alexa (a permission question), Alexa speaks and listens for it.
  const handsOver = (received.response.response.directives ?? []).some(
    (d) => d.type === 'Connections.StartConnection',
  );
  if (handsOver) return [...new Set(problems)];
  // Otherwise a turn the user hears speaks (only the end of a session is silent) ...
  if (received.intent !== 'SessionEndedRequest') {
    problems.push(...(await ssmlProblems(received.ssml)).map((p) => `speech: ${p}`));
    if (received.text.trim() === '') problems.push('says nothing');
  }
  // ... and while the session stays open, it has a reprompt.
  if (!received.sessionEnded) {
    if (received.repromptSsml === undefined) problems.push('listens without a reprompt');
    else problems.push(...(await ssmlProblems(received.repromptSsml)).map((p) => `reprompt: ${p}`));
  }
  return [...new Set(problems)];
}

expect.extend({
  toSay(received: Heard, said: Said) {
    const text = textOf(received);
    const lines = typeof said === 'string' ? [said] : said instanceof RegExp ? [] : [...said];
    const patterns = said instanceof RegExp ? [said] : lines.map(contentPattern);
    const missing = patterns.filter((pattern) => !pattern.test(text));
    const expected = said instanceof RegExp ? String(said) : lines.join(' / ');
    return {
      pass: missing.length === 0,
      message: () =>
        this.isNot
          ? `expected ${labelOf(received)} not to say ${expected}, but it did: "${text}"`
          : `expected ${labelOf(received)} to say ${missing.map(String).join(', ')}, but it said: "${text}"`,
    };
  },
  async toBeAValidAlexaAnswer(received: HeardTurn | ResponseEnvelope) {
    const problems = await answerProblems(received);
    const label = isTurn(received) ? `the answer to "${received.utterance}"` : 'the response';
    return {
      pass: problems.length === 0,
      message: () =>
        this.isNot
          ? `expected ${label} to have a problem Alexa would reject`
          : `expected ${label} to be valid for Alexa, but: ${problems.join('; ')}`,
    };
  },
});

interface RugCoachMatchers<R = unknown> {
  /** What the user hears contains this content line (placeholders match any words), every line, or the pattern. */
  toSay(said: Said): R;
  /** Alexa would accept the response: valid SSML in speech and reprompt, within limits, a reprompt when listening. */
  toBeAValidAlexaAnswer(): Promise<R>;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own Assertion<T = any> signature, which this merges into.
  interface Assertion<T = any> extends RugCoachMatchers<T> {}
  interface AsymmetricMatchersContaining extends RugCoachMatchers {}
}
