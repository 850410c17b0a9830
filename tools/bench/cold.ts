import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** One cold start, as the parent saw it and as the child measured itself. */
export interface ColdRun {
  /** Spawn until the answer (or, for bare node, the exit) reached the parent, in ms. */
  wallMs: number;
  /** Child: process start until its own code ran (Node boot), in ms; NaN for bare node. */
  bootMs: number;
  /** Child: importing the bundle (load, parse, evaluate), in ms. */
  importMs: number;
  /** Child: the first turn, from event to response, in ms. */
  turnMs: number;
  /** Child: CPU time (user + system) of the whole process, in ms; less sensitive to a busy machine. */
  cpuMs: number;
  /** Child: peak resident set size, in KiB (process.resourceUsage().maxRSS). */
  maxRssKiB: number;
  /** DynamoDB requests the server received during this run. */
  dbCalls: number;
}

const marker = 'BENCH-ANSWER ';

/**
 * The child: imports the bundle, answers one event, prints one marker line with its own timings and
 * peak memory, and exits (the SDK's keep-alive sockets would otherwise keep it running).
 */
const childCode = `
const start = performance.now();
const { handler } = await import(process.env.BENCH_BUNDLE);
const imported = performance.now();
const response = await handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'bench-cold' });
const answered = performance.now();
const ok = typeof response?.response === 'object';
const line = ${JSON.stringify(marker)} + JSON.stringify({
  ok, bootMs: start, importMs: imported - start, turnMs: answered - imported,
  maxRssKiB: process.resourceUsage().maxRSS,
  cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
});
process.stdout.write(line + '\\n', () => process.exit(ok ? 0 : 3));
`;

/** A Lambda-like environment: only what the function needs, credentials in the environment. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    ...extra,
  };
}

/** Spawns `node` with `args` and resolves when `done(stdout)` is true or the process exits. */
function timedSpawn(
  args: string[],
  env: Record<string, string>,
  done: (stdout: string) => boolean,
): Promise<{ wallMs: number; stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let wallMs: number | undefined;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (wallMs === undefined && done(stdout)) wallMs = performance.now() - started;
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ wallMs: wallMs ?? performance.now() - started, stdout, stderr, code });
    });
  });
}

/** Bare runtime: `node -e 0`, spawn to exit, in ms. */
export async function bareNodeExit(): Promise<number> {
  const { wallMs, code } = await timedSpawn(['-e', '0'], childEnv({}), () => false);
  if (code !== 0) throw new Error(`node -e 0 exited with ${code}`);
  return wallMs;
}

/** Peak memory (KiB) and CPU time (ms) of a bare process, measured apart so the timed one prints nothing. */
export async function bareNodeUsage(): Promise<{ maxRssKiB: number; cpuMs: number }> {
  const { stdout } = await timedSpawn(
    [
      '-e',
      'const u = process.resourceUsage(); process.stdout.write(JSON.stringify([u.maxRSS, u.userCPUTime + u.systemCPUTime]))',
    ],
    childEnv({}),
    () => false,
  );
  const [maxRssKiB, cpuMicros] = JSON.parse(stdout) as [number, number];
  return { maxRssKiB, cpuMs: cpuMicros / 1000 };
}

/** A fresh process that imports `bundle` and answers `event`: spawn to answer received. */
export async function coldStart(
  bundle: string,
  event: unknown,
  env: Record<string, string>,
  countCalls: () => number,
): Promise<ColdRun> {
  const before = countCalls();
  const { wallMs, stdout, stderr, code } = await timedSpawn(
    ['--input-type=module', '-e', childCode],
    childEnv({ ...env, BENCH_BUNDLE: pathToFileURL(bundle).href, BENCH_EVENT: JSON.stringify(event) }),
    (out) => out.includes('\n') && out.includes(marker),
  );
  const line = stdout.split('\n').find((l) => l.startsWith(marker));
  if (code !== 0 || !line) {
    throw new Error(`cold start of ${bundle} failed (exit ${code}):\n${stdout}\n${stderr.slice(0, 2000)}`);
  }
  const reported = JSON.parse(line.slice(marker.length)) as Omit<ColdRun, 'wallMs' | 'dbCalls'>;
  return { ...reported, wallMs, dbCalls: countCalls() - before };
}
