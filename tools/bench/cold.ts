import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** One cold start, as the parent saw it and as the child measured itself. */
export interface ColdRun {
  /** Spawn until the answer (or, for bare node, the exit) reached the parent, in ms. */
  wallMs: number;
  /** Child: process start until its own code ran (Node boot), in ms; NaN for bare node. */
  bootMs: number;
  /** Child: loading the bundle (read, compile, evaluate), in ms. */
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

/** What the child saw besides its timings: for the tests that guard the cold start's levers. */
export interface ColdStartDetail extends ColdRun {
  /** Node's own modules loaded by the end of the first turn ('http', 'zlib', 'internal/deps/undici/undici', …). */
  builtins: string[];
  /** Intl.DateTimeFormat objects made with a time zone (each loads ICU's zone data). */
  zoneFormatters: number;
  /** The first turn's response envelope. */
  response: unknown;
}

const marker = 'BENCH-ANSWER ';

/**
 * The child: loads the bundle as Lambda's Node.js runtime does (`require` for a CommonJS `.js`/`.cjs`,
 * `import()` for `.mjs`: UserFunction.js of aws-lambda-nodejs-runtime-interface-client), answers one
 * event, prints one marker line with its own timings, and exits (keep-alive sockets would hold it).
 */
const childCode = `
const { createRequire } = require('node:module');
let zoneFormatters = 0;
const DateTimeFormat = Intl.DateTimeFormat;
Intl.DateTimeFormat = new Proxy(DateTimeFormat, {
  construct(target, args) {
    if (args[1] && args[1].timeZone) zoneFormatters++;
    return Reflect.construct(target, args);
  },
});
(async () => {
  const bundle = process.env.BENCH_BUNDLE;
  const start = performance.now();
  const { handler } = bundle.endsWith('.mjs')
    ? await import(require('node:url').pathToFileURL(bundle).href)
    : createRequire(bundle)(bundle);
  const imported = performance.now();
  const response = await handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'bench-cold' });
  const answered = performance.now();
  const ok = typeof response?.response === 'object';
  const usage = process.resourceUsage();
  const line = ${JSON.stringify(marker)} + JSON.stringify({
    ok, bootMs: start, importMs: imported - start, turnMs: answered - imported,
    maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
    zoneFormatters, response: process.env.BENCH_DETAIL ? response : undefined,
  });
  process.stdout.write(line + '\\n', () => process.exit(ok ? 0 : 3));
})();
`;

/**
 * A Lambda-like environment: only what the function needs, credentials in the environment, and the
 * variables Lambda sets that the SDK reads (the function's name and trace id add the X-Ray header;
 * the execution environment goes into the user agent).
 */
function childEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: 'rug-coach-bench',
    _X_AMZN_TRACE_ID: 'Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0',
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SESSION_TOKEN: 'bench',
    ...extra,
  };
}

/** How to start a child: which Node, with which arguments before the script (e.g. a cgroup wrapper). */
export interface Runtime {
  /** The `node` executable. */
  node: string;
  /** Runs `[node, ...args]` through this command instead (its first element is the program). */
  wrap?: string[];
}

/** Spawns `node` with `args` and resolves when `done(stdout)` is true or the process exits. */
function timedSpawn(
  runtime: Runtime,
  args: string[],
  env: Record<string, string>,
  done: (stdout: string) => boolean,
): Promise<{ wallMs: number; stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const [program, ...rest] = [...(runtime.wrap ?? []), runtime.node, ...args];
    const started = performance.now();
    const child = spawn(program ?? runtime.node, rest, { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
export async function bareNodeExit(runtime: Runtime): Promise<number> {
  const { wallMs, code } = await timedSpawn(runtime, ['-e', '0'], childEnv({}), () => false);
  if (code !== 0) throw new Error(`node -e 0 exited with ${code}`);
  return wallMs;
}

/** Peak memory (KiB) and CPU time (ms) of a bare process, measured apart so the timed one prints nothing. */
export async function bareNodeUsage(runtime: Runtime): Promise<{ maxRssKiB: number; cpuMs: number }> {
  const { stdout } = await timedSpawn(
    runtime,
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

/** A fresh process that loads `bundle` (an absolute path) and answers `event`: spawn to answer received. */
export async function coldStartDetail(
  runtime: Runtime,
  bundle: string,
  event: unknown,
  env: Record<string, string>,
  countCalls: () => number = () => Number.NaN,
  { keepResponse = false }: { keepResponse?: boolean } = {},
): Promise<ColdStartDetail> {
  const before = countCalls();
  const { wallMs, stdout, stderr, code } = await timedSpawn(
    runtime,
    ['-e', childCode],
    childEnv({
      ...env,
      BENCH_BUNDLE: bundle,
      BENCH_EVENT: JSON.stringify(event),
      ...(keepResponse ? { BENCH_DETAIL: '1' } : {}),
    }),
    (out) => out.includes('\n') && out.includes(marker),
  );
  const line = stdout.split('\n').find((l) => l.startsWith(marker));
  if (code !== 0 || !line) {
    throw new Error(`cold start of ${bundle} failed (exit ${code}):\n${stdout}\n${stderr.slice(0, 2000)}`);
  }
  const reported = JSON.parse(line.slice(marker.length)) as Omit<ColdStartDetail, 'wallMs' | 'dbCalls'>;
  return { ...reported, wallMs, dbCalls: countCalls() - before };
}

/** The timings of one cold start (see coldStartDetail). */
export async function coldStart(
  runtime: Runtime,
  bundle: string,
  event: unknown,
  env: Record<string, string>,
  countCalls: () => number,
): Promise<ColdRun> {
  const { wallMs, bootMs, importMs, turnMs, cpuMs, maxRssKiB, dbCalls } = await coldStartDetail(
    runtime,
    bundle,
    event,
    env,
    countCalls,
  );
  return { wallMs, bootMs, importMs, turnMs, cpuMs, maxRssKiB, dbCalls };
}
