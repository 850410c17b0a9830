import type { RequestEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoUserStateStore } from '../../lambda/src/state/dynamo-store.js';
import { sessionEndedRequest, skillDisabledEvent } from '../../tools/simulator/envelope.js';
import { type SkillHandler, VoiceSession } from '../../tools/simulator/session.js';
import { type RunningSkill, startSkill, testSkillId } from '../support/skill.js';
import { type DynamoProxy, startDynamoProxy } from './support/dynamo-proxy.js';
import { type CapturedLogs, captureLogs } from './support/logs.js';
import { context, oddRequests, send } from './support/requests.js';

/*
 * Everything the bundle writes to the console (CloudWatch, in Lambda) during a whole conversation,
 * including a doctor question with a symptom: never who the user is, which device, the access token
 * or what they said about their health; and every error with a request id and an error class.
 */

let skill: RunningSkill;
let proxy: DynamoProxy;
let logs: CapturedLogs;
const envelopes: RequestEnvelope[] = [];
/** The bundle's handler, keeping every envelope it is given. */
let recording: SkillHandler;

const symptom = 'sinds gisteren tintelingen in mijn linkerbeen en koorts na een val van de trap';
const symptomWords = ['tintelingen', 'linkerbeen', 'koorts', 'gisteren', 'trap'];

beforeAll(async () => {
  skill = await startSkill();
  proxy = await startDynamoProxy(skill.db.endpoint);
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  recording = (envelope, ctx) => {
    envelopes.push(envelope);
    return skill.handler(envelope, ctx);
  };
  logs = captureLogs();
  await converse();
});
afterAll(async () => {
  logs.restore();
  await proxy.stop();
  await skill.stop();
});

function voice(userId: string): VoiceSession {
  return new VoiceSession(recording, skill.understanding, { skillId: testSkillId, userId });
}

/** A user's whole story with the skill, plus the failures a real day brings. */
async function converse(): Promise<void> {
  const userId = 'amzn1.ask.account.AGXLOGTESTUSER7Q3';
  const s = voice(userId);
  for (const utterance of [
    'open rug coach',
    'geef me een tip',
    'nee',
    'start de brug',
    'volgende',
    'het doet pijn',
    'ja',
    'nee',
    'weet ik niet',
    'stop',
  ]) {
    await s.say(utterance);
  }
  await s.say('open rug coach');
  const advice = await s.sendIntent('DoctorIntent', {
    symptom: { value: symptom, type: 'AMAZON.SearchQuery' },
  });
  // The advice was about the symptom (so the symptom really reached the skill), without repeating it.
  expect(advice.text).toMatch(/huisarts/i);
  await s.say('open rug coach');
  await s.say('moet ik naar de dokter');
  await s.say('ja');
  await s.say('open rug coach');
  await s.say('wis mijn gegevens');
  await s.say('ja');
  // DynamoDB refuses for a while: warnings.
  await proxy.setMode('refuse');
  await s.say('open rug coach');
  await s.say('start de kat-koe');
  await proxy.setMode('pass');
  await s.say('stop');
  // Requests Alexa sends besides intents; any that ended in the error handler would log an error.
  for (const { envelope } of oddRequests(context({ userId, newSession: false }))) {
    envelopes.push(envelope);
    await send(skill.handler, envelope);
  }
  const disabled = skillDisabledEvent(context({ userId }));
  envelopes.push(disabled);
  await send(skill.handler, disabled);
  // A request for another skill.
  const foreign = skillDisabledEvent(context({ userId, skillId: 'amzn1.ask.skill.other' }));
  envelopes.push(foreign);
  await expect(send(skill.handler, foreign)).rejects.toThrow();
}

/** Every value in the envelopes that identifies the user, their device or their session. */
function identifiers(): string[] {
  const found = new Set<string>();
  for (const envelope of envelopes) {
    const system = envelope.context.System;
    found.add(system.user.userId);
    if (system.device?.deviceId) found.add(system.device.deviceId);
    if (system.apiAccessToken) found.add(system.apiAccessToken);
    if (envelope.session) found.add(envelope.session.sessionId);
  }
  return [...found];
}

describe('the logs of a whole conversation', () => {
  it('were written, one JSON object a line, with a level and a message', () => {
    const lines = logs.lines();
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line.json, line.raw).toBeDefined();
      expect(line.json?.level).toMatch(/^(INFO|WARN|ERROR)$/);
      // Powertools' Logger writes information to standard output, warnings and errors to standard error.
      expect(line.stream).toBe(line.json?.level === 'INFO' ? 'stdout' : 'stderr');
      expect(line.json?.service).toBe('rug-coach');
      expect(line.json?.message).toEqual(expect.any(String));
    }
  });

  it('hold no user id, device id, session id or access token', () => {
    const ids = identifiers();
    expect(ids.length).toBeGreaterThan(10);
    const text = logs.text();
    for (const id of ids) expect(text).not.toContain(id);
    // Nor a part of one: Alexa's ids share a prefix, their tails identify.
    for (const id of ids) expect(text).not.toContain(id.slice(-12));
    expect(text).not.toMatch(/amzn1\.ask\.(account|device)|simulator\./);
  });

  it('hold nothing the user said about their health', () => {
    const text = logs.text().toLowerCase();
    for (const word of symptomWords) expect(text).not.toContain(word);
  });

  it('log every error and failed database call with its request id and error class', () => {
    const requestIds = new Set(envelopes.map((e) => e.request.requestId));
    const errors = logs.lines().filter((l) => l.method === 'error');
    const failures = logs.lines().filter((l) => l.method === 'warn' && l.json?.errorClass !== undefined);
    // DynamoDB refused during the conversation: those turns must be in the log.
    expect(failures.length).toBeGreaterThan(0);
    for (const line of [...errors, ...failures]) {
      expect(requestIds.has(String(line.json?.requestId)), line.raw).toBe(true);
      // Our own errors by class; an error Alexa reports at the end of a session by Alexa's error type.
      expect(line.json?.errorClass ?? line.json?.errorType, line.raw).toMatch(/^\S/);
      // The class, never the message: an error's message can quote the request.
      expect(line.raw).not.toMatch(/"(stack|errorMessage)"/);
    }
  });
});

describe('what is kept', () => {
  it('keeps no symptom text in the session attributes or in the table', async () => {
    for (const envelope of envelopes) {
      const attributes = JSON.stringify(envelope.session?.attributes ?? {}).toLowerCase();
      for (const word of symptomWords) expect(attributes).not.toContain(word);
    }
    const store = new DynamoUserStateStore({ client: skill.db.client, tableName: skill.db.tableName });
    const userId = 'amzn1.ask.account.AGXLOGTESTUSER7Q4';
    const s = voice(userId);
    await s.say('open rug coach');
    await s.say('start de brug');
    await s.sendIntent('DoctorIntent', {
      symptom: { value: 'tintelingen in mijn been', type: 'AMAZON.SearchQuery' },
    });
    await s.end();
    const item = JSON.stringify(await store.load(userId)).toLowerCase();
    expect(item).toContain('brug');
    expect(item).not.toContain('tintelingen');
    expect(JSON.stringify(s.context.attributes)).not.toContain('tintelingen');
  });
});

describe('a session Alexa ended with an error', () => {
  it('is logged with its error type and request id, never its message', async () => {
    const ctx = context({ userId: 'amzn1.ask.account.AGXLOGTESTUSER7Q5', newSession: false });
    const ended = sessionEndedRequest(ctx, 'ERROR', {
      type: 'INVALID_RESPONSE',
      message: 'Directive not allowed: tintelingen in mijn linkerbeen',
    });
    await send(skill.handler, ended);
    const line = logs.lines().find((l) => l.json?.requestId === ended.request.requestId);
    expect(line?.method).toBe('error');
    expect(line?.json).toMatchObject({
      level: 'ERROR',
      message: 'session ended with an error',
      requestId: ended.request.requestId,
      errorType: 'INVALID_RESPONSE',
    });
    // Nothing beside what Powertools adds to every line (when and which service).
    expect(Object.keys(line?.json ?? {}).sort()).toEqual(
      ['errorType', 'level', 'message', 'requestId', 'sampling_rate', 'service', 'timestamp'].sort(),
    );
    expect(logs.text()).not.toContain('Directive not allowed');
  });

  it('is not logged when the user simply left', async () => {
    const ended = sessionEndedRequest(context({ newSession: false }), 'USER_INITIATED');
    await send(skill.handler, ended);
    expect(logs.lines().filter((l) => l.json?.requestId === ended.request.requestId)).toEqual([]);
  });
});
