import type { HandlerInput } from 'ask-sdk-core';
import { type RemindersApi, reminderTimeoutMs } from '../reminders/client.js';
import { deadlineWithin, timeLeft } from '../state/turn.js';

/**
 * Alexa's Reminders API for this request (its apiEndpoint and access token), with every call ending in
 * time for the turn's answer, whatever DynamoDB took before.
 * https://developer.amazon.com/en-US/docs/alexa/smapi/alexa-reminders-api-reference.html
 */
export function remindersApi(input: HandlerInput): RemindersApi | undefined {
  const { apiEndpoint, apiAccessToken } = input.requestEnvelope.context.System;
  if (!apiEndpoint || !apiAccessToken) return undefined;
  return {
    apiEndpoint,
    apiAccessToken,
    timeoutMs: reminderTimeoutMs,
    signal: deadlineWithin(input, timeLeft(input)),
  };
}
