import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AlexaApiStandIn, startAlexaApi } from '../../tools/simulator/alexa-api.js';
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

/** What the skill says after a SessionResumedRequest (Alexa's permission question answered). */
async function answerConsent(s: VoiceSession, status: string, code = '200') {
  const directive = s.last.response.response.directives?.[0] as { token: string };
  const envelope = sessionResumedRequest(
    { ...s.context, newSession: false },
    {
      token: directive.token,
      result: { permissionScope: 'alexa::alerts:reminders:skill:readwrite', status },
      code,
    },
  );
  const response = await skill.handler(envelope);
  const speech = response.response.outputSpeech;
  return { response, text: speech?.type === 'SSML' ? ssmlToText(speech.ssml) : '' };
}

describe('a daily reminder', () => {
  it('"herinner me elke dag om acht uur": posts a daily nl-NL reminder at 8:00 and confirms the time', async () => {
    const s = granted();
    await s.say('open rug coach');
    const said = await s.say('herinner me elke dag om acht uur aan mijn oefeningen');
    expect(said.text).toMatch(/Ik herinner je elke dag om acht uur 's ochtends/);
    expect(said.sessionEnded).toBe(false);
    const post = api.requests.find((r) => r.method === 'POST')!;
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

  it('asks for the time when none was said', async () => {
    const s = granted();
    await s.say('open rug coach');
    const turn = await s.say('zet een herinnering');
    expect(turn.text).toMatch(/Hoe laat/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('permission for reminders', () => {
  it('without permission: Alexa asks by voice (StartConnection), nothing is created yet', async () => {
    const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
    await s.say('open rug coach');
    const turn = await s.say('herinner me elke dag om acht uur aan mijn oefeningen');
    expect(turn.response.response.directives).toEqual([
      expect.objectContaining({
        type: 'Connections.StartConnection',
        uri: 'connection://AMAZON.AskForPermissionsConsent/1',
        input: {
          '@type': 'AskForPermissionsConsentRequest',
          '@version': '1',
          permissionScope: 'alexa::alerts:reminders:skill:readwrite',
        },
      }),
    ]);
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
    expect(text).toMatch(/Ik herinner je elke dag om kwart over zeven 's ochtends/);
    expect(response.response.shouldEndSession).toBe(false);
    const body = api.requests.find((r) => r.method === 'POST')?.body as Body;
    expect(body.trigger.recurrence.recurrenceRules[0]).toContain('BYHOUR=7;BYMINUTE=15');
  });

  it('refused or not answered: a kind answer, and nothing is created', async () => {
    for (const status of ['DENIED', 'NOT_ANSWERED']) {
      const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
      await s.say('open rug coach');
      await s.say('herinner me om acht uur');
      const { text } = await answerConsent(s, status);
      expect(text).toMatch(/Dat is goed, dan zet ik geen herinnering/);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('when Alexa could not ask: a permissions card in the Alexa app', async () => {
    const s = skill.session({ apiEndpoint: api.endpoint, apiAccessToken: token });
    await s.say('open rug coach');
    await s.say('herinner me om acht uur');
    const { text, response } = await answerConsent(s, 'NOT_ANSWERED', '500');
    expect(text).toMatch(/kaart in je Alexa-app/);
    expect(response.response.card).toEqual({
      type: 'AskForPermissionsConsent',
      permissions: ['alexa::alerts:reminders:skill:readwrite'],
    });
  });
});
