import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, contentDir } from '../../tools/check-content.js';
import { defined } from '../../tools/defined.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const goodArticle = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(contentDir, 'article.json'), 'utf8')) as Record<string, unknown>;

let dirs: string[] = [];
function contentWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rug-coach-content-'));
  dirs.push(dir);
  for (const [name, data] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

const errorsOf = (dir: string, file: string) =>
  checkContent(dir).files.find((report) => report.file === file)?.errors ?? [];

describe('checkContent', () => {
  it('passes the content in the repository', () => {
    const report = checkContent();
    expect(report.files.flatMap((f) => f.errors.map((e) => `${f.file}: ${e}`))).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names the path of a tip that lost all its bullets', () => {
    const article = goodArticle();
    defined((article.tips as { bullets: string[] }[])[4]).bullets = [];
    const dir = contentWith({
      'article.json': article,
      'prompts.json': readFileSync(join(contentDir, 'prompts.json'), 'utf8'),
    });
    expect(checkContent(dir).ok).toBe(false);
    expect(errorsOf(dir, 'article.json')).toEqual([expect.stringMatching(/^tips\.4\.bullets: /)]);
  });

  it('rejects a renamed exercise id that other modules look up', () => {
    const article = goodArticle();
    defined((article.exercises as { id: string }[])[3]).id = 'bruggetje';
    const dir = contentWith({ 'article.json': article });
    expect(errorsOf(dir, 'article.json')).toContainEqual(
      expect.stringMatching(/^exercises: ids must be .*bruggetje/),
    );
  });

  it('rejects a tip topic that would point at two tips', () => {
    const article = goodArticle();
    defined((article.tips as { topics: string[] }[])[0]).topics.push('Tillen');
    const dir = contentWith({ 'article.json': article });
    expect(errorsOf(dir, 'article.json')).toEqual([
      'tips.topics: "tillen" belongs to blijf-bewegen and tillen',
    ]);
  });

  it('reports broken JSON and a missing article instead of throwing', () => {
    expect(errorsOf(contentWith({ 'article.json': '{ "source": ' }), 'article.json')).toEqual([
      expect.stringMatching(/^not valid JSON/),
    ]);
    expect(errorsOf(contentWith({}), 'article.json')).toEqual(['file is missing']);
  });

  it('exits non-zero from the command line with the errors on stderr', () => {
    const article = goodArticle();
    delete article.faq;
    const dir = contentWith({ 'article.json': article });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/check-content.ts', dir], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('✗ article.json');
    expect(run.stderr).toContain('faq:');
  });
});
