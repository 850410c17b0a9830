import { describe, expect, it } from 'vitest';
import {
  adjustHold,
  type CoachPreferences,
  holdFor,
  holdSpeech,
  maxHoldExtraSeconds,
  setSpeechRate,
} from '../../lambda/src/coach/index.js';
import { exerciseById } from '../../lambda/src/content/article.js';
import type { Exercise } from '../../lambda/src/content/schema.js';
import { pauseSeconds } from '../../lambda/src/speech/ssml.js';
import { longestSilence, words } from './speech-helpers.js';

const exercise = (id: string): Exercise => {
  const found = exerciseById(id);
  if (!found) throw new Error(`article.json has no exercise ${id}`);
  return found;
};
const knee = exercise('knie-naar-borst');
const brug = exercise('brug');
const prefs = (holdExtraSeconds: number): CoachPreferences => ({ holdExtraSeconds, speechRate: 'normal' });

describe('holdSpeech', () => {
  it.each([5, 7, 10, 12, 20, 25, 30])(
    'a %i second hold is that many seconds of silence, never 10 s unbroken',
    (s) => {
      const speech = holdSpeech(s, 'En loslaten.');
      expect(pauseSeconds(speech)).toBe(s);
      expect(longestSilence(speech)).toBeLessThanOrEqual(10);
      expect(words(speech)).toMatch(/En loslaten\.$/);
    },
  );

  it('counts 30 seconds down in tens', () => {
    expect(words(holdSpeech(30, 'En loslaten.'))).toBe(
      'Nog twintig seconden. Nog tien seconden. En loslaten.',
    );
  });
});

describe('adjustHold', () => {
  it('"langer vasthouden" adds 5 seconds and says the new hold', () => {
    const change = adjustHold(prefs(0), 'longer', knee);
    expect(change.preferences.holdExtraSeconds).toBe(5);
    expect(holdFor(knee, change.preferences)).toBe(25);
    expect(words(change.speech)).toBe('Je houdt voortaan vijfentwintig seconden vast.');
  });

  it('stops at the article maximum and says so', () => {
    const change = adjustHold(prefs(10), 'longer', knee);
    expect(change.preferences.holdExtraSeconds).toBe(10);
    expect(words(change.speech)).toBe(
      'Het artikel zegt twintig tot dertig seconden, dus langer dan dertig seconden maak ik het niet.',
    );
  });

  it('"korter" takes 5 seconds off, not below the article minimum', () => {
    expect(words(adjustHold(prefs(10), 'shorter', knee).speech)).toBe(
      'Je houdt voortaan vijfentwintig seconden vast.',
    );
    const atMin = adjustHold(prefs(0), 'shorter', knee);
    expect(atMin.preferences.holdExtraSeconds).toBe(0);
    expect(words(atMin.speech)).toContain('korter dan twintig seconden');
  });

  it('speaks of the exercise going on: the brug goes from 5 to 10 seconds and no further', () => {
    const longer = adjustHold(prefs(0), 'longer', brug);
    expect(holdFor(brug, longer.preferences)).toBe(10);
    expect(words(longer.speech)).toBe('Je houdt voortaan tien seconden vast.');
    expect(words(adjustHold(longer.preferences, 'longer', brug).speech)).toContain(
      'langer dan tien seconden',
    );
  });

  it('shortens a brug held 10 seconds to 5, even when the stored extra is larger than its range', () => {
    const shorter = adjustHold(prefs(10), 'shorter', brug);
    expect(holdFor(brug, shorter.preferences)).toBe(5);
  });

  it('without an exercise, describes the 20-30 second holds', () => {
    expect(words(adjustHold(prefs(0), 'longer').speech)).toBe(
      'Je houdt voortaan vijfentwintig seconden vast.',
    );
  });

  it('keeps the extra within what any range allows', () => {
    expect(maxHoldExtraSeconds).toBe(10);
    let p = prefs(0);
    for (let i = 0; i < 5; i++) p = adjustHold(p, 'longer').preferences;
    expect(p.holdExtraSeconds).toBe(10);
    for (let i = 0; i < 5; i++) p = adjustHold(p, 'shorter').preferences;
    expect(p.holdExtraSeconds).toBe(0);
  });

  it('after progression, "korter" shortens as far as the slow build-up allows, then explains it', () => {
    const progress = { sessionsDone: 9 };
    const first = adjustHold(prefs(5), 'shorter', knee, progress);
    expect(holdFor(knee, first.preferences, progress)).toBe(26);
    const second = adjustHold(first.preferences, 'shorter', knee, progress);
    expect(holdFor(knee, second.preferences, progress)).toBe(26);
    expect(words(second.speech)).toContain('bouw je langzaam op');
  });
});

describe('setSpeechRate', () => {
  it('"praat langzamer" keeps the slow rate and confirms it', () => {
    const change = setSpeechRate(prefs(0), 'slow');
    expect(change.preferences).toEqual({ holdExtraSeconds: 0, speechRate: 'slow' });
    expect(words(change.speech)).toBe('Ik praat voortaan langzamer.');
  });
});
