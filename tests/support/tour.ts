import { afterAll, beforeAll } from 'vitest';
import { distinctAnswers, runTour, type TourAnswer } from '../../tools/tour.js';
import { type RunningSkill, startSkill, testSkillId } from './skill.js';

/**
 * The scripted tour (tools/tour.ts) said to the real skill before a file's tests: its distinct answers,
 * filled in before the first test runs. The skill is stopped after the file.
 */
export function tourAnswers(): TourAnswer[] {
  const answers: TourAnswer[] = [];
  let skill: RunningSkill | undefined;
  beforeAll(async () => {
    skill = await startSkill();
    answers.push(...distinctAnswers(await runTour(skill.handler, skill.understanding, testSkillId)));
  });
  afterAll(() => skill?.stop());
  return answers;
}
