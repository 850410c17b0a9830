import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prompts } from '../../lambda/src/content/prompts.js';
import { DynamoUserStateStore } from '../../lambda/src/state/dynamo-store.js';
import type { UserState } from '../../lambda/src/state/user-state.js';
import { type HeardTurn, ssmlToText } from '../../tools/simulator/session.js';
import { type RunningSkill, startSkill } from '../support/skill.js';
import { type DynamoProxy, type ProxyMode, startDynamoProxy } from './support/dynamo-proxy.js';
import { timed } from './support/faulty-skill.js';
import { type CapturedLogs, captureLogs } from './support/logs.js';

/*
 * DynamoDB misbehaving: the skill talks to it through a loopback proxy that refuses connections,
 * hangs, throttles or fails every conditional write, switched per test. Every turn must still be
 * answered in time, and once DynamoDB is healthy again nothing the user did may be lost.
 */

let skill: RunningSkill;
let proxy: DynamoProxy;
let store: DynamoUserStateStore;
let logs: CapturedLogs;

beforeAll(async () => {
  skill = await startSkill();
  proxy = await startDynamoProxy(skill.db.endpoint);
  // The bundle makes its DynamoDB client on the first request: from now on it talks to the proxy.
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  // Reads the table directly, past the proxy.
  store = new DynamoUserStateStore({ client: skill.db.client, tableName: skill.db.tableName });
});
afterAll(async () => {
  await proxy.stop();
  await skill.stop();
});
beforeEach(async () => {
  await proxy.setMode('pass');
  proxy.resetSeen();
  logs = captureLogs();
});
afterEach(() => logs.restore());

const errorText = ssmlToText(`<speak>${prompts.error.join(' ')}</speak>`);

function tipNumber(turn: HeardTurn): number {
  const match = /^Tip (\d+):/.exec(turn.text);
  expect(match, turn.text).not.toBeNull();
  return Number(match?.[1]);
}

async function stored(userId: string): Promise<UserState> {
  return store.load(userId);
}

/** A returning user: heard the disclaimer and one tip, in a finished session. */
async function returningUser(name: string): Promise<{ userId: string; firstTip: number }> {
  const userId = `amzn1.ask.account.FAULT-${name}`;
  const s = skill.session({ userId });
  await s.say('open rug coach');
  const firstTip = tipNumber(await s.say('geef me een tip'));
  await s.say('nee');
  await s.say('stop');
  expect((await stored(userId)).recentTips).toEqual([firstTip]);
  return { userId, firstTip };
}

describe('the proxy', () => {
  it('carries the skill’s DynamoDB traffic (so the faults below really reach the skill)', async () => {
    await skill.session().say('open rug coach');
    expect(proxy.seen().map((s) => s.operation)).toContain('GetItem');
  });
});

const faults: { mode: ProxyMode; what: string }[] = [
  { mode: 'refuse', what: 'refuses connections' },
  { mode: 'hang', what: 'accepts requests and never answers' },
  { mode: 'throttle', what: 'throttles (ProvisionedThroughputExceeded)' },
  { mode: 'conflict', what: 'fails every conditional write' },
];

describe.each(faults)('when DynamoDB $what', ({ mode }) => {
  it('answers every turn within 3 s, and loses nothing once DynamoDB is back', async () => {
    const { userId, firstTip } = await returningUser(mode);
    await proxy.setMode(mode);
    proxy.resetSeen();

    const s = skill.session({ userId });
    const welcome = await timed(s, 'open rug coach');
    expect(welcome.text).not.toContain(errorText);
    const tip = await timed(s, 'geef me een tip');
    const faultTip = tipNumber(tip);
    await timed(s, 'nee');
    const exercise = await timed(s, 'start de brug');
    // The user hears the exercise, not an apology: the position waits in the session for a later save.
    expect(exercise.text).toMatch(/brug/i);
    expect(exercise.text).not.toContain(errorText);
    const next = await timed(s, 'volgende');
    expect(next.text).not.toContain(errorText);
    // The fault was really hit (a refused connection never reaches the proxy), and logged as a warning
    // with the request id and the error's class.
    if (mode !== 'refuse')
      expect(proxy.seen().filter((seen) => seen.mode === mode).length).toBeGreaterThan(0);
    const warnings = logs.lines().filter((l) => l.method === 'warn');
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) {
      expect(warning.json?.requestId).toMatch(/^amzn1\.echo-api\.request\./);
      // A readable class, not a minified constructor's name (the bundle keeps no function names).
      expect(warning.json?.errorClass).toMatch(/(Error|Exception)$/);
    }

    await proxy.setMode('pass');
    // "stop" in the middle of the bridge: the first write after the fault must bring everything home.
    await timed(s, 'stop');

    const after = await stored(userId);
    expect(after.disclaimerHeard).toBe(true);
    expect(after.recentTips).toEqual(expect.arrayContaining([firstTip, faultTip]));
    expect(after.position?.exerciseIds[after.position.exerciseIndex]).toBe('brug');
    expect(after.position?.turnIndex).toBe(1);
    // The next session offers to carry on with the bridge.
    const back = await timed(skill.session({ userId }), 'open rug coach');
    expect(back).toSay(prompts.welcomeBack);
    expect(back.text).toMatch(/brug/i);
  });
});

describe('a hanging DynamoDB on a turn that both loads and saves', () => {
  it('still answers within 3 s (a one-shot that starts an exercise in a new session)', async () => {
    const { userId } = await returningUser('hang-one-shot');
    await proxy.setMode('hang');
    const s = skill.session({ userId });
    const turn = await timed(s, 'vraag rug coach naar de brug');
    expect(turn.text).toMatch(/brug/i);
    // Both the load and the save were tried against the hanging server.
    expect(new Set(proxy.seen().map((seen) => seen.operation))).toEqual(new Set(['GetItem', 'PutItem']));
    await proxy.setMode('pass');
    await timed(s, 'stop');
    expect((await stored(userId)).position?.exerciseIds).toEqual(['brug']);
  });
});

describe('a save that loses the race more than once', () => {
  it('merges again and saves in the same turn, without a warning', async () => {
    const { userId, firstTip } = await returningUser('races');
    const s = skill.session({ userId });
    await timed(s, 'open rug coach');
    proxy.failNextWrites(2);
    proxy.resetSeen();
    await timed(s, 'start de kat-koe');
    expect(
      proxy
        .seen()
        .filter((seen) => seen.operation === 'PutItem')
        .map((w) => w.status),
    ).toEqual([400, 400, 200]);
    const after = await stored(userId);
    expect(after.position?.exerciseIds).toEqual(['kat-koe']);
    expect(after.recentTips).toEqual([firstTip]);
    expect(logs.lines().filter((l) => l.method === 'warn')).toEqual([]);
  });
});

describe('two sessions of one user writing at the same time', () => {
  it('both get their answers, and the stored state holds what each did (the newest position wins)', async () => {
    const userId = 'amzn1.ask.account.FAULT-TWO-DEVICES';
    const kitchen = skill.session({ userId });
    const bedroom = skill.session({ userId });
    await timed(kitchen, 'open rug coach');
    await timed(bedroom, 'open rug coach');
    const kitchenTip = tipNumber(await timed(kitchen, 'geef me een tip'));
    await timed(kitchen, 'nee');
    const bedroomTip = tipNumber(await timed(bedroom, 'geef me een tip over warmte'));
    await timed(bedroom, 'nee');
    await timed(kitchen, 'start de brug');
    // The bedroom still holds the version it loaded: its write conflicts and is merged.
    await timed(bedroom, 'start de kat-koe');
    await timed(kitchen, 'stop');
    await timed(bedroom, 'stop');

    const after = await stored(userId);
    expect(after.recentTips).toEqual(expect.arrayContaining([kitchenTip, bedroomTip]));
    expect(after.position?.exerciseIds[after.position.exerciseIndex]).toBe('kat-koe');
    expect(logs.lines().filter((l) => l.method === 'error' || l.method === 'warn')).toEqual([]);
    // The bedroom's first write really was refused by DynamoDB's condition, then merged and written.
    const writes = proxy.seen().filter((seen) => seen.operation === 'PutItem');
    expect(writes.map((w) => w.status)).toEqual([200, 400, 200]);
  });
});
