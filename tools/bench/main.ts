/**
 * `npm run bench`: cold start + first turn against bare Node and the ask-sdk/aws-sdk v2 baseline,
 * warm turns of a realistic session against the one-read-one-write floor, DynamoDB calls per turn,
 * bundle size and peak memory, all in one run on this machine. Prints a table and writes
 * bench-results/latest.md and latest.json.
 * Options: --runs N (cold runs per subject, default 7), --sessions N (warm sessions, default 300).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../infra/bundling.js';
import { userTable } from '../../lambda/src/state/table-schema.js';
import { buildLambda } from '../build.js';
import { startLocalDynamo } from '../local-dynamo.js';
import { launchRequest, simulatorContext } from '../simulator/envelope.js';
import type { SkillHandler } from '../simulator/session.js';
import { buildBaseline, ensureBaselineInstalled } from './baseline.js';
import { bundleContributors } from './bundle-report.js';
import { bareNodeExit, bareNodeUsage, type ColdRun, coldStart } from './cold.js';
import { buildLever, levers } from './levers.js';
import { type BenchResult, renderMarkdown, renderTable, type Subject } from './report.js';
import { median, percentile } from './stats.js';
import { runWarm, sessionScript } from './warm.js';

const skillId = 'amzn1.ask.skill.rug-coach-bench';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function summarize(name: string, runs: ColdRun[], bundleKiB: number | null, note?: string): Subject {
  return {
    name,
    runs: runs.length,
    wallMs: median(runs.map((r) => r.wallMs)),
    wallMinMs: Math.min(...runs.map((r) => r.wallMs)),
    wallMaxMs: Math.max(...runs.map((r) => r.wallMs)),
    bootMs: median(runs.map((r) => r.bootMs)),
    importMs: median(runs.map((r) => r.importMs)),
    turnMs: median(runs.map((r) => r.turnMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    maxRssMiB: median(runs.map((r) => r.maxRssKiB)) / 1024,
    dbCalls: median(runs.map((r) => r.dbCalls)),
    bundleKiB,
    ...(note ? { note } : {}),
  };
}

async function main(): Promise<void> {
  const benchStarted = Date.now();
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const coldRuns = option('runs', 7);
  const sessions = option('sessions', 300);
  const tmpDir = path.join(repoRoot, 'bench-results', 'tmp');
  mkdirSync(tmpDir, { recursive: true });

  // 1. Bundles: the deployed one, the baseline, and one per lever.
  const ours = await buildLambda();
  const contributors = bundleContributors(`${ours.outfile}.meta.json`);
  let baseline: { outfile: string; bytes: number } | undefined;
  let baselineProblem: string | undefined;
  try {
    ensureBaselineInstalled();
    baseline = await buildBaseline();
  } catch (error) {
    baselineProblem = error instanceof Error ? error.message : String(error);
    process.stderr.write(`baseline unavailable: ${baselineProblem}\n`);
  }
  const leverBundles = [];
  for (const [i, lever] of levers.entries()) {
    try {
      leverBundles.push({ lever, ...(await buildLever(lever, path.join(tmpDir, `lever-${i}.mjs`))) });
    } catch (error) {
      process.stderr.write(
        `lever "${lever.name}" skipped: ${error instanceof Error ? error.message : error}\n`,
      );
    }
  }

  const db = await startLocalDynamo({ tableName: userTable.localName });
  const env = { SKILL_ID: skillId, DYNAMODB_ENDPOINT: db.endpoint, TABLE_NAME: db.tableName };
  const freshLaunch = (tag: string) =>
    launchRequest(simulatorContext({ skillId, userId: `amzn1.ask.account.BENCH-COLD-${tag}` }));

  // 2. Cold starts, interleaved (the order rotates each round); round 0 warms the file cache, unmeasured.
  const here = { node: process.execPath };
  type Runner = { key: string; run: (tag: string) => Promise<ColdRun> };
  const runners: Runner[] = [
    {
      key: 'bare',
      run: async () => {
        const wallMs = await bareNodeExit(here);
        return {
          wallMs,
          bootMs: Number.NaN,
          importMs: Number.NaN,
          turnMs: Number.NaN,
          ...(await bareNodeUsage(here)),
          dbCalls: 0,
        };
      },
    },
    {
      key: 'ours',
      run: (tag) => coldStart(here, ours.outfile, freshLaunch(`ours-${tag}`), env, db.totalCalls),
    },
  ];
  if (baseline) {
    const file = baseline.outfile;
    runners.push({
      key: 'baseline',
      run: (tag) => coldStart(here, file, freshLaunch(`base-${tag}`), env, db.totalCalls),
    });
  }
  for (const [i, { outfile }] of leverBundles.entries()) {
    runners.push({
      key: `lever-${i}`,
      run: (tag) => coldStart(here, outfile, freshLaunch(`lever${i}-${tag}`), env, db.totalCalls),
    });
  }
  const cold = new Map<string, ColdRun[]>(runners.map((r) => [r.key, []]));
  for (let round = 0; round <= coldRuns; round++) {
    for (let k = 0; k < runners.length; k++) {
      const runner = runners[(k + round) % runners.length];
      if (!runner) continue;
      const result = await runner.run(String(round));
      if (round > 0) cold.get(runner.key)?.push(result);
    }
    process.stdout.write(
      round === 0 ? 'cold starts: warm-up round done\n' : `cold starts: round ${round}/${coldRuns}\n`,
    );
  }

  const subjects: Subject[] = [
    summarize('bare node -e 0 (spawn → exit)', cold.get('bare') ?? [], null),
    summarize('Rug Coach (dist/lambda/index.mjs)', cold.get('ours') ?? [], ours.bytes / 1024),
  ];
  if (baseline) {
    subjects.push(
      summarize(
        'baseline: ask-sdk-core + dynamodb-persistence-adapter (aws-sdk v2)',
        cold.get('baseline') ?? [],
        baseline.bytes / 1024,
      ),
    );
  }
  const leverSubjects: Subject[] = leverBundles.map(({ lever, bytes }, i) =>
    summarize(`lever: ${lever.name}`, cold.get(`lever-${i}`) ?? [], bytes / 1024, lever.description),
  );

  // 3. Warm turns through the bundle in this process (imported once, as a warm Lambda keeps it).
  Object.assign(process.env, { ...env, AWS_REGION: 'eu-west-1' });
  const { handler } = (await import(pathToFileURL(ours.outfile).href)) as { handler: SkillHandler };
  process.stdout.write(`warm turns: ${sessions} sessions …\n`);
  const warm = await runWarm(handler, db, skillId, { sessions, warmup: 20, floorPerSession: 2 });
  await db.stop();

  const allTurns = warm.turnMs.flat();
  const totalCalls = Object.values(warm.calls).reduce((a, b) => a + b, 0);
  const result: BenchResult = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} logical CPUs)`,
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    command: 'npm run bench',
    loadAverage: [loadBefore, os.loadavg()[0] ?? Number.NaN],
    coldRuns,
    subjects,
    levers: leverSubjects,
    baselineProblem,
    warm: {
      sessions,
      turns: allTurns.length,
      perTurn: warm.turnMs.map((samples, i) => ({
        utterance: sessionScript[i] ?? '',
        intent: warm.intents[i] ?? '',
        p50: percentile(samples, 50),
        p99: percentile(samples, 99),
        callsPerTurn: (warm.callsByTurn[i] ?? 0) / sessions,
      })),
      p50: percentile(allTurns, 50),
      p99: percentile(allTurns, 99),
      floorP50: percentile(warm.floorMs, 50),
      floorP99: percentile(warm.floorMs, 99),
      floorSamples: warm.floorMs.length,
      calls: warm.calls,
      callsPerTurn: totalCalls / allTurns.length,
    },
    bundle: { kib: ours.bytes / 1024, top: contributors.slice(0, 12) },
    durationS: (Date.now() - benchStarted) / 1000,
  };

  process.stdout.write(`\n${renderTable(result)}\n`);
  const outDir = path.join(repoRoot, 'bench-results');
  writeFileSync(path.join(outDir, 'latest.md'), renderMarkdown(result));
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `written: bench-results/latest.md, bench-results/latest.json (${statSync(path.join(outDir, 'latest.md')).size} B)\n`,
  );
  // The bundle's DynamoDB client keeps sockets alive; the run is over.
  process.exit(0);
}

await main();
