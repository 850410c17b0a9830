import type { RequestEnvelope } from 'ask-sdk-model';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prompts } from '../../lambda/src/content/prompts.js';
import { DynamoUserStateStore } from '../../lambda/src/state/dynamo-store.js';
import { defined } from '../../tools/defined.js';
import { ssmlToText } from '../../tools/simulator/session.js';
import { type RunningSkill, startSkill } from '../support/skill.js';
import { ssmlProblems } from '../support/ssml-check.js';
import { type CapturedLogs, captureLogs } from './support/logs.js';
import { context, intentRequest, launchRequest, send } from './support/requests.js';

/*
 * Findings 8 and 9 of issue 14: session attributes and envelopes are input like any other. What comes
 * back in the attributes is trusted only if the skill wrote it, for this user; a malformed envelope
 * gets a clean refusal or a spoken answer, never a throw that quotes it.
 */

let skill: RunningSkill;
let store: DynamoUserStateStore;
let logs: CapturedLogs;
beforeAll(async () => {
  skill = await startSkill();
  store = new DynamoUserStateStore({ client: skill.db.client, tableName: skill.db.tableName });
});
afterAll(() => skill.stop());
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const errorText = ssmlToText(`<speak>${prompts.error.join(' ')}</speak>`);
const marker = 'GEHEIM-INVOER-7Q3';

/** A session in the middle of a conversation: its user, its attributes as Alexa sends them back. */
async function midSession(...utterances: string[]) {
  const s = skill.session();
  for (const utterance of utterances) await s.say(utterance);
  return { userId: s.context.userId, attributes: structuredClone(s.context.attributes), last: s.last };
}

function inSession(userId: string, attributes: unknown, intent: string): RequestEnvelope {
  const envelope = intentRequest(context({ userId, newSession: false }), intent);
  (envelope.session as { attributes: unknown }).attributes = attributes;
  return envelope;
}

function nested(depth: number): unknown {
  let value: unknown = marker;
  for (let i = 0; i < depth; i++) value = { deeper: value };
  return value;
}

describe('finding 8: session attributes are validated like any input', () => {
  it('"herhaal" replays what the skill said, and nothing it did not say', async () => {
    const { userId, attributes, last } = await midSession('open rug coach', 'geef me een tip');
    const genuine = await send(skill.handler, inSession(userId, attributes, 'AMAZON.RepeatIntent'));
    expect(genuine.ssml).toBe(last.ssml);

    const forged = [
      '<speak><audio src="https://evil.example/x.mp3"/>Hallo</speak>',
      `<speak>${'a'.repeat(20_000)}</speak>`,
      '<speak><b>niet af</speak>',
    ];
    for (const ssml of forged) {
      const changed = { ...attributes, lastSpoken: { ssml, reprompt: '<speak>Nog iets?</speak>' } };
      const answer = await send(skill.handler, inSession(userId, changed, 'AMAZON.RepeatIntent'));
      expect(answer.ssml).toBeDefined();
      expect(answer.ssml).not.toContain('audio');
      expect(defined(answer.ssml).length).toBeLessThan(8000);
      expect(await ssmlProblems(defined(answer.ssml))).toEqual([]);
      await expect(answer.response).toBeAValidAlexaAnswer();
    }
  });

  it('sends back only the skill’s own attributes, within Alexa’s 24 KB', async () => {
    const { userId, attributes } = await midSession('open rug coach');
    const padded = { ...attributes, [`${marker}`]: 'x'.repeat(30_000) };
    const answer = await send(skill.handler, inSession(userId, padded, 'TipIntent'));
    expect(answer.ssml).toMatch(/Tip \d+/);
    expect(Object.keys(answer.response.sessionAttributes ?? {})).not.toContain(marker);
    expect(Buffer.byteLength(JSON.stringify(answer.response))).toBeLessThan(24 * 1024);
  });

  it('answers normally when attributes are nested 5,000 deep, in an own key or another', async () => {
    const { userId, attributes } = await midSession('open rug coach');
    for (const deep of [
      { ...attributes, dialog: { mode: 'triage', triage: nested(5000) } },
      { ...attributes, oud: nested(5000) },
    ]) {
      const answer = await send(skill.handler, inSession(userId, deep, 'TipIntent'));
      expect(answer.ssml).toMatch(/Tip \d+/);
      expect(answer.ssml).not.toContain(errorText);
    }
    expect(logs.lines().filter((l) => l.method === 'error')).toEqual([]);
  });

  it('never writes another user’s state, carried in the attributes, under this user’s id', async () => {
    // Anna's session has heard the disclaimer and a tip; nothing of it is stored yet.
    const anna = await midSession('open rug coach', 'geef me een tip', 'nee');
    const tip = Number(/Tip (\d+)/.exec(anna.last.ssml ?? '')?.[1] ?? Number.NaN);
    const bob = 'amzn1.ask.account.BOB-GETS-ANNAS-ATTRIBUTES';
    await send(skill.handler, inSession(bob, anna.attributes, 'AMAZON.StopIntent'));
    const stored = await store.load(bob);
    expect(stored.recentTips).not.toContain(tip);
    expect(stored.disclaimerHeard).toBe(false);
    // Anna's own session still saves her state.
    await send(skill.handler, inSession(anna.userId, anna.attributes, 'AMAZON.StopIntent'));
    expect((await store.load(anna.userId)).disclaimerHeard).toBe(true);
  });
});

describe('finding 9: malformed envelopes get a clean refusal or a spoken answer', () => {
  /** Either refused with a fixed message, or answered validly; never a message or log that quotes input. */
  async function cleanly(label: string, event: unknown): Promise<'refused' | 'answered'> {
    try {
      const response = await skill.handler(event as RequestEnvelope, { awsRequestId: 'malformed' });
      await expect(response, label).toBeAValidAlexaAnswer();
      const speech = response.response.outputSpeech;
      if (speech?.type === 'SSML') expect(ssmlToText(speech.ssml), label).not.toContain(errorText);
      return 'answered';
    } catch (error) {
      expect(error, label).toBeInstanceOf(Error);
      expect((error as Error).message, label).toMatch(/^Request refused/);
      expect((error as Error).message, label).not.toContain(marker);
      return 'refused';
    } finally {
      expect(logs.text(), label).not.toContain(marker);
    }
  }

  it('refuses what cannot be an Alexa request', async () => {
    const noRequest = launchRequest(context()) as Partial<RequestEnvelope>;
    delete noRequest.request;
    const noContext = launchRequest(context()) as Partial<RequestEnvelope>;
    delete noContext.context;
    const noSystem = launchRequest(context());
    (noSystem as { context: unknown }).context = { [marker]: true };
    const noUser = launchRequest(context());
    (noUser.context.System as { user: unknown }).user = marker;
    for (const [label, event] of Object.entries({
      null: null,
      empty: {},
      noRequest,
      noContext,
      noSystem,
      noUser,
    })) {
      expect(await cleanly(label, event), label).toBe('refused');
    }
  });

  it('answers a request whose session attributes are not an object, from the stored state', async () => {
    const { userId } = await midSession('open rug coach');
    for (const attributes of [marker, [marker], 42, true]) {
      const envelope = inSession(userId, attributes, 'TipIntent');
      expect(await cleanly(String(attributes), envelope)).toBe('answered');
    }
  });

  it('answers screen touches, Alexa Conversations and unknown request types without the error sentence', async () => {
    const { userId, attributes } = await midSession('open rug coach');
    for (const type of ['Display.ElementSelected', 'Dialog.API.Invoked', 'Alexa.Iets.Nieuws']) {
      const envelope = inSession(userId, attributes, 'TipIntent');
      envelope.request = {
        type,
        requestId: `amzn1.echo-api.request.${type}`,
        timestamp: new Date().toISOString(),
        locale: 'nl-NL',
        token: 'rug-coach',
      } as unknown as RequestEnvelope['request'];
      expect(await cleanly(type, envelope)).toBe('answered');
    }
    expect(logs.lines().filter((l) => l.json?.message === 'request failed')).toEqual([]);
  });
});
