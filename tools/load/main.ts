import { prompts } from '../../lambda/src/content/prompts.js';
import { DynamoUserStateStore } from '../../lambda/src/state/dynamo-store.js';
import type { UserState } from '../../lambda/src/state/user-state.js';
import { responseProblems } from '../../tests/support/response-check.js';
import { buildLambda } from '../build.js';
import { startLocalDynamo } from '../local-dynamo.js';
import { startLocalQueue } from '../local-queue.js';
import { importBundledHandler, importBundledStateJobs, runSkillLocally } from '../local-skill.js';
import { loadInteractionModel, Understanding } from '../simulator/nlu/index.js';
import { type HeardTurn, ssmlToText, VoiceSession } from '../simulator/session.js';

const skillId = 'amzn1.ask.skill.rug-coach-load';
/** Alexa waits 8 s for an answer. */
const alexaTimeoutMs = 8000;

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number, 0 or more`);
  return value;
}

const users = option('users', 200);
/** Sessions of one and the same user at once, each finishing an exercise: none of them may be lost. */
const writersForOneUser = option('writers', 50);
const deadlineMs = option('deadline', 120) * 1000;
/**
 * Mean milliseconds a user waits before their next turn. Alexa speaks for seconds before the user can
 * answer (an exercise turn for half a minute), so even 1 s is quicker than any real user.
 */
const thinkMs = option('think', 1000);

/** Seconds over which the users arrive, as they do in real traffic (not all in the same millisecond). */
const rampMs = option('ramp', 5) * 1000;

const pause = () => new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));

interface Failure {
  user: string;
  what: string;
}

const latencies: number[] = [];
const failures: Failure[] = [];
const logCounts = { info: 0, warn: 0, error: 0 };
/** Warnings and errors by message and error class ("user state not saved: TimeoutError"). */
const problemsLogged = new Map<string, number>();
const errorText = ssmlToText(`<speak>${prompts.error.join(' ')}</speak>`);

/** The bundle logs JSON lines through console.*; counted here, and kept out of the report. */
function countLogs(): void {
  for (const level of ['info', 'warn', 'error'] as const) {
    console[level] = (line: unknown) => {
      logCounts[level]++;
      if (level === 'info') return;
      let key = String(line);
      try {
        const { message, errorClass } = JSON.parse(String(line)) as { message?: string; errorClass?: string };
        key = `${level} ${message}${errorClass ? `: ${errorClass}` : ''}`;
      } catch {
        // Not one of the skill's JSON lines: counted as it is.
      }
      problemsLogged.set(key, (problemsLogged.get(key) ?? 0) + 1);
    };
  }
}

async function turn(session: VoiceSession, user: string, utterance: string): Promise<HeardTurn | undefined> {
  await pause();
  const started = performance.now();
  try {
    const heard = await session.say(utterance);
    const ms = performance.now() - started;
    latencies.push(ms);
    const problems = await responseProblems(heard.response);
    if (problems.length > 0) failures.push({ user, what: `"${utterance}": ${problems.join('; ')}` });
    else if (heard.text === '' || heard.text.includes(errorText))
      failures.push({ user, what: `"${utterance}": answered "${heard.text.slice(0, 80)}"` });
    else if (ms > alexaTimeoutMs) failures.push({ user, what: `"${utterance}": ${Math.round(ms)} ms` });
    return heard;
  } catch (error) {
    latencies.push(performance.now() - started);
    failures.push({
      user,
      what: `"${utterance}" threw ${error instanceof Error ? error.name : typeof error}`,
    });
    return undefined;
  }
}

function tipOf(heard: HeardTurn | undefined): number | undefined {
  const match = /^Tip (\d+):/.exec(heard?.text ?? '');
  return match ? Number(match[1]) : undefined;
}

interface Expectation {
  userId: string;
  sessionsDone: number;
  exercisesDone: number;
  tips: (number | undefined)[];
  position: 'none';
}

/** One device, two sessions: start the bridge, stop half-way, come back, resume and finish it. */
async function oneDevice(newSession: () => VoiceSession, userId: string): Promise<Expectation> {
  const s = newSession();
  await turn(s, userId, 'open rug coach');
  const tip = tipOf(await turn(s, userId, 'geef me een tip'));
  await turn(s, userId, 'nee');
  await turn(s, userId, 'start de brug');
  await turn(s, userId, 'volgende');
  await turn(s, userId, 'stop');
  await turn(s, userId, 'open rug coach');
  await turn(s, userId, 'ja');
  await turn(s, userId, 'volgende');
  await turn(s, userId, 'stop');
  return { userId, sessionsDone: 1, exercisesDone: 1, tips: [tip], position: 'none' };
}

/**
 * Two devices at once, five turns each: the bedroom does the bridge, the kitchen hears tips. Their
 * writes race, so they conflict and must be merged. (Two devices doing exercises at once would share
 * one position, where the newest wins; that is not a lost update, so it is not what is measured here.)
 */
async function twoDevices(newSession: () => VoiceSession, userId: string): Promise<Expectation> {
  const bedroom = async (): Promise<(number | undefined)[]> => {
    const s = newSession();
    await turn(s, userId, 'vraag rug coach naar de brug');
    await turn(s, userId, 'volgende');
    await turn(s, userId, 'volgende');
    const tip = tipOf(await turn(s, userId, 'geef me een tip'));
    await turn(s, userId, 'stop');
    return [tip];
  };
  const kitchen = async (): Promise<(number | undefined)[]> => {
    const s = newSession();
    const tips = [tipOf(await turn(s, userId, 'vraag rug coach om een tip'))];
    tips.push(tipOf(await turn(s, userId, 'ja')));
    tips.push(tipOf(await turn(s, userId, 'ja')));
    await turn(s, userId, 'nee');
    await turn(s, userId, 'stop');
    return tips;
  };
  const tips = (await Promise.all([bedroom(), kitchen()])).flat();
  return { userId, sessionsDone: 1, exercisesDone: 1, tips, position: 'none' };
}

function check(expected: Expectation, stored: UserState): void {
  const { userId } = expected;
  const wrong = (what: string): void => {
    failures.push({ user: userId, what: `stored state: ${what}` });
  };
  if (stored.version === 0) {
    wrong('nothing stored');
    return;
  }
  if (stored.progress.sessionsDone !== expected.sessionsDone)
    wrong(`sessionsDone ${stored.progress.sessionsDone}, expected ${expected.sessionsDone}`);
  if (stored.progress.exercisesDone !== expected.exercisesDone)
    wrong(`exercisesDone ${stored.progress.exercisesDone}, expected ${expected.exercisesDone}`);
  if (stored.position !== null) wrong(`position ${JSON.stringify(stored.position)}, expected none`);
  for (const tip of expected.tips) {
    if (tip === undefined) wrong('a tip turn gave no tip');
    else if (!stored.recentTips.includes(tip)) wrong(`tip ${tip} heard but not remembered`);
  }
}

/**
 * `writers` sessions of one user at the same moment, on as many devices, each finishing the bridge: the
 * worst case for conditional writes on one item. Each must be counted: what a turn's budget could not
 * write goes to the state queue, whose consumer writes it.
 */
async function manyWritersForOneUser(newSession: (deviceId: string) => VoiceSession, userId: string) {
  await Promise.all(
    Array.from({ length: writersForOneUser }, async (_, i) => {
      const s = newSession(`amzn1.ask.device.WRITER${i}`);
      await turn(s, userId, 'vraag rug coach naar de brug');
      for (let step = 0; step < 10 && !s.last.text.includes('Wat wil je doen'); step++)
        await turn(s, userId, 'volgende');
      await turn(s, userId, 'stop');
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function main(): Promise<number> {
  const db = await startLocalDynamo();
  const queue = await startLocalQueue();
  runSkillLocally(db, skillId, queue);
  const { outfile } = await buildLambda();
  const handler = await importBundledHandler(outfile);
  // The state queue's consumer, polled as Lambda's SQS event source would.
  const stopPolling = queue.poll(await importBundledStateJobs(outfile));
  const understanding = await Understanding.train(loadInteractionModel());
  countLogs();

  const started = performance.now();
  const runs = Array.from({ length: users }, async (_, i) => {
    await new Promise((resolve) => setTimeout(resolve, (rampMs * i) / users));
    const userId = `amzn1.ask.account.LOAD${String(i).padStart(5, '0')}`;
    const newSession = () => new VoiceSession(handler, understanding, { skillId, userId });
    return i % 2 === 0 ? oneDevice(newSession, userId) : twoDevices(newSession, userId);
  });
  const expectations = await Promise.all(runs);
  const wallMs = performance.now() - started;
  const calls = db.calls();

  const oneUser = 'amzn1.ask.account.LOAD-ONE-USER-MANY-WRITERS';
  const turnsBefore = latencies.length;
  const writersStarted = performance.now();
  await manyWritersForOneUser(
    (deviceId) => new VoiceSession(handler, understanding, { skillId, userId: oneUser, deviceId }),
    oneUser,
  );
  const writersMs = performance.now() - writersStarted;
  const queued = queue.sent().length;
  await stopPolling();
  await queue.drain(await importBundledStateJobs(outfile));

  const store = new DynamoUserStateStore({ client: db.client, tableName: db.tableName });
  for (const expected of expectations) check(expected, await store.load(expected.userId));
  const many = await store.load(oneUser);
  const lost = writersForOneUser - many.progress.sessionsDone;
  if (lost !== 0 || many.progress.exercisesDone !== writersForOneUser) {
    failures.push({
      user: oneUser,
      what: `${writersForOneUser} writers: sessionsDone ${many.progress.sessionsDone}, exercisesDone ${many.progress.exercisesDone}`,
    });
  }
  const deadLetters = queue.deadLetters().length;
  if (deadLetters > 0) failures.push({ user: oneUser, what: `${deadLetters} state jobs dead-lettered` });
  await queue.close();
  await db.stop();

  const sorted = latencies.slice(0, turnsBefore).sort((a, b) => a - b);
  const writerMax = Math.max(...latencies.slice(turnsBefore));
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const out = process.stdout;
  out.write(`users: ${users} (${Math.ceil(users / 2)} with one device, ${Math.floor(users / 2)} with two)`);
  out.write(`, arriving over ${rampMs / 1000} s, ${thinkMs} ms mean pause between turns\n`);
  out.write(`turns: ${turnsBefore} in ${(wallMs / 1000).toFixed(1)} s`);
  out.write(` (${((turnsBefore / wallMs) * 1000).toFixed(0)} turns/s)\n`);
  out.write(
    `latency: p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, ` +
      `p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}\n`,
  );
  // Each of the 2 sessions per user reads once; any further read is a save that lost a race and merged.
  const merges = (calls.GetItem ?? 0) - users * 2;
  out.write(
    `DynamoDB: ${calls.GetItem ?? 0} GetItem, ${calls.PutItem ?? 0} PutItem (${merges} merged writes)\n`,
  );
  out.write(
    `${writersForOneUser} parallel writers for one user: ${lost} lost ` +
      `(${latencies.length - turnsBefore} turns in ${(writersMs / 1000).toFixed(1)} s, the slowest ${ms(writerMax)}; ` +
      `${queued} saves went through the state queue)\n`,
  );
  out.write(`logs: ${logCounts.info} info, ${logCounts.warn} warn, ${logCounts.error} error\n`);
  for (const [key, count] of problemsLogged) out.write(`  ${count} × ${key}\n`);
  out.write(`failures: ${failures.length}\n`);
  for (const failure of failures.slice(0, 20)) out.write(`  ${failure.user}: ${failure.what}\n`);
  if (failures.length > 20) out.write(`  … and ${failures.length - 20} more\n`);
  if (turnsBefore !== users * 10) {
    out.write(`expected ${users * 10} turns before the writers for one user\n`);
    return 1;
  }
  if (logCounts.error > 0) out.write('errors were logged\n');
  return failures.length === 0 && logCounts.error === 0 ? 0 : 1;
}

const timer = setTimeout(() => {
  process.stdout.write(`load test did not finish within ${deadlineMs / 1000} s\n`);
  process.exit(1);
}, deadlineMs);
main().then(
  (code) => {
    clearTimeout(timer);
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `load test failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
    );
    process.exit(1);
  },
);
