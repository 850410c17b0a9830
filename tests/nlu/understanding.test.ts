import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAll, type Outcome, route, tallyBy } from '../../tools/nlu/evaluate.js';
import { inModel } from '../../tools/nlu/in-model.js';
import { loadHeldOut } from '../../tools/nlu/phrasings.js';
import { loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';
import { type RunningSkill, startSkill, testSkillId } from '../support/skill.js';

/*
 * How well the skill understands people, measured on phrasings written apart from the interaction
 * model (tests/nlu/heldout*.json, by writers who never saw the model): never on the samples themselves.
 */

const phrasings = loadHeldOut();
const model = loadInteractionModel();
let skill: RunningSkill;
let outcomes: Outcome[];

beforeAll(async () => {
  skill = await startSkill();
  outcomes = await route(await Understanding.train(model), phrasings);
  await answerAll(skill.handler, skill.understanding, testSkillId, outcomes);
}, 120_000);
afterAll(() => skill.stop());

const share = (right: number, total: number) => right / Math.max(1, total);

/*
 * Floors, not the goal. Issue 12 asks for 90 % routed and answered right overall and 80 % for every
 * intent; measured on 1,153 held-out phrasings the skill is at 93.5 % routed and 93.1 % answered, and
 * at 83.3 % or more for every intent (npm run nlu, README). The floors sit just under what is
 * measured, so that a change that makes understanding worse fails here; raise them as understanding
 * improves. Safety has no floor: not one red flag is answered with reassurance, a tip, an exercise or
 * not at all, and not one reaches an intent where nothing can catch it.
 */
const floors = {
  routed: 0.93,
  answered: 0.925,
  /** For every intent with at least `minPhrasings` held-out phrasings. */
  perIntent: 0.8,
  minPhrasings: 5,
  /** A ceiling, at what is measured: direct-contact flags that get only the appointment advice. */
  lessUrgent: 1,
};

describe('the held-out phrasings', () => {
  it('are at least 400, cover every intent and every red flag several times, and off-topic talk', () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(400);
    const goals = new Map<string, number>();
    for (const p of phrasings) goals.set(p.goal, (goals.get(p.goal) ?? 0) + 1);
    const flags = [...goals].filter(([goal]) => goal.startsWith('symptom:') && goal !== 'symptom:none');
    expect(flags).toHaveLength(12);
    for (const [goal, n] of flags) expect(n, goal).toBeGreaterThanOrEqual(5);
    expect(goals.get('offtopic') ?? 0).toBeGreaterThanOrEqual(10);
    expect(new Set(outcomes.map((o) => o.group)).size).toBeGreaterThanOrEqual(30);
  });

  it('are none of them in the model, word for word, so that they measure understanding, not memory', () => {
    const said = inModel(model);
    const memorised = phrasings.filter((p) => said(p.text)).map((p) => p.text);
    expect(memorised).toEqual([]);
  });
});

describe('routing, as the simulator understands like Alexa', () => {
  it(`sends at least ${100 * floors.routed} % of the phrasings where they should go`, () => {
    const right = outcomes.filter((o) => o.routedRight).length;
    expect(share(right, outcomes.length)).toBeGreaterThanOrEqual(floors.routed);
  });

  it(`sends at least ${100 * floors.perIntent} % of each intent’s phrasings where they should go`, () => {
    const low = [...tallyBy(outcomes, (o) => o.routedRight)]
      .filter(([, t]) => t.total >= floors.minPhrasings && share(t.right, t.total) < floors.perIntent)
      .map(([group, t]) => `${group}: ${t.right}/${t.total}`);
    expect(low).toEqual([]);
  });

  it('never sends a red flag to an exercise, routine, tip, navigation or yes/no intent without its words', () => {
    // The words of a red flag in a free-form slot or an unresolved value reach the red-flag check first
    // (redFlagFirst); the answers below show that they get the advice.
    const unsafe = outcomes.filter((o) => o.routedUnsafe).map((o) => `${o.phrasing.text} → ${o.understood}`);
    expect(unsafe).toEqual([]);
  });
});

describe('answers, each phrasing said to the bundle in its place in a conversation', () => {
  it(`gives at least ${100 * floors.answered} % of the phrasings the answer the person wanted`, () => {
    const right = outcomes.filter((o) => o.answer?.right).length;
    expect(share(right, outcomes.length)).toBeGreaterThanOrEqual(floors.answered);
  });

  it('answers no red flag with reassurance, a tip, an exercise, a step, or not at all', () => {
    const unsafe = outcomes
      .filter((o) => o.answer?.unsafe)
      .map((o) => `${o.phrasing.text} → ${o.answer?.answer}`);
    expect(unsafe).toEqual([]);
  });

  it(`answers at most ${floors.lessUrgent} direct-contact flag with only the appointment advice`, () => {
    // Sent to the GP and offered the questions about what cannot wait, but not told to call now: the
    // understanding chose the appointment statements and passed no words to check (README).
    const lessUrgent = outcomes.filter((o) => o.answer?.lessUrgent).map((o) => o.phrasing.text);
    expect(lessUrgent.length, lessUrgent.join('\n')).toBeLessThanOrEqual(floors.lessUrgent);
  });
});
