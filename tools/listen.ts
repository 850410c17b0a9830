/**
 * `npm run listen`: renders every distinct answer of the scripted tour (tools/tour.ts) to audio with
 * espeak-ng's Dutch voice, and reports each answer's spoken seconds next to the estimate the tests and
 * the turn layout use (lambda/src/speech/length.ts). espeak-ng is a Debian package: installed here when
 * missing and apt-get can, otherwise explained. CI does not run this.
 *   npm run listen -- --out .data/listen      (the default folder: a WAV per answer, and report.md)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { estimatedSeconds } from '../lambda/src/speech/length.js';
import { wordsBeforeQuestion } from '../lambda/src/speech/ssml.js';
import { buildLambda } from './build.js';
import { startLocalDynamo } from './local-dynamo.js';
import { importBundledHandler, runSkillLocally } from './local-skill.js';
import { loadInteractionModel, Understanding } from './simulator/nlu/index.js';
import { distinctAnswers, runTour } from './tour.js';

const skillId = 'amzn1.ask.skill.rug-coach-listen';

function hasEspeak(): boolean {
  return spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** espeak-ng when it is there; otherwise Debian's package, when this is a Debian machine run as root. */
function ensureEspeak(): void {
  if (hasEspeak()) return;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    console.log('espeak-ng is missing: installing the Debian package (apt-get install -y espeak-ng) …');
    execFileSync('apt-get', ['install', '-y', 'espeak-ng'], { stdio: 'inherit' });
    if (hasEspeak()) return;
  }
  console.error(
    'npm run listen needs espeak-ng (a Dutch text-to-speech voice). On Debian or Ubuntu:\n' +
      '  sudo apt-get update && sudo apt-get install -y espeak-ng\n' +
      'Elsewhere, install espeak-ng from your package manager; it must be on the PATH.',
  );
  process.exit(1);
}

/**
 * Alexa's SSML as espeak-ng reads it: breaks and prosody stay (espeak-ng -m knows them); 112 becomes
 * three digits, as Alexa's say-as reads it; anything else is left to espeak-ng to skip.
 */
function forEspeak(ssml: string): string {
  return ssml.replaceAll('<say-as interpret-as="digits">112</say-as>', '1 1 2');
}

/** Seconds of a PCM WAV file, from its header. */
function wavSeconds(file: string): number {
  const wav = readFileSync(file);
  const byteRate = wav.readUInt32LE(28);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    // espeak-ng writing to a file may leave the data size unset: then the rest of the file is the data.
    if (id === 'data') return (size > 0 && size < wav.length ? size : wav.length - offset - 8) / byteRate;
    offset += 8 + size;
  }
  return 0;
}

async function main(): Promise<void> {
  ensureEspeak();
  const outIndex = process.argv.indexOf('--out');
  const out = path.resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? '.data/listen') : '.data/listen');
  mkdirSync(out, { recursive: true });

  const db = await startLocalDynamo();
  runSkillLocally(db, skillId);
  const { outfile } = await buildLambda();
  const handler = await importBundledHandler(outfile);
  const understanding = await Understanding.train(loadInteractionModel());
  const answers = distinctAnswers(await runTour(handler, understanding, skillId));
  await db.stop();

  const rows: string[] = [];
  let n = 0;
  for (const answer of answers) {
    n += 1;
    const file = path.join(out, `${String(n).padStart(3, '0')}.wav`);
    execFileSync('espeak-ng', ['-v', 'nl', '-m', '-w', file, forEspeak(answer.turn.ssml)]);
    const measured = wavSeconds(file);
    const parts = [{ kind: 'text' as const, text: answer.turn.text.replace(/\[[\d.]+s\]/g, '') }];
    const estimate = estimatedSeconds(parts) + answer.turn.pauseSeconds;
    const words = wordsBeforeQuestion(answer.turn.text.replace(/\[[\d.]+s\]/g, ''));
    rows.push(
      `| ${n} | ${answer.session} | ${answer.utterance} | ${answer.inExercise ? 'yes' : ''} | ${words} | ${estimate.toFixed(1)} | ${measured.toFixed(1)} |`,
    );
  }
  const outside = answers.filter((a) => !a.inExercise);
  const report = [
    `# npm run listen: ${answers.length} distinct answers of the tour (espeak-ng, voice nl)`,
    '',
    `Outside an exercise: ${outside.length} answers. The estimate is lambda/src/speech/length.ts (characters`,
    'per second, pauses included); measured is the length of the WAV espeak-ng wrote. Alexa`s voice is not',
    'espeak-ng: read the measured seconds as a second opinion on the estimate, not as Alexa`s timing.',
    '',
    '| # | part of the tour | said | exercise | words before the question | estimated s | measured s |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(path.join(out, 'report.md'), report);
  console.log(report);
  console.log(`WAV files and report.md in ${path.relative(process.cwd(), out) || '.'}`);
}

await main();
