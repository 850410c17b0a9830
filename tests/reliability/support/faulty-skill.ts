import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { expect } from 'vitest';
import { DynamoUserStateStore } from '../../../lambda/src/state/dynamo-store.js';
import type { UserState } from '../../../lambda/src/state/user-state.js';
import type { HeardTurn, VoiceSession } from '../../../tools/simulator/session.js';
import { type RunningSkill, startSkill } from '../../support/skill.js';
import { type DynamoProxy, startDynamoProxy } from './dynamo-proxy.js';

/** The README's promise: every turn answered within 3 s, whatever DynamoDB does. */
const answerWithinMs = 3000;

export interface FaultySkill {
  skill: RunningSkill;
  /** Between the bundle and dynalite: every DynamoDB call of the skill (and of the queue's consumer) passes it. */
  proxy: DynamoProxy;
  /** Reads the table directly, past the proxy. */
  store: DynamoUserStateStore;
  stop(): Promise<void>;
}

/** The real bundle, its DynamoDB behind the fault proxy, with the loopback state queue. */
export async function startFaultySkill(): Promise<FaultySkill> {
  const skill = await startSkill();
  const proxy = await startDynamoProxy(skill.db.endpoint);
  // The bundle makes its DynamoDB client on the first request: from now on it talks to the proxy.
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  const store = new DynamoUserStateStore({ client: skill.db.client, tableName: skill.db.tableName });
  return {
    skill,
    proxy,
    store,
    stop: async () => {
      await proxy.stop();
      await skill.stop();
    },
  };
}

/** One turn, timed; fails unless it is answered within 3 s with a valid response that says something. */
export async function timed(session: VoiceSession, utterance: string): Promise<HeardTurn> {
  const started = performance.now();
  const turn = await session.say(utterance);
  const ms = performance.now() - started;
  expect(ms, `"${utterance}" took ${Math.round(ms)} ms`).toBeLessThan(answerWithinMs);
  await expect(turn).toBeAValidAlexaAnswer();
  return turn;
}

/** The item's `state` as stored (undefined when there is none: no item, or a deletion marker). */
export async function storedJson(skill: RunningSkill, userId: string): Promise<UserState | undefined> {
  const { Item } = await skill.db.client.send(
    new GetItemCommand({
      TableName: skill.db.tableName,
      Key: { userId: { S: userId } },
      ConsistentRead: true,
    }),
  );
  return Item?.state?.S ? (JSON.parse(Item.state.S) as UserState) : undefined;
}

export function tipNumber(turn: HeardTurn): number {
  const match = /^Tip (\d+):/.exec(turn.text);
  expect(match, turn.text).not.toBeNull();
  return Number(match?.[1]);
}
