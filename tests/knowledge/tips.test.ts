import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import {
  chooseTip,
  recentTipsKept,
  tipForTopic,
  tipSpeech,
  tipTitle,
} from '../../lambda/src/knowledge/tips.js';
import { spoken } from '../../lambda/src/text/index.js';

describe('choosing a tip', () => {
  it('never repeats one of the last five tips when picking at random, and in time gives all 13', () => {
    // A fixed pseudo-random sequence (a linear congruential generator), so the test is the same every run.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let recent: number[] = [];
    const heard: number[] = [];
    for (let i = 0; i < 200; i++) {
      const choice = chooseTip(recent, undefined, random);
      expect(recent).not.toContain(choice.tip.number);
      heard.push(choice.tip.number);
      recent = choice.recentTips;
      expect(recent.length).toBeLessThanOrEqual(recentTipsKept);
    }
    expect(new Set(heard).size).toBe(13);
  });

  it('remembers the last five tips heard, newest last, without repeats', () => {
    let recent: number[] = [];
    for (const number of [1, 2, 3, 2, 4, 5, 6]) {
      const named = article.tips.find((t) => t.number === number);
      recent = chooseTip(recent, named?.id, () => 0).recentTips;
    }
    expect(recent).toEqual([3, 2, 4, 5, 6]);
  });

  it('finds a tip by its id, a topic word, or a sentence containing one', () => {
    expect(tipForTopic('tillen')?.id).toBe('tillen');
    expect(tipForTopic('Matras')?.id).toBe('matras');
    expect(tipForTopic('mijn bureaustoel')).toBeDefined();
  });

  it('says when a named topic has no tip, and gives another one', () => {
    const choice = chooseTip([], 'ruimtevaart', () => 0);
    expect(choice.topicMatched).toBe(false);
    expect(choice.tip).toBeDefined();
  });

  it('speaks a tip as "Tip N: title." and its sentences for the ear, never the bullets as written', () => {
    for (const tip of article.tips) {
      const said = tipSpeech(tip)
        .map((p) => (p.kind === 'text' ? p.text : ''))
        .join(' ');
      expect(said.startsWith(`Tip ${tip.number}: ${tipTitle(tip)}.`)).toBe(true);
      for (const sentence of spoken.tips[tip.id]?.sentences ?? []) expect(said).toContain(sentence.say);
      expect(said).not.toMatch(/\(|\)|\bcore\b|lenderug/i);
    }
  });
});
