import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { alexaLimits, charactersPerSecond } from '../../lambda/src/speech/limits.js';
import * as text from '../../lambda/src/text/index.js';
import { triageContent } from '../../lambda/src/triage/content.js';
import { defined } from '../../tools/defined.js';
import type { HeardTurn, VoiceSession } from '../../tools/simulator/session.js';
import { type RunningSkill, startSkill } from '../support/skill.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());

/** How long Alexa plays a turn: its silences plus its words at Dutch speaking speed. */
function turnSeconds(turn: HeardTurn): number {
  const words = turn.text.replace(/\[[\d.]+s\]/g, '');
  return turn.pauseSeconds + words.length / charactersPerSecond.normal;
}

/** Says "volgende" until the exercise ends; returns the exercise's turns. */
async function followToTheEnd(s: VoiceSession, start: string): Promise<HeardTurn[]> {
  const turns = [await s.say(start)];
  for (let i = 0; i < 40 && !defined(turns.at(-1)).text.includes('Goed gedaan'); i++)
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
      expect(defined(turns.at(-1)).text).toContain('Goed gedaan');
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
    expect(spoken).toContain('Tien');
  });

  it('knie naar borst holds each leg: 120 seconds or more over six holds', async () => {
    const turns = await followToTheEnd(skill.session(), 'vraag rug coach naar knie naar borst');
    const spoken = turns.map((t) => t.text).join(' ');
    expect(spoken).toContain('andere been');
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
    for (let i = 0; i < 60 && !last.text.includes('alle oefeningen gedaan'); i++) {
      last = await s.say('volgende');
      const match = /De volgende oefening is ([^.]+)\./.exec(last.text);
      if (match?.[1]) names.add(match[1]);
    }
    expect(last.text).toContain('Je hebt alle oefeningen gedaan');
    expect(names.size).toBe(4);
  });
});

describe('navigation', () => {
  it('"herhaal" says the same turn again', async () => {
    const s = skill.session();
    const start = await s.say('vraag rug coach naar de brug');
    const again = await s.say('herhaal');
    expect(again.pauseSeconds).toBe(start.pauseSeconds);
    expect(again.text).toContain('Til je bekken omhoog');
  });

  it('"vorige" goes back a turn, and "opnieuw" starts the exercise again', async () => {
    const s = skill.session();
    const first = await s.say('vraag rug coach naar knie naar borst');
    await s.say('volgende');
    const back = await s.say('vorige');
    expect(back.pauseSeconds).toBe(first.pauseSeconds);
    await s.say('volgende');
    const restart = await s.say('opnieuw');
    expect(restart.text).toContain('opnieuw');
  });

  it('"pauze" keeps the place; "ga verder" replays the interrupted turn, in a later session too', async () => {
    const userId = 'amzn1.ask.account.PAUSER';
    const s = skill.session({ userId });
    await s.say('vraag rug coach naar de brug');
    const interrupted = await s.say('volgende');
    const paused = await s.say('pauze');
    expect(paused.text).toContain('ga verder');
    expect(paused.pauseSeconds).toBe(0);
    // The user says nothing: Alexa ends the session after the reprompt; the place is already saved.
    await s.end();

    const later = skill.session({ userId });
    const welcome = await later.say('open rug coach');
    expect(welcome.text).toContain('Vorige keer was je bij de brug');
    const resumed = await later.say('ja');
    expect(resumed.pauseSeconds).toBe(interrupted.pauseSeconds);
    expect(resumed.text).toContain('Je was bij de brug.');
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
    const s = skill.session({ userId });
    await s.say('vraag rug coach naar de kat koe');
    const stop = await s.say('stop');
    expect(stop.sessionEnded).toBe(true);
    const resumed = await skill.session({ userId }).say('vraag rug coach om verder te gaan');
    expect(resumed.text).toContain('kat-koe');
  });

  it('"het doet pijn" stops the exercise and offers the doctor questions', async () => {
    const s = skill.session();
    await s.say('vraag rug coach naar de brug');
    const pain = await s.say('het doet pijn');
    expect(pain.text).toContain('Forceer nooit');
    expect(pain.text).toContain('huisarts');
    expect(pain.pauseSeconds).toBe(0);
    expect(pain.sessionEnded).toBe(false);
  });
});

describe('help and the unexpected during an exercise', () => {
  it('"help" explains how to go on, and "volgende" still works afterwards', async () => {
    const s = skill.session();
    await s.say('vraag rug coach naar de brug');
    const help = await s.say('help');
    expect(help.text).toContain('volgende, herhaal, vorige');
    expect(help.sessionEnded).toBe(false);
    const next = await s.say('volgende');
    expect(next.text).toContain('Zes');
  });

  it('words it does not understand keep the exercise where it is', async () => {
    const s = skill.session();
    await s.say('vraag rug coach naar de kat koe');
    const lost = await s.sendIntent('AMAZON.FallbackIntent');
    expect(lost.text).toContain('niet begrepen');
    const next = await s.say('volgende');
    expect(next.text).toContain('Zes');
  });

  it('"volgende" in a new session picks up the saved exercise', async () => {
    const userId = 'amzn1.ask.account.NEXT-LATER';
    const first = skill.session({ userId });
    await first.say('vraag rug coach naar de brug');
    await first.say('stop');
    const later = skill.session({ userId });
    await later.say('open rug coach');
    const next = await later.say('volgende');
    expect(next.text).toContain('Je was bij de brug.');
  });

  it('"volgende" with no exercise saved says how to start one', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    const next = await s.say('volgende');
    expect(next.text).toContain('start mijn oefeningen');
  });

  it('"het doet pijn" outside an exercise goes straight to the red-flag questions, without talk of stopping', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    const pain = await s.say('het doet pijn');
    expect(pain.text).not.toContain('Stop de oefening');
    expect(pain.text).toContain(defined(triageContent.questions[0]).ask);
    expect(pain.sessionEnded).toBe(false);
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
    expect(atMax.text).toContain('dus langer dan dertig seconden maak ik het niet');
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
