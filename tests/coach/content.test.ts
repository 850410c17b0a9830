import { describe, expect, it } from 'vitest';
import coachJson from '../../content/coach.json';
import dutchJson from '../../content/dutch.json';
import { coachContentSchema } from '../../lambda/src/coach/content-schema.js';
import { planFor, routineOrder } from '../../lambda/src/coach/index.js';
import { article } from '../../lambda/src/content/article.js';

describe('content/coach.json', () => {
  it('matches its schema', () => {
    expect(() => coachContentSchema.parse(coachJson)).not.toThrow();
  });

  it.each(article.exercises.map((e) => [e.id, e] as const))(
    '%s: the plan says every article step, once',
    (_, e) => {
      const plan = coachContentSchema.parse(coachJson).exercises[e.id];
      expect(plan).toBeDefined();
      const said = [
        ...(plan?.beforeSetup ?? []),
        ...(plan?.setup ?? []),
        ...(plan?.afterSetup ?? []),
        ...(plan?.action ?? []),
        ...(plan?.switchSide ?? []),
        ...(plan?.releaseStep === undefined ? [] : [plan.releaseStep]),
      ].sort((a, b) => a - b);
      expect(said).toEqual(e.steps.map((_, i) => i));
    },
  );

  it('has a plan and a place in the routine for every exercise of the article', () => {
    for (const e of article.exercises) {
      expect(planFor(e).spokenName).toBe(
        coachJson.exercises[e.id as keyof typeof coachJson.exercises].spokenName,
      );
    }
    expect([...routineOrder].sort()).toEqual(article.exercises.map((e) => e.id).sort());
  });

  it('counts in Dutch words from nul to dertig', () => {
    expect(dutchJson.numbers[1]).toBe('één');
    expect(dutchJson.numbers[10]).toBe('tien');
    expect(dutchJson.numbers[30]).toBe('dertig');
    expect(dutchJson.ordinals[1]).toBe('eerste');
    expect(dutchJson.ordinals[10]).toBe('tiende');
  });
});
