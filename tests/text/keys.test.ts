import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dutchWordsSchema, spokenSchema } from '../../lambda/src/text/content-schema.js';
import {
  coachText,
  dutchWords,
  fill,
  knowledgeText,
  listOf,
  normalise,
  ordinalWord,
  placeholders,
  prompts,
  reminderText,
  screenText,
  sentence,
  spoken,
  triageContent,
} from '../../lambda/src/text/index.js';

const src = fileURLToPath(new URL('../../lambda/src/', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const sources = files(src);
/** Code only: a key named in a comment is not a use of it. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}
/** The code that uses content: not the schemas that describe it, nor the module that loads it. */
const code = sources
  .filter((path) => !/schema\.ts$/.test(path) && !path.endsWith('text/content.ts'))
  .map((path) => withoutComments(readFileSync(path, 'utf8')))
  .join('\n');

/** Records keyed by the article's ids (tips, exercises, criteria …): their keys are data, not names in code. */
const collections = new Set([
  'coach.exercises',
  'spoken.tips',
  'spoken.exercises',
  'spoken.criteria',
  'spoken.info.kinds',
  'spoken.info.places',
  'spoken.info.lessCommonCauses',
  'spoken.safety',
  'spoken.rewordings',
  'spoken.notClaims',
  'screen.sides',
  'coach.turn.sides',
]);
/** Keys read by the tests and tools only (the trace, the schemas): what they are for is in content-schema.ts. */
const readByTests = new Set([
  'safety',
  'seed',
  'why',
  'safetyAddition',
  'seedFile',
  'notSaid',
  'rewordings',
  'notClaims',
]);

/** A key as code reads it: `.key`, `key:` or `{ key }` (destructured), `'key'`; not a variable that shares its name. */
function readAs(key: string): RegExp {
  return new RegExp(`\\.${key}\\b|\\b${key}\\s*[:,}]|['"\`]${key}['"\`]|\\{\\s*${key}\\b`);
}

function keyPaths(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  if (collections.has(path)) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(readByTests.has(key) ? [] : [`${path}.${key}`]),
    ...keyPaths(child, `${path}.${key}`),
  ]);
}

const content = {
  prompts,
  coach: coachText,
  triage: triageContent,
  knowledge: knowledgeText,
  reminders: reminderText,
  screen: screenText,
  spoken,
  dutch: dutchWords,
};

describe('the text layer', () => {
  it('is the one module that reaches content/', () => {
    const reaching = sources.filter((path) =>
      /from '(\.\.\/)+content\/[^']+\.json'/.test(readFileSync(path, 'utf8')),
    );
    expect(reaching.map((path) => path.slice(src.length))).toEqual(['text/content.ts']);
  });

  it('uses every content key somewhere in the code', () => {
    const unused = Object.entries(content)
      .flatMap(([name, value]) => keyPaths(value, name))
      .filter((path) => !readAs(path.split('.').at(-1) ?? path).test(code));
    expect(unused).toEqual([]);
  });

  it('fills a placeholder, and refuses to say a hole aloud', () => {
    expect(fill('Je was bij {name}.', { name: 'de brug' })).toBe('Je was bij de brug.');
    expect(() => fill('Je noemt iets wat past bij {flags}.', {})).toThrow(/no value for \{flags\}/);
    expect(placeholders(triageContent.outcomes.direct.yes)).toEqual(['flags']);
  });

  it('has one set of Dutch helpers: sentences, lists, number words, ordinals, one normaliser', () => {
    expect(sentence('wissel van been')).toBe('Wissel van been.');
    expect(listOf(['koorts', 'tintelingen', 'slappe benen'])).toBe('koorts, tintelingen en slappe benen');
    expect(listOf(['ja', 'nee'], 'or')).toBe('ja of nee');
    expect(ordinalWord(3)).toBe('derde');
    expect(normalise("'s Nachts wakker? Knieën!")).toBe('s nachts wakker knieen');
  });

  it('checks spoken.json and dutch.json against their schemas', () => {
    expect(spokenSchema.safeParse(spoken).success).toBe(true);
    expect(dutchWordsSchema.safeParse(dutchWords).success).toBe(true);
  });
});
