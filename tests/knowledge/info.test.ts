import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { infoAnswer, infoInParts, infoTopics, moreCauses } from '../../lambda/src/knowledge/info.js';
import { renderSsml, type Speech, wordCount } from '../../lambda/src/speech/ssml.js';
import { spoken } from '../../lambda/src/text/index.js';
import { loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';
import { ssmlProblems } from '../support/ssml-check.js';

const model = loadInteractionModel();
const understanding = await Understanding.train(model);
const infoTopicType = model.interactionModel.languageModel.types?.find((t) => t.name === 'InfoTopic');
const said = (speech: Speech) =>
  speech
    .map((p) => (p.kind === 'text' ? p.text : ''))
    .join(' ')
    .toLowerCase();
const text = (id: string) => said(infoAnswer(id) ?? []);

describe('info answers', () => {
  it('has an answer for every InfoTopic value of the interaction model, and no answer without a value', async () => {
    const ids = infoTopicType?.values.map((v) => v.id ?? '') ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual([...infoTopics].sort());
    for (const id of ids) {
      const speech = infoAnswer(id);
      expect(speech, id).toBeDefined();
      expect(await ssmlProblems(renderSsml(speech ?? [])), id).toEqual([]);
    }
  });

  it('reaches every info topic by at least two phrasings, through the model', async () => {
    for (const value of infoTopicType?.values ?? []) {
      const phrasings = [value.name.value, ...(value.name.synonyms ?? [])];
      const reaching: string[] = [];
      for (const p of phrasings) {
        const r = await understanding.understand(`vraag rug coach ${p}`);
        if (r.kind === 'intent' && r.name === 'InfoIntent' && r.slots.infoTopic?.id === value.id)
          reaching.push(p);
      }
      expect(reaching.length, value.id ?? '').toBeGreaterThanOrEqual(2);
    }
  });

  it('tells every kind, place and cause of the article, the rest of the causes when asked', () => {
    for (const kind of Object.values(spoken.info.kinds))
      expect(text('soorten')).toContain(kind.say.toLowerCase());
    for (const place of Object.values(spoken.info.places))
      expect(text('plekken')).toContain(place.say.toLowerCase());
    const causes = [text('oorzaken'), said(moreCauses())].join(' ');
    expect(infoInParts.oorzaken?.question).toBe(spoken.info.moreCausesQuestion);
    for (const item of article.causes.common.items) expect(causes).toContain(item.toLowerCase());
    for (const item of Object.values(spoken.info.lessCommonCauses))
      expect(causes).toContain(item.say.toLowerCase());
    expect(causes).toContain(spoken.info.rareCauses.say.toLowerCase());
  });

  it('tells the conclusion, and answers the FAQ as it was asked', () => {
    for (const sentence of spoken.info.conclusion)
      expect(text('conclusie')).toContain(sentence.say.toLowerCase());
    expect(said(infoAnswer('bewegen', 'mag ik bewegen met rugpijn') ?? [])).toMatch(/^ja, matig bewegen/);
    expect(said(infoAnswer('bewegen', 'moet ik in bed blijven') ?? [])).toMatch(
      /^nee, bedrust wordt afgeraden/,
    );
    expect(said(infoAnswer('bewegen', 'is bedrust goed') ?? [])).toMatch(/^nee, /);
  });

  it('answers "welke tips zijn er" with a short menu, not thirteen titles', () => {
    const menu = text('tips-overzicht');
    expect(wordCount(menu)).toBeLessThanOrEqual(40);
    expect(menu).toContain('?');
  });

  it('knows nothing about a topic the article does not cover', () => {
    expect(infoAnswer('zwangerschap')).toBeUndefined();
    expect(infoAnswer(undefined)).toBeUndefined();
  });
});
