import type { ModelIntent } from './model.js';
import type { ResolvedSlot, SlotValues } from './slot-values.js';
import { timeIn } from './time.js';
import { normalize } from './words.js';

/**
 * Slots for an utterance the statistical pass placed in an intent: a value the model knows anywhere
 * in the words (entity resolution); otherwise the words between the carrier phrase of the intent's
 * sample that fits best, as an unresolved value (ER_SUCCESS_NO_MATCH) or, for AMAZON.SearchQuery, as
 * the query. A time slot gets the time said, if any.
 */

interface Carrier {
  before: string[];
  after: string[];
}

function carriersOf(intent: ModelIntent, slot: string): Carrier[] {
  const marker = `{${slot}}`;
  return intent.samples
    .filter((s) => s.includes(marker) && (s.match(/\{/g) ?? []).length === 1)
    .map((s) => {
      const [before = '', after = ''] = s.split(marker);
      return {
        before: normalize(before).split(' ').filter(Boolean),
        after: normalize(after).split(' ').filter(Boolean),
      };
    });
}

/** The span between the carrier words that fit the start and the end of the utterance best. */
function spanBetweenCarriers(
  carriers: readonly Carrier[],
  tokens: readonly string[],
): [number, number] | undefined {
  let best: { score: number; span: [number, number] } | undefined;
  for (const { before, after } of carriers) {
    let start = 0;
    while (start < before.length && start < tokens.length && tokens[start] === before[start]) start++;
    let end = tokens.length;
    let k = after.length - 1;
    while (k >= 0 && end > start && tokens[end - 1] === after[k]) {
      end--;
      k--;
    }
    const matched = start + (after.length - 1 - k);
    const whole = start === before.length && k < 0;
    // A carrier matched in full beats a partial one; then more matched words win.
    const score = (whole ? 1000 : 0) + matched;
    if (end > start && matched > 0 && (!best || score > best.score)) best = { score, span: [start, end] };
  }
  return best?.span;
}

export function fillSlots(
  intent: ModelIntent,
  values: SlotValues,
  tokens: readonly string[],
  said: readonly string[],
): Record<string, ResolvedSlot> {
  const slots: Record<string, ResolvedSlot> = {};
  for (const { name, type } of intent.slots ?? []) {
    if (type === 'AMAZON.TIME') {
      const time = timeIn(tokens);
      if (time) slots[name] = { value: time, matched: true, type };
      continue;
    }
    if (values.isCustom(type)) {
      const found = values.find(type, tokens);
      if (found) {
        const value = said.slice(found.start, found.end).join(' ');
        slots[name] = { value, matched: true, type, id: found.match.id, name: found.match.name };
        continue;
      }
    }
    const span = spanBetweenCarriers(carriersOf(intent, name), tokens);
    if (span) {
      slots[name] = { value: said.slice(span[0], span[1]).join(' '), matched: !values.isCustom(type), type };
    } else if (type === 'AMAZON.SearchQuery') {
      slots[name] = { value: said.join(' '), matched: true, type };
    }
  }
  return slots;
}
