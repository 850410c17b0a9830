import type { RequestEnvelope } from 'ask-sdk-model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialogModes as dialogModesList } from '../../lambda/src/handlers/context.js';
import {
  type EnvelopeContext,
  intentRequest,
  launchRequest,
  type SlotInput,
  sessionEndedRequest,
} from '../../tools/simulator/envelope.js';
import type { RunningSkill } from '../support/skill.js';
import { skillWithCapturedLogs } from './support/logs.js';
import { context, send } from './support/requests.js';

/*
 * Property: whatever Alexa sends (any intent of the model or an unknown one, any slot value, any
 * session attributes, including ones written by an older version or corrupted), the answer is valid
 * Alexa JSON. The users are few, so what one run stores is what a later run loads.
 */

const running = skillWithCapturedLogs();

const exerciseIds = ['knie-naar-borst', 'kat-koe', 'bekkenkanteling', 'brug', 'hamstrings'];
const dialogModes = dialogModesList.filter(
  (mode) => !['triage', 'restartOffer', 'exerciseOffer'].includes(mode),
);

const smallJson = fc.jsonValue({ maxDepth: 2 });
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '<speak>', '&', '"\'', '</speak><audio src="x"/>', 'de brug', 'kat koe'),
);
const maybeJunk = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, smallJson);
const isoTime = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** A stored position as this or an older version wrote it: unknown exercises, indexes past the end. */
const position = fc.record(
  {
    exerciseIds: fc.array(fc.oneof(fc.constantFrom(...exerciseIds), fc.string({ maxLength: 12 })), {
      maxLength: 6,
    }),
    exerciseIndex: fc.integer({ min: -2, max: 8 }),
    turnIndex: fc.integer({ min: -2, max: 60 }),
    kind: fc.constantFrom('single', 'routine', 'oud'),
    updatedAt: maybeJunk(isoTime),
  },
  { requiredKeys: [] },
);

const userState = fc.record(
  {
    version: maybeJunk(fc.integer({ min: -1, max: 50 })),
    createdAt: maybeJunk(isoTime),
    updatedAt: maybeJunk(isoTime),
    expiresAt: maybeJunk(fc.integer({ min: -1, max: 2_000_000_000 })),
    disclaimerHeard: maybeJunk(fc.boolean()),
    position: fc.oneof(fc.constant(null), position, smallJson),
    preferences: maybeJunk(
      fc.record(
        {
          holdExtraSeconds: fc.oneof(fc.double(), fc.integer({ min: -100, max: 100 })),
          speechRate: fc.oneof(fc.constantFrom('normal', 'slow'), text),
        },
        { requiredKeys: [] },
      ),
    ),
    progress: maybeJunk(
      fc.record(
        {
          sessionsDone: maybeJunk(fc.integer({ min: -5, max: 10_000 })),
          exercisesDone: maybeJunk(fc.integer({ min: -5, max: 10_000 })),
          daysInARow: maybeJunk(fc.integer({ min: -5, max: 400 })),
          lastSessionDay: fc.oneof(
            fc.constant(null),
            isoTime.map((t) => t.slice(0, 10)),
            text,
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    recentTips: maybeJunk(fc.array(fc.oneof(fc.integer({ min: -3, max: 20 }), smallJson), { maxLength: 8 })),
    reminderToken: maybeJunk(text),
  },
  { requiredKeys: [] },
);

const dialog = fc.oneof(
  fc.constantFrom(...dialogModes).map((mode) => ({ mode })),
  fc.record({
    mode: fc.constant('triage'),
    triage: fc.oneof(
      fc.record({ v: fc.integer({ min: 0, max: 2 }), question: fc.integer({ min: -2, max: 20 }) }),
      smallJson,
    ),
  }),
  smallJson,
);

/** Session attributes: those this version writes, with any field old, odd or missing. */
const attributes = fc.record(
  {
    userState: fc.oneof({ weight: 3, arbitrary: userState }, smallJson),
    userStateBase: fc.oneof({ weight: 3, arbitrary: userState }, smallJson),
    dialog,
    safetyHeard: maybeJunk(fc.boolean()),
    // A key an older version kept, still travelling in the session.
    oudeSleutel: smallJson,
  },
  { requiredKeys: [] },
);

interface Generated {
  kind: 'intent' | 'launch' | 'ended';
  intent: string;
  slots: Record<string, SlotInput>;
  userId: string;
  attributes: Record<string, unknown> | undefined;
}

function generatedRequests(running: RunningSkill): fc.Arbitrary<Generated> {
  const { intents, types = [] } = running.understanding.model.interactionModel.languageModel;
  const slotArb = (type: string): fc.Arbitrary<SlotInput> => {
    const values = types.find((t) => t.name === type)?.values ?? [];
    const ids = values.flatMap((v) => (v.id ? [v.id] : []));
    const spoken = values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]);
    const value = spoken.length > 0 ? fc.oneof(fc.constantFrom(...spoken), text) : text;
    if (type.startsWith('AMAZON.')) return value.map((v) => ({ value: v, type }));
    return fc.record({
      value,
      type: fc.constant(type),
      matched: fc.boolean(),
      id: ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), text) : text,
    });
  };
  const known = fc.constantFrom(...intents).chain((intent) =>
    fc
      .record(Object.fromEntries((intent.slots ?? []).map((s) => [s.name, slotArb(s.type)])), {
        requiredKeys: [],
      })
      .map((slots) => ({ intent: intent.name, slots: slots as Record<string, SlotInput> })),
  );
  const unknown = fc
    .oneof(fc.constantFrom('AMAZON.ScrollUpIntent', 'AMAZON.MoreIntent', 'OefeningIntentV0'), text)
    .map((intent) => ({ intent, slots: {} as Record<string, SlotInput> }));
  return fc
    .record({
      kind: fc.constantFrom<Generated['kind']>('intent', 'intent', 'intent', 'intent', 'launch', 'ended'),
      request: fc.oneof({ weight: 5, arbitrary: known }, unknown),
      userId: fc.constantFrom('A', 'B', 'C').map((u) => `amzn1.ask.account.PROPERTY-${u}`),
      attributes: fc.option(attributes as fc.Arbitrary<Record<string, unknown>>, { freq: 3 }),
    })
    .map(({ kind, request, userId, attributes: attrs }) => ({
      kind,
      ...request,
      userId,
      attributes: attrs ?? undefined,
    }));
}

function envelopeFor(running: RunningSkill, g: Generated): RequestEnvelope {
  const ctx: EnvelopeContext = context({
    userId: g.userId,
    newSession: g.attributes === undefined,
    attributes: g.attributes ?? {},
  });
  if (g.kind === 'launch') return launchRequest({ ...ctx, newSession: true });
  if (g.kind === 'ended') return sessionEndedRequest(ctx, 'EXCEEDED_MAX_REPROMPTS');
  const declared = running.understanding.model.interactionModel.languageModel.intents.find(
    (i) => i.name === g.intent,
  )?.slots;
  return intentRequest(ctx, g.intent, g.slots, declared ?? []);
}

describe('any request the interaction model allows, with any session attributes', () => {
  it('gets a valid Alexa response: valid SSML under 8,000 characters, at most 24 KB, a reprompt when open', async () => {
    let spoken = 0;
    await fc.assert(
      fc.asyncProperty(generatedRequests(running.skill), async (g) => {
        const envelope = envelopeFor(running.skill, g);
        const answer = await send(running.skill.handler, envelope);
        await expect(answer.response).toBeAValidAlexaAnswer();
        if (g.kind === 'ended') expect(answer.response.response.outputSpeech).toBeUndefined();
        else {
          // A launch or an intent is always answered with speech, never with silence, except when the skill
          // hands over to Alexa (a permission question), which then speaks for it.
          const handsOver = (answer.response.response.directives ?? []).some(
            (d) => d.type === 'Connections.StartConnection',
          );
          if (!handsOver) expect(answer.ssml).toBeDefined();
          spoken++;
        }
      }),
      { numRuns: 200 },
    );
    expect(spoken).toBeGreaterThan(100);
    // None of it ended in the error handler ("Sorry, er ging iets mis"): odd input is understood, not survived.
    expect(running.logs.lines().filter((l) => l.method === 'error')).toEqual([]);
  });

  it('does not crash on a corrupted or older item stored in DynamoDB either', async () => {
    const { PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    await fc.assert(
      fc.asyncProperty(
        userState,
        fc.oneof(fc.integer({ min: -1, max: 9 }).map(String), text),
        fc.constantFrom('open rug coach', 'ga verder', 'volgende', 'hoe gaat het met mijn voortgang'),
        async (stored, version, utterance) => {
          const userId = 'amzn1.ask.account.PROPERTY-STORED';
          await running.skill.db.client.send(
            new PutItemCommand({
              TableName: running.skill.db.tableName,
              Item: {
                userId: { S: userId },
                version: /^-?\d+$/.test(version) ? { N: version } : { S: version },
                state: { S: JSON.stringify(stored) },
              },
            }),
          );
          const turn = await running.skill.session({ userId }).say(utterance);
          await expect(turn.response).toBeAValidAlexaAnswer();
          expect(turn.ssml).not.toBe('');
          expect(running.logs.lines().filter((l) => l.method === 'error')).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
