import type { RequestEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import * as coach from '../../lambda/src/coach/index.js';
import { article, exerciseById } from '../../lambda/src/content/article.js';
import { tipSentences } from '../../lambda/src/knowledge/tips.js';
import {
  aplDocumentVersion,
  aplVersionAtLeast,
  doctorScreen,
  type ExerciseScreenData,
  exerciseScreen,
  screenText,
  supportsApl,
  textScreen,
  tipScreen,
} from '../../lambda/src/screen/apl.js';
import { screenContentSchema } from '../../lambda/src/screen/content-schema.js';
import { say } from '../../lambda/src/speech/ssml.js';
import { defined } from '../../tools/defined.js';
import { intentRequest, screenInterfaces, simulatorContext } from '../../tools/simulator/envelope.js';

const prefs: coach.CoachPreferences = { holdExtraSeconds: 0, speechRate: 'normal' };
const turnsOf = (id: string) => coach.turnsFor(defined(exerciseById(id)), prefs);
const data = (id: string, index: number): ExerciseScreenData => {
  const turn = defined(turnsOf(id)[index]);
  return exerciseScreen(turn, defined(exerciseById(id))).datasources.payload.exercise as ExerciseScreenData;
};
/** How many holds the turn speaks: each starts with "Ik tel ... seconden." or the exercise's "again" line. */
const holdsSaid = (id: string, index: number) => {
  const again = coach.planFor(defined(exerciseById(id))).again;
  return defined(turnsOf(id)[index]).speech.filter(
    (p) => p.kind === 'text' && (/^Ik tel .* seconden\.$/.test(p.text) || p.text === again),
  ).length;
};

describe('which devices get a screen', () => {
  const withApl = (apl: unknown) =>
    intentRequest(
      simulatorContext({ supportedInterfaces: { 'Alexa.Presentation.APL': apl } as never }),
      'RoutineIntent',
    );

  it('only devices whose APL runtime runs the documents’ version', () => {
    expect(aplDocumentVersion).toBe('2023.3');
    expect(supportsApl(withApl({ runtime: { maxVersion: '2023.3' } }))).toBe(true);
    expect(supportsApl(withApl({ runtime: { maxVersion: '2024.2' } }))).toBe(true);
    expect(supportsApl(withApl({ runtime: { maxVersion: '2023.2' } }))).toBe(false);
    expect(supportsApl(withApl({ runtime: { maxVersion: '1.9' } }))).toBe(false);
    expect(supportsApl(withApl({ runtime: {} }))).toBe(false);
    expect(supportsApl(withApl({}))).toBe(false);
    expect(supportsApl(withApl({ runtime: { maxVersion: 'nieuw' } }))).toBe(false);
  });

  it('compares versions part by part, as numbers', () => {
    expect(aplVersionAtLeast('2023.10', '2023.3')).toBe(true);
    expect(aplVersionAtLeast('1.10', '1.9')).toBe(true);
    expect(aplVersionAtLeast('2023', '2023.0')).toBe(true);
    expect(aplVersionAtLeast('1.9', '2022.1')).toBe(false);
  });

  it('both documents declare that one version', () => {
    for (const screen of [tipScreen(defined(article.tips[0])), textScreen('Titel', ['Tekst.'])]) {
      expect(screen.document.version).toBe(aplDocumentVersion);
    }
  });

  it('only devices that declare Alexa.Presentation.APL', () => {
    const speaker = intentRequest(simulatorContext(), 'RoutineIntent');
    const show = intentRequest(simulatorContext({ supportedInterfaces: screenInterfaces }), 'RoutineIntent');
    expect(supportsApl(speaker)).toBe(false);
    expect(supportsApl(show)).toBe(true);
    expect(supportsApl({ ...speaker, context: undefined } as unknown as RequestEnvelope)).toBe(false);
  });
});

describe('the exercise screen', () => {
  it('shows the exercise, "deel 1 van n", the leg and the hold of knie naar borst', () => {
    const turn = defined(turnsOf('knie-naar-borst')[0]);
    const screen = data('knie-naar-borst', 0);
    expect(screen.name).toBe(defined(exerciseById('knie-naar-borst')).title);
    expect(screen.partLabel).toBe(turn.partLabel);
    expect(screen.partLabel).toMatch(/^deel 1 van \d+$/);
    expect(screen.side).toBe('Linkerbeen');
    expect(screen.holdSeconds).toBe(20);
    expect(screen.holdLabel).toContain('20');
    expect(screen.steps).toContain('Trek één knie naar je borst.');
  });

  it('shows the right leg on the turns for the right leg', () => {
    const turns = turnsOf('knie-naar-borst');
    const right = turns.findIndex((t) => t.side === 'rechts');
    expect(data('knie-naar-borst', right).side).toBe('Rechterbeen');
  });

  it('counts down once per spoken hold, as long as the hold, one after the other', () => {
    for (const id of ['knie-naar-borst', 'brug', 'hamstrings']) {
      coach.turnsFor(defined(exerciseById(id)), prefs).forEach((turn, index) => {
        const { holds } = data(id, index);
        expect(holds.length, `${id} turn ${index}`).toBe(holdsSaid(id, index));
        expect(holds.length).toBeGreaterThan(0);
        for (const [i, hold] of holds.entries()) {
          expect(hold.seconds).toBe(turn.holdSeconds);
          const previous = holds[i - 1];
          if (previous)
            expect(hold.startMs).toBeGreaterThanOrEqual(previous.startMs + previous.seconds * 1000);
        }
      });
    }
  });

  it('counts down exactly the silences Alexa plays: the hold silences add up to the countdowns', () => {
    // knie naar borst: one 20 s hold per repetition; 20 s is played as 10 s + 10 s of silence.
    const turn = defined(turnsOf('knie-naar-borst')[0]);
    const screen = data('knie-naar-borst', 0);
    const total = screen.holds.reduce((sum, h) => sum + h.seconds, 0);
    const silences = turn.speech.filter((p) => p.kind === 'pause').reduce((s, p) => s + p.seconds, 0);
    // What is left is the setup pause and the rests between repetitions, never a hold.
    expect(silences - total).toBeLessThan(defined(turn.holdSeconds));
    expect(total).toBe(holdsSaid('knie-naar-borst', 0) * 20);
  });

  it('starts the countdown later when a lead-in is spoken first', () => {
    const turn = defined(turnsOf('brug')[0]);
    const plain = exerciseScreen(turn, defined(exerciseById('brug'))).datasources.payload
      .exercise as ExerciseScreenData;
    const led = exerciseScreen(turn, defined(exerciseById('brug')), [
      say('Forceer nooit een oefening.'),
      ...turn.speech,
    ]).datasources.payload.exercise as ExerciseScreenData;
    expect(defined(led.holds[0]).startMs).toBeGreaterThan(defined(plain.holds[0]).startMs);
  });

  it('has no countdown for exercises without a hold', () => {
    const screen = data('kat-koe', 0);
    expect(screen.holds).toEqual([]);
    expect(screen.holdSeconds).toBe(0);
    expect(screen.side).toBe('');
  });
});

type Node = Record<string, unknown>;
const components = new Set(['Container', 'Text', 'ScrollView', 'Frame', 'Image', 'Sequence']);

/** Every component in the document: each has a known type, and `item`/`items` are not both used. */
function walk(node: Node, found: Node[] = []): Node[] {
  found.push(node);
  expect(components.has(node.type as string), String(node.type)).toBe(true);
  expect('item' in node && 'items' in node).toBe(false);
  const children = [...((node.items as Node[] | undefined) ?? []), ...(node.item ? [node.item as Node] : [])];
  for (const child of children) walk(child, found);
  return found;
}

describe('the APL documents', () => {
  const exercise = exerciseScreen(defined(turnsOf('brug')[0]), defined(exerciseById('brug')));
  const text = textScreen('Titel', ['Een regel']);

  it('are RenderDocument directives with an APL document of the current version', () => {
    for (const directive of [exercise, text]) {
      expect(directive.type).toBe('Alexa.Presentation.APL.RenderDocument');
      expect(directive.token).toMatch(/^rug-coach-/);
      const doc = directive.document as { type: string; version: string; mainTemplate: Node };
      expect(doc.type).toBe('APL');
      expect(doc.version).toMatch(/^202\d\.\d$/);
      expect(doc.mainTemplate.parameters).toEqual(['payload']);
      const items = doc.mainTemplate.items as Node[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) walk(item);
      // Only resources the document defines: no @-references to packages it does not import.
      expect(JSON.stringify(doc)).not.toMatch(/"@/);
    }
  });

  it('binds only to data the builder provides', () => {
    const doc = JSON.stringify(exercise.document);
    const used = new Set([...doc.matchAll(/screen\.(\w+)/g)].map((m) => m[1]));
    const provided = Object.keys(exercise.datasources.payload.exercise as object);
    expect([...used].filter((key) => !provided.includes(defined(key)))).toEqual([]);
    // The countdown Text reads each hold's start and length.
    expect(doc).toContain('data.startMs');
    expect(doc).toContain('data.seconds');
    expect(doc).toContain('elapsedTime');
  });

  it('stays small enough for an Alexa response', () => {
    expect(JSON.stringify(exercise).length).toBeLessThan(12_000);
  });
});

describe('text screens', () => {
  it('show a tip with its number, title and bullets', () => {
    const tip = defined(article.tips[0]);
    const payload = tipScreen(tip).datasources.payload.text as { title: string; lines: string[] };
    expect(payload.title).toContain(String(tip.number));
    expect(payload.title).toBe('Tip 1: Blijf bewegen');
    expect(payload.lines).toEqual(tipSentences(tip));
  });

  it('show the doctor advice sentences without the pauses', () => {
    const payload = doctorScreen([say('Bel je huisarts.'), { kind: 'pause', seconds: 1 }, say('Bel 112.')])
      .datasources.payload.text as { title: string; lines: string[] };
    expect(payload).toEqual({ title: screenText.doctorTitle, lines: ['Bel je huisarts.', 'Bel 112.'] });
  });

  it('has its labels in content/screen.json', () => {
    expect(screenContentSchema.safeParse(screenText).error?.issues ?? []).toEqual([]);
  });
});
