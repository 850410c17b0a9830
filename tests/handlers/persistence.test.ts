import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { coachText, fill, prompts } from '../../lambda/src/text/index.js';
import { skillDisabledEvent } from '../../tools/simulator/envelope.js';
import { spokenExerciseName } from '../support/builders.js';
import { contentPattern } from '../support/matchers.js';
import { type RunningSkill, startSkill, testSkillId } from '../support/skill.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());
beforeEach(() => skill.db.resetCalls());

async function stored(userId: string): Promise<Record<string, unknown> | undefined> {
  const { Item } = await skill.db.client.send(
    new GetItemCommand({
      TableName: skill.db.tableName,
      Key: { userId: { S: userId } },
      ConsistentRead: true,
    }),
  );
  return Item?.state?.S ? (JSON.parse(Item.state.S) as Record<string, unknown>) : undefined;
}

describe('the routine is remembered', () => {
  it('offers a returning user to continue where they were, on another device too', async () => {
    const userId = 'amzn1.ask.account.TWO-DEVICES-RESUME';
    const kitchen = skill.session({ userId, deviceId: 'amzn1.ask.device.KITCHEN' });
    await kitchen.say('vraag rug coach om mijn oefeningen te starten');
    await kitchen.say('volgende');
    await kitchen.end();
    const bedroom = skill.session({ userId, deviceId: 'amzn1.ask.device.BEDROOM' });
    const welcome = await bedroom.say('open rug coach');
    expect(welcome).toSay(
      fill(coachText.navigation.resumeOffer, { name: spokenExerciseName('knie-naar-borst') }),
    );
  });

  it('answers "hoe gaat het met mijn oefeningen" from what is stored', async () => {
    const userId = 'amzn1.ask.account.PROGRESS';
    const s = skill.session({ userId });
    const none = await s.say('vraag rug coach hoe het gaat met mijn oefeningen');
    expect(none).toSay(prompts.progress.none);
    const done = skill.session({ userId });
    await done.say('vraag rug coach naar de hamstring stretch');
    while (!contentPattern(coachText.navigation.exerciseDone).test(done.last.text))
      await done.say('volgende');
    await done.say('stop');
    const after = await skill.session({ userId }).say('vraag rug coach hoe het gaat met mijn oefeningen');
    expect(after.text).toContain('één keer');
    expect(after.text).toContain('vandaag');
  });

  it('says where a user is who has started but not yet finished an exercise', async () => {
    const userId = 'amzn1.ask.account.PROGRESS-MIDWAY';
    const s = skill.session({ userId });
    await s.say('vraag rug coach naar de brug');
    const progress = await s.say('hoe gaat het met mijn oefeningen');
    expect(progress).toSay(fill(prompts.progress.position, { name: spokenExerciseName('brug') }));
    expect(progress.text).not.toContain('om te beginnen');
  });

  it('keeps both changes when two devices of one user write at once', async () => {
    const userId = 'amzn1.ask.account.CONCURRENT';
    const a = skill.session({ userId, deviceId: 'amzn1.ask.device.A' });
    const b = skill.session({ userId, deviceId: 'amzn1.ask.device.B' });
    await Promise.all([a.say('open rug coach'), b.say('open rug coach')]);
    await Promise.all([a.say('start de brug'), b.say('praat langzamer')]);
    const state = (await stored(userId)) as {
      position: { exerciseIds: string[] } | null;
      preferences: { speechRate: string };
    };
    expect(state.position?.exerciseIds).toEqual(['brug']);
    expect(state.preferences.speechRate).toBe('slow');
  });
});

describe('DynamoDB use', () => {
  it('averages at most 0.75 calls per turn over a typical session, and every write is conditional', async () => {
    const s = skill.session();
    const utterances = [
      'open rug coach',
      'geef me een tip',
      'nee',
      'start de brug',
      'volgende',
      'volgende',
      'moet ik naar de dokter',
      'nee',
      'nee',
      'stop',
    ];
    for (const utterance of utterances) await s.say(utterance);
    const calls = skill.db.totalCalls();
    expect(calls / utterances.length).toBeLessThanOrEqual(0.75);
    const writes = skill.db
      .requests()
      .filter((r) => r.operation === 'PutItem' || r.operation === 'UpdateItem');
    expect(writes.length).toBeGreaterThan(0);
    for (const write of writes) expect(write.body.ConditionExpression).toEqual(expect.any(String));
  });

  it('reads once per session, not once per turn', async () => {
    const s = skill.session();
    for (const utterance of ['open rug coach', 'geef me een tip', 'ja', 'ja', 'wat is chronische rugpijn']) {
      await s.say(utterance);
    }
    expect(skill.db.calls().GetItem).toBe(1);
    expect(skill.db.calls().PutItem ?? 0).toBe(0);
  });
});

describe('deleting what is kept', () => {
  it('"wis mijn gegevens" asks first, and "nee" keeps everything', async () => {
    const userId = 'amzn1.ask.account.KEEP';
    const s = skill.session({ userId });
    await s.say('vraag rug coach naar de brug');
    const question = await s.say('wis mijn gegevens');
    expect(question.text).toContain('?');
    const kept = await s.say('nee');
    expect(kept).toSay(prompts.deleteKept);
    expect(await stored(userId)).toBeDefined();
  });

  it('"wis mijn gegevens" and "ja" deletes everything, and the next visit is a first visit', async () => {
    const userId = 'amzn1.ask.account.DELETE';
    const s = skill.session({ userId });
    await s.say('vraag rug coach naar de brug');
    await s.say('wis mijn gegevens');
    const done = await s.say('ja');
    expect(done).toSay(prompts.deleteDone);
    expect(await stored(userId)).toBeUndefined();
    const next = await skill.session({ userId }).say('open rug coach');
    expect(next).toSay(prompts.welcomeNew);
    expect(next).not.toSay(coachText.navigation.resumeOffer);
  });

  it('disabling the skill deletes everything; a repeated event is harmless', async () => {
    const userId = 'amzn1.ask.account.DISABLE';
    const s = skill.session({ userId });
    await s.say('vraag rug coach naar de brug');
    expect(await stored(userId)).toBeDefined();
    const event = skillDisabledEvent({ ...s.context, skillId: testSkillId });
    await skill.handler(event);
    expect(await stored(userId)).toBeUndefined();
    await expect(
      skill.handler(skillDisabledEvent({ ...s.context, skillId: testSkillId })),
    ).resolves.toBeDefined();
  });
});
