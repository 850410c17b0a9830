import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { coachContentSchema } from '../lambda/src/coach/content-schema.js';
import { article } from '../lambda/src/content/article.js';
import { promptsSchema } from '../lambda/src/content/prompts-schema.js';
import { type Article, articleSchema } from '../lambda/src/content/schema.js';
import { knowledgeContentSchema } from '../lambda/src/knowledge/content-schema.js';
import { reminderContentSchema } from '../lambda/src/reminders/content-schema.js';
import { screenContentSchema } from '../lambda/src/screen/content-schema.js';
import {
  type TriageContent,
  triageContentChecks,
  triageContentSchema,
} from '../lambda/src/triage/content-schema.js';

/** A content file, its schema, and the checks a schema cannot express (unique ids, unambiguous words). */
interface ContentRule {
  readonly schema: z.ZodType;
  readonly extraChecks?: (data: never) => string[];
}

const rules: Record<string, ContentRule> = {
  'article.json': { schema: articleSchema, extraChecks: articleChecks },
  'prompts.json': { schema: promptsSchema },
  'coach.json': { schema: coachContentSchema },
  'knowledge.json': { schema: knowledgeContentSchema },
  'reminders.json': { schema: reminderContentSchema },
  'screen.json': { schema: screenContentSchema },
  'triage.json': {
    schema: triageContentSchema,
    extraChecks: (content: TriageContent) => triageContentChecks(content, article.doctor),
  },
};

export interface FileReport {
  readonly file: string;
  /** False when the file has no schema: it was not checked. */
  readonly checked: boolean;
  readonly errors: readonly string[];
}

export interface ContentReport {
  readonly ok: boolean;
  readonly files: readonly FileReport[];
}

export const contentDir = fileURLToPath(new URL('../content/', import.meta.url));

/** Parses every `content/*.json` that has a schema; returns readable errors instead of throwing. */
export function checkContent(dir: string = contentDir): ContentReport {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file): FileReport => {
      const rule = rules[file];
      if (!rule) return { file, checked: false, errors: [] };
      return { file, checked: true, errors: checkFile(join(dir, file), rule) };
    });
  const missing = Object.keys(rules)
    .filter((file) => !files.some((report) => report.file === file))
    .map((file): FileReport => ({ file, checked: true, errors: ['file is missing'] }));
  const all = [...files, ...missing];
  return { ok: all.every((report) => report.errors.length === 0), files: all };
}

function checkFile(path: string, rule: ContentRule): string[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return [`not valid JSON: ${(error as Error).message}`];
  }
  const parsed = rule.schema.safeParse(data);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return rule.extraChecks ? rule.extraChecks(parsed.data as never) : [];
}

/** The ids other modules code against (see the content contract), and words that must pick one thing. */
export function articleChecks(article: Article): string[] {
  const errors: string[] = [];
  const expectIds = (where: string, actual: readonly string[], expected: readonly string[]) => {
    if (actual.join() !== expected.join()) {
      errors.push(`${where}: ids must be ${expected.join(', ')} in this order, found ${actual.join(', ')}`);
    }
  };
  expectIds(
    'exercises',
    article.exercises.map((e) => e.id),
    ['knie-naar-borst', 'kat-koe', 'bekkenkanteling', 'brug', 'hamstrings'],
  );
  expectIds(
    'tips',
    article.tips.map((t) => t.id),
    [
      'blijf-bewegen',
      'warmte',
      'pijnstillers',
      'houding',
      'werkplek',
      'stretchen',
      'core',
      'matras',
      'stress',
      'gewicht',
      'tillen',
      'regelmatig-bewegen',
      'fysiotherapie',
    ],
  );
  article.tips.forEach((tip, index) => {
    if (tip.number !== index + 1) errors.push(`tips.${index}: number ${tip.number}, expected ${index + 1}`);
  });
  expectIds(
    'doctor.directContact',
    article.doctor.directContact.map((f) => f.id),
    [
      'uitstralend-been',
      'gevoelloos-tintelingen',
      'blaas-darm',
      'koorts',
      'gewichtsverlies',
      'ongeval',
      'nachtpijn',
    ],
  );
  expectIds(
    'doctor.appointment',
    article.doctor.appointment.map((f) => f.id),
    ['langer-dan-zes-weken', 'erger', 'uitstralend', 'terugkerend', 'beperkend'],
  );
  expectIds(
    'kinds',
    article.kinds.map((k) => k.id),
    ['acuut', 'subacuut', 'chronisch'],
  );
  expectIds(
    'places',
    article.places.map((p) => p.id),
    ['lage-rug', 'midden-rug', 'hoge-rug'],
  );
  if (!article.faq.some((f) => f.id === 'bewegen')) errors.push("faq: the entry 'bewegen' is missing");
  if (!article.disclaimer.full.some((sentence) => sentence.includes('112'))) {
    errors.push('disclaimer.full: must mention 112');
  }

  // A word the user says ("tip over tillen", "de brug") must lead to exactly one tip or exercise.
  errors.push(
    ...ambiguousWords(
      'tips.topics',
      article.tips.map((t) => ({ id: t.id, words: t.topics })),
    ),
    ...ambiguousWords(
      'exercises.name/synonyms',
      article.exercises.map((e) => ({ id: e.id, words: [e.name, ...e.synonyms] })),
    ),
  );
  return errors;
}

function ambiguousWords(
  where: string,
  owners: readonly { id: string; words: readonly string[] }[],
): string[] {
  const seen = new Map<string, string>();
  const errors: string[] = [];
  for (const { id, words } of owners) {
    for (const word of words) {
      const key = word.toLowerCase().trim();
      const other = seen.get(key);
      if (other !== undefined && other !== id)
        errors.push(`${where}: "${word}" belongs to ${other} and ${id}`);
      else if (other === id) errors.push(`${where}: "${word}" appears twice in ${id}`);
      seen.set(key, id);
    }
  }
  return errors;
}

/** `tsx tools/check-content.ts [dir]`: prints one line per file; exit code 1 when any file fails. */
function main(): void {
  const report = checkContent(process.argv[2] ?? contentDir);
  for (const file of report.files) {
    if (!file.checked) console.log(`- ${file.file}: no schema, not checked`);
    else if (file.errors.length === 0) console.log(`✓ ${file.file}`);
    else {
      console.error(`✗ ${file.file}`);
      for (const error of file.errors) console.error(`    ${error}`);
    }
  }
  process.exitCode = report.ok ? 0 : 1;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) main();
