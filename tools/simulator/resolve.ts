import { readFileSync } from 'node:fs';

/**
 * The local simulator's stand-in for Alexa's speech recognition and NLU: it turns a typed Dutch
 * utterance into the intent and slots that Alexa would send, using only the interaction model.
 * Pure: the model comes in as data; only `loadInteractionModel()` reads a file, when called.
 */

export interface SlotValueDefinition {
  id?: string;
  name: { value: string; synonyms?: string[] };
}

export interface InteractionModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; slots?: { name: string; type: string }[]; samples?: string[] }[];
      types?: { name: string; values: SlotValueDefinition[] }[];
    };
  };
}

/** One filled slot: what was said, and (for custom types) the value it resolved to, like Alexa's ER. */
export interface ResolvedSlot {
  /** The words the user said for the slot. */
  value: string;
  /** The id of the resolved slot value; absent when nothing matched or for built-in types. */
  id?: string;
  /** The canonical name of the resolved value (Alexa's `resolutions...values[0].value.name`). */
  name?: string;
  /** False for ER_SUCCESS_NO_MATCH; always true for AMAZON.SearchQuery. */
  matched: boolean;
  /** The slot type, so envelopes can name the resolution authority. */
  type: string;
}

export type Resolution =
  | { kind: 'launch' }
  | { kind: 'intent'; name: string; slots: Record<string, ResolvedSlot> }
  | { kind: 'none' };

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

/** Reads the nl-NL interaction model from the skill package in the repository. */
export function loadInteractionModel(): InteractionModel {
  const url = new URL('../../interaction-model/interactionModels/custom/nl-NL.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as InteractionModel;
}

/** The slot names an intent declares, for envelopes that list unfilled slots as Alexa does. */
export function declaredSlots(model: InteractionModel, intentName: string): { name: string; type: string }[] {
  const intent = model.interactionModel.languageModel.intents.find((i) => i.name === intentName);
  return intent?.slots ?? [];
}

/**
 * Lower case, no diacritics ("knieën" → "knieen"), no punctuation, single spaces.
 * Samples, slot values and utterances all go through it, so comparisons are like for like.
 */
export function normalize(text: string): string {
  return words(text)
    .map((w) => w.normalize('NFD').replace(/\p{M}/gu, ''))
    .join(' ');
}

/** Lower-case words with punctuation removed; diacritics kept, for reporting what was said. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
}

const INVOCATION_WORDS = 'rug coach';
const LAUNCH_VERBS = ['open', 'start', 'begin', 'activeer', 'speel'];
const ONE_SHOT_PREFIXES = [
  'vraag aan',
  'vraag',
  'zeg tegen',
  'zeg',
  'vertel',
  'laat',
  'open',
  'start',
  'begin',
];
/** Words that join the invocation to the request ("vraag rug coach naar de brug"); Alexa may drop them. */
const CONNECTORS = ['naar', 'om', 'of', 'over', 'dat', 'voor', 'en'];

/**
 * Resolves one utterance as Alexa would: the launch phrases open the skill, a one-shot
 * ("vraag rug coach naar de brug") resolves its request, anything in session is matched against
 * the samples. Text that matches nothing becomes AMAZON.FallbackIntent.
 */
export function resolveUtterance(model: InteractionModel, text: string): Resolution {
  const said = words(text);
  if (said[0] === 'alexa') said.shift();
  if (said.length === 0) return { kind: 'none' };

  const plain = said.map((w) => normalize(w));
  const request = splitInvocation(plain);
  if (request === 'launch') return { kind: 'launch' };

  const offset = request ? said.length - request.length : 0;
  const rest = request ?? plain;
  const restSaid = said.slice(offset);

  const variants: { tokens: string[]; said: string[]; rank: number }[] = [
    { tokens: rest, said: restSaid, rank: 1 },
  ];
  if (request && rest.length > 1 && CONNECTORS.includes(rest[0] ?? '')) {
    variants.push({ tokens: rest.slice(1), said: restSaid.slice(1), rank: 0 });
  }

  let best: Candidate | undefined;
  for (const variant of variants) {
    const candidate = bestMatch(compile(model), variant.tokens, variant.said, variant.rank);
    if (candidate && (!best || better(candidate, best))) best = candidate;
  }
  if (!best) return { kind: 'intent', name: FALLBACK_INTENT, slots: {} };
  return { kind: 'intent', name: best.intent, slots: best.slots };
}

/** 'launch', the words after the invocation for a one-shot, or undefined when no invocation is said. */
function splitInvocation(tokens: string[]): 'launch' | string[] | undefined {
  const invocation = INVOCATION_WORDS.split(' ');
  const at = indexOfSequence(tokens, invocation);
  if (at < 0) return undefined;
  const before = tokens.slice(0, at).join(' ');
  const after = tokens.slice(at + invocation.length);
  if (before === '' || LAUNCH_VERBS.includes(before)) {
    if (after.length === 0) return 'launch';
    if (before === '') return undefined;
    return after[0] === 'en' && after.length > 1 ? after.slice(1) : undefined;
  }
  if (!ONE_SHOT_PREFIXES.includes(before)) return undefined;
  return after.length === 0 ? 'launch' : after;
}

function indexOfSequence(tokens: string[], sequence: string[]): number {
  for (let i = 0; i + sequence.length <= tokens.length; i++) {
    if (sequence.every((w, k) => tokens[i + k] === w)) return i;
  }
  return -1;
}

type SampleToken = { literal: string } | { slot: string };

interface CompiledSample {
  intent: string;
  tokens: SampleToken[];
  literals: number;
  slotTypes: Map<string, string>;
}

interface Candidate {
  intent: string;
  slots: Record<string, ResolvedSlot>;
  /** 3: the sample has no slots; 2: every slot resolved; 1: a custom slot did not resolve. */
  tier: number;
  literals: number;
  rank: number;
  order: number;
}

const compiled = new WeakMap<InteractionModel, { samples: CompiledSample[]; values: ValueIndex }>();

/** For each custom slot type: normalized value or synonym → the value it belongs to. */
type ValueIndex = Map<string, Map<string, { id?: string; name: string }>>;

function compile(model: InteractionModel): { samples: CompiledSample[]; values: ValueIndex } {
  const cached = compiled.get(model);
  if (cached) return cached;
  const lm = model.interactionModel.languageModel;
  const samples: CompiledSample[] = [];
  for (const intent of lm.intents) {
    const slotTypes = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    for (const sample of intent.samples ?? []) {
      const tokens: SampleToken[] = [];
      for (const part of sample.split(/(\{[^}]+\})/)) {
        const slot = /^\{([^}]+)\}$/.exec(part);
        if (slot?.[1]) tokens.push({ slot: slot[1] });
        else for (const w of normalize(part).split(' ').filter(Boolean)) tokens.push({ literal: w });
      }
      // A sample naming an undeclared slot is a model error (the model test reports it); skip it here.
      if (tokens.some((t) => 'slot' in t && !slotTypes.has(t.slot))) continue;
      const literals = tokens.filter((t) => 'literal' in t).length;
      samples.push({ intent: intent.name, tokens, literals, slotTypes });
    }
  }
  const values: ValueIndex = new Map();
  for (const type of lm.types ?? []) {
    const index = new Map<string, { id?: string; name: string }>();
    for (const v of type.values) {
      for (const phrase of [v.name.value, ...(v.name.synonyms ?? [])]) {
        const key = normalize(phrase);
        if (!index.has(key)) index.set(key, { id: v.id, name: v.name.value });
      }
    }
    values.set(type.name, index);
  }
  const result = { samples, values };
  compiled.set(model, result);
  return result;
}

function bestMatch(
  model: { samples: CompiledSample[]; values: ValueIndex },
  tokens: string[],
  said: string[],
  rank: number,
): Candidate | undefined {
  let best: Candidate | undefined;
  model.samples.forEach((sample, order) => {
    for (const captures of align(sample.tokens, tokens)) {
      const candidate = score(sample, captures, model.values, said, rank, order);
      if (candidate && (!best || better(candidate, best))) best = candidate;
    }
  });
  return best;
}

/** Every way the sample's slots can cover the utterance: slot name → [start, end) word indexes. */
function* align(
  sample: SampleToken[],
  tokens: string[],
  i = 0,
  j = 0,
  captures: [string, number, number][] = [],
): Generator<[string, number, number][]> {
  if (i === sample.length) {
    if (j === tokens.length) yield captures;
    return;
  }
  const token = sample[i]!;
  if ('literal' in token) {
    if (tokens[j] === token.literal) yield* align(sample, tokens, i + 1, j + 1, captures);
    return;
  }
  for (let end = j + 1; end <= tokens.length; end++) {
    yield* align(sample, tokens, i + 1, end, [...captures, [token.slot, j, end]]);
  }
}

function score(
  sample: CompiledSample,
  captures: [string, number, number][],
  values: ValueIndex,
  said: string[],
  rank: number,
  order: number,
): Candidate | undefined {
  const slots: Record<string, ResolvedSlot> = {};
  let allMatched = true;
  for (const [slot, start, end] of captures) {
    const type = sample.slotTypes.get(slot) ?? '';
    const value = said.slice(start, end).join(' ');
    const index = values.get(type);
    if (!index) {
      // Built-in types (AMAZON.SearchQuery) take whatever was said; they carry no resolutions.
      slots[slot] = { value, matched: true, type };
      continue;
    }
    const hit = index.get(normalize(value));
    if (hit) {
      slots[slot] = { value, matched: true, type, name: hit.name, ...(hit.id ? { id: hit.id } : {}) };
    } else {
      slots[slot] = { value, matched: false, type };
      allMatched = false;
    }
  }
  // A sample that is only a slot ("{exercise}") would swallow any sentence; require a resolved value.
  if (!allMatched && sample.literals === 0) return undefined;
  const tier = captures.length === 0 ? 3 : allMatched ? 2 : 1;
  return { intent: sample.intent, slots, tier, literals: sample.literals, rank, order };
}

/** Exact samples beat slot samples, resolved slots beat unresolved ones, then more literal words win. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.tier !== b.tier) return a.tier > b.tier;
  if (a.literals !== b.literals) return a.literals > b.literals;
  if (a.rank !== b.rank) return a.rank > b.rank;
  return a.order < b.order;
}
