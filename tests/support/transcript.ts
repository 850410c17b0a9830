import type { Speech } from '../../lambda/src/speech/ssml.js';
import type { HeardTurn, VoiceSession } from '../../tools/simulator/session.js';
import { answerProblems, contentPattern, escapeRegExp } from './matchers.js';

/**
 * A conversation test written as the conversation is heard:
 *
 *   await transcript(skill.session())`
 *     U: open rug coach
 *     A: ${prompts.welcomeNew} … ${article.disclaimer.short}
 *     U: geef me een tip
 *     A: Tip … ${prompts.anotherTipQuestion}
 *     U: stop
 *     A: ${prompts.goodbye} (end)
 *   `;
 *
 * `U:` is said to the session. `A:` is what the skill answers to the `U:` before it: its parts, in
 * order, somewhere in what the user hears. A part is the line's own words (`…` stands for any words
 * between parts) or a value put in with `${}`: a line of content/ (its `{placeholders}` any words),
 * several lines (each said, in order) or a pattern (its flags kept, standing alone between `…`).
 * `A not:` names what that answer must not say, each part on its own.
 * Every answer also has to be one Alexa takes (the same check as `toBeAValidAlexaAnswer`) and keeps
 * the session open, unless its `A:` line ends with `(end)`.
 * Returns the heard turns, for what a test checks beside the words (what is stored, the pauses).
 */

type Part = string | RegExp | readonly string[];
type Piece = { text: string } | { value: Part };

interface Line {
  speaker: 'U' | 'A' | 'A not';
  pieces: Piece[];
}

/** The template's text and values, split into its non-empty lines. */
function linesOf(strings: TemplateStringsArray, values: readonly Part[]): Line[] {
  const lines: Piece[][] = [[]];
  strings.forEach((text, i) => {
    text.split('\n').forEach((segment, j) => {
      if (j > 0) lines.push([]);
      if (segment !== '') lines.at(-1)?.push({ text: segment });
    });
    if (i < values.length) lines.at(-1)?.push({ value: values[i] as Part });
  });
  return lines.flatMap((pieces) => {
    const [first, ...rest] = pieces;
    if (!first) return [];
    if (!('text' in first)) throw new Error('a transcript line starts with "U:", "A:" or "A not:"');
    const match = /^\s*(U|A not|A):\s?(.*)$/.exec(first.text);
    if (!match) {
      if (first.text.trim() === '' && rest.length === 0) return [];
      throw new Error(`a transcript line starts with "U:", "A:" or "A not:", not "${first.text.trim()}"`);
    }
    return [{ speaker: match[1] as Line['speaker'], pieces: [{ text: match[2] ?? '' }, ...rest] }];
  });
}

/** What a `U:` line says: its words and values, as one utterance. */
function utteranceOf(line: Line): string {
  return line.pieces
    .map((piece) => ('text' in piece ? piece.text : String(piece.value)))
    .join('')
    .trim();
}

/** A content line as a pattern, refusing one that would match anything (empty, or only placeholders). */
function linePattern(line: string): string {
  if (line.replace(/\{[^}]+\}/g, '').trim() === '')
    throw new Error(`a content line with no words: "${line}"`);
  return `(?:${contentPattern(line).source})`;
}

/** A value put in with `${}` as a pattern: a line, several lines in order, or a pattern (flags kept apart). */
function valuePattern(value: Part): string | RegExp {
  if (value instanceof RegExp) return value.flags === '' ? `(?:${value.source})` : value;
  const lines = typeof value === 'string' ? [value] : value;
  if (lines.length === 0) throw new Error('an empty list of content lines checks nothing');
  return lines.map(linePattern).join('[\\s\\S]*?');
}

/**
 * An `A:` line as patterns to find one after another: runs of words and values, split at `…`. A
 * pattern with flags (/geen zorgen/i) keeps them and must stand alone between `…`. With `each`, every
 * part is a pattern of its own (for `A not:`, where any one of them said is a failure).
 */
function expectationsOf(line: Line, each = false): { patterns: RegExp[]; ends: boolean } {
  const runs: (string | RegExp)[][] = [[]];
  let ends = false;
  const split = () => runs.push([]);
  line.pieces.forEach((piece, i) => {
    if ('value' in piece) {
      const { value } = piece;
      if (each && Array.isArray(value)) {
        for (const l of value as readonly string[]) {
          split();
          runs.at(-1)?.push(linePattern(l));
        }
        split();
        return;
      }
      if (each) split();
      runs.at(-1)?.push(valuePattern(value));
      if (each) split();
      return;
    }
    let text = piece.text;
    if (i === line.pieces.length - 1 && /\(end\)\s*$/.test(text)) {
      ends = true;
      text = text.replace(/\(end\)\s*$/, '');
    }
    text.split(/…|\.\.\./).forEach((words, j) => {
      if (j > 0) split();
      if (words.trim() !== '') runs.at(-1)?.push(escapeRegExp(words.trim()).replace(/\s+/g, '\\s+'));
    });
  });
  const patterns = runs
    .filter((run) => run.length > 0)
    .map((run) => {
      const [only] = run;
      if (run.length === 1 && only instanceof RegExp) return only;
      if (run.some((part) => part instanceof RegExp))
        throw new Error('a pattern with flags stands alone between "…" in a transcript line');
      return new RegExp(run.join('\\s*'));
    });
  if (patterns.length === 0 && !ends)
    throw new Error(`a transcript line that checks nothing: "${line.speaker}:"`);
  return { patterns, ends };
}

/** Where the patterns are found one after another in the text, or the first one that is not. */
function firstMissing(text: string, patterns: readonly RegExp[]): RegExp | undefined {
  let rest = text;
  for (const pattern of patterns) {
    const found = pattern.exec(rest);
    if (!found) return pattern;
    rest = rest.slice(found.index + found[0].length);
  }
  return undefined;
}

function heardSoFar(turns: readonly HeardTurn[]): string {
  return turns.map((turn) => `  U: ${turn.utterance}\n  A: ${turn.text}`).join('\n');
}

export function transcript(session: Pick<VoiceSession, 'say'>) {
  return async (strings: TemplateStringsArray, ...values: Part[]): Promise<HeardTurn[]> => {
    const turns: HeardTurn[] = [];
    const fail = (why: string): never => {
      throw new Error(`${why}\nThe conversation so far:\n${heardSoFar(turns)}`);
    };
    for (const line of linesOf(strings, values)) {
      if (line.speaker === 'U') {
        const turn = await session.say(utteranceOf(line));
        turns.push(turn);
        const problems = await answerProblems(turn);
        if (problems.length > 0)
          fail(`Alexa would not take the answer to "${turn.utterance}": ${problems.join('; ')}`);
        continue;
      }
      const turn = turns.at(-1) ?? fail(`"${line.speaker}:" before anything was said`);
      const { patterns, ends } = expectationsOf(line, line.speaker === 'A not');
      if (line.speaker === 'A not') {
        const said = patterns.find((pattern) => pattern.test(turn.text));
        if (said) fail(`The answer to "${turn.utterance}" says ${said}, which it must not.`);
        continue;
      }
      const missing = firstMissing(turn.text, patterns);
      if (missing) fail(`The answer to "${turn.utterance}" does not say ${missing} where expected.`);
      if (turn.sessionEnded !== ends)
        fail(`The answer to "${turn.utterance}" ${ends ? 'keeps the session open' : 'ends the session'}.`);
    }
    return turns;
  };
}

/** What a speech says, part by part, for an `A:` line: `${said(infoAnswer('chronisch'))}`. */
export function said(speech: Speech | undefined): string[] {
  if (!speech) throw new Error('no speech to expect');
  return speech.flatMap((part) => (part.kind === 'text' ? [part.text] : []));
}
