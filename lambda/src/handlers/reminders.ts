import { getRequestType, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { ConnectionCompleted, RequestEnvelope, Response, SessionResumedRequest } from 'ask-sdk-model';
import { remindersScope } from '../alexa-platform.js';
import { Intent } from '../intents.js';
import { createReminder, deleteAllReminders } from '../reminders/client.js';
import { consentDirective, consentOutcome } from '../reminders/consent.js';
import { dailyReminderRequest } from '../reminders/request.js';
import { parseReminderTime, type ReminderTime, spokenTime } from '../reminders/time.js';
import { join, type Speech } from '../speech/ssml.js';
import { turnTime } from '../state/turn.js';
import { fill, prompts, reminderText } from '../text/index.js';
import { setDialog, setUserState, userState } from './context.js';
import { remindersApi } from './reminders-api.js';
import { ask } from './respond.js';
import { isIntent, slotText } from './slots.js';

/** Echoed back by Alexa in the SessionResumedRequest, so the answer is known to be about reminders. */
const reminderConsentToken = 'rug-coach-reminder-consent';

interface ReminderSession {
  /** The time asked for, kept while Alexa asks for permission. */
  reminderTime?: ReminderTime;
}

function session(input: HandlerInput): ReminderSession {
  return input.attributesManager.getSessionAttributes() as ReminderSession;
}

function andWhatNext(input: HandlerInput, speech: Speech): Response {
  setDialog(input, { mode: 'idle' });
  return ask(input, join(speech, ...prompts.whatNext), join(...prompts.whatNextReprompt));
}

/** Granted, refused, or unknown (no word in the request: only the API can tell). */
function permission(envelope: RequestEnvelope): 'granted' | 'denied' | 'unknown' {
  const permissions = envelope.context.System.user.permissions;
  const status = permissions?.scopes?.[remindersScope]?.status;
  if (status === 'GRANTED') return 'granted';
  if (status === 'DENIED') return 'denied';
  return permissions?.consentToken ? 'granted' : 'unknown';
}

/** Alexa asks by voice: "Mag Rug Coach herinneringen zetten?"; the answer comes as SessionResumedRequest. */
function askPermissionByVoice(input: HandlerInput): Response {
  return input.responseBuilder
    .addDirective(consentDirective(remindersScope, reminderConsentToken))
    .getResponse();
}

/**
 * Without permission: a card in the Alexa app that leads to the skill's permission settings, and the
 * answer says so. https://developer.amazon.com/en-US/docs/alexa/smapi/alexa-reminders-overview.html
 */
function permissionCard(input: HandlerInput, lines: readonly string[]): Response {
  input.responseBuilder.withAskForPermissionsConsentCard([remindersScope]);
  return andWhatNext(input, join(...lines));
}

async function create(input: HandlerInput, time: ReminderTime, afterConsent: boolean): Promise<Response> {
  const target = remindersApi(input);
  if (!target) return andWhatNext(input, join(...reminderText.failed));
  const body = dailyReminderRequest(time, turnTime(input), reminderText.reminderText);
  const result = await createReminder(target, body);
  if (result.kind === 'noPermission') {
    if (afterConsent) return permissionCard(input, reminderText.permissionCard);
    session(input).reminderTime = time;
    return askPermissionByVoice(input);
  }
  delete session(input).reminderTime;
  // Nothing new was created: the reminders the user has stay, and stay known.
  if (result.kind === 'failed') return andWhatNext(input, join(...reminderText.failed));
  // One reminder a day: the new time replaces the old ones. A reminder whose deletion failed stays known,
  // and the new one is known before anything else is tried.
  const user = userState(input);
  setUserState(input, { ...user, reminderTokens: [...user.reminderTokens, result.alertToken] });
  const { remaining } = await deleteAllReminders(target, user.reminderTokens, { except: result.alertToken });
  setUserState(input, { ...userState(input), reminderTokens: [...remaining, result.alertToken] });
  const confirmed = reminderText.confirmed.map((line) => fill(line, { time: spokenTime(time) }));
  return andWhatNext(input, join(...confirmed));
}

/** "herinner me elke dag om acht uur aan mijn oefeningen": a daily reminder, with permission asked first. */
export const setReminder: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Reminder),
  async handle(input) {
    const time = parseReminderTime(slotText(input, 'time'));
    if (!time) {
      setDialog(input, { mode: 'idle' });
      return ask(input, join(...reminderText.askTime), join(...reminderText.askTimeReprompt));
    }
    if (permission(input.requestEnvelope) !== 'granted') {
      session(input).reminderTime = time;
      return askPermissionByVoice(input);
    }
    return create(input, time, false);
  },
};

function consentAnswer(input: HandlerInput): ConnectionCompleted | undefined {
  if (getRequestType(input.requestEnvelope) !== 'SessionResumedRequest') return undefined;
  const cause = (input.requestEnvelope.request as SessionResumedRequest).cause;
  return cause?.token === reminderConsentToken ? cause : undefined;
}

/** The user's answer to Alexa's permission question. */
export const reminderConsentAnswered: RequestHandler = {
  canHandle: (input) => consentAnswer(input) !== undefined,
  async handle(input) {
    const answer = consentAnswer(input);
    if (!answer) throw new Error('no answer to the reminder permission question');
    const outcome = consentOutcome(answer);
    const time = session(input).reminderTime;
    if (outcome === 'failed') return permissionCard(input, reminderText.permissionCard);
    if (outcome === 'refused') {
      delete session(input).reminderTime;
      return permissionCard(input, reminderText.permissionDenied);
    }
    if (!time) {
      setDialog(input, { mode: 'idle' });
      return ask(input, join(...reminderText.askTime), join(...reminderText.askTimeReprompt));
    }
    return create(input, time, true);
  },
};

/**
 * "stop mijn herinnering": every reminder of the skill is deleted (the ones it knows, and any Alexa
 * lists) and forgotten; one that could not be deleted stays known for the next try.
 */
export const stopReminder: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.StopReminder),
  async handle(input) {
    const user = userState(input);
    const target = remindersApi(input);
    if (!target) {
      const speech = user.reminderTokens.length > 0 ? reminderText.deleteFailed : reminderText.noReminder;
      return andWhatNext(input, join(...speech));
    }
    const { remaining, deleted } = await deleteAllReminders(target, user.reminderTokens);
    setUserState(input, { ...userState(input), reminderTokens: remaining });
    if (remaining.length > 0) return andWhatNext(input, join(...reminderText.deleteFailed));
    if (deleted === 0) return andWhatNext(input, join(...reminderText.noReminder));
    return andWhatNext(input, join(...reminderText.deleted));
  },
};
