import { article } from '../content/article.js';
import { fill, prompts } from '../content/prompts.js';
import type { Tip } from '../content/schema.js';
import { join, type Speech, say } from '../speech/ssml.js';

/** How many recently heard tips are skipped when picking a random one. */
export const recentTipMemory = 5;

export interface TipChoice {
  tip: Tip;
  /** False when the user named a topic that no tip covers. */
  topicMatched: boolean;
  /** The tips heard recently after this one, newest last. */
  recentTips: number[];
}

const normalise = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

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
    tip = pool[Math.min(pool.length - 1, Math.floor(random() * pool.length))]!;
  }
  const recentTips = [...recent.filter((n) => n !== tip.number), tip.number].slice(-recentTipMemory);
  return { tip, topicMatched: topic === undefined || byTopic !== undefined, recentTips };
}

/** A tip as spoken: its number and title, the article's intro and every bullet. */
export function tipSpeech(tip: Tip): Speech {
  const intro = fill(prompts.tipIntro[0]!, { number: tip.number, title: tip.title });
  const bullets = tip.bullets.map((bullet) => (/[.!?]$/.test(bullet) ? bullet : `${bullet}.`));
  return join(say(intro), say(tip.intro), ...bullets.map(say));
}
