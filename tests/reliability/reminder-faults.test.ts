import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reminderText } from '../../lambda/src/text/index.js';
import { type AlexaApiStandIn, startAlexaApi } from '../../tools/simulator/alexa-api.js';
import { remindersGranted, skillDisabledEvent } from '../../tools/simulator/envelope.js';
import type { VoiceSession } from '../../tools/simulator/session.js';
import { testSkillId } from '../support/skill.js';
import { type FaultySkill, startFaultySkill, timed } from './support/faulty-skill.js';
import { type CapturedLogs, captureLogs } from './support/logs.js';

/*
 * Finding 4 of issue 14: reminders left firing that the skill then denies. The Reminders API is the
 * loopback stand-in (it keeps the reminders it created, per user, and lists and deletes them as the API
 * does); DynamoDB is behind the fault proxy.
 */

let f: FaultySkill;
let api: AlexaApiStandIn;
beforeAll(async () => {
  [f, api] = await Promise.all([startFaultySkill(), startAlexaApi()]);
});
afterAll(async () => {
  await Promise.all([f.stop(), api.close()]);
});
let logs: CapturedLogs;
beforeEach(async () => {
  logs = captureLogs();
  await f.proxy.setMode('pass');
  f.proxy.setSlowness(1600);
  api.reply = api.defaultReply;
});
afterEach(() => logs.restore());

let users = 0;
const newUser = () => `amzn1.ask.account.REMINDERS-${++users}`;

function device(userId: string, deviceId = 'amzn1.ask.device.KITCHEN'): VoiceSession {
  return f.skill.session({ userId, deviceId, apiEndpoint: api.endpoint, permissions: remindersGranted() });
}

/** Every alert token the stand-in handed out for this user. */
const created = new Map<string, string[]>();
function tokensOf(userId: string): string[] {
  return created.get(userId) ?? [];
}

/** The reminders of this user that exist at Alexa right now. */
function activeFor(userId: string): string[] {
  return api.active().filter((token) => tokensOf(userId).includes(token));
}

/** Sets a reminder and notes the token Alexa gave it. */
async function setReminder(s: VoiceSession, userId: string, utterance: string): Promise<void> {
  const before = new Set(api.active());
  const turn = await timed(s, utterance);
  expect(turn).toSay(reminderText.confirmed);
  const fresh = api.active().filter((token) => !before.has(token));
  expect(fresh).toHaveLength(1);
  created.set(userId, [...tokensOf(userId), ...fresh]);
}

describe('finding 4: every reminder the skill created can be found and stopped', () => {
  it('"wis mijn gegevens" deletes the reminder at Alexa too', async () => {
    const userId = newUser();
    const s = device(userId);
    await timed(s, 'open rug coach');
    await setReminder(s, userId, 'herinner me elke dag om acht uur aan mijn oefeningen');
    await timed(s, 'wis mijn gegevens');
    await timed(s, 'ja');
    expect(activeFor(userId)).toEqual([]);
  });

  it('two devices that each set one: every reminder left is known, and "stop mijn herinnering" stops it', async () => {
    const userId = newUser();
    const kitchen = device(userId, 'amzn1.ask.device.KITCHEN');
    const bedroom = device(userId, 'amzn1.ask.device.BEDROOM');
    await timed(kitchen, 'open rug coach');
    await timed(bedroom, 'open rug coach');
    await setReminder(kitchen, userId, 'herinner me elke dag om acht uur');
    await setReminder(bedroom, userId, 'herinner me elke dag om negen uur');
    await timed(kitchen, 'stop');
    await timed(bedroom, 'stop');
    // One reminder a day: the bedroom's new time replaced the kitchen's. Whatever is left, the skill knows.
    expect(activeFor(userId).length).toBeGreaterThan(0);
    const known = (await f.store.load(userId)).reminderTokens;
    for (const token of activeFor(userId)) expect(known).toContain(token);

    const later = device(userId);
    await timed(later, 'open rug coach');
    expect(await timed(later, 'stop mijn herinnering')).toSay(reminderText.deleted);
    expect(activeFor(userId)).toEqual([]);
    expect((await f.store.load(userId)).reminderTokens).toEqual([]);
  });

  it('a reminder set while DynamoDB fails keeps its token, written once DynamoDB is back', async () => {
    const userId = newUser();
    const s = device(userId);
    await timed(s, 'open rug coach');
    await f.proxy.setMode('refuse');
    await setReminder(s, userId, 'herinner me elke dag om acht uur');
    await timed(s, 'stop');
    await f.proxy.setMode('pass');
    await f.skill.drainQueue();
    expect((await f.store.load(userId)).reminderTokens).toEqual(tokensOf(userId));
    const later = device(userId);
    await timed(later, 'open rug coach');
    expect(await timed(later, 'stop mijn herinnering')).not.toSay(reminderText.noReminder);
    expect(activeFor(userId)).toEqual([]);
  });

  it('a new time keeps the old token when deleting the old reminder failed, and stop removes both later', async () => {
    const userId = newUser();
    const s = device(userId);
    await timed(s, 'open rug coach');
    await setReminder(s, userId, 'herinner me elke dag om acht uur');
    // Alexa fails every deletion for a while.
    api.reply = (r) => (r.method === 'DELETE' ? { status: 500 } : api.defaultReply(r));
    await setReminder(s, userId, 'herinner me elke dag om negen uur');
    await timed(s, 'stop');
    expect(activeFor(userId)).toHaveLength(2);
    expect((await f.store.load(userId)).reminderTokens.sort()).toEqual(tokensOf(userId).sort());

    api.reply = api.defaultReply;
    const later = device(userId);
    await timed(later, 'open rug coach');
    expect(await timed(later, 'stop mijn herinnering')).toSay(reminderText.deleted);
    expect(activeFor(userId)).toEqual([]);
  });

  it('disabling the skill deletes the reminders the skill set, as far as Alexa lets it', async () => {
    const userId = newUser();
    const s = device(userId);
    await timed(s, 'open rug coach');
    await setReminder(s, userId, 'herinner me elke dag om acht uur');
    await timed(s, 'stop');
    await f.skill.handler(skillDisabledEvent({ ...s.context, skillId: testSkillId }));
    expect(activeFor(userId)).toEqual([]);
  });
});

describe('finding 10: a reminder within 3 s when DynamoDB is slow or hangs', () => {
  it.each(['slow', 'hang'] as const)('with DynamoDB %s, in a new session', async (mode) => {
    {
      const userId = newUser();
      await f.proxy.setMode(mode);
      const s = device(userId);
      // The first turn of a session: the state is loaded, the reminder created, the token saved.
      await setReminder(s, userId, 'herinner me elke dag om acht uur aan mijn oefeningen');
      await f.proxy.setMode('pass');
      await timed(s, 'stop');
      expect((await f.store.load(userId)).reminderTokens).toEqual(tokensOf(userId));
    }
  });
});
