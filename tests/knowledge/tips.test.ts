import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { chooseTip, recentTipMemory, tipForTopic, tipSpeech } from '../../lambda/src/knowledge/tips.js';

describe('choosing a tip', () => {
  it('never repeats one of the last five tips when picking at random', () => {
    let recent: number[] = [];
    const heard: number[] = [];
    for (let i = 0; i < 40; i++) {
      const choice = chooseTip(recent, undefined, Math.random);
      expect(recent).not.toContain(choice.tip.number);
      heard.push(choice.tip.number);
      recent = choice.recentTips;
      expect(recent.length).toBeLessThanOrEqual(recentTipMemory);
    }
    expect(new Set(heard).size).toBe(13);
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

  it('speaks every bullet of a tip', () => {
    for (const tip of article.tips) {
      const spoken = tipSpeech(tip)
        .map((p) => (p.kind === 'text' ? p.text : ''))
        .join(' ');
      for (const bullet of tip.bullets) expect(spoken).toContain(bullet);
    }
  });
});
