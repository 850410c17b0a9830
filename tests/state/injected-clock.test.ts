import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Intent } from '../../lambda/src/intents.js';
import { createSkill } from '../../lambda/src/skill.js';
import { DynamoUserStateStore } from '../../lambda/src/state/dynamo-store.js';
import { intentRequest, simulatorContext } from '../../tools/simulator/envelope.js';
import { type RunningDynalite, startDynalite } from '../support/dynalite.js';

/**
 * skill.ts takes the clock as a dependency (`now`); the handlers read the turn's time from it
 * (state/turn.ts turnTime), not from the machine's clock. Built from lambda/src, because the bundle's
 * entry always passes the real clock.
 */
const skillId = 'amzn1.ask.skill.injected-clock-test';
const injected = new Date('2031-05-04T10:00:00.000Z');
let db: RunningDynalite;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(() => db.stop());

describe('the injected clock', () => {
  it('stamps the place a started routine saves', async () => {
    const store = new DynamoUserStateStore({
      client: db.client,
      tableName: db.tableName,
      now: () => injected,
    });
    const skill = createSkill({ skillId, store, now: () => injected });
    const context = simulatorContext({ skillId });
    const response = await skill.invoke(intentRequest(context, Intent.Routine));
    expect(response.response.outputSpeech).toBeDefined();
    const saved = await store.load(context.userId);
    expect(saved.position?.updatedAt).toBe(injected.toISOString());
    for (const place of Object.values(saved.places)) expect(place.at).toBe(injected.toISOString());
  });
});
