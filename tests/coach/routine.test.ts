import { describe, expect, it } from 'vitest';
import {
  type CoachPreferences,
  currentMove,
  currentTurn,
  nextMove,
  painStop,
  pauseSpeech,
  previousMove,
  type RoutineMove,
  type RoutinePosition,
  restartMove,
  resumeMove,
  resumeOffer,
  routineFor,
  routineOrder,
  suggestExercise,
  turnsFor,
} from '../../lambda/src/coach/index.js';
import { article, exerciseById } from '../../lambda/src/content/article.js';
import { capitalized, ordinalWord } from '../../lambda/src/text/index.js';
import { words } from './speech-helpers.js';

const prefs: CoachPreferences = { holdExtraSeconds: 0, speechRate: 'normal' };

function turnCount(id: string): number {
  const e = exerciseById(id);
  if (!e) throw new Error(id);
  return turnsFor(e, prefs).length;
}

/** Says "volgende" until the coach is done; returns what was heard at each step. */
function walk(start: RoutinePosition): { heard: string[]; end: string } {
  let step: RoutineMove = currentMove(start, prefs);
  const heard: string[] = [];
  for (let guard = 0; guard < 200; guard++) {
    if (step.done) return { heard, end: words(step.speech) };
    heard.push(words(step.speech));
    step = nextMove(step.position, prefs);
  }
  throw new Error('the routine never ended');
}

describe('a routine', () => {
  it('starts gently with knie naar borst and holds all five exercises', () => {
    const position = routineFor('routine');
    expect(position).toEqual({
      exerciseIds: [...routineOrder],
      exerciseIndex: 0,
      turnIndex: 0,
      kind: 'routine',
    });
    expect(routineOrder[0]).toBe('knie-naar-borst');
    expect([...routineOrder].sort()).toEqual(article.exercises.map((e) => e.id).sort());
  });

  it('reaches the end by saying "volgende", every turn of every exercise on the way', () => {
    const { heard, end } = walk(routineFor('routine'));
    expect(heard).toHaveLength(routineOrder.reduce((n, id) => n + turnCount(id), 0));
    expect(end).toBe('Je hebt alle oefeningen gedaan. Goed gedaan!');
    expect(heard.filter((h) => h.startsWith('Goed gedaan. De volgende oefening is'))).toHaveLength(4);
    expect(
      heard.some((h) => h.startsWith('Goed gedaan. De volgende oefening is de brug. We doen de brug.')),
    ).toBe(true);
  });

  it('knows the last turn of the routine', () => {
    const last: RoutinePosition = {
      ...routineFor('routine'),
      exerciseIndex: routineOrder.length - 1,
      turnIndex: turnCount('hamstrings') - 1,
    };
    expect(currentTurn(last, prefs)?.isLastOfRoutine).toBe(true);
    expect(
      currentTurn({ ...last, exerciseIndex: 0, turnIndex: turnCount('knie-naar-borst') - 1 }, prefs),
    ).toMatchObject({ isLastOfExercise: true, isLastOfRoutine: false });
  });

  it('can start at a named exercise', () => {
    expect(routineFor('routine', 'brug').exerciseIndex).toBe(routineOrder.indexOf('brug'));
  });

  it('skips an exercise id the article no longer has', () => {
    const stale: RoutinePosition = {
      exerciseIds: ['kat-koe', 'verdwenen', 'brug'],
      exerciseIndex: 0,
      turnIndex: 1,
      kind: 'routine',
    };
    const step = nextMove(stale, prefs);
    expect(step.done).toBe(false);
    if (!step.done) expect(step.position.exerciseIndex).toBe(2);
  });
});

describe('one exercise', () => {
  it('"vraag rug coach naar de brug": only the brug, then praise for the brug', () => {
    const { heard, end } = walk(routineFor('single', 'brug'));
    expect(heard[0]).toMatch(/^We doen de brug\./);
    expect(heard).toHaveLength(turnCount('brug'));
    expect(end).toBe('Goed gedaan. Je bent klaar met de brug.');
  });

  it('"een oefening": suggests one of the article exercises, different ones for different seeds', () => {
    const ids = article.exercises.map((e) => e.id);
    expect(ids).toContain(suggestExercise());
    const picks = new Set([0, 1, 2, 3, 4].map((seed) => suggestExercise(seed)));
    expect(picks.size).toBe(5);
    expect(ids).toContain(suggestExercise(-17.5));
    expect(routineFor('single').exerciseIds).toEqual([suggestExercise()]);
  });
});

describe('moving around', () => {
  const start = routineFor('routine');

  it('keeps fields it does not know, such as when the position was saved', () => {
    const saved = { ...start, updatedAt: '2025-01-01T00:00:00.000Z' };
    const step = nextMove(saved, prefs);
    expect(step.done).toBe(false);
    if (!step.done) expect(step.position.updatedAt).toBe(saved.updatedAt);
  });

  it('"vorige" goes back one turn, and into the previous exercise from its first turn', () => {
    const second = { ...start, turnIndex: 1 };
    const back = previousMove(second, prefs);
    expect(back.done || back.position).toMatchObject({ exerciseIndex: 0, turnIndex: 0 });
    const intoPrevious = previousMove({ ...start, exerciseIndex: 1 }, prefs);
    expect(intoPrevious.done || intoPrevious.position).toMatchObject({
      exerciseIndex: 0,
      turnIndex: turnCount('knie-naar-borst') - 1,
    });
  });

  it('"vorige" at the very first turn stays there and says so', () => {
    const step = previousMove(start, prefs);
    expect(step.done || step.position).toMatchObject({ exerciseIndex: 0, turnIndex: 0 });
    expect(words(step.speech)).toMatch(/^Dit is het begin van de oefening\. We doen knie naar borst\./);
  });

  it('"opnieuw" starts the current exercise again from its first turn', () => {
    const step = restartMove({ ...start, exerciseIndex: 3, turnIndex: 1 }, prefs);
    expect(step.done || step.position).toMatchObject({ exerciseIndex: 3, turnIndex: 0 });
    expect(words(step.speech)).toMatch(/^We beginnen opnieuw\. We doen de brug\./);
  });

  it('"herhaal" says the same turn again', () => {
    const position = { ...start, exerciseIndex: 2, turnIndex: 1 };
    expect(currentMove(position, prefs)).toEqual(currentMove(position, prefs));
    expect(currentTurn(position, prefs)?.partLabel).toBe('deel 2 van 2');
  });

  it('a turn index past the end, after a longer hold made fewer turns, means the last turn', () => {
    const turn = currentTurn({ ...start, exerciseIndex: 0, turnIndex: 99 }, prefs);
    expect(turn?.isLastOfExercise).toBe(true);
  });
});

describe('pause, resume and pain', () => {
  const position: RoutinePosition = { ...routineFor('routine'), exerciseIndex: 3, turnIndex: 1 };

  it('"pauze" says the place is kept and how to go on', () => {
    expect(words(pauseSpeech().speech)).toContain("Zeg 'ga verder'");
    expect(words(pauseSpeech().speech)).toMatch(/^Ik heb bijgehouden waar je was\./);
  });

  it('"ga verder" replays the saved turn, saying where the user was', () => {
    const step = resumeMove(position, prefs);
    expect(step.done).toBe(false);
    const again = currentMove(position, prefs);
    expect(words(step.speech)).toBe(`Je was bij de brug. ${words(again.speech)}`);
  });

  it('offers to resume at launch, naming the exercise', () => {
    expect(words(resumeOffer(position)?.speech ?? [])).toBe(
      'Vorige keer was je bij de brug. Zullen we daar verdergaan?',
    );
    expect(resumeOffer({ ...position, exerciseIds: ['weg'], exerciseIndex: 0 })).toBeUndefined();
  });

  it('"het doet pijn" stops, says never to force, and offers the doctor questions', () => {
    const { speech, reprompt } = painStop();
    expect(words(speech)).toMatch(/^Stop de oefening\. Forceer nooit/);
    expect(words(speech)).toContain('huisarts');
    expect(words(reprompt)).toContain('Bij twijfel bel je je huisarts.');
  });
});

describe('"ga verder" after the turns were laid out differently', () => {
  const brug = routineFor('single', 'brug');
  const fresh = { sessionsDone: 0 };
  const later = { sessionsDone: 9 };

  it('goes on with the repetition the user had not done, not one already done', () => {
    // Saved after "volgende" past the first turn with fresh holds; by the next day, holds are longer.
    const second = nextMove(brug, prefs, fresh);
    if (second.done) throw new Error('the brug has more than one turn');
    const done = second.turn.repetitionsBefore;
    expect(done).toBeGreaterThan(0);
    const resumed = resumeMove(second.position, prefs, later);
    if (resumed.done) throw new Error('nothing to resume');
    expect(resumed.turn.repetitionsBefore).toBe(done);
    expect(words(resumed.speech)).toContain(`${capitalized(ordinalWord(done + 1))} keer.`);
    expect(words(resumed.speech)).not.toContain(`${capitalized(ordinalWord(done))} keer.`);
  });

  it('moves on from there with "volgende" until the end, saying every later repetition once', () => {
    const second = nextMove(brug, prefs, fresh);
    if (second.done) throw new Error('the brug has more than one turn');
    const heard: string[] = [];
    let step = resumeMove(second.position, prefs, later);
    while (!step.done) {
      heard.push(words(step.speech));
      step = nextMove(step.position, prefs, later);
    }
    const counts = heard.join(' ').match(/\p{Lu}\p{Ll}+ keer\./gu) ?? [];
    const done = second.turn.repetitionsBefore;
    expect(counts).toEqual(
      Array.from({ length: 10 - done }, (_, i) => `${capitalized(ordinalWord(done + i + 1))} keer.`),
    );
  });
});
