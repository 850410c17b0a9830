import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenInterfaces } from '../../tools/simulator/envelope.js';
import type { HeardTurn } from '../../tools/simulator/session.js';
import { type RunningSkill, startSkill } from '../support/skill.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());

const apl = (turn: HeardTurn) =>
  (turn.response.response.directives ?? []).filter(
    (d) => (d as { type: string }).type === 'Alexa.Presentation.APL.RenderDocument',
  ) as unknown as Array<{
    datasources: { payload: { exercise?: Record<string, unknown>; text?: Record<string, unknown> } };
  }>;

describe('on an Echo Show', () => {
  it('each exercise turn shows its step, the leg and a countdown for the hold', async () => {
    const s = skill.session({ supportedInterfaces: screenInterfaces });
    const first = await s.say('vraag rug coach naar knie naar borst');
    const [screen] = apl(first);
    expect(screen?.datasources.payload.exercise).toMatchObject({
      partLabel: expect.stringMatching(/^deel 1 van \d+$/),
      side: 'Linkerbeen',
      holdSeconds: 20,
    });
    const holds = screen?.datasources.payload.exercise?.holds as { seconds: number }[];
    expect(holds.length).toBeGreaterThan(0);
    expect(holds.every((h) => h.seconds === 20)).toBe(true);
    const next = await s.say('volgende');
    expect(apl(next)[0]?.datasources.payload.exercise?.partLabel).toMatch(/^deel 2 van \d+$/);
  });

  it('an older Echo Show whose APL runtime is older than the documents hears the exercise, with no screen', async () => {
    const s = skill.session({
      supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '1.9' } } },
    });
    const turn = await s.say('vraag rug coach naar knie naar borst');
    expect(turn.text).toMatch(/knie naar borst/i);
    expect(apl(turn)).toEqual([]);
  });

  it('a tip shows as text', async () => {
    const s = skill.session({ supportedInterfaces: screenInterfaces });
    const turn = await s.say('vraag rug coach om een tip');
    expect(apl(turn)[0]?.datasources.payload.text?.title).toMatch(/^Tip \d+:/);
  });
});

describe('on a speaker without a screen', () => {
  it('no exercise turn or tip carries an APL document', async () => {
    const s = skill.session();
    const turns = [
      await s.say('vraag rug coach naar knie naar borst'),
      await s.say('volgende'),
      await s.say('vraag rug coach om een tip'),
    ];
    for (const turn of turns) expect(apl(turn)).toEqual([]);
  });
});
