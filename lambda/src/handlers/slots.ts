import { getRequestType, type HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';

/** Longest slot value we look at: anything longer is not something a person said to a speaker. */
const maxSlotChars = 300;

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return false;
  return names.includes((input.requestEnvelope.request as IntentRequest).intent.name);
}

/** What was heard in a slot, trimmed and bounded; undefined when empty. */
export function slotText(input: HandlerInput, name: string): string | undefined {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return undefined;
  const value = (input.requestEnvelope.request as IntentRequest).intent.slots?.[name]?.value;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, maxSlotChars);
  return trimmed.length > 0 ? trimmed : undefined;
}

/** The id of a custom slot value that entity resolution matched; undefined otherwise. */
export function slotId(input: HandlerInput, name: string): string | undefined {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return undefined;
  const slot = (input.requestEnvelope.request as IntentRequest).intent.slots?.[name];
  for (const authority of slot?.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (typeof id === 'string' && id.length > 0) return id;
    }
  }
  return undefined;
}
