import { defined } from '../../defined.js';
import type { InteractionModel } from './model.js';
import { normalize } from './words.js';

/** One filled slot: what was said, and (for custom types) the value it resolved to, like Alexa's ER. */
export interface ResolvedSlot {
  /** The words the user said for the slot, or for AMAZON.TIME the value as Alexa sends it ("08:00"). */
  value: string;
  /** The id of the resolved slot value; absent when nothing matched or for built-in types. */
  id?: string;
  /** The canonical name of the resolved value (Alexa's `resolutions...values[0].value.name`). */
  name?: string;
  /** False for ER_SUCCESS_NO_MATCH; always true for built-in types. */
  matched: boolean;
  /** The slot type, so envelopes can name the resolution authority. */
  type: string;
}

export interface ValueMatch {
  id: string;
  name: string;
}

/** Dutch endings of plurals, diminutives and adjectives: "matrassen", "bruggetje", "knieën", "warme". */
const inflections = new Set([
  'e',
  'en',
  'n',
  's',
  'es',
  'ens',
  'je',
  'jes',
  'tje',
  'tjes',
  'etje',
  'etjes',
  'pje',
  'pjes',
]);

/** The same word in another form: "kussens" and "kussen", "matrassen" and "matras", "brug" and "bruggetje". */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  const doubled = short + short.at(-1);
  const rest = long.startsWith(doubled)
    ? long.slice(doubled.length)
    : long.startsWith(short)
      ? long.slice(short.length)
      : undefined;
  return rest !== undefined && inflections.has(rest);
}

/** Words that people drop into any phrase without changing it. */
const fillers = new Set([
  'eigenlijk',
  'nou',
  'even',
  'toch',
  'eens',
  'precies',
  'allemaal',
  'wel',
  'maar',
  'nog',
  'hoor',
  'eh',
  'ehm',
  'echt',
  'gewoon',
  'ook',
  'dan',
  'zo',
  'nu',
  'alsjeblieft',
  'graag',
  'eventjes',
  'effe',
]);

interface Phrase {
  words: string[];
  match: ValueMatch;
}

/**
 * Entity resolution for the custom slot types: every value and synonym, normalised, forgiving the small
 * differences in form that Alexa's entity resolution forgives ("bruggetjes", "matrassen").
 */
export class SlotValues {
  private readonly exact = new Map<string, Map<string, ValueMatch>>();
  private readonly phrases = new Map<string, Phrase[]>();

  constructor(model: InteractionModel) {
    for (const type of model.interactionModel.languageModel.types) {
      const index = new Map<string, ValueMatch>();
      const phrases: Phrase[] = [];
      for (const value of type.values) {
        for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
          const key = normalize(phrase);
          const match = { id: value.id, name: value.name.value };
          if (!index.has(key)) index.set(key, match);
          phrases.push({ words: key.split(' '), match });
        }
      }
      // Longest phrases first, so "de kat koe" wins over "kat".
      phrases.sort((a, b) => b.words.length - a.words.length);
      this.exact.set(type.name, index);
      this.phrases.set(type.name, phrases);
    }
  }

  isCustom(type: string): boolean {
    return this.exact.has(type);
  }

  /** The value a phrase resolves to, or undefined (ER_SUCCESS_NO_MATCH). */
  resolve(type: string, phrase: string): ValueMatch | undefined {
    const key = normalize(phrase);
    const hit = this.exact.get(type)?.get(key);
    if (hit) return hit;
    const said = key.split(' ');
    return this.phrases
      .get(type)
      ?.find((p) => p.words.length === said.length && p.words.every((w, i) => sameWord(w, said[i] ?? '')))
      ?.match;
  }

  /**
   * The longest run of the (normalised) words that is a value of the type, with its word positions.
   * Filler words do not break a run: "waarom heb ik eigenlijk rugpijn" holds "waarom heb ik rugpijn".
   */
  find(
    type: string,
    tokens: readonly string[],
  ): { start: number; end: number; match: ValueMatch } | undefined {
    const kept = tokens.map((word, at) => ({ word, at })).filter(({ word }) => !fillers.has(word));
    for (const phrase of this.phrases.get(type) ?? []) {
      const words = phrase.words.filter((w) => !fillers.has(w));
      const length = words.length;
      if (length === 0) continue;
      for (let start = 0; start + length <= kept.length; start++) {
        if (words.every((w, i) => sameWord(w, kept[start + i]?.word ?? ''))) {
          return {
            start: defined(kept[start]).at,
            end: defined(kept[start + length - 1]).at + 1,
            match: phrase.match,
          };
        }
      }
    }
    return undefined;
  }
}
