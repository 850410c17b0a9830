import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoUserStateStore } from '../../lambda/src/state/dynamo-store.js';
import { fill, prompts, reminderText } from '../../lambda/src/text/index.js';
import { defined } from '../../tools/defined.js';
import { type AlexaApiStandIn, startAlexaApi } from '../../tools/simulator/alexa-api.js';
import { type ConsentAnswer, consentCompleted, consentRequested } from '../../tools/simulator/consent.js';
import { remindersGranted, sessionResumedRequest, simulatorContext } from '../../tools/simulator/envelope.js';
import type { VoiceSession } from '../../tools/simulator/session.js';
import { ssmlToText } from '../../tools/simulator/session.js';
import { type RunningSkill, startSkill } from '../support/skill.js';

let skill: RunningSkill;
let api: AlexaApiStandIn;
beforeAll(async () => {
  [skill, api] = await Promise.all([startSkill(), startAlexaApi()]);
});
afterAll(async () => {
  await Promise.all([skill.stop(), api.close()]);
});
beforeEach(() => {
  api.requests.length = 0;
});

const token = 'token-of-this-request';
const userId = () => simulatorContext().userId;

function granted(id = userId()): VoiceSession {
  return skill.session({
    userId: id,
    apiEndpoint: api.endpoint,
    permissions: remindersGranted(),
  });
}

type Body = {
  trigger: {
    type: string;
    timeZoneId: string;
    recurrence: { recurrenceRules: string[]; startDateTime: string };
  };
  alertInfo: { spokenInfo: { content: { locale: string; text: string }[] } };
};

/** What the skill says after Alexa's permission question was answered (a SessionResumedRequest). */
async function answerConsent(s: VoiceSession, answer: ConsentAnswer, code: '200' | '204' | '500' = '200') {
  // Checks the directive against the documented task, as Alexa would before asking.
  const asked = consentRequested(s.last.response.response.directives);
  expect(asked).toBeDefined();
  const envelope = sessionResumedRequest(
    { ...s.context, newSession: false },
    consentCompleted(defined(asked), answer, code),
  );
  const response = await skill.handler(envelope);
  const speech = response.response.outputSpeech;
  return { response, text: speech?.type === 'SSML' ? ssmlToText(speech.ssml) : '' };
}

const permissionsCard = {
  type: 'AskForPermissionsConsent',
  permissions: ['alexa::alerts:reminders:skill:readwrite'],
};

describe('a daily reminder', () => {
  it('"herinner me elke dag om acht uur": posts a daily nl-NL reminder at 8:00 and confirms the time', async () => {
    const s = granted();
    await s.say('open rug coach');
    const said = await s.say('herinner me elke dag om acht uur aan mijn oefeningen');
    expect(said).toSay(fill(defined(reminderText.confirmed[0]), { time: "acht uur 's ochtends" }));
    expect(said.sessionEnded).toBe(false);
    const post = defined(api.requests.find((r) => r.method === 'POST'));
    expect(post.path).toBe('/v1/alerts/reminders');
    // The request's own access token, as Alexa sends it in context.System.apiAccessToken.
    expect(post.headers.authorization).toMatch(/^Bearer simulator\.[0-9a-f]{16}\./);
    const body = post.body as Body;
    expect(body.trigger.type).toBe('SCHEDULED_ABSOLUTE');
    expect(body.trigger.timeZoneId).toBe('Europe/Amsterdam');
    expect(body.trigger.recurrence.recurrenceRules).toEqual([
      'FREQ=DAILY;BYHOUR=8;BYMINUTE=0;BYSECOND=0;INTERVAL=1',
    ]);
    expect(body.trigger.recurrence.startDateTime).toMatch(/T08:00:00\.000$/);
    expect(body.alertInfo.spokenInfo.content[0]?.locale).toBe('nl-NL');
  });

  it('keeps the reminder token for the next session, and "stop mijn herinnering" deletes it', async () => {
    const id = userId();
    const s = granted(id);
    await s.say('open rug coach');
    await s.say('zet een herinnering om half negen');
    await s.end('USER_INITIATED');
    const later = granted(id);
    await later.say('open rug coach');
    const stopped = await later.say('stop mijn herinnering');
    expect(stopped.text).toMatch(/herinnering is verwijderd/);
    const deleted = api.requests.find((r) => r.method === 'DELETE');
    expect(deleted?.path).toMatch(/^\/v1\/alerts\/reminders\/alert-\d+$/);
    const again = await later.say('stop mijn herinnering');
    expect(again.text).toMatch(/geen herinnering/);
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('"wis mijn gegevens" deletes the reminder at Alexa too, before the data that names it', async () => {
    const s = granted();
    await s.say('open rug coach');
    await s.say('herinner me elke dag om acht uur');
    const created = api.requests.find((r) => r.method === 'POST');
    expect(created).toBeDefined();
    await s.say('wis mijn gegevens');
    const done = await s.say('ja');
    expect(done.text).toMatch(/alles gewist/);
    expect(done.text).not.toMatch(/herinnering te verwijderen/);
    expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      expect.stringMatching(/^\/v1\/alerts\/reminders\/alert-\d+$/),
    ]);
  });

  it('"wis mijn gegevens" says so when the reminder could not be deleted, and still deletes the data', async () => {
    const s = granted();
    await s.say('open rug coach');
    await s.say('herinner me elke dag om acht uur');
    api.reply = (r) =>
      r.method === 'DELETE' ? { status: 500 } : { status: 201, body: { alertToken: 'alert-x' } };
    try {
      await s.say('wis mijn gegevens');
      const done = await s.say('ja');
      expect(done).toSay([...prompts.deleteDone, ...reminderText.deleteFailed]);
      const store = new DynamoUserStateStore({ client: skill.db.client, tableName: skill.db.tableName });
      const left = await store.load(s.context.userId);
      expect(left.reminderTokens).toEqual([]);
      expect(left.disclaimerHeard).toBe(false);
    } finally {
      api.reply = (r) =>
        r.method === 'POST' ? { status: 201, body: { alertToken: `alert-${Date.now()}` } } : { status: 204 };
    }
  });

  it('asks for the time when none was said', async () => {
    const s = granted();
    await s.say('open rug coach');
    const turn = await s.say('zet een herinnering');
    expect(turn).toSay(reminderText.askTime);
    expect(api.requests).toHaveLength(0);
  });
});

describe('permission for reminders', () => {
  it('without permission: Alexa asks by voice (StartConnection, the documented version 2 task), nothing is created yet', async () => {
    const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
    await s.say('open rug coach');
    const turn = await s.say('herinner me elke dag om acht uur aan mijn oefeningen');
    expect(turn.response.response.directives).toEqual([
      {
        type: 'Connections.StartConnection',
        uri: 'connection://AMAZON.AskForPermissionsConsent/2',
        input: {
          '@type': 'AskForPermissionsConsentRequest',
          '@version': '2',
          permissionScopes: [
            { permissionScope: 'alexa::alerts:reminders:skill:readwrite', consentLevel: 'ACCOUNT' },
          ],
        },
        token: expect.any(String),
      },
    ]);
    expect(consentRequested(turn.response.response.directives)?.scopes).toHaveLength(1);
    // Alexa speaks the question itself: the skill says nothing and leaves the session to it.
    expect(turn.response.response.outputSpeech).toBeUndefined();
    expect(api.requests).toHaveLength(0);
  });

  it('a 401 from the API also leads to the voice permission question', async () => {
    api.reply = (r) => (r.method === 'POST' ? { status: 401 } : { status: 204 });
    try {
      const s = granted();
      await s.say('open rug coach');
      const turn = await s.say('herinner me om acht uur');
      expect(turn.response.response.directives?.[0]).toMatchObject({ type: 'Connections.StartConnection' });
    } finally {
      api.reply = (r) =>
        r.method === 'POST' ? { status: 201, body: { alertToken: `alert-${Date.now()}` } } : { status: 204 };
    }
  });

  it('granted by voice: the reminder is created at the time asked before, and confirmed', async () => {
    const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
    await s.say('open rug coach');
    await s.say('herinner me elke dag om kwart over zeven');
    const { text, response } = await answerConsent(s, 'ACCEPTED');
    expect(text).toSay(fill(defined(reminderText.confirmed[0]), { time: "kwart over zeven 's ochtends" }));
    expect(response.response.shouldEndSession).toBe(false);
    const body = api.requests.find((r) => r.method === 'POST')?.body as Body;
    expect(body.trigger.recurrence.recurrenceRules[0]).toContain('BYHOUR=7;BYMINUTE=15');
  });

  it('refused or not answered: a kind answer that points to the permissions card, and nothing is created', async () => {
    for (const answer of ['DENIED', 'NOT_ANSWERED'] as const) {
      const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
      await s.say('open rug coach');
      await s.say('herinner me om acht uur');
      const { text, response } = await answerConsent(s, answer);
      expect(text).toSay(reminderText.permissionDenied);
      expect(response.response.card).toEqual(permissionsCard);
      expect(response.response.shouldEndSession).toBe(false);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('a 204 (connection completed without an answer) counts as not answered', async () => {
    const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
    await s.say('open rug coach');
    await s.say('herinner me om acht uur');
    const { text, response } = await answerConsent(s, 'NOT_ANSWERED', '204');
    expect(text).toMatch(/geen herinnering/);
    expect(response.response.card).toEqual(permissionsCard);
    expect(api.requests).toHaveLength(0);
  });

  it('when Alexa could not ask: a permissions card in the Alexa app, said in the answer', async () => {
    const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
    await s.say('open rug coach');
    await s.say('herinner me om acht uur');
    const { text, response } = await answerConsent(s, 'NOT_ANSWERED', '500');
    expect(text).toMatch(/kaart in je Alexa-app/);
    expect(response.response.card).toEqual(permissionsCard);
    expect(api.requests).toHaveLength(0);
  });
});
