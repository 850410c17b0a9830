import { StemmerNl, StopwordsNl } from '@nlpjs/lang-nl';
import type { Classification } from '@nlpjs/nlu';
import MiniSearch from 'minisearch';
import { normalize } from './words.js';

const stemmer = new StemmerNl();
const stopwords = new StopwordsNl();

/** How many of the most similar samples vote. */
const voters = 8;

/**
 * A nearest-neighbour intent classifier: the training sentences in a BM25 index (minisearch), each
 * labelled with its intent; the sentences most like the utterance vote for theirs.
 */
export class NearestSamples {
  private readonly index: MiniSearch<{ id: number; text: string; intent: string }>;

  constructor(corpus: readonly { utterance: string; intent: string }[]) {
    this.index = new MiniSearch({
      fields: ['text'],
      storeFields: ['intent'],
      tokenize: (text) => normalize(text).split(' '),
      // Function words ("de", "wil", "doe") say little about the intent; only content words vote.
      processTerm: (term) => (term.length > 0 && !stopwords.isStopword(term) ? stemmer.stemWord(term) : null),
    });
    this.index.addAll(corpus.map((c, id) => ({ id, text: c.utterance, intent: c.intent })));
  }

  /** Each intent's share of the similarity of the nearest samples. */
  scores(text: string): Map<string, number> {
    const hits = this.index.search(text, { combineWith: 'OR' }).slice(0, voters);
    const total = hits.reduce((sum, hit) => sum + hit.score ** 3, 0);
    const byIntent = new Map<string, number>();
    if (total === 0) return byIntent;
    for (const hit of hits)
      byIntent.set(String(hit.intent), (byIntent.get(String(hit.intent)) ?? 0) + hit.score ** 3 / total);
    return byIntent;
  }

  /** Similarity cubed: the closest samples count most, so one near-identical sample outweighs many loose ones. */
  vote(text: string): Classification | undefined {
    const hits = this.index.search(text, { combineWith: 'OR' }).slice(0, voters);
    const total = hits.reduce((sum, hit) => sum + hit.score ** 3, 0);
    if (total === 0) return undefined;
    const byIntent = new Map<string, number>();
    for (const hit of hits)
      byIntent.set(String(hit.intent), (byIntent.get(String(hit.intent)) ?? 0) + hit.score ** 3);
    const [intent, score] = [...byIntent].sort((a, b) => b[1] - a[1])[0]!;
    return { intent, score: score / total };
  }
}
