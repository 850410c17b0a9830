import { performance } from 'node:perf_hooks';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { RunningDynalite as BenchDynalite } from '../local-dynamo.js';
import { loadInteractionModel, Understanding } from '../simulator/nlu/index.js';
import { type SkillHandler, VoiceSession } from '../simulator/session.js';

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
  /** DynamoDB requests of the measured sessions, by operation, counted at the server. */
  calls: Record<string, number>;
  /** The same, by position in the script. */
  callsByTurn: number[];
}

/**
 * Runs `warmup` + `sessions` sessions through the already imported bundle, each with its own user,
 * and after each session `floorPerSession` floor pairs, so that both see the same conditions.
 */
export async function runWarm(
  handler: SkillHandler,
  db: BenchDynalite,
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
      db.resetCalls();
      const turn = await session.say(utterance);
      if (n === 0) intents.push(turn.intent);
      if (!measured) continue;
      turnMs[i]?.push(elapsed);
      callsByTurn[i] = (callsByTurn[i] ?? 0) + db.totalCalls();
      for (const [op, count] of Object.entries(db.calls())) calls[op] = (calls[op] ?? 0) + count;
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
