/**
 * Warm turns: realistic sessions through the bundle loaded once, as a warm Lambda keeps it, against the
 * floor of one GetItem + one PutItem on the same server, run between the sessions so that both see the
 * same conditions. Runs in a child process (`node --import tsx tools/bench/warm.ts`) so that each Node
 * the benchmark compares runs the turns itself; the parent reads one JSON line.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { repoRoot } from '../../infra/bundling.js';
import { createDynamoClient } from '../../lambda/src/state/dynamo-client.js';
import { userTable } from '../../lambda/src/state/table-schema.js';
import { type RunningDynalite, startLocalDynamo } from '../local-dynamo.js';
import { loadInteractionModel, Understanding } from '../simulator/nlu/index.js';
import { type SkillHandler, VoiceSession } from '../simulator/session.js';
import type { Runtime } from './cold.js';

/** A realistic session: launch, tip, exercise, next, next, doctor question, an answer, stop. */
export const sessionScript = [
  'open rug coach',
  'geef me een tip',
  'doe een oefening',
  'volgende',
  'volgende',
  'moet ik naar de dokter',
  'nee',
  'stop',
] as const;

export interface WarmResult {
  /** Handler time of every measured turn, by position in the script, in ms. */
  turnMs: number[][];
  /** The intent each scripted utterance resolved to (from the first session). */
  intents: string[];
  /** One GetItem + one PutItem on the same server with the Lambda's client settings, in ms. */
  floorMs: number[];
  sessions: number;
  /** DynamoDB requests of the measured sessions, by operation, counted at the server (in-process only). */
  calls: Record<string, number>;
  /** The same, by position in the script. */
  callsByTurn: number[];
}

type Db = Pick<RunningDynalite, 'client' | 'tableName'> &
  Partial<Pick<RunningDynalite, 'calls' | 'totalCalls' | 'resetCalls'>>;

/**
 * Runs `warmup` + `sessions` sessions through `handler`, each with its own user, and after each session
 * `floorPerSession` floor pairs.
 */
async function runWarm(
  handler: SkillHandler,
  db: Db,
  skillId: string,
  { sessions, warmup, floorPerSession }: { sessions: number; warmup: number; floorPerSession: number },
): Promise<WarmResult> {
  const understanding = await Understanding.train(loadInteractionModel());
  const turnMs: number[][] = sessionScript.map(() => []);
  const callsByTurn = sessionScript.map(() => 0);
  const floorMs: number[] = [];
  const intents: string[] = [];
  const calls: Record<string, number> = {};
  // A stored item of the size the skill writes, for the floor.
  const item = JSON.stringify({
    version: 3,
    position: { exerciseIds: ['brug'], turnIndex: 2 },
    pad: 'x'.repeat(300),
  });

  for (let n = 0; n < warmup + sessions; n++) {
    const measured = n >= warmup;
    let elapsed = 0;
    const timed: SkillHandler = async (event, context) => {
      const started = performance.now();
      const response = await handler(event, context);
      elapsed = performance.now() - started;
      return response;
    };
    const session = new VoiceSession(timed, understanding, {
      skillId,
      userId: `amzn1.ask.account.BENCH-WARM-${n}`,
    });
    for (const [i, utterance] of sessionScript.entries()) {
      db.resetCalls?.();
      const turn = await session.say(utterance);
      if (n === 0) intents.push(turn.intent);
      if (!measured) continue;
      turnMs[i]?.push(elapsed);
      callsByTurn[i] = (callsByTurn[i] ?? 0) + (db.totalCalls?.() ?? 0);
      for (const [op, count] of Object.entries(db.calls?.() ?? {})) calls[op] = (calls[op] ?? 0) + count;
    }
    // A session the user leaves open would get a SessionEndedRequest; this script ends with "stop".
    if (session.isOpen) throw new Error('the scripted session did not end with "stop"');

    for (let f = 0; f < floorPerSession; f++) {
      const userId = `amzn1.ask.account.BENCH-FLOOR-${n}-${f}`;
      const started = performance.now();
      await db.client.send(
        new GetItemCommand({ TableName: db.tableName, Key: { userId: { S: userId } }, ConsistentRead: true }),
      );
      await db.client.send(
        new PutItemCommand({
          TableName: db.tableName,
          Item: { userId: { S: userId }, version: { N: '1' }, state: { S: item } },
        }),
      );
      if (measured) floorMs.push(performance.now() - started);
    }
  }
  return { turnMs, intents, floorMs, sessions, calls, callsByTurn };
}

const marker = 'BENCH-WARM ';

export interface WarmOptions {
  bundle: string;
  skillId: string;
  sessions: number;
  warmup: number;
  /** A DynamoDB API outside the child (for runs in a CPU cgroup); otherwise the child starts dynalite. */
  endpoint?: { url: string; tableName: string };
}

/** Runs the warm sessions in a fresh `runtime` process; resolves with its result. */
export function warmInChild(runtime: Runtime, options: WarmOptions): Promise<WarmResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', 'tools/bench/warm.ts'];
    const [program, ...rest] = [...(runtime.wrap ?? []), runtime.node, ...args];
    const child = spawn(program ?? runtime.node, rest, {
      cwd: repoRoot,
      env: { ...process.env, BENCH_WARM: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(marker));
      if (code !== 0 || !line) reject(new Error(`warm run on ${runtime.node} failed (exit ${code})`));
      else resolve(JSON.parse(line.slice(marker.length)) as WarmResult);
    });
  });
}

async function childMain(options: WarmOptions): Promise<void> {
  // Lambda runs Node 22 or newer; the SDK's notice about an older Node is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const db: Db = options.endpoint
    ? {
        client: createDynamoClient({ DYNAMODB_ENDPOINT: options.endpoint.url, AWS_REGION: 'eu-west-1' }),
        tableName: options.endpoint.tableName,
      }
    : await startLocalDynamo({ tableName: userTable.localName });
  Object.assign(process.env, {
    SKILL_ID: options.skillId,
    DYNAMODB_ENDPOINT: options.endpoint?.url ?? (db as RunningDynalite).endpoint,
    TABLE_NAME: db.tableName,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
  });
  const { handler } = createRequire(options.bundle)(options.bundle) as { handler: SkillHandler };
  const result = await runWarm(handler, db, options.skillId, {
    sessions: options.sessions,
    warmup: options.warmup,
    floorPerSession: 2,
  });
  process.stdout.write(`${marker}${JSON.stringify(result)}\n`, () => process.exit(0));
}

const invokedDirectly = process.argv[1]?.endsWith('tools/bench/warm.ts') && process.env.BENCH_WARM;
if (invokedDirectly) await childMain(JSON.parse(process.env.BENCH_WARM ?? '{}') as WarmOptions);
