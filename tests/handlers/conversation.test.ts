import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { infoAnswer, infoInParts, moreCauses } from '../../lambda/src/knowledge/info.js';
import { tipSentences, tipTitle } from '../../lambda/src/knowledge/tips.js';
import { knowledgeText, prompts } from '../../lambda/src/text/index.js';
import { defined } from '../../tools/defined.js';
import { type RunningSkill, startSkill } from '../support/skill.js';
import { said, transcript } from '../support/transcript.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());

describe('a first conversation', () => {
  it('welcomes, gives the disclaimer, a tip and a goodbye', async () => {
    await transcript(skill.session())`
      U: open rug coach
      A: ${prompts.welcomeNew} … ${article.disclaimer.short}
      U: geef me een tip
      A: ${/^Tip \d+: /} … ${prompts.anotherTipQuestion}
      U: stop
      A: ${prompts.goodbye} (end)
    `;
  });

  it('does not repeat the disclaimer to a returning user', async () => {
    const userId = 'amzn1.ask.account.RETURNING';
    await transcript(skill.session({ userId }))`
      U: open rug coach
      U: stop
    `;
    await transcript(skill.session({ userId }))`
      U: open rug coach
      A: ${prompts.welcomeBack}
      A not: ${article.disclaimer.short}
    `;
  });
});

describe('tips', () => {
  it('gives a different tip for "nog een tip" than the ones just heard', async () => {
    const s = skill.session();
    const heard: string[] = [];
    await s.say('open rug coach');
    let turn = await s.say('geef me een tip');
    heard.push(turn.text.split(':')[0] ?? '');
    for (let i = 0; i < 4; i++) {
      turn = await s.say('ja');
      heard.push(turn.text.split(':')[0] ?? '');
    }
    expect(new Set(heard).size).toBe(5);
  });

  it('"volgende" after a tip gives another tip, even with an exercise saved from before', async () => {
    const userId = 'amzn1.ask.account.TIP-THEN-NEXT';
    const earlier = skill.session({ userId });
    await earlier.say('vraag rug coach naar de brug');
    await earlier.say('stop');
    const s = skill.session({ userId });
    await s.say('vraag rug coach om een tip');
    const next = await s.say('volgende');
    expect(next.text).toMatch(/^Tip \d+: /);
  });

  it('gives the tip on a named topic, with every bullet of the article', async () => {
    const turn = await skill.session().say('vraag rug coach om een tip over tillen');
    const lifting = defined(article.tips.find((t) => t.id === 'tillen'));
    expect(turn.text).toContain(`Tip ${lifting.number}: ${tipTitle(lifting)}.`);
    for (const sentence of tipSentences(lifting)) expect(turn.text).toContain(sentence);
  });

  it('reaches every one of the 13 tips by its topic', async () => {
    for (const tip of article.tips) {
      const turn = await skill.session().say(`vraag rug coach om een tip over ${tip.topics[0]}`);
      expect(turn.text, tip.id).toContain(`Tip ${tip.number}: ${tipTitle(tip)}.`);
      await expect(turn).toBeAValidAlexaAnswer();
    }
  });

  it('answers cooling or ice honestly: the article speaks of warmth, and no tip is made up', async () => {
    const [cooling] = knowledgeText.gaps;
    for (const question of [
      'helpt ijs',
      'vraag rug coach of ik mijn rug moet koelen',
      'helpt een ijszak tegen rugpijn',
    ]) {
      const turn = await skill.session().say(question);
      expect(turn.text, question).toContain(defined(cooling).speech);
      expect(turn.text, question).not.toMatch(/^Tip \d+:/);
    }
  });
});

describe('info and FAQ answers', () => {
  const questions: Array<[string, string, string?]> = [
    ['wat is chronische rugpijn', 'chronisch'],
    ['hoe lang duurt chronische rugpijn', 'chronisch'],
    ['waar komt rugpijn door', 'oorzaken'],
    ['wat zijn de oorzaken van rugpijn', 'oorzaken'],
    ['mag ik bewegen met rugpijn', 'bewegen', 'mag ik bewegen met rugpijn'],
    ['moet ik in bed blijven', 'bewegen', 'moet ik in bed blijven'],
    ['welke soorten rugpijn zijn er', 'soorten'],
  ];
  for (const [question, topic, asked] of questions) {
    it(`answers "${question}" from the article's ${topic}`, async () => {
      await transcript(skill.session())`
        U: open rug coach
        U: ${question}
        A: ${said(infoAnswer(topic, asked))}
      `;
    });
  }
});

describe('answers in parts', () => {
  it('"ja" to "Wil je ook … horen?" says the rest of the causes', async () => {
    await transcript(skill.session())`
      U: open rug coach
      U: wat zijn de oorzaken van rugpijn
      A: ${said(infoAnswer('oorzaken'))} … ${defined(infoInParts.oorzaken).question}
      U: ja
      A: ${said(moreCauses())}
    `;
  });

  it('"nee" leaves the rest unsaid and asks what next', async () => {
    await transcript(skill.session())`
      U: open rug coach
      U: wat zijn de oorzaken van rugpijn
      U: nee
      A: ${prompts.whatNext}
      A not: ${said(moreCauses())}
    `;
  });
});

describe('"herhaal"', () => {
  it('says the last answer again, word for word', async () => {
    const s = skill.session();
    const [, tip, again] = await transcript(s)`
      U: open rug coach
      U: geef me een tip
      U: herhaal
      U: ja
      A: ${/^Tip \d+: /}
    `;
    expect(again?.ssml).toBe(tip?.ssml);
  });
});

describe('help, fallback and errors', () => {
  it('helps, and says what it did not understand without ending the session', async () => {
    const s = skill.session();
    await transcript(s)`
      U: open rug coach
      U: help
      A: ${prompts.help}
    `;
    const fallback = await s.sendIntent('AMAZON.FallbackIntent');
    expect(fallback).toSay(prompts.fallback);
    expect(fallback.sessionEnded).toBe(false);
    const unknown = await s.sendIntent('SomeIntentFromAnOlderModel');
    expect(unknown).toSay(prompts.fallback);
    for (const turn of s.turns) await expect(turn).toBeAValidAlexaAnswer();
  });
});
