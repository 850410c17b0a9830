import { getIntentName, getRequestType, getSlot, getSlotValue } from 'ask-sdk-core';
import type { events } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import {
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  simulatorContext,
  skillDisabledEvent,
} from '../../tools/simulator/envelope.js';
import { declaredSlots, loadInteractionModel, resolveUtterance } from '../../tools/simulator/resolve.js';

const model = loadInteractionModel();
const lm = model.interactionModel.languageModel;
const hear = (text: string) => resolveUtterance(model, text);

/** The intent name and the id (or the words, for free-form slots) of each filled slot. */
function understood(text: string): [string, Record<string, string | undefined>] | string {
  const r = hear(text);
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
  ])('"%s" opens the skill', (text) => {
    expect(hear(text)).toEqual({ kind: 'launch' });
  });

  it('hears nothing in just the wake word', () => {
    expect(hear('Alexa')).toEqual({ kind: 'none' });
    expect(hear('  ')).toEqual({ kind: 'none' });
  });
});

describe('one-shot requests', () => {
  it.each<[string, string, Record<string, string>]>([
    ['Alexa, vraag rug coach naar de brug', 'ExerciseIntent', { exercise: 'brug' }],
    ['Alexa, vraag rug coach naar een oefening', 'ExerciseIntent', {}],
    ['Alexa, vraag rug coach om een tip', 'TipIntent', {}],
    ['Alexa, vraag rug coach om een tip over tillen', 'TipIntent', { topic: 'tillen' }],
    ['Alexa, vraag rug coach wat chronische rugpijn is', 'InfoIntent', { infoTopic: 'chronisch' }],
    ['Alexa, vraag rug coach waar rugpijn door komt', 'InfoIntent', { infoTopic: 'oorzaken' }],
    ['Alexa, vraag rug coach of ik mag bewegen met rugpijn', 'InfoIntent', { infoTopic: 'bewegen' }],
    ['Alexa, vraag rug coach over hernia', 'InfoIntent', { infoTopic: 'hernia' }],
    ['Alexa, vraag rug coach of ik naar de dokter moet', 'DoctorIntent', {}],
    [
      'Alexa, vraag rug coach of ik naar de dokter moet want mijn been tintelt',
      'DoctorIntent',
      { symptom: 'mijn been tintelt' },
    ],
    ['Alexa, zeg tegen rug coach start mijn oefeningen', 'RoutineIntent', {}],
    ['Alexa, start rug coach en geef me een tip', 'TipIntent', {}],
    ['Alexa, vraag rug coach hoe gaat het met mijn oefeningen', 'ProgressIntent', {}],
  ])('"%s" goes straight to %s', (text, intent, slots) => {
    expect(understood(text)).toEqual([intent, slots]);
  });
});

describe('in-session utterances', () => {
  it.each<[string, string]>([
    ['volgende', 'AMAZON.NextIntent'],
    ['klaar', 'AMAZON.NextIntent'],
    ['ga verder', 'AMAZON.ResumeIntent'],
    ['hervat', 'AMAZON.ResumeIntent'],
    ['opnieuw', 'AMAZON.StartOverIntent'],
    ['herhaal', 'AMAZON.RepeatIntent'],
    ['pauze', 'AMAZON.PauseIntent'],
    ['vorige', 'AMAZON.PreviousIntent'],
    ['stop', 'AMAZON.StopIntent'],
    ['ja', 'AMAZON.YesIntent'],
    ['nee', 'AMAZON.NoIntent'],
    ['weet ik niet', 'DontKnowIntent'],
    ['Geen idee!', 'DontKnowIntent'],
    ['het doet pijn', 'PainIntent'],
    ['au', 'PainIntent'],
    ['langer vasthouden', 'HoldLongerIntent'],
    ['korter', 'HoldShorterIntent'],
    ['praat langzamer', 'SpeakSlowerIntent'],
    ['praat normaal', 'SpeakNormalIntent'],
    ['wis mijn gegevens', 'DeleteDataIntent'],
    ['mijn voortgang', 'ProgressIntent'],
  ])('"%s" is %s', (text, intent) => {
    expect(understood(text)).toEqual([intent, {}]);
  });

  it('prefers a whole sample over a slot sample: "start opnieuw" is not an exercise called "opnieuw"', () => {
    expect(understood('start opnieuw')).toEqual(['AMAZON.StartOverIntent', {}]);
    expect(understood('begin met de routine')).toEqual(['RoutineIntent', {}]);
    expect(understood('naar de dokter')).toEqual(['DoctorIntent', {}]);
  });
});

describe('slot values', () => {
  it.each<[string, string]>([
    ['doe de brug', 'brug'],
    ['start het bruggetje', 'brug'],
    ['ik wil kat koe doen', 'kat-koe'],
    ['doe de kat-koe', 'kat-koe'],
    ['knieën naar de borst', 'knie-naar-borst'],
    ['knieen naar de borst', 'knie-naar-borst'],
    ['KNIE NAAR DE BORST!', 'knie-naar-borst'],
    ['begin met bekken kantelen', 'bekkenkanteling'],
    ['start hamstring', 'hamstrings'],
    ['start de achterkant bovenbeen stretch', 'hamstrings'],
  ])('"%s" starts the exercise %s, whatever the spelling', (text, id) => {
    expect(understood(text)).toEqual(['ExerciseIntent', { exercise: id }]);
  });

  it('reports what was said and the canonical name, like Alexa entity resolution', () => {
    const r = hear('doe het Bruggetje');
    expect(r).toMatchObject({
      name: 'ExerciseIntent',
      slots: { exercise: { value: 'het bruggetje', id: 'brug', name: 'brug', matched: true } },
    });
  });

  it('keeps an unknown value as said, unresolved (ER_SUCCESS_NO_MATCH)', () => {
    expect(hear('tip over vissen')).toEqual({
      kind: 'intent',
      name: 'TipIntent',
      slots: { topic: { value: 'vissen', matched: false, type: 'TipTopic' } },
    });
    expect(hear('doe de handstand')).toMatchObject({
      name: 'ExerciseIntent',
      slots: { exercise: { value: 'handstand', matched: false } },
    });
  });

  it('takes any words as the symptom of a doctor question', () => {
    expect(understood('moet ik naar de huisarts omdat ik koorts heb')).toEqual([
      'DoctorIntent',
      { symptom: 'ik koorts heb' },
    ]);
    expect(understood('ik heb tintelingen in mijn voet moet ik naar de dokter')).toEqual([
      'DoctorIntent',
      { symptom: 'tintelingen in mijn voet' },
    ]);
  });

  it('falls back on what it cannot place, instead of guessing a slot', () => {
    expect(understood('wat is de hoofdstad van frankrijk')).toEqual([
      'InfoIntent',
      { infoTopic: 'hoofdstad van frankrijk' },
    ]);
    expect(understood('de kat van de buren is ziek')).toEqual(['AMAZON.FallbackIntent', {}]);
    expect(understood('blablabla')).toEqual(['AMAZON.FallbackIntent', {}]);
    expect(understood('hoe laat is het')).toEqual(['AMAZON.FallbackIntent', {}]);
  });
});

describe('every info answer and every tip by two phrasings', () => {
  const info: Record<string, [string, string]> = {
    'wat-is': ['wat is rugpijn', 'vertel me over rugpijn'],
    soorten: ['welke soorten rugpijn zijn er', 'wat zijn de soorten rugpijn'],
    acuut: ['wat is acute rugpijn', 'vertel me iets over acute rugpijn'],
    subacuut: ['wat is subacute rugpijn', 'wat betekent subacuut'],
    chronisch: ['wat is chronische rugpijn', 'wat betekent chronisch'],
    plekken: ['waar kan rugpijn zitten', 'waar in de rug'],
    'lage-rug': ['wat is lage rugpijn', 'vertel me over onderrug'],
    'midden-rug': ['info over de middenrug', 'pijn in de middenrug'],
    'hoge-rug': ['wat is hoge rugpijn', 'vertel me over nekpijn'],
    oorzaken: ['waar komt rugpijn door', 'wat zijn de oorzaken van rugpijn'],
    'veelvoorkomende-oorzaken': ['wat zijn de meest voorkomende oorzaken', 'vertel me over overbelasting'],
    'minder-voorkomende-oorzaken': [
      'wat zijn minder voorkomende oorzaken',
      'uitleg over structurele problemen',
    ],
    'zeldzame-oorzaken': ['wat zijn zeldzame oorzaken', 'vertel me over de zeldzame oorzaken'],
    hernia: ['wat is een hernia', 'vraag rug coach over hernia'],
    ischias: ['wat is ischias', 'wat is een beknelde zenuw'],
    artrose: ['wat is artrose', 'vertel me over slijtage'],
    scoliose: ['wat is scoliose', 'wat is een scheve rug'],
    spit: ['wat is spit', 'wat is het spit'],
    conclusie: ['wat is de conclusie', 'info over samenvatting'],
    bewegen: ['mag ik bewegen met rugpijn', 'moet ik in bed blijven'],
    'oefeningen-overzicht': ['welke oefeningen zijn er', 'welke oefeningen heb je'],
    'tips-overzicht': ['welke tips zijn er', 'vertel me over de tips'],
  };

  it('covers every InfoTopic value', () => {
    const ids = lm.types?.find((t) => t.name === 'InfoTopic')?.values.map((v) => v.id) ?? [];
    expect(Object.keys(info).sort()).toEqual([...ids].sort());
  });

  it.each(Object.entries(info))('answers %s to both phrasings', (id, phrasings) => {
    for (const text of phrasings) expect(understood(text), text).toEqual(['InfoIntent', { infoTopic: id }]);
  });

  const tips: Record<string, [string, string]> = {
    'blijf-bewegen': ['tip over actief blijven', 'heb je een tip voor bedrust'],
    warmte: ['tip over warmte', 'heb je een tip over kruik'],
    pijnstillers: ['tip over pijnstillers', 'heb je een tip over paracetamol'],
    houding: ['tip over houding', 'wat kan ik doen aan goede houding'],
    werkplek: ['een tip over werkplek', 'heb je een tip voor zitten'],
    stretchen: ['tip over stretchen', 'tips over rekken'],
    core: ['tip over core', 'heb je een tip voor buikspieren'],
    matras: ['tip over matras', 'heb je een tip voor slapen'],
    stress: ['wat kan ik doen aan stress', 'tip over ontspanning'],
    gewicht: ['tip over gewicht', 'heb je een tip over afvallen'],
    tillen: ['tip over tillen', 'hoe moet ik tillen'],
    'regelmatig-bewegen': ['tip over bewegen', 'heb je een tip over sporten'],
    fysiotherapie: ['tip over fysiotherapie', 'heb je een tip over fysio'],
  };

  it('covers every TipTopic value', () => {
    const ids = lm.types?.find((t) => t.name === 'TipTopic')?.values.map((v) => v.id) ?? [];
    expect(Object.keys(tips).sort()).toEqual([...ids].sort());
  });

  it.each(Object.entries(tips))('gives tip %s to both phrasings', (id, phrasings) => {
    for (const text of phrasings) expect(understood(text), text).toEqual(['TipIntent', { topic: id }]);
  });
});

describe('the model understands its own samples', () => {
  const firstValue = (type: string) =>
    type === 'AMAZON.SearchQuery'
      ? 'mijn been tintelt'
      : type === 'AMAZON.TIME'
        ? 'acht uur'
        : (lm.types?.find((t) => t.name === type)?.values[0]?.name.value ?? '');
  const cases = lm.intents.flatMap((i) =>
    (i.samples ?? []).map((sample) => {
      const types = new Map((i.slots ?? []).map((s) => [s.name, s.type]));
      return [i.name, sample.replace(/\{([^}]*)\}/g, (_, slot: string) => firstValue(types.get(slot) ?? ''))];
    }),
  );

  it.each(cases)('%s: "%s"', (intent, text) => {
    const r = hear(text);
    expect(r.kind === 'intent' ? r.name : r.kind).toBe(intent);
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

  it('resolves a custom slot with an authority named after the skill and slot type', () => {
    const r = hear('vraag rug coach naar de brug');
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

  it('marks an unknown value ER_SUCCESS_NO_MATCH, and lists a declared but unfilled slot without value', () => {
    const r = hear('tip over vissen');
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

  it('sends a free-form symptom without resolutions', () => {
    const r = hear('moet ik naar de dokter want ik heb koorts');
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
