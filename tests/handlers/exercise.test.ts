import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { article } from '../../lambda/src/content/article.js';
import { alexaLimits, charactersPerSecond } from '../../lambda/src/speech/limits.js';
import * as text from '../../lambda/src/text/index.js';
import { triageContent } from '../../lambda/src/triage/content.js';
import { defined } from '../../tools/defined.js';
import type { HeardTurn, VoiceSession } from '../../tools/simulator/session.js';
import { spokenExerciseName } from '../support/builders.js';
import { contentPattern } from '../support/matchers.js';
import { type RunningSkill, startSkill } from '../support/skill.js';
import { transcript } from '../support/transcript.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());

const { coachText, fill } = text;
const bridge = spokenExerciseName('brug');
/** The `n`th step of an exercise as the article's content says it (1-based). */
const spokenStep = (id: string, n: number) => defined(text.spoken.exercises[id]?.[n - 1]).say;
const brugStep = (n: number) => spokenStep('brug', n);
const exerciseDone = contentPattern(coachText.navigation.exerciseDone);
/** The first sentence of the pain answer during an exercise: "Stop de oefening." */
const stopTheExercise = `${defined(coachText.navigation.painStop.split('. ')[0])}.`;
/** "De volgende oefening is {name}.", with the name caught. */
const nextExercise = new RegExp(
  contentPattern(coachText.navigation.nextExercise).source.replace('.+?', '([^.]+)'),
);

/** How long Alexa plays a turn: its silences plus its words at Dutch speaking speed. */
function turnSeconds(turn: HeardTurn): number {
  const words = turn.text.replace(/\[[\d.]+s\]/g, '');
  return turn.pauseSeconds + words.length / charactersPerSecond.normal;
}

/** Says "volgende" until the exercise ends; returns the exercise's turns. */
async function followToTheEnd(s: VoiceSession, start: string): Promise<HeardTurn[]> {
  const turns = [await s.say(start)];
  for (let i = 0; i < 40 && !exerciseDone.test(defined(turns.at(-1)).text); i++)
    turns.push(await s.say('volgende'));
  return turns;
}

const exercises: Array<[string, string, number]> = [
  // [one-shot, exercise id, the article's minimum total hold in seconds]
  ['vraag rug coach naar knie naar borst', 'knie-naar-borst', 6 * 20],
  ['vraag rug coach naar de kat koe', 'kat-koe', 0],
  ['vraag rug coach naar de bekkenkanteling', 'bekkenkanteling', 0],
  ['vraag rug coach naar de brug', 'brug', 10 * 5],
  ['vraag rug coach naar de hamstring stretch', 'hamstrings', 2 * 20],
];

describe('each exercise, started in one sentence and followed with "volgende"', () => {
  for (const [oneShot, id, minimumHold] of exercises) {
    it(`${id}: every step spoken, holds of at least the article's time, no turn over 90 s`, async () => {
      const exercise = defined(article.exercises.find((e) => e.id === id));
      const s = skill.session();
      const turns = await followToTheEnd(s, oneShot);
      expect(defined(turns.at(-1))).toSay(coachText.navigation.exerciseDone);
      expect(defined(turns[0])).toSay(text.coachText.safetyNotice);

      const exerciseTurns = turns.slice(0, -1);
      const spoken = exerciseTurns
        .map((t) => t.text)
        .join(' ')
        .toLowerCase();
      for (const step of text.spoken.exercises[exercise.id] ?? []) {
        expect(spoken, step.say).toContain(step.say.toLowerCase());
      }
      expect(text.spoken.exercises[exercise.id]).toHaveLength(exercise.steps.length);
      const holds = exerciseTurns.reduce((sum, t) => sum + t.pauseSeconds, 0);
      expect(holds).toBeGreaterThanOrEqual(minimumHold);
      for (const turn of turns) {
        await expect(turn).toBeAValidAlexaAnswer();
        expect(turn.longestBreak).toBeLessThanOrEqual(alexaLimits.maxBreakSeconds);
        expect(turnSeconds(turn)).toBeLessThanOrEqual(alexaLimits.maxTurnSeconds);
        expect(turn.sessionEnded).toBe(false);
      }
      for (const turn of exerciseTurns) expect(turn).toSay(text.coachText.turn.prompt);
    });
  }

  it('counts the kat-koe repetitions aloud up to ten', async () => {
    const turns = await followToTheEnd(skill.session(), 'vraag rug coach naar de kat koe');
    const spoken = turns.map((t) => t.text).join(' ');
    expect(spoken).toContain(text.capitalized(text.numberWord(10)));
  });

  it('knie naar borst holds each leg: 120 seconds or more over six holds', async () => {
    const turns = await followToTheEnd(skill.session(), 'vraag rug coach naar knie naar borst');
    const spoken = turns.map((t) => t.text).join(' ');
    expect(spoken).toSay(coachText.turn.sides.rechts.first);
    expect(turns.reduce((sum, t) => sum + t.pauseSeconds, 0)).toBeGreaterThanOrEqual(120);
  });
});

describe('a routine of all five exercises', () => {
  it('goes through all five with only "volgende", and ends with praise', async () => {
    const s = skill.session();
    const first = await s.say('vraag rug coach om mijn oefeningen te starten');
    expect(first.intent).toBe('RoutineIntent');
    let last = first;
    const names = new Set<string>();
    for (let i = 0; i < 60 && !contentPattern(coachText.navigation.routineDone).test(last.text); i++) {
      last = await s.say('volgende');
      const match = nextExercise.exec(last.text);
      if (match?.[1]) names.add(match[1]);
    }
    expect(last).toSay(coachText.navigation.routineDone);
    expect(names.size).toBe(4);
  });
});

describe('navigation', () => {
  it('"herhaal" says the same turn again', async () => {
    const [start, again] = await transcript(skill.session())`
      U: vraag rug coach naar de brug
      U: herhaal
      A: ${brugStep(1)}
    `;
    expect(again?.pauseSeconds).toBe(start?.pauseSeconds);
  });

  it('"vorige" goes back a turn, and "opnieuw" starts the exercise again', async () => {
    const [first, , back] = await transcript(skill.session())`
      U: vraag rug coach naar knie naar borst
      U: volgende
      U: vorige
      U: volgende
      U: opnieuw
      A: ${coachText.navigation.restart}
    `;
    expect(back?.pauseSeconds).toBe(first?.pauseSeconds);
  });

  it('"pauze" keeps the place; "ga verder" replays the interrupted turn, in a later session too', async () => {
    const userId = 'amzn1.ask.account.PAUSER';
    const s = skill.session({ userId });
    const [, interrupted, paused] = await transcript(s)`
      U: vraag rug coach naar de brug
      U: volgende
      U: pauze
      A: ${coachText.navigation.pause}
    `;
    expect(paused?.pauseSeconds).toBe(0);
    // The user says nothing: Alexa ends the session after the reprompt; the place is already saved.
    await s.end();

    const [, resumed] = await transcript(skill.session({ userId }))`
      U: open rug coach
      A: ${fill(coachText.navigation.resumeOffer, { name: bridge })}
      U: ja
      A: ${fill(coachText.navigation.resume, { name: bridge })}
    `;
    expect(resumed?.pauseSeconds).toBe(interrupted?.pauseSeconds);
  });

  it('"ga verder" right after "pauze" goes on in the same session', async () => {
    const s = skill.session();
    await s.say('vraag rug coach naar de brug');
    const interrupted = await s.say('volgende');
    await s.say('pauze');
    const resumed = await s.say('ga verder');
    expect(resumed.pauseSeconds).toBe(interrupted.pauseSeconds);
    expect(resumed.sessionEnded).toBe(false);
  });

  it('"stop" during an exercise keeps the place for "ga verder" another day', async () => {
    const userId = 'amzn1.ask.account.STOPPER';
    await transcript(skill.session({ userId }))`
      U: vraag rug coach naar de kat koe
      U: stop
      A: ${text.prompts.stopExercise} (end)
    `;
    await transcript(skill.session({ userId }))`
      U: vraag rug coach om verder te gaan
      A: ${fill(coachText.navigation.resume, { name: spokenExerciseName('kat-koe') })}
    `;
  });

  it('"het doet pijn" stops the exercise and offers the doctor questions', async () => {
    const [, pain] = await transcript(skill.session())`
      U: vraag rug coach naar de brug
      U: het doet pijn
      A: ${coachText.navigation.painStop}
    `;
    expect(pain?.pauseSeconds).toBe(0);
  });
});

describe('help and the unexpected during an exercise', () => {
  it('"help" explains how to go on, and "volgende" still works afterwards', async () => {
    await transcript(skill.session())`
      U: vraag rug coach naar de brug
      U: help
      A: ${text.prompts.exerciseHelp}
      U: volgende
      A: ${text.capitalized(text.numberWord(6))}
    `;
  });

  it('words it does not understand keep the exercise where it is', async () => {
    const s = skill.session();
    await s.say('vraag rug coach naar de kat koe');
    const lost = await s.sendIntent('AMAZON.FallbackIntent');
    expect(lost).toSay(text.prompts.fallback);
    await transcript(s)`
      U: volgende
      A: ${text.capitalized(text.numberWord(6))}
    `;
  });

  it('"volgende" in a new session picks up the saved exercise', async () => {
    const userId = 'amzn1.ask.account.NEXT-LATER';
    await transcript(skill.session({ userId }))`
      U: vraag rug coach naar de brug
      U: stop
      A: (end)
    `;
    await transcript(skill.session({ userId }))`
      U: open rug coach
      U: volgende
      A: ${fill(coachText.navigation.resume, { name: bridge })}
    `;
  });

  it('"volgende" with no exercise saved says how to start one', async () => {
    await transcript(skill.session())`
      U: open rug coach
      U: volgende
      A: ${text.prompts.notInExercise}
    `;
  });

  it('"het doet pijn" outside an exercise goes straight to the red-flag questions, without talk of stopping', async () => {
    await transcript(skill.session())`
      U: open rug coach
      U: het doet pijn
      A: ${defined(triageContent.questions[0]).ask}
      A not: ${stopTheExercise}
    `;
  });
});

describe('preferences', () => {
  it('"langer vasthouden" lengthens the holds within the article\'s 20–30 s, and is remembered', async () => {
    const userId = 'amzn1.ask.account.LONGER';
    const s = skill.session({ userId });
    const before = await s.say('vraag rug coach naar de hamstring stretch');
    await s.say('langer vasthouden');
    await s.say('langer vasthouden');
    const atMax = await s.say('langer vasthouden');
    expect(atMax).toSay(text.fill(coachText.preferences.holdAtMax, { min: 'twintig', max: 'dertig' }));
    const after = await skill.session({ userId }).say('vraag rug coach naar de hamstring stretch');
    expect(after.pauseSeconds - before.pauseSeconds).toBe(10);
  });

  it('"praat langzamer" slows the voice down', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    await s.say('praat langzamer');
    const tip = await s.say('geef me een tip');
    expect(tip.ssml).toMatch(/<prosody rate="\d+%">/);
  });
});
