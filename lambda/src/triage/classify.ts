import { normalise } from '../text/index.js';
import { appointmentFlags, directFlags, type UrgentLevel } from './criteria.js';
import {
  clauseBreaks,
  denialsAfter,
  doubtMarker,
  doubtPhrases,
  measuresAfterDenial,
  negationWords,
  patterns,
  type SymptomPattern,
  unexplainedAfterZonder,
} from './vocabulary.js';

/**
 * Recognises the article's twelve "when to see the GP" criteria in free Dutch (the AMAZON.SearchQuery
 * slot). It is deliberately eager: when a phrase could be read two ways it takes the more urgent
 * reading, and when it recognises nothing (or only denied symptoms) it answers 'unknown', which makes
 * the skill ask the questionnaire. It never concludes that nothing is wrong.
 */
export type SymptomClass =
  | {
      readonly level: UrgentLevel;
      /** The first matching criterion in the article's order. */
      readonly flagId: string;
      /** Every matching criterion of that level, in the article's order (`flagId` first). */
      readonly flagIds: readonly string[];
    }
  | { readonly level: 'unknown' };

/** Doubt ("ik weet het niet") becomes one word that ends a clause, so it never denies a symptom. */
function markDoubt(text: string): string {
  return doubtPhrases
    .reduce((marked, phrase) => marked.replace(phrase, ` ${doubtMarker} `), ` ${text} `)
    .trim();
}

/**
 * How far back a negation reaches: the three words before a symptom, stopping at a clause break. Three
 * covers the ways Dutch denies right before a symptom ("geen koorts", "niet echt tintelingen", "geen
 * last van koorts"); further back a "niet" belongs to something else ("niet zo lang geleden kreeg ik
 * koorts" names a fever). It errs short because a red flag wrongly denied is the unsafe mistake; a
 * denial overlooked only costs a question.
 */
const negationWindow = 3;

function deniedBefore(before: readonly string[]): boolean {
  for (let i = before.length - 1; i >= Math.max(0, before.length - negationWindow); i--) {
    const word = before[i] ?? '';
    if (word === 'zonder' && unexplainedAfterZonder.has(before[i + 1] ?? '')) continue;
    if (negationWords.has(word)) return true;
    if (clauseBreaks.has(word)) return false;
  }
  return false;
}

/**
 * "het tintelt niet" denies the tingling; "mijn been slaapt en niet meer wakker wordt" does not (a
 * denial after the symptom counts only within its clause, in the two words that follow), nor does "het
 * tintelt niet altijd" or "niet meer zo erg": a denial followed by a measure still says the symptom is there.
 */
function deniedAfter(after: readonly string[]): boolean {
  for (const [i, word] of after.slice(0, 2).entries()) {
    if (clauseBreaks.has(word)) return false;
    if (denialsAfter.has(word)) {
      const rest = after.slice(i + 1);
      const next = rest[0] === 'meer' ? rest[1] : rest[0];
      return next === undefined || !measuresAfterDenial.has(next);
    }
  }
  return false;
}

function words(text: string): string[] {
  return text.split(' ').filter((word) => word.length > 0);
}

/** True when the pattern matches somewhere in the text without being denied ("geen koorts"). */
function affirmed(pattern: SymptomPattern, text: string): boolean {
  pattern.re.lastIndex = 0;
  for (let match = pattern.re.exec(text); match !== null; match = pattern.re.exec(text)) {
    // Try every start position, so that a denied match does not hide an affirmed one that overlaps it.
    pattern.re.lastIndex = match.index + 1;
    const before = words(text.slice(0, match.index));
    const after = words(text.slice(match.index + match[0].length));
    if (pattern.accept && !pattern.accept(match, before, after)) continue;
    if (deniedBefore(before)) continue;
    if (!pattern.inherent && words(match[0]).some((word) => negationWords.has(word))) continue;
    if (pattern.deniedAfter && deniedAfter(after)) continue;
    return true;
  }
  return false;
}

/** The criteria recognised in what the user said, in the article's order. */
function recognisedFlags(text: string): string[] {
  const normalised = markDoubt(normalise(text));
  const found = new Set(
    patterns.filter((pattern) => affirmed(pattern, normalised)).map((pattern) => pattern.flag),
  );
  return [...directFlags, ...appointmentFlags].map((flag) => flag.id).filter((id) => found.has(id));
}

/**
 * The advice level for a symptom said in the user's own words. The most urgent level wins; a denied
 * symptom ("geen koorts") counts as not said, so "geen koorts" alone is 'unknown' (the questionnaire
 * then asks about every criterion) and is never read as reassurance.
 */
export function classifySymptom(text: string): SymptomClass {
  const found = recognisedFlags(text);
  for (const level of ['direct', 'appointment'] as const) {
    const ids = (level === 'direct' ? directFlags : appointmentFlags)
      .map((flag) => flag.id)
      .filter((id) => found.includes(id));
    const [first] = ids;
    if (first !== undefined) return { level, flagId: first, flagIds: ids };
  }
  return { level: 'unknown' };
}
