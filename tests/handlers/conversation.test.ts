import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { tipSentences, tipTitle } from '../../lambda/src/knowledge/tips.js';
import { knowledgeText, prompts } from '../../lambda/src/text/index.js';
import { defined } from '../../tools/defined.js';
import { type RunningSkill, startSkill } from '../support/skill.js';

let skill: RunningSkill;
beforeAll(async () => {
  skill = await startSkill();
});
afterAll(() => skill.stop());

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

describe('a first conversation', () => {
  it('welcomes, gives the disclaimer, a tip and a goodbye', async () => {
    const s = skill.session();
    const welcome = await s.say('open rug coach');
    expect(welcome).toSay(prompts.welcomeNew);
    expect(welcome.text).toContain(article.disclaimer.short);
    expect(welcome.sessionEnded).toBe(false);

    const tip = await s.say('geef me een tip');
    expect(tip.text).toMatch(/^Tip \d+: /);
    expect(tip).toSay(prompts.anotherTipQuestion);

    const bye = await s.say('stop');
    expect(bye).toSay(prompts.goodbye);
    expect(bye.sessionEnded).toBe(true);
    for (const turn of s.turns) await expect(turn).toBeAValidAlexaAnswer();
  });

  it('does not repeat the disclaimer to a returning user', async () => {
    const userId = 'amzn1.ask.account.RETURNING';
    const first = skill.session({ userId });
    await first.say('open rug coach');
    await first.say('stop');
    const again = await skill.session({ userId }).say('open rug coach');
    expect(again).toSay(prompts.welcomeBack);
    expect(again.text).not.toContain(article.disclaimer.short);
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
  const phrasings: Array<[string, string]> = [
    ['wat is chronische rugpijn', 'langer dan drie maanden'],
    ['hoe lang duurt chronische rugpijn', 'langer dan drie maanden'],
    ['waar komt rugpijn door', 'spierspanning'],
    ['wat zijn de oorzaken van rugpijn', 'Wil je ook de minder vaak voorkomende oorzaken horen?'],
    ['mag ik bewegen met rugpijn', 'Ja, matig bewegen is juist aan te raden'],
    ['moet ik in bed blijven', 'Nee, bedrust wordt afgeraden'],
    ['welke soorten rugpijn zijn er', 'Subacute rugpijn'],
  ];
  for (const [utterance, expected] of phrasings) {
    it(`answers "${utterance}" from the article`, async () => {
      const s = skill.session();
      await s.say('open rug coach');
      const turn = await s.say(utterance);
      expect(normalise(turn.text)).toContain(normalise(expected));
      await expect(turn).toBeAValidAlexaAnswer();
    });
  }
});

describe('answers in parts', () => {
  it('"ja" to "Wil je ook … horen?" says the rest of the causes', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    await s.say('wat zijn de oorzaken van rugpijn');
    const rest = await s.say('ja');
    expect(rest.text).toContain('Bij een hernia puilt een tussenwervelschijf uit.');
    expect(rest.text).toContain('Zeldzame oorzaken');
    await expect(rest).toBeAValidAlexaAnswer();
  });

  it('"nee" leaves the rest unsaid and asks what next', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    await s.say('wat zijn de oorzaken van rugpijn');
    const no = await s.say('nee');
    expect(no.text).not.toContain('hernia');
    expect(no.sessionEnded).toBe(false);
  });
});

describe('"herhaal"', () => {
  it('says the last answer again, word for word', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    const tip = await s.say('geef me een tip');
    const again = await s.say('herhaal');
    expect(again.ssml).toBe(tip.ssml);
    const another = await s.say('ja');
    expect(another.text).toMatch(/^Tip \d+: /);
  });
});

describe('help, fallback and errors', () => {
  it('helps, and says what it did not understand without ending the session', async () => {
    const s = skill.session();
    await s.say('open rug coach');
    const help = await s.say('help');
    expect(help.text).toContain('start mijn oefeningen');
    const fallback = await s.sendIntent('AMAZON.FallbackIntent');
    expect(fallback).toSay(prompts.fallback);
    expect(fallback.sessionEnded).toBe(false);
    const unknown = await s.sendIntent('SomeIntentFromAnOlderModel');
    expect(unknown).toSay(prompts.fallback);
    for (const turn of s.turns) await expect(turn).toBeAValidAlexaAnswer();
  });
});
