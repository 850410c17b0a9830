import type { RequestEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import type { SlotInput } from '../../tools/simulator/envelope.js';
import { skillWithCapturedLogs } from './support/logs.js';
import { type Answer, context, intentRequest, oddRequests, send } from './support/requests.js';

const running = skillWithCapturedLogs();

/** The only tags the skill itself writes; anything else in a response came from the input. */
const ownTags = new Set(['speak', 'break', 'prosody']);
// XML 1.0 forbids these characters; SSML with one of them is rejected.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const forbiddenChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/;

/** What the user would notice: a valid answer, and no markup or sound from the request in it. */
async function expectSafe(answer: Answer, label: string): Promise<void> {
  await expect(answer.response, label).toBeAValidAlexaAnswer();
  for (const ssml of [answer.ssml, answer.repromptSsml]) {
    if (ssml === undefined) continue;
    // The one say-as the skill writes itself: 112 read as three digits.
    const own112 = ssml.replaceAll('<say-as interpret-as="digits">112</say-as>', '112');
    const tags = [...own112.matchAll(/<\/?([a-zA-Z:-]+)/g)].map((m) => m[1]);
    expect(
      tags.filter((t) => !ownTags.has(t ?? '')),
      label,
    ).toEqual([]);
    expect(ssml.match(/<speak>/g)?.length, label).toBe(1);
    expect(ssml, label).not.toMatch(/evil\.example|CDATA|&#|&amp;lt;/);
    expect(forbiddenChars.test(ssml), `${label}: forbidden character`).toBe(false);
  }
}

const hostileValues: Record<string, string> = {
  'speak tags': '<speak>hallo</speak>',
  'closing speak with audio': '</speak><audio src="https://evil.example/x.mp3"/><speak>',
  'long break': '<break time="100s"/> de brug',
  'prosody attribute': '<prosody rate="x-slow" volume="+60dB">de brug</prosody>',
  ampersand: 'rug & knie && warmte',
  quotes: `"de brug" 'kat-koe' “kat” ‘koe’`,
  entities: '&amp; &lt;speak&gt; &#x3C; &#60; &nbsp;',
  cdata: ']]><![CDATA[<audio src="https://evil.example/y.mp3"/>]]>',
  '5,000 characters': 'ik heb pijn in mijn rug '.repeat(210).slice(0, 5000),
  '5,000 angle brackets': '<'.repeat(5000),
  empty: '',
  blanks: ' \t\n ',
  unicode: '🤕 rüg‮pijn​ 中文 éèñ',
  'control characters': 'rug\u0000\u0007\u001bpijn\ufffe',
  'lone surrogate': 'rug\ud800pijn',
};

/** The slotted intents and their slots, from the interaction model. */
function slottedIntents(): { intent: string; slot: string; type: string }[] {
  return running.skill.understanding.model.interactionModel.languageModel.intents.flatMap((intent) =>
    (intent.slots ?? []).map((slot) => ({ intent: intent.name, slot: slot.name, type: slot.type })),
  );
}

/** The ways entity resolution can come back for a value: no match, or a match with a hostile id. */
function variants(type: string, value: string): [string, SlotInput][] {
  if (type.startsWith('AMAZON.')) return [['', { value, type }]];
  return [
    ['ER_SUCCESS_NO_MATCH', { value, type, matched: false }],
    ['ER_SUCCESS_MATCH with a hostile id', { value, type, matched: true, id: value || 'x', name: value }],
  ];
}

/** Session attributes in the middle of a conversation, after `utterances`. */
async function attributesAfter(...utterances: string[]): Promise<{ userId: string; attributes: object }> {
  const s = running.skill.session();
  for (const utterance of utterances) await s.say(utterance);
  expect(s.isOpen, utterances.join(' / ')).toBe(true);
  expect(s.last.repromptSsml, utterances.join(' / ')).toBeDefined();
  return { userId: s.context.userId, attributes: s.context.attributes };
}

describe('hostile and odd slot values', () => {
  it('covers every slot of every intent in the model', () => {
    expect(slottedIntents().map((s) => `${s.intent}.${s.slot}`)).toEqual(
      expect.arrayContaining(['ExerciseIntent.exercise', 'TipIntent.topic', 'DoctorIntent.symptom']),
    );
  });

  it('give valid SSML with nothing injected, as a one-shot and in the middle of a session', async () => {
    const midSession = await attributesAfter('open rug coach');
    let checked = 0;
    for (const { intent, slot, type } of slottedIntents()) {
      for (const [valueName, value] of Object.entries(hostileValues)) {
        for (const [variantName, input] of variants(type, value)) {
          for (const where of ['one-shot', 'mid-session'] as const) {
            const ctx =
              where === 'one-shot'
                ? context()
                : context({ ...midSession, newSession: false, attributes: midSession.attributes as never });
            const envelope = intentRequest(ctx, intent, { [slot]: input }, [{ name: slot }]);
            const label = `${intent}.${slot} = ${valueName} ${variantName} (${where})`;
            const answer = await send(running.skill.handler, envelope);
            expect(answer.ssml, label).toBeDefined();
            await expectSafe(answer, label);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('answers a slot sent without a value, or with no slots object at all', async () => {
    for (const { intent, slot } of slottedIntents()) {
      const declared = await send(
        running.skill.handler,
        intentRequest(context(), intent, {}, [{ name: slot }]),
      );
      await expectSafe(declared, `${intent} with ${slot} unfilled`);
      const bare = intentRequest(context(), intent);
      const answer = await send(running.skill.handler, bare);
      await expectSafe(answer, `${intent} without slots`);
      expect(answer.ssml).toBeDefined();
    }
  });
});

describe('every intent in every dialog state', () => {
  const unknownIntents = ['AMAZON.ScrollDownIntent', 'AMAZON.MoreIntent', 'OudeIntentUitVersieEen', ''];

  it('is answered with valid speech, and a reprompt whenever the session stays open', async () => {
    const conversations: Record<string, string[]> = {
      idle: ['open rug coach'],
      exercise: ['open rug coach', 'start de brug', 'volgende'],
      resumeOffer: ['open rug coach', 'start de brug', 'stop', 'open rug coach'],
      triage: ['open rug coach', 'moet ik naar de dokter'],
      doctorOffer: ['open rug coach', 'start de brug', 'het doet pijn'],
      tipOffer: ['open rug coach', 'geef me een tip'],
      confirmDelete: ['open rug coach', 'wis mijn gegevens'],
    };
    const states: Record<string, { userId?: string; attributes: object } | undefined> = {
      'new session': undefined,
    };
    for (const [mode, utterances] of Object.entries(conversations)) {
      const state = await attributesAfter(...utterances);
      // The conversation really reached the dialog state it is named after.
      expect((state.attributes as { dialog?: { mode?: string } }).dialog?.mode).toBe(mode);
      states[mode] = state;
    }
    const intents = [
      ...running.skill.understanding.model.interactionModel.languageModel.intents.map((i) => i.name),
      ...unknownIntents,
    ];
    for (const [stateName, state] of Object.entries(states)) {
      for (const intent of intents) {
        const ctx = state
          ? context({ ...state, newSession: false, attributes: state.attributes as never })
          : context();
        const answer = await send(running.skill.handler, intentRequest(ctx, intent));
        const label = `${intent} in ${stateName}`;
        expect(answer.ssml, label).toBeDefined();
        await expectSafe(answer, label);
      }
    }
  });
});

describe('request types Alexa sends besides launches and intents', () => {
  it('are handled without throwing; nothing is spoken where Alexa forbids speech', async () => {
    const { userId, attributes } = await attributesAfter('open rug coach', 'start de brug');
    const contexts = [context(), context({ userId, newSession: false, attributes: attributes as never })];
    for (const ctx of contexts) {
      for (const { name, envelope, silent } of oddRequests(ctx)) {
        const answer = await send(running.skill.handler, envelope);
        await expect(answer.response, name).toBeAValidAlexaAnswer();
        if (silent) expect(answer.response.response.outputSpeech, name).toBeUndefined();
        else if (envelope.session) await expectSafe(answer, name);
      }
    }
  });

  it('leave the exercise position intact for the next session', async () => {
    const s = running.skill.session();
    await s.say('open rug coach');
    await s.say('start de brug');
    const ctx = context({ userId: s.context.userId, newSession: false, attributes: s.context.attributes });
    for (const { envelope } of oddRequests(ctx)) await send(running.skill.handler, envelope);
    const again = await running.skill.session({ userId: s.context.userId }).say('open rug coach');
    expect(again.text).toMatch(/brug/i);
  });

  it('are answered even when the envelope is missing parts Alexa usually sends', async () => {
    const broken: RequestEnvelope[] = [];
    const noSlots = intentRequest(context(), 'ExerciseIntent');
    broken.push(noSlots);
    const noLocale = intentRequest(context(), 'TipIntent');
    delete (noLocale.request as { locale?: string }).locale;
    broken.push(noLocale);
    const attributesNull = intentRequest(context({ newSession: false }), 'AMAZON.NextIntent');
    (attributesNull.session as { attributes: unknown }).attributes = null;
    broken.push(attributesNull);
    for (const envelope of broken) {
      const answer = await send(running.skill.handler, envelope);
      await expectSafe(answer, envelope.request.type);
      expect(answer.ssml).toBeDefined();
    }
  });
});
