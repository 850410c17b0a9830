import { StemmerNl, StopwordsNl } from '@nlpjs/lang-nl';
import type { Classification } from '@nlpjs/nlu';
import MiniSearch from 'minisearch';
import { defined } from '../../defined.js';
import { normalize } from './words.js';

const stemmer = new StemmerNl();
const stopwords = new StopwordsNl();

/** How many of the most similar samples vote. */
const voters = 8;
/**
 * A word in more than this share of all samples ("gaan", "goed", "mijn") names no intent: an utterance
 * whose only known words are such words is not understood by the neighbours.
 */
const commonShare = 0.05;

/**
 * Function words that do tell intents apart, kept although nlp.js lists them as stop words: what
 * cannot be done ("ik kan niet meer werken" is a symptom, "werken" a tip), and the question words.
 */
const telling = new Set([
  'niet',
  'geen',
  'nooit',
  'kan',
  'kon',
  'kun',
  'kunnen',
  'meer',
  'nauwelijks',
  'hoe',
  'wat',
  'waarom',
  'wanneer',
  'welke',
  'waar',
  'mag',
  'moet',
  'erg',
  'ook',
]);

/** Other function words ("de", "wil", "doe") say little about the intent; the content words vote. */
function termOf(word: string): string | null {
  if (word.length === 0) return null;
  return telling.has(word) || !stopwords.isStopword(word) ? stemmer.stemWord(word) : null;
}

/**
 * A nearest-neighbour intent classifier: the training sentences in a BM25 index (minisearch), each
 * labelled with its intent; the sentences most like the utterance vote for theirs, the closest most
 * (similarity cubed: one near-identical sample outweighs many loose ones).
 */
export class NearestSamples {
  private readonly index: MiniSearch<{ id: number; text: string; intent: string }>;
  private readonly samplesWith = new Map<string, number>();
  private readonly samples: number;

  constructor(corpus: readonly { utterance: string; intent: string }[]) {
    this.index = new MiniSearch({
      fields: ['text'],
      storeFields: ['intent'],
      tokenize: (text) => normalize(text).split(' '),
      processTerm: termOf,
    });
    this.index.addAll(corpus.map((c, id) => ({ id, text: c.utterance, intent: c.intent })));
    this.samples = corpus.length;
    for (const { utterance } of corpus) {
      const terms = new Set(
        normalize(utterance)
          .split(' ')
          .map(termOf)
          .filter((t): t is string => t !== null),
      );
      for (const term of terms) this.samplesWith.set(term, (this.samplesWith.get(term) ?? 0) + 1);
    }
  }

  /** True when one of the words is known and rare enough to say which intent is meant. */
  private hasTelling(text: string): boolean {
    return normalize(text)
      .split(' ')
      .map(termOf)
      .some(
        (term) =>
          term !== null &&
          (this.samplesWith.get(term) ?? 0) > 0 &&
          (this.samplesWith.get(term) ?? 0) <= this.samples * commonShare,
      );
  }

  vote(text: string): Classification | undefined {
    if (!this.hasTelling(text)) return undefined;
    const hits = this.index.search(text, { combineWith: 'OR' }).slice(0, voters);
    const total = hits.reduce((sum, hit) => sum + hit.score ** 3, 0);
    if (total === 0) return undefined;
    const byIntent = new Map<string, number>();
    for (const hit of hits)
      byIntent.set(String(hit.intent), (byIntent.get(String(hit.intent)) ?? 0) + hit.score ** 3);
    const [intent, score] = defined([...byIntent].sort((a, b) => b[1] - a[1])[0]);
    return { intent, score: score / total };
  }
}
