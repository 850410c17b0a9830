import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReminder, deleteReminder } from '../../lambda/src/reminders/client.js';
import { reminderText } from '../../lambda/src/reminders/content.js';
import { reminderContentSchema } from '../../lambda/src/reminders/content-schema.js';
import { dailyReminderRequest, firstOccurrence } from '../../lambda/src/reminders/request.js';
import { parseReminderTime, spokenTime } from '../../lambda/src/reminders/time.js';
import { localDateTime } from '../../lambda/src/time/amsterdam.js';
import { type AlexaApiStandIn, startAlexaApi } from '../../tools/simulator/alexa-api.js';

describe('content/reminders.json', () => {
  it('has every sentence the reminders need, and the confirmation names the time', () => {
    const result = reminderContentSchema.safeParse(reminderText);
    expect(result.error?.issues ?? []).toEqual([]);
  });
});

describe('the time the user asks for', () => {
  it('reads the times Alexa sends for AMAZON.TIME', () => {
    expect(parseReminderTime('08:00')).toEqual({ hour: 8, minute: 0 });
    expect(parseReminderTime('19:30')).toEqual({ hour: 19, minute: 30 });
    expect(parseReminderTime('25:00')).toBeUndefined();
    // A part of the day ("vanavond") is no time to remind at.
    expect(parseReminderTime('EV')).toBeUndefined();
    expect(parseReminderTime(undefined)).toBeUndefined();
  });

  it('reads Dutch words as the simulator passes them', () => {
    expect(parseReminderTime('acht uur')).toEqual({ hour: 8, minute: 0 });
    expect(parseReminderTime('half negen')).toEqual({ hour: 8, minute: 30 });
    expect(parseReminderTime('kwart over zeven')).toEqual({ hour: 7, minute: 15 });
    expect(parseReminderTime('kwart voor negen')).toEqual({ hour: 8, minute: 45 });
    expect(parseReminderTime("acht uur 's avonds")).toEqual({ hour: 20, minute: 0 });
    expect(parseReminderTime('twintig uur')).toEqual({ hour: 20, minute: 0 });
    expect(parseReminderTime('morgen misschien')).toBeUndefined();
  });

  it('says the time back the way people say it, with the part of the day', () => {
    expect(spokenTime({ hour: 8, minute: 0 })).toBe("acht uur 's ochtends");
    expect(spokenTime({ hour: 20, minute: 30 })).toBe("half negen 's avonds");
    expect(spokenTime({ hour: 12, minute: 15 })).toBe("kwart over twaalf 's middags");
    expect(spokenTime({ hour: 7, minute: 45 })).toBe("kwart voor acht 's ochtends");
  });
});

describe('the reminder request body', () => {
  // 2025-03-03 06:30 in Amsterdam (UTC+1 in winter).
  const now = new Date('2025-03-03T05:30:00Z');

  it('is a daily nl-NL reminder at the time asked, on Amsterdam time, with a phone notification', () => {
    const body = dailyReminderRequest({ hour: 8, minute: 0 }, now, reminderText.reminderText);
    expect(body).toEqual({
      requestTime: '2025-03-03T06:30:00.000',
      trigger: {
        type: 'SCHEDULED_ABSOLUTE',
        timeZoneId: 'Europe/Amsterdam',
        recurrence: {
          startDateTime: '2025-03-03T08:00:00.000',
          recurrenceRules: ['FREQ=DAILY;BYHOUR=8;BYMINUTE=0;BYSECOND=0;INTERVAL=1'],
        },
      },
      alertInfo: { spokenInfo: { content: [{ locale: 'nl-NL', text: reminderText.reminderText }] } },
      pushNotification: { status: 'ENABLED' },
    });
  });

  it('starts tomorrow when today’s time has passed, and uses wall-clock time in summer too', () => {
    expect(firstOccurrence({ hour: 6, minute: 0 }, now)).toBe('2025-03-04T06:00:00.000');
    expect(localDateTime(new Date('2025-07-01T10:00:00Z'))).toBe('2025-07-01T12:00:00.000');
  });
});

describe('the Reminders API client against a loopback stand-in', () => {
  let api: AlexaApiStandIn;
  beforeAll(async () => {
    api = await startAlexaApi();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
    api.reply = (r) =>
      r.method === 'POST' ? { status: 201, body: { alertToken: 'tok-1' } } : { status: 204 };
  });

  it('posts the body with the access token and returns the alert token', async () => {
    const result = await createReminder({ apiEndpoint: api.endpoint, apiAccessToken: 'abc' }, { x: 1 });
    expect(result).toEqual({ kind: 'created', alertToken: 'tok-1' });
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/alerts/reminders', body: { x: 1 } });
    expect(api.requests[0]?.headers.authorization).toBe('Bearer abc');
  });

  it('tells a missing permission (401, 403) from other failures', async () => {
    api.reply = () => ({ status: 401 });
    expect(await createReminder({ apiEndpoint: api.endpoint, apiAccessToken: 'a' }, {})).toEqual({
      kind: 'noPermission',
    });
    api.reply = () => ({ status: 403 });
    expect((await deleteReminder({ apiEndpoint: api.endpoint, apiAccessToken: 'a' }, 't')).kind).toBe(
      'noPermission',
    );
    api.reply = () => ({ status: 500 });
    expect((await createReminder({ apiEndpoint: api.endpoint, apiAccessToken: 'a' }, {})).kind).toBe(
      'failed',
    );
  });

  it('gives up when the API is slow, well within Alexa’s 8 seconds', async () => {
    api.reply = () => ({ status: 201, body: { alertToken: 'late' }, delayMs: 1000 });
    const started = Date.now();
    const result = await createReminder(
      { apiEndpoint: api.endpoint, apiAccessToken: 'a', timeoutMs: 200 },
      {},
    );
    expect(result.kind).toBe('failed');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('deletes by alert token; an already deleted reminder counts as deleted', async () => {
    expect(await deleteReminder({ apiEndpoint: api.endpoint, apiAccessToken: 'a' }, 'tok/1')).toEqual({
      kind: 'deleted',
    });
    expect(api.requests[0]).toMatchObject({ method: 'DELETE', path: '/v1/alerts/reminders/tok%2F1' });
    api.reply = () => ({ status: 404 });
    expect((await deleteReminder({ apiEndpoint: api.endpoint, apiAccessToken: 'a' }, 'x')).kind).toBe(
      'deleted',
    );
  });
});
