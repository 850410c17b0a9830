import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prompts } from '../../lambda/src/content/prompts.js';
import { coachText, fill } from '../../lambda/src/text/index.js';
import { defined } from '../../tools/defined.js';
import { skillDisabledEvent } from '../../tools/simulator/envelope.js';
import { ssmlToText, type VoiceSession } from '../../tools/simulator/session.js';
import { spokenExerciseName } from '../support/builders.js';
import { contentPattern } from '../support/matchers.js';
import { testSkillId } from '../support/skill.js';
import type { ProxyMode } from './support/dynamo-proxy.js';
import { type FaultySkill, startFaultySkill, storedJson, timed, tipNumber } from './support/faulty-skill.js';
import { type CapturedLogs, captureLogs } from './support/logs.js';

/** "Wat wil je doen?", as the content says it. */
const whatNext = contentPattern(prompts.whatNext.join(' '));

/*
 * What a user would lose, get twice, or get back after deleting it, when DynamoDB misbehaves: each
 * `describe` is one finding of issue 14, reproduced through the fault proxy in front of dynalite, with
 * the real bundle and the loopback SQS queue its durable retries go to.
 */

let f: FaultySkill;
let logs: CapturedLogs;

beforeAll(async () => {
  f = await startFaultySkill();
});
afterAll(() => f.stop());
beforeEach(async () => {
  await f.proxy.setMode('pass');
  f.proxy.loseAnswers(0, 'reset');
  f.skill.queue.setAvailable(true);
  f.proxy.resetSeen();
  logs = captureLogs();
});
afterEach(() => logs.restore());

let users = 0;
const newUser = (name: string) => `amzn1.ask.account.STATE-${name}-${++users}`;
const errorText = ssmlToText(`<speak>${prompts.error.join(' ')}</speak>`);

/** A returning user with something stored: the disclaimer heard and a tip. */
async function returningUser(name: string): Promise<string> {
  const userId = newUser(name);
  const s = f.skill.session({ userId });
  await s.say('open rug coach');
  await s.say('geef me een tip');
  await s.say('nee');
  await s.say('stop');
  expect((await storedJson(f.skill, userId))?.disclaimerHeard).toBe(true);
  return userId;
}

/** Says "volgende" until the exercise or routine is finished. */
async function finish(s: VoiceSession): Promise<void> {
  for (let i = 0; i < 60 && !whatNext.test(s.last.text); i++) await timed(s, 'volgende');
  expect(s.last).toSay(prompts.whatNext);
}

describe('finding 1: disabling the skill while DynamoDB fails', () => {
  const faults: ProxyMode[] = ['hang', 'refuse', 'throttle', 'error500'];
  it.each(faults)(
    'with DynamoDB in "%s": the deletion waits in the queue and is done once DynamoDB is back',
    async (mode) => {
      const userId = await returningUser(`disable-${mode}`);
      await f.proxy.setMode(mode);
      const started = performance.now();
      const answer = await f.skill.handler(
        skillDisabledEvent({ ...f.skill.session({ userId }).context, skillId: testSkillId }),
      );
      expect(performance.now() - started).toBeLessThan(3000);
      expect(answer.response.outputSpeech).toBeUndefined();
      // Not done yet, and not forgotten: the data is still there, and the deletion waits.
      expect(await storedJson(f.skill, userId)).toBeDefined();
      expect(logs.lines().some((l) => l.json?.message === 'user data not deleted')).toBe(true);

      await f.proxy.setMode('pass');
      await f.skill.drainQueue();
      expect(await storedJson(f.skill, userId)).toBeUndefined();
      expect(f.skill.queue.waiting()).toEqual([]);
      const next = await f.skill.session({ userId }).say('open rug coach');
      expect(next).toSay(prompts.welcomeNew);
    },
  );

  it('fails the invocation, logged as an error, when neither DynamoDB nor the queue takes it', async () => {
    const userId = await returningUser('disable-nothing-works');
    await f.proxy.setMode('refuse');
    f.skill.queue.setAvailable(false);
    const event = skillDisabledEvent({ ...f.skill.session({ userId }).context, skillId: testSkillId });
    await expect(f.skill.handler(event)).rejects.toThrow();
    const errors = logs.lines().filter((l) => l.method === 'error');
    expect(errors.map((l) => l.json?.message)).toContain('user data deletion not queued');
    expect(logs.text()).not.toContain(userId);
  });
});

describe('finding 2: a write that lands but whose answer is lost or late', () => {
  it('finishing one exercise counts once when the connection is reset after the write landed', async () => {
    const userId = newUser('reset');
    const s = f.skill.session({ userId });
    await timed(s, 'vraag rug coach naar de brug');
    await timed(s, 'volgende');
    // The bridge ends with the next "volgende": its write lands, and the connection is reset.
    f.proxy.loseAnswers(1, 'reset');
    await finish(s);
    expect(f.proxy.seen().filter((seen) => seen.lost)).toHaveLength(1);
    await timed(s, 'stop');
    const stored = await f.store.load(userId);
    expect(stored.progress).toMatchObject({ sessionsDone: 1, exercisesDone: 1 });
    expect(stored.position).toBeNull();
    // A finished bridge is not offered again.
    const back = await timed(f.skill.session({ userId }), 'open rug coach');
    expect(back).not.toSay(coachText.navigation.resumeOffer);
  });

  it('a whole routine counts five exercises when no write of it gets its answer back', async () => {
    const userId = newUser('routine');
    const s = f.skill.session({ userId });
    await timed(s, 'vraag rug coach om mijn oefeningen te starten');
    f.proxy.loseAnswers(1000, 'reset');
    await finish(s);
    await timed(s, 'stop');
    expect(f.proxy.seen().filter((seen) => seen.lost).length).toBeGreaterThanOrEqual(5);
    f.proxy.loseAnswers(0, 'reset');
    expect((await f.store.load(userId)).progress).toMatchObject({ sessionsDone: 1, exercisesDone: 5 });
  });

  it('finishing one exercise counts once when the answer comes after 1.6 s (the SDK retries)', async () => {
    const userId = newUser('late');
    const s = f.skill.session({ userId });
    await timed(s, 'vraag rug coach naar de kat-koe');
    await timed(s, 'volgende');
    f.proxy.loseAnswers(1, { delayMs: 1600 });
    await finish(s);
    expect(f.proxy.seen().filter((seen) => seen.lost)).toHaveLength(1);
    await timed(s, 'stop');
    expect((await f.store.load(userId)).progress).toMatchObject({ sessionsDone: 1, exercisesDone: 1 });
  });

  it('"praat langzamer" and then "praat normaal" is saved as normal, though the first write went unanswered', async () => {
    const userId = newUser('change-back');
    const s = f.skill.session({ userId });
    await timed(s, 'open rug coach');
    // The write lands; neither it nor the SDK's retry is answered before the turn's budget runs out.
    f.proxy.loseAnswers(2, 'hang');
    await timed(s, 'praat langzamer');
    expect((await f.store.load(userId)).preferences.speechRate).toBe('slow');
    f.proxy.loseAnswers(0, 'hang');
    await timed(s, 'praat normaal');
    await timed(s, 'stop');
    expect((await f.store.load(userId)).preferences.speechRate).toBe('normal');
    const next = await timed(f.skill.session({ userId }), 'open rug coach');
    expect(next.ssml).not.toContain('prosody');
  });
});

describe('finding 3: deleted data does not come back', () => {
  it('a session still open on another device writes nothing of before the deletion back', async () => {
    const userId = newUser('resurrect');
    const first = f.skill.session({ userId, deviceId: 'amzn1.ask.device.FIRST' });
    await timed(first, 'open rug coach');
    await timed(first, 'praat langzamer');
    await timed(first, 'stop');
    // The kitchen opens a session and hears a tip (saved only when its session ends).
    const kitchen = f.skill.session({ userId, deviceId: 'amzn1.ask.device.KITCHEN' });
    await timed(kitchen, 'open rug coach');
    const tip = tipNumber(await timed(kitchen, 'geef me een tip'));
    // Meanwhile the bedroom deletes everything, and the hall starts afresh and saves.
    const bedroom = f.skill.session({ userId, deviceId: 'amzn1.ask.device.BEDROOM' });
    await timed(bedroom, 'vraag rug coach om mijn gegevens te wissen');
    expect((await timed(bedroom, 'ja')).text).toContain('gewist');
    const hall = f.skill.session({ userId, deviceId: 'amzn1.ask.device.HALL' });
    await timed(hall, 'open rug coach');
    await timed(hall, 'stop');
    // The kitchen's session ends: nothing of what it loaded before the deletion may be written back.
    await timed(kitchen, 'nee');
    await timed(kitchen, 'stop');

    const stored = await f.store.load(userId);
    expect(stored.preferences.speechRate).toBe('normal');
    expect(stored.recentTips).not.toContain(tip);
    expect(Date.parse(stored.createdAt)).toBeGreaterThan(Date.parse(stored.lastDeletion?.at ?? '') - 1000);
    const next = await timed(f.skill.session({ userId }), 'open rug coach');
    expect(next.ssml).not.toContain('prosody');
  });
});

describe('finding 5: progress and simultaneous writers', () => {
  it('keeps a session’s progress when DynamoDB still fails as the session ends, and writes it later', async () => {
    const userId = newUser('session-end');
    const s = f.skill.session({ userId });
    await timed(s, 'open rug coach');
    await f.proxy.setMode('refuse');
    await timed(s, 'start de brug');
    await finish(s);
    const tip = tipNumber(await timed(s, 'geef me een tip'));
    await timed(s, 'nee');
    await timed(s, 'stop');
    expect(logs.lines().map((l) => l.json?.message)).toContain('user state queued');
    expect(await storedJson(f.skill, userId)).toBeUndefined();

    await f.proxy.setMode('pass');
    await f.skill.drainQueue();
    const stored = await f.store.load(userId);
    expect(stored.progress).toMatchObject({ sessionsDone: 1, exercisesDone: 1 });
    expect(stored.recentTips).toContain(tip);
    expect(stored.disclaimerHeard).toBe(true);
    // SQS delivers at least once: the same job again changes nothing (its id is its write id).
    const job = defined(f.skill.queue.sent().at(-1));
    expect(await f.skill.queue.redeliver(job, f.skill.stateJobs)).toEqual({ batchItemFailures: [] });
    expect((await f.store.load(userId)).progress).toMatchObject({ sessionsDone: 1, exercisesDone: 1 });
  });

  // 20 here to keep the suite fast; `npm run load` runs 50 (tools/load/main.ts).
  it('loses none of 20 sessions of one user that finish an exercise at the same time', async () => {
    const userId = newUser('twenty');
    const writers = 20;
    await Promise.all(
      Array.from({ length: writers }, async (_, i) => {
        const s = f.skill.session({ userId, deviceId: `amzn1.ask.device.W${i}` });
        await s.say('vraag rug coach naar de brug');
        for (let turn = 0; turn < 10 && !whatNext.test(s.last.text); turn++) await s.say('volgende');
        expect(s.last).toSay(prompts.whatNext);
        expect(s.last.text).not.toContain(errorText);
        await s.say('stop');
      }),
    );
    // Whatever ran out of its turn's time went to the queue; it is written now.
    await f.skill.drainQueue();
    const stored = await f.store.load(userId);
    expect(stored.progress.sessionsDone).toBe(writers);
    expect(stored.progress.exercisesDone).toBe(writers);
  });
});

describe('finding 6: each device keeps its own place in an exercise', () => {
  it('the kitchen’s "volgende" goes on with the kitchen’s bridge after the bedroom started the kat-koe', async () => {
    const userId = newUser('devices');
    const kitchen = f.skill.session({ userId, deviceId: 'amzn1.ask.device.KITCHEN' });
    const bedroom = f.skill.session({ userId, deviceId: 'amzn1.ask.device.BEDROOM' });
    await timed(kitchen, 'vraag rug coach naar de brug');
    // The bedroom starts from the user's newest place (the kitchen's brug): it asks, and starts anew.
    expect((await timed(bedroom, 'vraag rug coach naar de kat-koe')).text).toSay(
      fill(prompts.restartOffer, { name: spokenExerciseName('brug') }),
    );
    expect((await timed(bedroom, 'opnieuw beginnen')).text).toMatch(/kat/i);
    // The kitchen's next save conflicts with the bedroom's and is merged.
    await timed(kitchen, 'langer vasthouden');
    const next = await timed(kitchen, 'volgende');
    expect(next.text).toMatch(/brug|bekken|heup/i);
    expect(next.text).not.toMatch(/kat|koe/i);
    await timed(kitchen, 'stop');
    // The bedroom, too, goes on where it was.
    expect((await timed(bedroom, 'volgende')).text).not.toMatch(/brug/i);
    // A new session anywhere starts where the user was last.
    await timed(bedroom, 'stop');
    const later = await timed(f.skill.session({ userId }), 'open rug coach');
    expect(later).toSay(fill(coachText.navigation.resumeOffer, { name: spokenExerciseName('kat-koe') }));
  });
});

describe('finding 7: an item with an odd version can be written again', () => {
  const odd: [string, { N: string } | { S: string }][] = [
    ['0', { N: '0' }],
    ['-1', { N: '-1' }],
    ['1.5', { N: '1.5' }],
    ['2^53 + 1', { N: '9007199254740993' }],
    ['a string', { S: 'drie' }],
  ];
  it.each(odd)('version %s', async (_, version) => {
    const userId = newUser('odd-version');
    await f.skill.db.client.send(
      new PutItemCommand({
        TableName: f.skill.db.tableName,
        Item: {
          userId: { S: userId },
          version,
          state: { S: JSON.stringify({ disclaimerHeard: true, progress: { sessionsDone: 2 } }) },
        },
      }),
    );
    const s = f.skill.session({ userId });
    await timed(s, 'open rug coach');
    await timed(s, 'start de brug');
    await timed(s, 'stop');
    const stored = await f.store.load(userId);
    expect(stored.position?.exerciseIds).toEqual(['brug']);
    expect(stored.progress.sessionsDone).toBe(2);
    expect(Number.isSafeInteger(stored.version) && stored.version > 0).toBe(true);
    expect(logs.lines().filter((l) => l.method === 'warn' || l.method === 'error')).toEqual([]);
  });
});

describe('finding 10: every turn within 3 s under a hanging DynamoDB', () => {
  it('"wis mijn gegevens" and "ja": answered in time, the deletion queued and done later', async () => {
    const userId = await returningUser('hang-delete');
    const s = f.skill.session({ userId });
    await timed(s, 'open rug coach');
    await timed(s, 'wis mijn gegevens');
    await f.proxy.setMode('hang');
    const done = await timed(s, 'ja');
    expect(done.text).toContain(ssmlToText(`<speak>${prompts.deleteQueued.join(' ')}</speak>`));
    expect(done.text).not.toContain(errorText);
    await f.proxy.setMode('pass');
    await f.skill.drainQueue();
    expect(await storedJson(f.skill, userId)).toBeUndefined();
  });

  it('"ja" never says "gewist" when nothing took the deletion, and asks again', async () => {
    const userId = await returningUser('nothing-takes-delete');
    const s = f.skill.session({ userId });
    await timed(s, 'open rug coach');
    await timed(s, 'wis mijn gegevens');
    await f.proxy.setMode('refuse');
    f.skill.queue.setAvailable(false);
    const failed = await timed(s, 'ja');
    expect(failed.text).not.toContain(ssmlToText(`<speak>${prompts.deleteDone.join(' ')}</speak>`));
    expect(failed.text).not.toContain(ssmlToText(`<speak>${prompts.deleteQueued.join(' ')}</speak>`));
    expect(failed.text).toContain(ssmlToText(`<speak>${prompts.deleteFailed.join(' ')}</speak>`));
    await f.proxy.setMode('pass');
    f.skill.queue.setAvailable(true);
    expect((await timed(s, 'ja')).text).toContain('gewist');
    expect(await storedJson(f.skill, userId)).toBeUndefined();
  });
});
