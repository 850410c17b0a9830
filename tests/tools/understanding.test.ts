import { getIntentName, getRequestType, getSlot, getSlotValue } from 'ask-sdk-core';
import type { events } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { Intent } from '../../lambda/src/intents.js';
import {
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  simulatorContext,
  skillDisabledEvent,
} from '../../tools/simulator/envelope.js';
import { declaredSlots, loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';
import { timeIn } from '../../tools/simulator/nlu/time.js';
import { normalize } from '../../tools/simulator/nlu/words.js';

/*
 * The simulator's understanding as a piece of software: that it takes the launch phrases, one-shots,
 * samples, slot values and times the way Alexa does. How well the model understands people is
 * measured elsewhere, on phrasings written apart from it (tests/nlu).
 */

const model = loadInteractionModel();
const understanding = await Understanding.train(model);
const lm = model.interactionModel.languageModel;
const hear = (text: string) => understanding.understand(text);

/** The intent name and the id (or the words, for free-form slots) of each filled slot. */
async function understood(text: string): Promise<[string, Record<string, string | undefined>] | string> {
  const r = await hear(text);
  if (r.kind !== 'intent') return r.kind;
  return [r.name, Object.fromEntries(Object.entries(r.slots).map(([k, s]) => [k, s.id ?? s.value]))];
}

describe('launch phrases', () => {
  it.each([
    'Alexa, open rug coach',
    'alexa open rug coach',
    'Alexa, start Rug Coach.',
    'Alexa, rug coach',
    'Alexa, vraag rug coach',
    'begin rug coach',
    'Alexa, open rug coach alsjeblieft',
    'alexa eh start die rug coach eens',
    'alexa open de skill rug coach',
    'alexa praat met rug coach',
    'alexa ik wil met rug coach praten',
    'alexa mag ik rug coach',
  ])('"%s" opens the skill', async (text) => {
    expect(await hear(text)).toEqual({ kind: 'launch' });
  });

  it('hears nothing in just the wake word', async () => {
    expect(await hear('Alexa')).toEqual({ kind: 'none' });
    expect(await hear('  ')).toEqual({ kind: 'none' });
  });
});

describe('one-shot requests, with and without the connecting word', () => {
  it.each<[string, string, Record<string, string>]>([
    ['Alexa, vraag rug coach naar de brug', Intent.Exercise, { exercise: 'brug' }],
    ['Alexa, vraag rug coach om de brug te doen', Intent.Exercise, { exercise: 'brug' }],
    ['Alexa, vraag rug coach hoe ik de brug doe', Intent.Exercise, { exercise: 'brug' }],
    ['Alexa, vraag eens aan rug coach om een tip', Intent.Tip, {}],
    ['Alexa, vraag rug coach om een tip over tillen', Intent.Tip, { topic: 'tillen' }],
    ['Alexa, vraag rug coach wat chronische rugpijn is', Intent.Info, { infoTopic: 'chronisch' }],
    ['Alexa, vraag rug coach waar rugpijn door komt', Intent.Info, { infoTopic: 'oorzaken' }],
    ['Alexa, vraag rug coach over hernia', Intent.Info, { infoTopic: 'hernia' }],
    ['Alexa, vraag rug coach of ik naar de dokter moet', Intent.Doctor, {}],
    [
      'Alexa, vraag rug coach of ik naar de dokter moet want mijn been tintelt',
      Intent.Doctor,
      { symptom: 'mijn been tintelt' },
    ],
    ['Alexa, zeg tegen rug coach start mijn oefeningen', Intent.Routine, {}],
    ['Alexa, start rug coach en geef me een tip', Intent.Tip, {}],
    ['Alexa, vraag rug coach om verder te gaan', Intent.Resume, {}],
    ['Alexa, vraag rug coach waar ik gebleven was', Intent.Resume, {}],
    ['Alexa, vraag rug coach om me elke dag om acht uur te herinneren', Intent.Reminder, { time: '08:00' }],
  ])('"%s" goes straight to %s', async (text, intent, slots) => {
    expect(await understood(text)).toEqual([intent, slots]);
  });
});

describe('exact samples come first', () => {
  it.each<[string, string]>([
    ['volgende', Intent.Next],
    ['ga maar door', Intent.Next],
    ['ga verder', Intent.Resume],
    ['opnieuw', Intent.StartOver],
    ['herhaal', Intent.Repeat],
    ['pauze', Intent.Pause],
    ['vorige', Intent.Previous],
    ['sla deze over', Intent.Skip],
    ['ik ben klaar voor vandaag', Intent.DoneForToday],
    ['stop', Intent.Stop],
    ['ja', Intent.Yes],
    ['nee', Intent.No],
    ['weet ik niet', Intent.DontKnow],
    ['Geen idee!', Intent.DontKnow],
    ['het doet pijn', Intent.Symptom],
    ['langer vasthouden', Intent.HoldLonger],
    ['praat langzamer', Intent.SpeakSlower],
    ['wis mijn gegevens', Intent.DeleteData],
  ])('"%s" is %s', async (text, intent) => {
    expect(await understood(text)).toEqual([intent, {}]);
  });

  it('answers every sample of the model with its own intent (a check of the simulator, not of understanding)', async () => {
    const fillers: Record<string, string> = {
      'AMAZON.SearchQuery': 'mijn been tintelt',
      'AMAZON.TIME': 'acht uur',
    };
    const exampleOf = (type: string) =>
      fillers[type] ?? lm.types.find((t) => t.name === type)?.values[0]?.name.value ?? '';
    const wrong: string[] = [];
    for (const intent of lm.intents) {
      const types = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
      for (const sample of intent.samples.filter((s) => !s.includes('{'))) {
        const r = await hear(sample);
        if (r.kind !== 'intent' || r.name !== intent.name) wrong.push(`${intent.name}: "${sample}"`);
      }
      for (const sample of intent.samples
        .filter((s) => /\{(exercise|topic|infoTopic)\}/.test(s))
        .slice(0, 40)) {
        const text = sample.replace(/\{(\w+)\}/g, (_, slot: string) => exampleOf(types.get(slot) ?? ''));
        const r = await hear(text);
        if (r.kind !== 'intent' || r.name !== intent.name) wrong.push(`${intent.name}: "${text}"`);
      }
    }
    expect(wrong).toEqual([]);
    // Every sample of the model, one by one: about 25 s here, more under `npm run coverage`.
  }, 120_000);
});

describe('slot values, as Alexa resolves them', () => {
  it.each<[string, string]>([
    ['doe de brug', 'brug'],
    ['start het bruggetje', 'brug'],
    ['ik wil kat koe doen', 'kat-koe'],
    ['doe de kat-koe', 'kat-koe'],
    ['knieën naar de borst', 'knie-naar-borst'],
    ['knieen naar de borst', 'knie-naar-borst'],
    ['KNIE NAAR DE BORST!', 'knie-naar-borst'],
    ['begin met bekken kantelen', 'bekkenkanteling'],
    ['start de hamstring stretch', 'hamstrings'],
  ])('"%s" starts the exercise %s, whatever the spelling', async (text, id) => {
    expect(await understood(text)).toEqual([Intent.Exercise, { exercise: id }]);
  });

  it('reports what was said and the canonical name, like Alexa entity resolution', async () => {
    expect(await hear('doe het Bruggetje')).toMatchObject({
      name: Intent.Exercise,
      slots: { exercise: { value: 'het bruggetje', id: 'brug', name: 'brug', matched: true } },
    });
  });

  it('forgives plural and diminutive forms of a value', async () => {
    expect(await understood('tip over matrassen')).toEqual([Intent.Tip, { topic: 'matras' }]);
  });

  it('keeps an unknown value as said, unresolved (ER_SUCCESS_NO_MATCH)', async () => {
    expect(await hear('tip over vissen')).toMatchObject({
      kind: 'intent',
      name: Intent.Tip,
      slots: { topic: { value: 'vissen', matched: false, type: 'TipTopic' } },
    });
    expect(await hear('start de oefening handstand')).toMatchObject({
      name: Intent.Exercise,
      slots: { exercise: { value: 'handstand', matched: false } },
    });
  });

  it('passes the words after the carrier phrase as the free-form slot', async () => {
    expect(await understood('moet ik naar de huisarts omdat ik koorts heb')).toEqual([
      Intent.Doctor,
      { symptom: 'ik koorts heb' },
    ]);
  });

  it('sends a time as Alexa does: "08:00", or a part of the day without one', () => {
    const time = (text: string) => timeIn(normalize(text).split(' '));
    expect(time('om acht uur')).toBe('08:00');
    expect(time('half negen s avonds')).toBe('20:30');
    expect(time('kwart over zeven')).toBe('07:15');
    expect(time('tien voor negen')).toBe('08:50');
    expect(time('om 7 uur s ochtends')).toBe('07:00');
    expect(time('20:15')).toBe('20:15');
    expect(time('s avonds')).toBe('EV');
    expect(time('om een herinnering te zetten')).toBeUndefined();
    // "een" after "uur" is not a minute; "morgen" alone is tomorrow, not the morning.
    expect(time('elke avond om negen uur een berichtje')).toBe('21:00');
    expect(time('vanaf morgen elke dag om half zeven s avonds')).toBe('18:30');
    expect(time('elke morgen om zeven uur')).toBe('07:00');
  });

  it('passes a name the model does not know on unresolved, where the carrier names an exercise', async () => {
    const slot = async (text: string) => {
      const r = await hear(text);
      return r.kind === 'intent' ? [r.name, r.slots.exercise?.matched, r.slots.exercise?.value] : [r.kind];
    };
    expect(await slot('laten we sit ups doen')).toEqual([Intent.Exercise, false, 'sit ups']);
    expect(await slot('ik wil de kindhouding doen')).toEqual([Intent.Exercise, false, 'kindhouding']);
    expect(await slot('ik wil de brug doen')).toEqual([Intent.Exercise, true, 'de brug']);
    // The command first, as in "doe de … met me": the name after "de" is passed on, not a routine started.
    expect(await slot('doe de cobra met me')).toEqual([Intent.Exercise, false, 'cobra']);
    expect((await slot('doe de oefeningen van vandaag met me'))[0]).toBe(Intent.Routine);
    for (const text of ['doe het nog een keer met me', 'doe de volgende met me'])
      expect((await slot(text))[1], text).not.toBe(false);
    expect((await slot('ik wil wel oefenen'))[1]).not.toBe(false);
  });

  it('falls back on what is not about the skill', async () => {
    for (const text of ['zet de radio aan', 'hoe laat is het', 'wat is de hoofdstad van frankrijk']) {
      expect(await understood(text), text).toEqual([Intent.Fallback, {}]);
    }
  });
});

describe('from utterance to request envelope', () => {
  const ctx = simulatorContext({
    skillId: 'amzn1.ask.skill.test',
    userId: 'amzn1.ask.account.TEST',
    sessionId: 'amzn1.echo-api.session.test',
    now: () => new Date('2025-01-02T03:04:05.678Z'),
  });

  it('builds a launch request the SDK reads like Alexa’s', () => {
    const env = launchRequest(ctx);
    expect(getRequestType(env)).toBe('LaunchRequest');
    expect(env.version).toBe('1.0');
    expect(env.session).toMatchObject({ new: true, application: { applicationId: 'amzn1.ask.skill.test' } });
    expect(env.context.System).toMatchObject({
      application: { applicationId: 'amzn1.ask.skill.test' },
      user: { userId: 'amzn1.ask.account.TEST' },
      apiEndpoint: 'https://api.eu.amazonalexa.com',
    });
    expect(env.context.System.apiAccessToken).toEqual(expect.any(String));
    expect(env.request).toMatchObject({ locale: 'nl-NL', timestamp: '2025-01-02T03:04:05Z' });
  });

  it('resolves a custom slot with an authority named after the skill and slot type', async () => {
    const r = await hear('vraag rug coach naar de brug');
    if (r.kind !== 'intent') throw new Error(r.kind);
    const env = intentRequest(ctx, r.name, r.slots, declaredSlots(model, r.name));
    expect(getIntentName(env)).toBe('ExerciseIntent');
    expect(getSlotValue(env, 'exercise')).toBe('brug');
    expect(getSlot(env, 'exercise')?.resolutions?.resolutionsPerAuthority).toEqual([
      {
        authority: 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.ExerciseType',
        status: { code: 'ER_SUCCESS_MATCH' },
        values: [{ value: { name: 'brug', id: 'brug' } }],
      },
    ]);
  });

  it('marks an unknown value ER_SUCCESS_NO_MATCH, and lists a declared but unfilled slot without value', async () => {
    const r = await hear('tip over vissen');
    if (r.kind !== 'intent') throw new Error(r.kind);
    const env = intentRequest({ ...ctx, newSession: false, attributes: { a: 1 } }, r.name, r.slots);
    expect(getSlot(env, 'topic')?.resolutions?.resolutionsPerAuthority?.[0]?.status.code).toBe(
      'ER_SUCCESS_NO_MATCH',
    );
    expect(env.session).toMatchObject({ new: false, attributes: { a: 1 } });

    const plain = intentRequest(ctx, 'TipIntent', {}, declaredSlots(model, 'TipIntent'));
    expect(getSlot(plain, 'topic')).toEqual({ name: 'topic', confirmationStatus: 'NONE' });
    expect(getSlotValue(plain, 'topic')).toBeUndefined();
  });

  it('sends a free-form symptom without resolutions', async () => {
    const r = await hear('moet ik naar de dokter want ik heb koorts');
    if (r.kind !== 'intent') throw new Error(r.kind);
    const env = intentRequest(ctx, r.name, r.slots, declaredSlots(model, r.name));
    expect(getSlotValue(env, 'symptom')).toBe('ik heb koorts');
    expect(getSlot(env, 'symptom')?.resolutions).toBeUndefined();
  });

  it('builds session-ended and skill-disabled requests', () => {
    const ended = sessionEndedRequest(ctx, 'EXCEEDED_MAX_REPROMPTS');
    expect(ended.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });

    const disabled = skillDisabledEvent(ctx);
    expect(getRequestType(disabled)).toBe('AlexaSkillEvent.SkillDisabled');
    expect(disabled.session).toBeUndefined();
    expect(disabled.context.System.user.userId).toBe('amzn1.ask.account.TEST');
    const request = disabled.request as events.skillevents.SkillDisabledRequest & {
      body: { userInformationPersistenceStatus: string };
    };
    expect(request.body.userInformationPersistenceStatus).toBe('NOT_PERSISTED');
  });
});
