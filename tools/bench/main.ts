/**
 * `npm run bench`: on the Node the stack deploys (pinned, installed into .bench-cache/ on first run) and
 * on this machine's Node, runs interleaved: cold start + first turn against bare Node and the standard
 * ask-sdk stack, the levers not taken, warm turns of a realistic session against one GetItem + PutItem,
 * DynamoDB calls per turn, the bundle, and cold starts and warm turns at Lambda's CPU share of 256, 512
 * and 1024 MB. Prints a table and writes bench-results/latest.md and latest.json.
 * Options: --runs N (cold runs per subject, default 9), --sessions N (warm sessions, default 200),
 * --baseline-v2 (also the aws-sdk v2 adapter, installed once), --memory 256,512,1024 (or none),
 * --memory-runs N (default 5), --memory-sessions N (default 40).
 */
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../infra/bundling.js';
import { userTable } from '../../lambda/src/state/table-schema.js';
import { buildLambda } from '../build.js';
import { startLocalDynamo } from '../local-dynamo.js';
import { launchRequest, simulatorContext } from '../simulator/envelope.js';
import { loadInteractionModel, Understanding } from '../simulator/nlu/index.js';
import { type BaselineKind, buildBaseline } from './baseline.js';
import { bundleContributors } from './bundle-report.js';
import { bareNodeExit, bareNodeUsage, type ColdRun, coldStart, type Runtime } from './cold.js';
import { cpuShareFor } from './cpu-share.js';
import { buildLever, levers } from './levers.js';
import {
  type BenchResult,
  type MemoryRow,
  renderMarkdown,
  renderTable,
  type Subject,
  summarizeWarm,
} from './report.js';
import { type BenchRuntime, deployedNodeRuntime, machineNode } from './runtimes.js';
import { measureSpeech } from './speech-length.js';
import { median } from './stats.js';
import { warmInChild } from './warm.js';

const skillId = 'amzn1.ask.skill.rug-coach-bench';

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
function memorySizes(): number[] {
  const i = process.argv.indexOf('--memory');
  const value = i >= 0 ? (process.argv[i + 1] ?? '') : '256,512,1024';
  if (value === 'none') return [];
  return value
    .split(',')
    .map(Number)
    .filter((mb) => Number.isInteger(mb) && mb >= 128);
}

function summarize(
  key: string,
  name: string,
  runtime: string,
  runs: ColdRun[],
  bundleKiB: number | null,
): Subject {
  return {
    key,
    name,
    runtime,
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
  };
}

interface ColdSubject {
  key: string;
  name: string;
  runtime: BenchRuntime;
  bundleKiB: number | null;
  run: (tag: string) => Promise<ColdRun>;
}

/** Runs every subject `rounds` times, interleaved (the order rotates each round); round 0 is unmeasured. */
async function interleaved(
  subjects: ColdSubject[],
  rounds: number,
  label: string,
): Promise<Map<string, ColdRun[]>> {
  const runs = new Map<string, ColdRun[]>(subjects.map((s) => [s.key, []]));
  for (let round = 0; round <= rounds; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(k + round) % subjects.length];
      if (!subject) continue;
      const result = await subject.run(String(round));
      if (round > 0) runs.get(subject.key)?.push(result);
    }
    process.stdout.write(`${label}: ${round === 0 ? 'warm-up round' : `round ${round}/${rounds}`}\n`);
  }
  return runs;
}

async function main(): Promise<void> {
  const benchStarted = Date.now();
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  const coldRuns = option('runs', 9);
  const sessions = option('sessions', 200);
  const withV2 = flag('baseline-v2');
  const sizes = memorySizes();
  const memoryRuns = option('memory-runs', 5);
  const memorySessions = option('memory-sessions', 40);

  // 1. The runtimes, the bundles.
  const machine = machineNode();
  let deployed: BenchRuntime;
  try {
    deployed = deployedNodeRuntime();
  } catch (error) {
    // No registry, or no Node binary for this platform: the goals are then judged on this machine's Node.
    process.stderr.write(
      `the deployed Node is unavailable (${error instanceof Error ? error.message : error}); measuring on this machine's Node only\n`,
    );
    deployed = {
      ...machine,
      label: `${machine.label.replace(' (this machine)', '')} (this machine; not the deployed Node)`,
    };
  }
  const runtimes = machine.version === deployed.version ? [deployed] : [deployed, machine];
  const ours = await buildLambda();
  const contributors = bundleContributors(`${ours.outfile}.meta.json`);
  const baselines: { kind: BaselineKind; outfile: string; bytes: number }[] = [];
  for (const kind of withV2 ? (['v3', 'v2'] as const) : (['v3'] as const)) {
    baselines.push({ kind, ...(await buildBaseline(kind)) });
  }
  const tmpDir = path.join(repoRoot, 'bench-results', 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  const leverBundles = [];
  for (const [i, lever] of levers.entries()) {
    leverBundles.push({ lever, ...(await buildLever(lever, path.join(tmpDir, `lever-${i}.cjs`))) });
  }

  const db = await startLocalDynamo({ tableName: userTable.localName });
  const env = { SKILL_ID: skillId, DYNAMODB_ENDPOINT: db.endpoint, TABLE_NAME: db.tableName };
  const freshLaunch = (tag: string) =>
    launchRequest(simulatorContext({ skillId, userId: `amzn1.ask.account.BENCH-COLD-${tag}` }));
  const bare = (runtime: BenchRuntime) => async (): Promise<ColdRun> => ({
    wallMs: await bareNodeExit(runtime),
    bootMs: Number.NaN,
    importMs: Number.NaN,
    turnMs: Number.NaN,
    ...(await bareNodeUsage(runtime)),
    dbCalls: 0,
  });
  const bundleRun =
    (runtime: Runtime, file: string, key: string, extraEnv: Record<string, string> = {}) =>
    (tag: string) =>
      coldStart(runtime, file, freshLaunch(`${key}-${tag}`), { ...env, ...extraEnv }, db.totalCalls);

  // A V8 compile cache next to a copy of the bundle, made by one full cold start (so the first turn's
  // functions are in it too), then only read: the best case of shipping one (see docs/benchmark-notes.md).
  const cacheDir = path.join(repoRoot, '.bench-cache', 'compile-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const cachedBundle = path.join(cacheDir, 'index.js');
  copyFileSync(ours.outfile, cachedBundle);
  // As in the Lambda asset, index.js is CommonJS (this repository's package.json says "module").
  writeFileSync(path.join(cacheDir, 'package.json'), '{ "type": "commonjs" }\n');
  const cacheEnv = { NODE_COMPILE_CACHE: path.join(cacheDir, '.cache'), NODE_COMPILE_CACHE_PORTABLE: '1' };
  await bundleRun(deployed, cachedBundle, 'cache-prepare', cacheEnv)('0');

  // 2. Cold starts on every runtime, interleaved; the levers on the deployed Node only.
  const subjects: ColdSubject[] = [];
  for (const runtime of runtimes) {
    subjects.push(
      {
        key: `bare-${runtime.key}`,
        name: 'bare node -e 0 (spawn → exit)',
        runtime,
        bundleKiB: null,
        run: bare(runtime),
      },
      {
        key: `ours-${runtime.key}`,
        name: 'Rug Coach (dist/lambda/index.cjs)',
        runtime,
        bundleKiB: ours.bytes / 1024,
        run: bundleRun(runtime, ours.outfile, `ours-${runtime.key}`),
      },
      ...baselines.map((b) => ({
        key: `baseline-${b.kind}-${runtime.key}`,
        name:
          b.kind === 'v2'
            ? 'baseline: ask-sdk + persistence adapter (aws-sdk v2)'
            : 'baseline: ask-sdk + AWS SDK v3 as they come',
        runtime,
        bundleKiB: b.bytes / 1024,
        run: bundleRun(runtime, b.outfile, `base-${b.kind}-${runtime.key}`),
      })),
    );
  }
  subjects.push(
    ...leverBundles.map(({ lever, outfile, bytes }, i) => ({
      key: `lever-${i}`,
      name: `lever: ${lever.name}`,
      runtime: deployed,
      bundleKiB: bytes / 1024,
      run: bundleRun(deployed, outfile, `lever${i}`),
    })),
    {
      key: 'lever-compile-cache',
      name: 'lever: V8 compile cache beside the bundle (key matching)',
      runtime: deployed,
      bundleKiB: ours.bytes / 1024,
      run: bundleRun(deployed, cachedBundle, 'cache', cacheEnv),
    },
  );
  const cold = await interleaved(subjects, coldRuns, 'cold starts');
  const summaries = subjects.map((s) =>
    summarize(s.key, s.name, s.runtime.label, cold.get(s.key) ?? [], s.bundleKiB),
  );
  const leverNotes: Record<string, string> = Object.fromEntries([
    ...leverBundles.map(({ lever }, i) => [`lever-${i}`, lever.description]),
    [
      'lever-compile-cache',
      'NODE_COMPILE_CACHE + NODE_COMPILE_CACHE_PORTABLE=1, the cache made here for this Node, arch and uid; not shipped (docs/benchmark-notes.md)',
    ],
  ]);

  // 3. Warm turns, on every runtime (each in its own process; the classifier is trained and cached first).
  await Understanding.train(loadInteractionModel());
  const warm: BenchResult['warm'] = [];
  for (const runtime of runtimes) {
    process.stdout.write(`warm turns on ${runtime.label}: ${sessions} sessions …\n`);
    const result = await warmInChild(runtime, { bundle: ours.outfile, skillId, sessions, warmup: 20 });
    warm.push(summarizeWarm(runtime.label, result));
  }

  // 4. Lambda's CPU share at each memory size: cold starts and warm turns on the deployed Node.
  const memory: MemoryRow[] = [];
  let memoryProblem: string | undefined;
  for (const memoryMb of sizes) {
    let share: ReturnType<typeof cpuShareFor> | undefined;
    try {
      share = cpuShareFor(memoryMb);
    } catch (error) {
      memoryProblem = error instanceof Error ? error.message : String(error);
      break;
    }
    try {
      const limited: BenchRuntime = { ...deployed, wrap: share.wrap };
      const runs = await interleaved(
        [
          {
            key: 'ours',
            name: '',
            runtime: limited,
            bundleKiB: null,
            run: bundleRun(limited, ours.outfile, `mem${memoryMb}`),
          },
        ],
        memoryRuns,
        `${memoryMb} MB (${(share.share * 100).toFixed(1)} % of a CPU)`,
      );
      const warmRun = await warmInChild(limited, {
        bundle: ours.outfile,
        skillId,
        sessions: memorySessions,
        warmup: 5,
        endpoint: { url: db.endpoint, tableName: db.tableName },
      });
      memory.push({
        memoryMb,
        cpuShare: share.share,
        cold: summarize(`mem-${memoryMb}`, `${memoryMb} MB`, deployed.label, runs.get('ours') ?? [], null),
        warm: summarizeWarm(deployed.label, warmRun),
      });
    } finally {
      share.remove();
    }
  }
  await db.stop();
  // Last, so that it does not share the machine with a measured run.
  const speech = await measureSpeech(skillId);

  const result: BenchResult = {
    date: new Date().toISOString(),
    runtimes: runtimes.map((r) => ({ key: r.key, label: r.label, version: r.version })),
    deployed: deployed.label,
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} logical CPUs)`,
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    loadAverage: [loadBefore, os.loadavg()[0] ?? Number.NaN],
    coldRuns,
    cold: summaries.filter((s) => !s.key.startsWith('lever-')),
    levers: summaries
      .filter((s) => s.key.startsWith('lever-'))
      .map((s) => ({ ...s, note: leverNotes[s.key] ?? '' })),
    warm,
    memory,
    memoryProblem,
    bundle: { kib: ours.bytes / 1024, top: contributors.slice(0, 14) },
    speech,
    durationS: (Date.now() - benchStarted) / 1000,
  };

  process.stdout.write(`\n${renderTable(result)}\n`);
  const outDir = path.join(repoRoot, 'bench-results');
  writeFileSync(path.join(outDir, 'latest.md'), renderMarkdown(result));
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `written: bench-results/latest.md, bench-results/latest.json (${statSync(path.join(outDir, 'latest.md')).size} B)\n`,
  );
  process.exit(0);
}

await main();
