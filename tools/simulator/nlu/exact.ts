import { defined } from '../../defined.js';
import type { InteractionModel } from './model.js';
import type { ResolvedSlot, SlotValues } from './slot-values.js';
import { timePhrase } from './time.js';
import { normalize } from './words.js';

/**
 * The first pass of understanding: an utterance that is one of the model's samples word for word, its
 * custom slots filled with values the model knows and its time slots with a time. Anything else goes
 * to the statistical pass, as in Alexa, where a free-form slot (AMAZON.SearchQuery) is never a wildcard
 * that swallows whatever follows a carrier word.
 */

type SampleToken = { literal: string } | { slot: string };

interface CompiledSample {
  intent: string;
  tokens: SampleToken[];
  literals: number;
  slotTypes: Map<string, string>;
}

export interface ExactMatch {
  intent: string;
  slots: Record<string, ResolvedSlot>;
}

export function compileSamples(model: InteractionModel): CompiledSample[] {
  const samples: CompiledSample[] = [];
  for (const intent of model.interactionModel.languageModel.intents) {
    const slotTypes = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    for (const sample of intent.samples) {
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
  return samples;
}

/** Every way the sample's slots can cover the utterance: slot name → [start, end) word indexes. */
function* align(
  sample: readonly SampleToken[],
  tokens: readonly string[],
  i = 0,
  j = 0,
  captures: [string, number, number][] = [],
): Generator<[string, number, number][]> {
  if (i === sample.length) {
    if (j === tokens.length) yield captures;
    return;
  }
  const token = defined(sample[i]);
  if ('literal' in token) {
    if (tokens[j] === token.literal) yield* align(sample, tokens, i + 1, j + 1, captures);
    return;
  }
  for (let end = j + 1; end <= tokens.length; end++) {
    yield* align(sample, tokens, i + 1, end, [...captures, [token.slot, j, end]]);
  }
}

function fill(
  sample: CompiledSample,
  captures: readonly [string, number, number][],
  values: SlotValues,
  tokens: readonly string[],
  said: readonly string[],
): Record<string, ResolvedSlot> | undefined {
  const slots: Record<string, ResolvedSlot> = {};
  for (const [slot, start, end] of captures) {
    const type = sample.slotTypes.get(slot) ?? '';
    const value = said.slice(start, end).join(' ');
    if (type === 'AMAZON.TIME') {
      const time = timePhrase(tokens.slice(start, end));
      if (!time) return undefined;
      slots[slot] = { value: time, matched: true, type };
      continue;
    }
    if (!values.isCustom(type)) return undefined;
    const hit = values.resolve(type, value);
    if (!hit) return undefined;
    slots[slot] = { value, matched: true, type, name: hit.name, id: hit.id };
  }
  return slots;
}

/**
 * The sample the words are, or undefined. A sample without slots beats one with slots; among those,
 * the longer resolved slot value wins (the more specific entity: "mag ik bewegen met rugpijn" over
 * "bewegen"), then more literal words, then the model's order.
 */
export function exactMatch(
  samples: readonly CompiledSample[],
  values: SlotValues,
  tokens: readonly string[],
  said: readonly string[],
): ExactMatch | undefined {
  // A sample without slots, word for word, wins outright: looked up, not searched (11,000 samples).
  const { plain, withSlots } = indexOf(samples);
  const intent = plain.get(tokens.join(' '));
  if (intent !== undefined) return { intent, slots: {} };
  let best: { match: ExactMatch; rank: number[] } | undefined;
  for (const sample of withSlots) {
    for (const captures of align(sample.tokens, tokens)) {
      const slots = fill(sample, captures, values, tokens, said);
      if (!slots) continue;
      const valueWords = captures.reduce((n, [, start, end]) => n + end - start, 0);
      const rank = [captures.length === 0 ? 1 : 0, valueWords, sample.literals];
      if (!best || isBetter(rank, best.rank)) best = { match: { intent: sample.intent, slots }, rank };
      break;
    }
  }
  return best?.match;
}

const indexes = new WeakMap<
  readonly CompiledSample[],
  { plain: Map<string, string>; withSlots: CompiledSample[] }
>();

/** The samples without slots by their words (the first in the model's order), and the rest. */
function indexOf(samples: readonly CompiledSample[]) {
  let index = indexes.get(samples);
  if (!index) {
    const plain = new Map<string, string>();
    const withSlots: CompiledSample[] = [];
    for (const sample of samples) {
      if (sample.tokens.some((t) => 'slot' in t)) withSlots.push(sample);
      else {
        const key = sample.tokens.map((t) => (t as { literal: string }).literal).join(' ');
        if (!plain.has(key)) plain.set(key, sample.intent);
      }
    }
    index = { plain, withSlots };
    indexes.set(samples, index);
  }
  return index;
}

function isBetter(rank: readonly number[], than: readonly number[]): boolean {
  for (let i = 0; i < rank.length; i++) {
    if ((rank[i] ?? 0) !== (than[i] ?? 0)) return (rank[i] ?? 0) > (than[i] ?? 0);
  }
  return false;
}

/** Words around a value that do not change what is asked. */
const neutralWords = new Set([
  'de',
  'het',
  'een',
  'mijn',
  'mn',
  'je',
  'jouw',
  'nu',
  'nou',
  'even',
  'eens',
  'die',
  'dat',
  'deze',
  'dan',
  'eigenlijk',
  'toch',
  'maar',
  'ook',
  'graag',
  'alsjeblieft',
  'eindelijk',
  'nog',
  'eh',
  'zo',
  'van',
]);

/** Carrier words that announce a name: "de oefening …", "een tip over …". */
const nameWords = new Set(['oefening', 'oefeningen', 'tip', 'tips']);
/** Verbs after an exercise slot that make the carrier one for naming an exercise: "ik wil … doen". */
const exerciseVerbs = new Set(['doen', 'oefenen', 'proberen', 'beginnen', 'starten']);
/** The same verbs said first, before "de" and the name: "doe de cobra met me", "start de zwaan". */
const exerciseCommands = new Set(['doe', 'start', 'begin', 'oefen', 'probeer']);
/** Words that point at an exercise without naming one: "doe de volgende met me", "doe de laatste". */
const pointingWords = new Set(['volgende', 'vorige', 'laatste', 'eerste', 'zelfde', 'andere', 'nog', 'keer']);
/** Words of the user's own set of exercises, never the name of one. */
const routineWords = new Set([
  'mijn',
  'mn',
  'ze',
  'allemaal',
  'alle',
  'alles',
  'oefeningen',
  'routine',
  'workout',
  'schema',
  'programma',
  'rondje',
  'training',
  'sessie',
  'vaste',
  'dagelijkse',
]);
/** Words that name nothing on their own: "ik wil wel oefenen", "laten we het nu doen". */
const fillerWords = new Set([
  'wel',
  'het',
  'dat',
  'dit',
  'nu',
  'even',
  'eens',
  'morgen',
  'straks',
  'iets',
  'wat',
  'er',
  'mee',
]);

/**
 * True when a carrier is made for naming an exercise or topic, so that unknown words in its slot are a
 * name Alexa passes on unresolved ("de oefening handstand", "tip over vissen"), not a whole sentence.
 */
function namesSomething(
  before: readonly string[],
  after: readonly string[],
  span: readonly string[],
  type: string,
): boolean {
  if (span.length > 3 || span.every((word) => neutralWords.has(word) || fillerWords.has(word))) return false;
  if ([...before, ...after].some((w) => nameWords.has(w))) return true;
  // A custom slot is not an enumeration: in "laten we {exercise} doen" Alexa passes "sit ups" on
  // unresolved (https://developer.amazon.com/en-US/docs/alexa/custom-skills/create-and-edit-custom-slot-types.html).
  // Not "mijn workout", "ze allemaal": the user's own routine is another intent's words.
  return (
    type === 'ExerciseType' &&
    before.length > 0 &&
    (after.some((w) => exerciseVerbs.has(w)) ||
      (exerciseCommands.has(before[0] ?? '') &&
        before[before.length - 1] === 'de' &&
        !span.some((w) => pointingWords.has(w)))) &&
    !span.some((w) => routineWords.has(w))
  );
}

/** Fewest carrier words for a free-form slot to be taken on the carrier alone ("of ik naar de dokter moet want …"). */
const minSearchCarrier = 3;

/**
 * The second pass: a sample whose carrier words are all there. Alexa fills a free-form slot behind a
 * clear carrier phrase ("of ik naar de dokter moet want …"; a short one such as "ik …" is left to the
 * statistical pass), and finds a known value among extra words in a custom slot ("kunnen we nu de
 * knie naar borst doen").
 */
export function carrierMatch(
  samples: readonly CompiledSample[],
  values: SlotValues,
  tokens: readonly string[],
  said: readonly string[],
  unknownNames = false,
): ExactMatch | undefined {
  let best: { match: ExactMatch; literals: number } | undefined;
  for (const sample of samples) {
    const slotAt = sample.tokens.findIndex((t) => 'slot' in t);
    if (slotAt < 0 || sample.tokens.slice(slotAt + 1).some((t) => 'slot' in t)) continue;
    const slot = (sample.tokens[slotAt] as { slot: string }).slot;
    const type = sample.slotTypes.get(slot) ?? '';
    const before = sample.tokens.slice(0, slotAt).map((t) => (t as { literal: string }).literal);
    const after = sample.tokens.slice(slotAt + 1).map((t) => (t as { literal: string }).literal);
    const end = tokens.length - after.length;
    if (end <= before.length) continue;
    if (!before.every((w, i) => tokens[i] === w) || !after.every((w, i) => tokens[end + i] === w)) continue;
    const literals = before.length + after.length;
    const value = said.slice(before.length, end).join(' ');
    let filled: ResolvedSlot;
    if (type === 'AMAZON.SearchQuery') {
      // "nee maar …", "ja en …": an answer with more to say is a clear carrier too.
      const answerAndMore =
        before.length === 2 && /^(ja|nee)$/.test(before[0] ?? '') && /^(maar|en)$/.test(before[1] ?? '');
      if (literals < minSearchCarrier && !answerAndMore) continue;
      filled = { value, matched: true, type };
    } else if (values.isCustom(type) && literals > 0) {
      // A known value inside the carrier's span, among words that change nothing: "kunnen we nu de knie
      // naar borst doen". Not "ik kan niet meer werken": there the other words are the point.
      const span = tokens.slice(before.length, end);
      const found = values.find(type, span);
      const rest = found ? [...span.slice(0, found.start), ...span.slice(found.end)] : [];
      if (found && rest.every((word) => neutralWords.has(word))) {
        const words = said.slice(before.length + found.start, before.length + found.end).join(' ');
        filled = { value: words, matched: true, type, id: found.match.id, name: found.match.name };
      } else if (
        unknownNames &&
        !found &&
        namesSomething(before, after, tokens.slice(before.length, end), type)
      ) {
        // A name the model does not know, in a carrier made for names: "start de oefening handstand".
        filled = { value, matched: false, type };
      } else continue;
    } else continue;
    if (!best || literals > best.literals)
      best = { match: { intent: sample.intent, slots: { [slot]: filled } }, literals };
  }
  return best?.match;
}
