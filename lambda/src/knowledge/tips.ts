import type { Tip } from '../content/schema.js';
import { join, type Speech, say } from '../speech/ssml.js';
import { article, fill, normalise, prompts, spoken } from '../text/index.js';

/** How many recently heard tips are kept, and skipped when picking a random one. */
export const recentTipsKept = 5;

/** The tips heard recently once `tipNumber` is heard: newest last, no repeats, the last `recentTipsKept`. */
function rememberTip(recent: readonly number[], tipNumber: number): number[] {
  return [...recent.filter((n) => n !== tipNumber), tipNumber].slice(-recentTipsKept);
}

export interface TipChoice {
  tip: Tip;
  /** False when the user named a topic that no tip covers. */
  topicMatched: boolean;
  /** The tips heard recently after this one, newest last. */
  recentTips: number[];
}

/** The tip for a topic: a slot id ("tillen") or free words matched against each tip's topics. */
export function tipForTopic(topic: string): Tip | undefined {
  const wanted = normalise(topic);
  return (
    article.tips.find((tip) => tip.id === wanted) ??
    article.tips.find((tip) => tip.topics.some((t) => normalise(t) === wanted)) ??
    article.tips.find((tip) => tip.topics.some((t) => wanted.includes(normalise(t))))
  );
}

/** Picks a tip: the topic's when one is named, otherwise a random one not heard recently. */
export function chooseTip(
  recent: readonly number[],
  topic: string | undefined,
  random: () => number,
): TipChoice {
  const byTopic = topic ? tipForTopic(topic) : undefined;
  let tip = byTopic;
  if (!tip) {
    const fresh = article.tips.filter((t) => !recent.includes(t.number));
    const pool = fresh.length > 0 ? fresh : article.tips;
    const picked = pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))];
    if (!picked) throw new Error('the article has no tips');
    tip = picked;
  }
  return {
    tip,
    topicMatched: topic === undefined || byTopic !== undefined,
    recentTips: rememberTip(recent, tip.number),
  };
}

/** The tip's title as it is said ("blijf bewegen"; "je buik- en rugspieren versterken" for "Core versterken"). */
export function tipTitle(tip: Tip): string {
  return spoken.tips[tip.id]?.title.say ?? tip.title;
}

/** The tip's sentences for the ear: everything its intro and bullets say, in whole sentences. */
export function tipSentences(tip: Tip): string[] {
  return (spoken.tips[tip.id]?.sentences ?? []).map((s) => s.say);
}

/** A tip as spoken: its number and title ("Tip 6: stretchen."), then its sentences. */
export function tipSpeech(tip: Tip): Speech {
  const intro = prompts.tipIntro.map((line) => fill(line, { number: tip.number, title: tipTitle(tip) }));
  return join(...intro.map(say), ...tipSentences(tip).map(say));
}
