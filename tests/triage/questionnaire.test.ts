import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import {
  answer,
  parseTriageState,
  questionAt,
  questionCount,
  type Reply,
  startQuestionnaire,
  type TriageOutcome,
  type TriageState,
} from '../../lambda/src/triage/questionnaire.js';

const directIds = article.doctor.directContact.map((flag) => flag.id);
const appointmentIds = article.doctor.appointment.map((flag) => flag.id);

/** Plays the questionnaire with the given replies; returns the outcome and the criteria asked about. */
function play(replies: readonly Reply[]): { outcome: TriageOutcome | null; asked: string[] } {
  let state: TriageState | null = startQuestionnaire();
  const asked: string[] = [];
  for (const reply of replies) {
    if (!state) break;
    asked.push(...questionAt(state).flags);
    const result = answer(state, reply);
    if (result.outcome) return { outcome: result.outcome, asked };
    state = result.state;
  }
  return { outcome: null, asked };
}

/** The replies that answer "no" until the question about this criterion, then `last`. */
function repliesUntil(flag: string, last: Reply): Reply[] {
  const replies: Reply[] = [];
  let state: TriageState = startQuestionnaire();
  for (;;) {
    if (questionAt(state).flags.includes(flag)) return [...replies, last];
    replies.push('no');
    const result = answer(state, 'no');
    if (!result.state) throw new Error(`no question asks about ${flag}`);
    state = result.state;
  }
}

describe('the doctor questionnaire', () => {
  it.each(directIds)('a yes to the question about %s gives direct-contact advice at once', (flag) => {
    const { outcome } = play(repliesUntil(flag, 'yes'));
    expect(outcome).toMatchObject({ level: 'direct', because: 'yes' });
    expect(outcome?.level !== 'selfCare' && outcome?.flagIds).toContain(flag);
  });

  it.each(appointmentIds)('a yes to the question about %s gives appointment advice at once', (flag) => {
    const { outcome } = play(repliesUntil(flag, 'yes'));
    expect(outcome).toMatchObject({ level: 'appointment', because: 'yes' });
    expect(outcome?.level !== 'selfCare' && outcome?.flagIds).toContain(flag);
  });

  it.each(directIds)('"weet ik niet" about %s is treated as yes: contact the GP', (flag) => {
    expect(play(repliesUntil(flag, 'unknown')).outcome).toMatchObject({ level: 'direct', because: 'unsure' });
  });

  it.each(appointmentIds)('"weet ik niet" about %s gives appointment advice, never self-care', (flag) => {
    expect(play(repliesUntil(flag, 'unknown')).outcome).toMatchObject({
      level: 'appointment',
      because: 'unsure',
    });
  });

  it('asks every direct flag before any appointment criterion', () => {
    const { asked } = play(Array.from({ length: questionCount }, () => 'no'));
    const lastDirect = Math.max(...directIds.map((id) => asked.indexOf(id)));
    const firstAppointment = Math.min(...appointmentIds.map((id) => asked.indexOf(id)));
    expect(lastDirect).toBeLessThan(firstAppointment);
  });

  it('gives self-care advice only after a no to all twelve criteria', () => {
    const replies: Reply[] = Array.from({ length: questionCount }, () => 'no');
    const { outcome, asked } = play(replies);
    expect(outcome).toEqual({ level: 'selfCare' });
    expect([...asked].sort()).toEqual([...directIds, ...appointmentIds].sort());
    expect(play(replies.slice(0, -1)).outcome).toBeNull();
  });

  it('asks about one criterion per question, so that a "ja" belongs to one criterion', () => {
    for (let i = 0; i < questionCount; i++) {
      expect(questionAt({ v: 1, question: i }).flags).toHaveLength(1);
    }
    expect(questionCount).toBe(directIds.length + appointmentIds.length);
  });

  it('ends in self-care exactly when every answer was no, whatever the answers', () => {
    const reply = fc.constantFrom<Reply>('yes', 'no', 'unknown');
    fc.assert(
      fc.property(fc.array(reply, { minLength: questionCount, maxLength: questionCount }), (replies) => {
        const { outcome } = play(replies);
        const firstNotNo = replies.findIndex((r) => r !== 'no');
        expect(outcome).not.toBeNull();
        expect(outcome?.level === 'selfCare').toBe(firstNotNo === -1);
      }),
    );
  });

  it('keeps a state that is tiny plain JSON and survives the session round trip', () => {
    let state: TriageState | null = startQuestionnaire();
    while (state) {
      const json = JSON.stringify(state);
      expect(json.length).toBeLessThan(40);
      expect(parseTriageState(JSON.parse(json))).toEqual(state);
      state = answer(state, 'no').state;
    }
  });

  it('rejects a state it did not write, so the handler starts again', () => {
    for (const bad of [
      undefined,
      null,
      'x',
      {},
      { v: 2, question: 0 },
      { v: 1, question: -1 },
      { v: 1, question: 99 },
    ]) {
      expect(parseTriageState(bad)).toBeUndefined();
    }
    expect(parseTriageState({ v: 1, question: 1.5 })).toBeUndefined();
  });
});
