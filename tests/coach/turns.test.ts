import { describe, expect, it } from 'vitest';
import { type CoachPreferences, safetyNotice, turnsFor } from '../../lambda/src/coach/index.js';
import { article, exerciseById } from '../../lambda/src/content/article.js';
import type { Exercise } from '../../lambda/src/content/schema.js';
import { alexaLimits } from '../../lambda/src/speech/limits.js';
import { estimatedSeconds, pauseSeconds, renderSsml } from '../../lambda/src/speech/ssml.js';
import { spoken } from '../../lambda/src/text/index.js';
import { holdsIn, longestSilence, sum, words } from './speech-helpers.js';

const exercise = (id: string): Exercise => {
  const found = exerciseById(id);
  if (!found) throw new Error(`article.json has no exercise ${id}`);
  return found;
};

const prefs = (
  holdExtraSeconds = 0,
  speechRate: CoachPreferences['speechRate'] = 'normal',
): CoachPreferences => ({
  holdExtraSeconds,
  speechRate,
});

/** Every exercise with the shortest and longest holds, fresh and after many sessions. */
const cases = article.exercises.flatMap((e) =>
  [0, 5, 10].flatMap((extra) => [0, 3, 9].map((sessionsDone) => ({ e, extra, sessionsDone }))),
);

describe.each(cases)('$e.id, extra $extra s, after $sessionsDone sessions', ({ e, extra, sessionsDone }) => {
  const turns = turnsFor(e, prefs(extra), { sessionsDone });

  it('fits each turn in Alexa limits, also when spoken slowly', () => {
    for (const turn of turns) {
      for (const rate of ['normal', 'slow'] as const) {
        const ssml = renderSsml(turn.speech, rate);
        expect(ssml.length).toBeLessThan(alexaLimits.maxSsmlChars);
        for (const [, seconds] of ssml.matchAll(/<break time="(\d+)s"\/>/g)) {
          expect(Number(seconds)).toBeLessThanOrEqual(alexaLimits.maxBreakSeconds);
        }
        expect(estimatedSeconds(turn.speech, rate)).toBeLessThanOrEqual(alexaLimits.maxTurnSeconds);
      }
    }
  });

  it('never leaves the user in silence for more than 10 seconds', () => {
    for (const turn of turns) expect(longestSilence(turn.speech)).toBeLessThanOrEqual(10);
  });

  it('holds every hold for the chosen seconds, within the article range', () => {
    if (!e.holdSeconds) return expect(turns.every((t) => t.holdSeconds === undefined)).toBe(true);
    const holds = turns.flatMap((t) => holdsIn(t.speech));
    expect(holds).toHaveLength(e.repetitions * (e.perSide ? 2 : 1));
    for (const turn of turns) {
      expect(turn.holdSeconds).toBeGreaterThanOrEqual(e.holdSeconds.min);
      expect(turn.holdSeconds).toBeLessThanOrEqual(e.holdSeconds.max);
      for (const hold of holdsIn(turn.speech)) expect(sum(hold)).toBe(turn.holdSeconds);
    }
  });

  it('says every step of the article somewhere, as it is written for the ear', () => {
    const all = turns.map((t) => words(t.speech)).join(' ');
    const steps = spoken.exercises[e.id] ?? [];
    expect(steps).toHaveLength(e.steps.length);
    for (const step of steps) expect(all).toContain(step.say);
  });

  it('ends every turn by asking for "volgende", with a reprompt, and labels the steps', () => {
    turns.forEach((turn, i) => {
      expect(words(turn.speech)).toMatch(/Zeg 'volgende' als je klaar bent\.$/);
      expect(words(turn.reprompt)).toContain('volgende');
      expect(turn.partLabel).toBe(`deel ${i + 1} van ${turns.length}`);
      expect(turn.isLastOfExercise).toBe(i === turns.length - 1);
    });
  });

  it('does one side per turn, left leg first, and says when to change legs', () => {
    if (!e.perSide) return expect(turns.every((t) => t.side === undefined)).toBe(true);
    const sides = turns.map((t) => t.side);
    const firstRight = sides.indexOf('rechts');
    expect(sides.slice(0, firstRight).every((s) => s === 'links')).toBe(true);
    expect(sides.slice(firstRight).every((s) => s === 'rechts')).toBe(true);
    expect(words(turns[firstRight]?.speech ?? [])).toContain('Nu je andere been');
  });
});

describe('knie naar borst', () => {
  it('holds 3 times per leg, at least 20 seconds each: 120 seconds or more in all', () => {
    const turns = turnsFor(exercise('knie-naar-borst'), prefs());
    const holds = turns.flatMap((t) => holdsIn(t.speech)).map(sum);
    expect(holds).toHaveLength(6);
    expect(holds.every((h) => h >= 20)).toBe(true);
    expect(sum(holds)).toBeGreaterThanOrEqual(120);
  });

  it('splits each leg over several turns, so no turn runs past 90 seconds', () => {
    const turns = turnsFor(exercise('knie-naar-borst'), prefs(10));
    expect(turns.filter((t) => t.side === 'links').length).toBeGreaterThan(1);
    expect(Math.max(...turns.map((t) => estimatedSeconds(t.speech, 'slow')))).toBeLessThanOrEqual(90);
  });

  it('counts repetitions as ordinals, never "Één. Trek één knie…"', () => {
    const all = turnsFor(exercise('knie-naar-borst'), prefs())
      .map((t) => words(t.speech))
      .join(' ');
    expect(all).toContain('Eerste keer. Trek één knie naar je borst.');
    expect(all).not.toMatch(/Één\. Trek één/);
  });

  it('counts a 20 second hold down: ten seconds of silence, "nog tien seconden", ten more, "en loslaten"', () => {
    const [first] = turnsFor(exercise('knie-naar-borst'), prefs());
    const said = (first?.speech ?? []).map((p) => (p.kind === 'text' ? p.text : p.seconds));
    const start = said.indexOf('Ik tel twintig seconden.');
    expect(said.slice(start + 1, start + 5)).toEqual([10, 'Nog tien seconden.', 10, 'En loslaten.']);
  });

  it('starts lying down, with time to get into position', () => {
    const [first] = turnsFor(exercise('knie-naar-borst'), prefs());
    const speech = first?.speech ?? [];
    const setup = speech.findIndex(
      (p) => p.kind === 'text' && p.text === 'Ga op je rug liggen, met je knieën gebogen.',
    );
    expect(setup).toBeGreaterThan(0);
    expect(speech[setup + 1]).toEqual({ kind: 'pause', seconds: 5 });
    expect(words(speech)).toMatch(/^We doen knie naar borst\./);
  });
});

describe('kat-koe and bekkenkanteling', () => {
  it('counts kat-koe aloud up to tien, with a slow kat and koe each time', () => {
    const turns = turnsFor(exercise('kat-koe'), prefs());
    const all = turns.map((t) => words(t.speech)).join(' ');
    for (const n of ['Één', 'Twee', 'Vijf', 'Zes', 'Tien']) expect(all).toContain(`${n}. Maak je rug rond.`);
    expect(all.match(/Maak je rug rond\./g)).toHaveLength(10);
    expect(all.match(/En hol je rug\./g)).toHaveLength(10);
    const movements = turns.flatMap((t) => t.speech.filter((p) => p.kind === 'pause' && p.seconds === 3));
    expect(movements).toHaveLength(20);
  });

  it('tilts the pelvis back and forth ten times', () => {
    const all = turnsFor(exercise('bekkenkanteling'), prefs())
      .map((t) => words(t.speech))
      .join(' ');
    expect(all.match(/Kantel je bekken naar achteren\. En kantel het naar voren\./g)).toHaveLength(10);
    expect(all).toContain('Tien. Kantel je bekken naar achteren.');
  });
});

describe('brug', () => {
  it('does 10 lifts of 5 seconds, split into turns that stay under 90 seconds', () => {
    const turns = turnsFor(exercise('brug'), prefs());
    expect(turns.length).toBeGreaterThan(1);
    const holds = turns.flatMap((t) => holdsIn(t.speech)).map(sum);
    expect(holds).toEqual(Array(10).fill(5));
    expect(
      turns
        .map((t) => words(t.speech))
        .join(' ')
        .match(/Laat het langzaam zakken\./g),
    ).toHaveLength(10);
  });

  it('says "nog vijf seconden" in the middle of a 10 second lift', () => {
    const [first] = turnsFor(exercise('brug'), prefs(10));
    expect(first?.holdSeconds).toBe(10);
    expect(words(first?.speech ?? [])).toContain('Nog vijf seconden. Laat het langzaam zakken.');
  });

  it('counts lifts as "Eerste keer", so no count is heard as part of the step', () => {
    const all = turnsFor(exercise('brug'), prefs())
      .map((t) => words(t.speech))
      .join(' ');
    expect(all).toContain('Eerste keer. Til je bekken omhoog.');
    expect(all).toContain('Tiende keer.');
  });
});

describe('hamstrings', () => {
  it('holds once per leg', () => {
    const turns = turnsFor(exercise('hamstrings'), prefs(5));
    expect(turns.map((t) => t.side)).toEqual(['links', 'rechts']);
    expect(turns.map((t) => holdsIn(t.speech).map(sum))).toEqual([[25], [25]]);
  });
});

describe('progression', () => {
  it('builds up slowly: 2 seconds more after 3 sessions, 6 after 9, never past the article range', () => {
    const knee = exercise('knie-naar-borst');
    expect(turnsFor(knee, prefs(), { sessionsDone: 2 })[0]?.holdSeconds).toBe(20);
    expect(turnsFor(knee, prefs(), { sessionsDone: 3 })[0]?.holdSeconds).toBe(22);
    expect(turnsFor(knee, prefs(), { sessionsDone: 6 })[0]?.holdSeconds).toBe(24);
    expect(turnsFor(knee, prefs(), { sessionsDone: 40 })[0]?.holdSeconds).toBe(26);
    expect(turnsFor(knee, prefs(10), { sessionsDone: 40 })[0]?.holdSeconds).toBe(30);
    expect(words(turnsFor(knee, prefs(), { sessionsDone: 3 })[0]?.speech ?? [])).toContain(
      'we bouwen langzaam op',
    );
    expect(words(turnsFor(knee, prefs(), { sessionsDone: 0 })[0]?.speech ?? [])).not.toContain(
      'bouwen langzaam op',
    );
  });

  it('keeps a hold within the range whatever the stored extra says', () => {
    expect(turnsFor(exercise('brug'), prefs(99))[0]?.holdSeconds).toBe(10);
    expect(turnsFor(exercise('brug'), prefs(-7))[0]?.holdSeconds).toBe(5);
  });
});

describe('safety notice', () => {
  it('says never to force an exercise and to stop when it hurts', () => {
    expect(words(safetyNotice())).toBe('Forceer nooit een oefening, en stop als het pijn doet.');
    expect(pauseSeconds(safetyNotice())).toBe(0);
  });
});
