import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/bundling.js';
import { article } from '../../lambda/src/content/article.js';
import { coachText, fill, prompts, reminderText } from '../../lambda/src/text/index.js';
import { defined } from '../../tools/defined.js';
import { spokenExerciseName } from '../support/builders.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'rug-coach-sim-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` with utterances piped in, one a line, as the README shows. */
function simulate(lines: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/simulator/main.ts', '--fast'], {
    cwd: repoRoot,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    env: { ...process.env, RUG_COACH_DATA: dataDir },
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('the local simulator (npm start)', () => {
  it('welcomes with the disclaimer, gives a tip and says goodbye, then exits at the end of input', () => {
    const out = simulate(['open rug coach', 'geef me een tip', 'stop']);
    expect(out).toSay(prompts.welcomeNew);
    expect(out).toContain(article.disclaimer.short);
    expect(out).toMatch(/Alexa: Tip \d+: /);
    expect(out).toSay(prompts.goodbye);
  });

  it('remembers the routine between runs, in its data folder', () => {
    simulate(['vraag rug coach naar de brug', 'stop']);
    const out = simulate(['open rug coach']);
    expect(out).toSay(fill(coachText.navigation.resumeOffer, { name: spokenExerciseName('brug') }));
  });

  it('asks before a new exercise replaces the saved place, then shows each pause of a hold', () => {
    const out = simulate(['vraag rug coach naar de hamstring stretch', 'opnieuw beginnen']);
    expect(out).toSay(fill(prompts.restartOffer, { name: spokenExerciseName('brug') }));
    expect(out).toMatch(/pauze 10 s/);
  });

  it('plays Alexa’s permission question for a reminder: “nee” leaves a card, “ja” sets it', () => {
    const refused = simulate(['open rug coach', 'herinner me elke dag om acht uur', 'nee', 'stop']);
    expect(refused).toContain('Geef je Rug Coach toestemming om herinneringen te zetten?');
    expect(refused).toSay(reminderText.permissionDenied);
    expect(refused).toContain(
      '(kaart in de Alexa-app: toestemming voor alexa::alerts:reminders:skill:readwrite)',
    );
    const granted = simulate(['open rug coach', 'herinner me elke dag om acht uur', 'ja', 'stop']);
    expect(granted).toSay(fill(defined(reminderText.confirmed[0]), { time: "acht uur 's ochtends" }));
  });
});
