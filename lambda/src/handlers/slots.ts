import { getIntentName, getRequestType, getSlot, type HandlerInput } from 'ask-sdk-core';
import { Slot, type SlotName } from '../intents.js';
import { slotTypes } from '../text/index.js';

/** Longest slot value we look at: anything longer is not something a person said to a speaker. */
const maxSlotChars = 300;

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return false;
  return names.includes(getIntentName(input.requestEnvelope));
}

/** What was heard in a slot, trimmed and bounded; undefined when empty. */
export function slotText(input: HandlerInput, name: SlotName): string | undefined {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return undefined;
  const value = getSlot(input.requestEnvelope, name)?.value;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, maxSlotChars);
  return trimmed.length > 0 ? trimmed : undefined;
}

/** The id of a custom slot value that entity resolution matched; undefined otherwise. */
function slotId(input: HandlerInput, name: SlotName): string | undefined {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return undefined;
  const slot = getSlot(input.requestEnvelope, name);
  for (const authority of slot?.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status?.code === 'ER_SUCCESS_MATCH') {
      const id = authority.values?.[0]?.value?.id;
      if (typeof id === 'string' && id.length > 0) return id;
    }
  }
  return undefined;
}

/** Words that name nothing in particular: "doe er maar een", "een oefening", "een goede tip tegen rugpijn". */
const namesNothing = new Set(
  (
    'een de het oefening oefeningen iets wat maar even er nog eentje willekeurige andere die dan graag alsjeblieft ' +
    'tip tips advies goede goed handige nuttige leuke paar tegen voor bij over rug rugpijn rugklachten mijn mn me mij nou'
  ).split(' '),
);

/** What a custom slot holds: nothing, a value the model knows, or words it could not place. */
export type NamedValue = { kind: 'none' } | { kind: 'known'; id: string } | { kind: 'unknown'; said: string };

export function namedValue(input: HandlerInput, name: SlotName): NamedValue {
  const id = slotId(input, name);
  if (id) return { kind: 'known', id };
  const said = slotText(input, name);
  if (!said) return { kind: 'none' };
  const words = said.toLowerCase().split(/\s+/);
  return words.every((word) => namesNothing.has(word)) ? { kind: 'none' } : { kind: 'unknown', said };
}

/** The slot type of each custom slot, as content/understanding/slot-types.json names them. */
const typeOf = { exercise: 'ExerciseType', topic: 'TipTopic', infoTopic: 'InfoTopic' } as const;

/** Fewest words for a placed value to be a sentence of the user's own rather than a name. */
const sentenceWords = 4;

const plain = (text: string) => text.toLowerCase().replace(/'/g, '').replace(/\s+/g, ' ').trim();

/** True when the words are the value's own name or one of its synonyms (templates such as "(te zwaar|te dik)"). */
function ownPhrase(type: string, id: string, said: string): boolean {
  const entry = slotTypes[type]?.[id];
  if (!entry) return false;
  const heard = plain(said);
  return [entry.value, ...entry.synonyms].some((phrase) =>
    new RegExp(`^${plain(phrase).replace(/\(/g, '(?:').replace(/ /g, ' ?')}$`).test(heard),
  );
}

/**
 * Everything the user said in their own words in this request: the free-form slots, custom slots that
 * entity resolution could not place, and a placed value said inside a sentence of the user's own ("dat
 * ik kilo's kwijtraak zonder dat ik lijn" placed as the weight tip). Every such text is screened for red
 * flags; a value's own phrase ("kilo's kwijtraken") is a name, not a complaint.
 */
export function freeText(input: HandlerInput): string | undefined {
  const parts: string[] = [];
  for (const name of [Slot.symptom, Slot.question]) {
    const text = slotText(input, name);
    if (text) parts.push(text);
  }
  for (const name of [Slot.exercise, Slot.topic, Slot.infoTopic] as const) {
    const value = namedValue(input, name);
    if (value.kind === 'unknown') parts.push(value.said);
    const said = value.kind === 'known' ? slotText(input, name) : undefined;
    if (
      value.kind === 'known' &&
      said !== undefined &&
      said.split(/\s+/).length >= sentenceWords &&
      !ownPhrase(typeOf[name], value.id, said)
    )
      parts.push(said);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
