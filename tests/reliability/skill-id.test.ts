import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prompts } from '../../lambda/src/content/prompts.js';
import { defined } from '../../tools/defined.js';
import { intentRequest, launchRequest, skillDisabledEvent } from '../../tools/simulator/envelope.js';
import { type RunningSkill, startSkill } from '../support/skill.js';
import { type CapturedLogs, captureLogs } from './support/logs.js';
import { context, oddRequests, send } from './support/requests.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());
let logs: CapturedLogs;
beforeEach(() => {
  skill.db.resetCalls();
  logs = captureLogs();
});
afterEach(() => logs.restore());

const otherSkill = 'amzn1.ask.skill.someone-elses-skill';

describe('a request meant for another skill', () => {
  it('is answered normally when it is for this skill (the DynamoDB server counts the calls)', async () => {
    await send(skill.handler, launchRequest(context()));
    expect(skill.db.calls().GetItem).toBe(1);
  });

  it('is refused before anything reads the database: zero calls at the DynamoDB server', async () => {
    const userId = 'amzn1.ask.account.KNOWN-USER';
    // A known user: a handler or interceptor that ran would read (or delete) their item.
    await send(skill.handler, launchRequest(context({ userId })));
    skill.db.resetCalls();

    const envelopes = [
      launchRequest(context({ userId, skillId: otherSkill })),
      intentRequest(context({ userId, skillId: otherSkill }), 'DeleteDataIntent'),
      intentRequest(
        context({ userId, skillId: otherSkill, newSession: false, attributes: {} }),
        'AMAZON.YesIntent',
      ),
      skillDisabledEvent(context({ userId, skillId: otherSkill })),
      ...oddRequests(context({ userId, skillId: otherSkill, newSession: false })).map((r) => r.envelope),
    ];
    for (const envelope of envelopes) {
      await expect(send(skill.handler, envelope), envelope.request.type).rejects.toThrow(/refused/i);
    }
    expect(skill.db.totalCalls()).toBe(0);
    // Each refusal is logged with its request id, and nothing about the user.
    const refusals = logs.lines().filter((l) => l.json?.message === 'request refused: unexpected skill id');
    expect(refusals.map((l) => l.json?.requestId)).toEqual(envelopes.map((e) => e.request.requestId));
    expect(logs.text()).not.toContain(userId);
  });

  it('is refused when the ids disagree or are missing, and when the function has no skill id set', async () => {
    const mixed = launchRequest(context());
    // The session claims this skill, the context another: Alexa's context is the one that counts.
    mixed.context.System.application.applicationId = otherSkill;
    await expect(send(skill.handler, mixed)).rejects.toThrow(/refused/i);

    const missing = launchRequest(context());
    const { application: _a, ...system } = missing.context.System;
    missing.context.System = system as typeof missing.context.System;
    const { application: _b, ...session } = defined(missing.session);
    missing.session = session as typeof missing.session;
    await expect(send(skill.handler, missing)).rejects.toThrow(/refused/i);

    const configured = process.env.SKILL_ID;
    try {
      delete process.env.SKILL_ID;
      await expect(send(skill.handler, launchRequest(context()))).rejects.toThrow(/refused/i);
      process.env.SKILL_ID = '';
      await expect(send(skill.handler, launchRequest(context({ skillId: '' })))).rejects.toThrow(/refused/i);
    } finally {
      process.env.SKILL_ID = configured;
    }
    expect(skill.db.totalCalls()).toBe(0);
  });

  it('does not delete anything when a SkillDisabled event for another skill names a real user', async () => {
    const userId = 'amzn1.ask.account.DISABLED-ELSEWHERE';
    const s = skill.session({ userId });
    await s.say('open rug coach');
    await s.say('stop');
    await expect(
      send(skill.handler, skillDisabledEvent(context({ userId, skillId: otherSkill }))),
    ).rejects.toThrow(/refused/i);
    const again = await skill.session({ userId }).say('open rug coach');
    expect(again).toSay(prompts.welcomeBack);
  });
});
