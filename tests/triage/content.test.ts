import { describe, expect, it } from 'vitest';
import triageJson from '../../content/triage.json';
import { article } from '../../lambda/src/content/article.js';
import {
  maxFlagsPerQuestion,
  triageContentChecks,
  triageContentSchema,
} from '../../lambda/src/triage/content-schema.js';

describe('content/triage.json', () => {
  it('matches its schema', () => {
    expect(triageContentSchema.safeParse(triageJson).error?.issues ?? []).toEqual([]);
  });

  it("asks about each of the article's twelve criteria exactly once, direct flags first", () => {
    expect(triageContentChecks(triageContentSchema.parse(triageJson), article.doctor)).toEqual([]);
  });

  it('catches a criterion that no question asks about, or one asked after the appointment questions', () => {
    const content = triageContentSchema.parse(triageJson);
    const [first, ...rest] = content.questions;
    if (!first) throw new Error('no questions');
    const missingOne = { ...content, questions: [{ ...first, flags: first.flags.slice(1) }, ...rest] };
    expect(triageContentChecks(missingOne, article.doctor)).toContain(
      `criterion ${first.flags[0]} is asked 0 times, expected once`,
    );
    const directLast = { ...content, questions: [...rest, first] };
    expect(triageContentChecks(directLast, article.doctor).join(' ')).toMatch(
      /direct flag after an appointment/,
    );
  });

  it('rejects a question with two criteria or two questions, direct advice without "nu direct", advice without its placeholder', () => {
    const content = triageContentSchema.parse(triageJson);
    const crowded = {
      ...content,
      questions: [{ ...content.questions[0], flags: ['a', 'b', 'c', 'd'].slice(0, maxFlagsPerQuestion + 1) }],
    };
    expect(triageContentSchema.safeParse(crowded).success).toBe(false);
    const twoQuestions = {
      ...content,
      questions: [{ ...content.questions[0], ask: 'Heb je koorts? Of val je af?' }],
    };
    expect(triageContentSchema.safeParse(twoQuestions).success).toBe(false);
    const today = {
      ...content,
      outcomes: {
        ...content.outcomes,
        direct: { ...content.outcomes.direct, action: ['Neem vandaag nog contact op met je huisarts.'] },
      },
    };
    expect(triageContentSchema.safeParse(today).success).toBe(false);
    const asked112 = {
      ...content,
      start: { ...content.start, emergency: 'Is het levensbedreigend? Bel 112.' },
    };
    expect(triageContentSchema.safeParse(asked112).success).toBe(false);
    const noPlaceholder = {
      ...content,
      outcomes: { ...content.outcomes, direct: { ...content.outcomes.direct, named: 'Je noemt iets.' } },
    };
    expect(triageContentSchema.safeParse(noPlaceholder).success).toBe(false);
  });
});
