import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchTerm } from '../../lambda/src/knowledge/dutch-terms.js';
import { spokenSchema } from '../../lambda/src/text/content-schema.js';
import { spoken, wordsOf } from '../../lambda/src/text/index.js';
import { sentencesOf } from '../../tools/tour.js';
import { tourAnswers } from '../support/tour.js';

/**
 * The two directions of the trace between the seed article and what the skill says: every fact of the
 * seed is said by a sentence that traces to it, and every medical sentence the skill says traces to the
 * seed or is one of the listed safety sentences (content/spoken.json, safety).
 */

const contentDir = new URL('../../content/', import.meta.url);
const seedLines = readFileSync(new URL(spoken.seedFile, new URL('../../', import.meta.url)), 'utf8').split(
  '\n',
);

/** A string of a content file and the seed lines it says (empty when it traces to none). */
interface ContentString {
  file: string;
  path: string;
  text: string;
  seed: number[];
}

/** Keys whose strings are ids, words to match or reasons, not speech. */
const notSpeech = new Set([
  'id',
  'flags',
  'safetyAddition',
  'words',
  'restWords',
  'why',
  'seedFile',
  'related',
  'doctorWords',
  'topics',
  'synonyms',
]);

function walk(value: unknown, file: string, path: string, seed: number[], out: ContentString[]): void {
  if (typeof value === 'string') {
    out.push({ file, path, text: value, seed });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(item, file, `${path}[${i}]`, seed, out);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const own = (value as { seed?: unknown }).seed;
  const traced = Array.isArray(own) ? (own as number[]) : seed;
  for (const [key, child] of Object.entries(value)) {
    if (
      notSpeech.has(key) ||
      key === 'seed' ||
      (file === 'spoken.json' && ['notSaid', 'notClaims', 'rewordings', 'safety'].includes(key))
    )
      continue;
    walk(child, file, path ? `${path}.${key}` : key, traced, out);
  }
}

/** Every string the skill can say, from every content file but the verbatim article and the model's words. */
const strings: ContentString[] = readdirSync(contentDir)
  .filter((name) => name.endsWith('.json') && name !== 'article.json')
  .flatMap((file) => {
    const out: ContentString[] = [];
    walk(JSON.parse(readFileSync(new URL(file, contentDir), 'utf8')), file, '', [], out);
    return out;
  });
const traced = strings.filter((s) => s.seed.length > 0);
const safety = Object.values(spoken.safety).map((s) => s.say);

/** The words of a text as the trace compares them: Dutch stems, function words left out. */
function stems(text: string): Set<string> {
  return new Set(wordsOf(text.replace(/(\p{L})\/(\p{L})/gu, '$1 $2')).flatMap((w) => searchTerm(w) ?? []));
}

/** The seed's words that no sentence tracing to this line says. */
function unsaid(line: number, sentences: readonly string[]): string[] {
  const heard = stems(sentences.join(' '));
  // The article's numbering ("5. Herhaal 10x", "11. Juist tillen") and bullets are layout, not words.
  const seedText = (seedLines[line - 1] ?? '').replace(/^\s*(\d+\.|•)\s+/, '').replace(/\(|\)/g, ' ');
  return wordsOf(seedText.replace(/(\p{L})\/(\p{L})/gu, '$1 $2')).filter((word) => {
    const stem = searchTerm(word);
    if (stem === null || heard.has(stem)) return false;
    const instead = spoken.rewordings[word] ?? spoken.rewordings[word.replace(/-$/, '')];
    // A function word in a rewording ("puilt uit") is not compared, as in the seed.
    return !instead?.every((w) => searchTerm(w) === null || heard.has(searchTerm(w) ?? w));
  });
}

/** Seed lines that carry the article's facts: non-empty, up to the FAQ, and not listed as not said. */
const notSaid = new Set(spoken.notSaid.flatMap((group) => group.seed));
const lastFact = seedLines.findIndex((line) => line.startsWith('Ja! Matig bewegen')) + 1;
const factLines = seedLines
  .map((text, i) => ({ text: text.trim(), line: i + 1 }))
  .filter(({ text, line }) => text !== '' && line <= lastFact && !notSaid.has(line));

describe('content/spoken.json', () => {
  it('matches its schema, with a sentence for every tip, exercise step and criterion of the article', () => {
    expect(spokenSchema.safeParse(spoken).error?.issues ?? []).toEqual([]);
  });

  it('traces only to lines the seed has, and lists as not said only lines that say nothing else', () => {
    for (const s of traced)
      for (const line of s.seed) expect(seedLines[line - 1]?.trim(), `${s.file} ${s.path}`).toBeTruthy();
    for (const line of notSaid)
      expect(
        traced.some((s) => s.seed.includes(line)),
        `line ${line}`,
      ).toBe(false);
  });
});

describe('every fact of the seed is said', () => {
  it('by a sentence that traces to its line', () => {
    const untraced = factLines.filter(({ line }) => !traced.some((s) => s.seed.includes(line)));
    expect(untraced.map(({ line, text }) => `${line}: ${text}`)).toEqual([]);
  });

  it('with its words, or the listed rewordings of them', () => {
    const missing = factLines.flatMap(({ line, text }) => {
      const words = unsaid(
        line,
        traced.filter((s) => s.seed.includes(line)).map((s) => s.text),
      );
      return words.length > 0 ? [`${line} "${text}": ${words.join(', ')}`] : [];
    });
    expect(missing).toEqual([]);
  });

  it('and the check fails for a sentence that leaves a word out', () => {
    expect(unsaid(162, ['Houd de last dicht bij je.'])).toEqual(['lichaam']);
    expect(unsaid(99, ['Zit rechtop, met steun in je onderrug.'])).toEqual([]);
  });
});

/** Words that make a sentence medical: it must then trace to the seed, or be a safety sentence. */
const medical =
  /\b(pijn\w*|rugpijn|huisarts\w*|arts|specialist|fysiotherap\w*|bedrust|koorts|ongeval|blaas|darm\w*|ontlasting|plas\w*|gevoelloos\w*|tinteling\w*|pijnstill\w*|paracetamol|ibuprofen|hernia|ischias|artrose|scoliose|spit|spierspanning|overbelasting|ontsteking\w*|112|klacht\w*|herstel|medisch\w*)\b/i;

/** A content sentence as a pattern for what is heard: its placeholders stand for any words. */
function pattern(sentence: string): RegExp {
  const escaped = sentence.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}|\{\w+\}/g, '.+');
  return new RegExp(`^${escaped}$`);
}

const tracedPatterns = traced.flatMap((s) => sentencesOf(s.text)).map(pattern);
const notClaimPatterns = strings
  .filter((s) => Object.keys(spoken.notClaims).some((key) => `${s.file}:${s.path}`.startsWith(key)))
  .flatMap((s) => sentencesOf(s.text))
  .map(pattern);

const answers = tourAnswers();

describe('every medical sentence the skill says', () => {
  it('traces to the seed or is a listed safety sentence', () => {
    const untraced = new Set<string>();
    for (const answer of answers) {
      for (const sentence of sentencesOf(answer.turn.text)) {
        // Questions offer something and commands say what to say: neither is a medical claim.
        if (sentence.endsWith('?') || /^Zeg\b/.test(sentence) || !medical.test(sentence)) continue;
        if (safety.includes(sentence) || tracedPatterns.some((p) => p.test(sentence))) continue;
        if (notClaimPatterns.some((p) => p.test(sentence))) continue;
        untraced.add(sentence);
      }
    }
    expect([...untraced]).toEqual([]);
  });

  it('keeps the list of safety sentences short, each with its reason', () => {
    expect(Object.keys(spoken.safety).length).toBeLessThanOrEqual(10);
    expect(Object.keys(spoken.notClaims).length).toBeLessThanOrEqual(6);
    for (const s of Object.values(spoken.safety)) expect(s.why.length).toBeGreaterThan(20);
  });
});
