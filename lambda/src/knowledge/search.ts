import MiniSearch from 'minisearch';
import type { Speech } from '../speech/ssml.js';
import { article, fill, knowledgeText, slotTypes } from '../text/index.js';
import { searchTerm, wordsOf } from './dutch-terms.js';
import { infoAnswer, infoTopics } from './info.js';

const exerciseName = (id: string) => article.exercises.find((e) => e.id === id)?.name;

/**
 * Open questions matched against the article: its tips, info topics and exercises, plus the few topics
 * the article is silent on but where it has a related answer (koelen → warmte). Full-text search with
 * BM25 (minisearch) over Dutch stems; a passage is only taken when the match is clear, otherwise the
 * skill says honestly that the article does not say.
 */

export type Passage =
  | { readonly kind: 'tip'; readonly id: string }
  | { readonly kind: 'info'; readonly id: string }
  | { readonly kind: 'exercise'; readonly id: string }
  | { readonly kind: 'gap'; readonly id: string }
  | { readonly kind: 'doctor' };

export interface SearchResult {
  /** The passage that answers the question, when the match is clear. */
  readonly answer?: Passage;
  /** Passages that came close, best first, for suggestions when nothing answers. */
  readonly nearby: readonly Passage[];
}

interface Document {
  id: string;
  title: string;
  keywords: string;
  text: string;
}

/** Below this score a match is a coincidence of words, not an answer (chosen on phrasings; see tests). */
const answerScore = 4;
/** The best passage must also lead the runner-up by this factor, or the question is not clear. */
const leadFactor = 1.15;

const synonyms = slotTypes;

function phrases(type: string, id: string): string {
  const entry = synonyms[type]?.[id];
  return entry ? [entry.value, ...entry.synonyms].join(' ').replace(/[()|]/g, ' ') : '';
}

function textOf(speech: Speech | undefined): string {
  return (speech ?? []).map((part) => (part.kind === 'text' ? part.text : '')).join(' ');
}

function documents(): Document[] {
  const docs: Document[] = [];
  for (const tip of article.tips) {
    docs.push({
      id: `tip:${tip.id}`,
      title: tip.title,
      keywords: [tip.topics.join(' '), phrases('TipTopic', tip.id)].join(' '),
      text: [tip.intro, ...tip.bullets].join(' '),
    });
  }
  for (const id of infoTopics) {
    docs.push({
      id: `info:${id}`,
      title: phrases('InfoTopic', id),
      keywords: '',
      text: textOf(infoAnswer(id)),
    });
  }
  for (const exercise of article.exercises) {
    docs.push({
      id: `exercise:${exercise.id}`,
      title: [exercise.name, exercise.title].join(' '),
      keywords: phrases('ExerciseType', exercise.id),
      text: exercise.steps.join(' '),
    });
  }
  for (const gap of knowledgeText.gaps) {
    docs.push({ id: `gap:${gap.id}`, title: gap.words.join(' '), keywords: gap.words.join(' '), text: '' });
  }
  docs.push({
    id: 'doctor',
    title: 'dokter huisarts arts huisartsenpost',
    keywords: knowledgeText.doctorWords,
    text: '',
  });
  return docs;
}

function passageOf(id: string): Passage {
  const [kind, detail = ''] = id.split(':');
  if (kind === 'tip' || kind === 'info' || kind === 'exercise' || kind === 'gap') return { kind, id: detail };
  return { kind: 'doctor' };
}

let index: MiniSearch<Document> | undefined;
/** Every word the article's passages have, as the search compares words. */
const vocabulary = new Set<string>();

/** Built on the first question, not at load: most turns never search. */
function searchIndex(): MiniSearch<Document> {
  if (index) return index;
  for (const doc of documents()) {
    for (const word of wordsOf(`${doc.title} ${doc.keywords} ${doc.text}`)) {
      const term = searchTerm(word);
      if (term) vocabulary.add(term);
    }
  }
  index = new MiniSearch<Document>({
    fields: ['title', 'keywords', 'text'],
    tokenize: wordsOf,
    processTerm: (term) => searchTerm(term),
    // One letter off only in long words ("paracetemol"); in shorter ones it changes the word ("injectie"
    // is not "infectie").
    searchOptions: {
      boost: { title: 3, keywords: 2 },
      fuzzy: (term) => (term.length >= 9 ? 1 : false),
      prefix: (term) => term.length >= 5,
    },
  });
  index.addAll(documents());
  return index;
}

export function searchArticle(question: string): SearchResult {
  const hits = searchIndex().search(question);
  const [best, second] = hits;
  const nearby = hits.slice(0, 3).map((hit) => passageOf(String(hit.id)));
  const clear =
    best !== undefined && best.score >= answerScore && (!second || best.score >= second.score * leadFactor);
  return clear ? { answer: passageOf(String(best.id)), nearby } : { nearby };
}

/** How a suggestion names a passage ("de tip over warmte", "chronische rugpijn"); undefined for none. */
export function passageLabel(passage: Passage): string | undefined {
  switch (passage.kind) {
    case 'tip': {
      const topic = synonyms.TipTopic?.[passage.id]?.value;
      return topic ? fill(knowledgeText.tipLabel, { topic }) : undefined;
    }
    case 'info':
      return synonyms.InfoTopic?.[passage.id]?.value;
    case 'exercise': {
      const name = exerciseName(passage.id);
      return name ? fill(knowledgeText.exerciseLabel, { name }) : undefined;
    }
    default:
      return undefined;
  }
}
