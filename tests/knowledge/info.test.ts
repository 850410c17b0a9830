import { describe, expect, it } from 'vitest';
import { article } from '../../lambda/src/content/article.js';
import { infoAnswer, infoTopics } from '../../lambda/src/knowledge/info.js';
import { renderSsml } from '../../lambda/src/speech/ssml.js';
import { loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';
import { ssmlProblems } from '../../tools/ssml-check.js';

const model = loadInteractionModel();
const understanding = await Understanding.train(model);
const infoTopicType = model.interactionModel.languageModel.types?.find((t) => t.name === 'InfoTopic');
const text = (id: string) =>
  (infoAnswer(id) ?? [])
    .map((p) => (p.kind === 'text' ? p.text : ''))
    .join(' ')
    .toLowerCase();

describe('info answers', () => {
  it('has an answer for every InfoTopic value of the interaction model, and no answer without a value', () => {
    const ids = infoTopicType?.values.map((v) => v.id ?? '') ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual([...infoTopics].sort());
    for (const id of ids) {
      const speech = infoAnswer(id);
      expect(speech, id).toBeDefined();
      expect(ssmlProblems(renderSsml(speech ?? [])), id).toEqual([]);
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

  it('tells every kind, place and cause of the article', () => {
    for (const kind of article.kinds) expect(text('soorten')).toContain(kind.description.toLowerCase());
    for (const place of article.places) expect(text('plekken')).toContain(place.description.toLowerCase());
    const causes = text('oorzaken');
    for (const item of article.causes.common.items) expect(causes).toContain(item.toLowerCase());
    for (const item of article.causes.lessCommon.items)
      expect(causes).toContain(item.description.toLowerCase());
    for (const item of article.causes.rare.items) expect(causes).toContain(item.toLowerCase());
  });

  it('tells the conclusion and the FAQ answer word for word', () => {
    for (const point of article.conclusion.points)
      expect(text('conclusie')).toContain(point.text.toLowerCase());
    for (const sentence of article.faq[0]!.answer) expect(text('bewegen')).toContain(sentence.toLowerCase());
  });

  it('knows nothing about a topic the article does not cover', () => {
    expect(infoAnswer('zwangerschap')).toBeUndefined();
    expect(infoAnswer(undefined)).toBeUndefined();
  });
});
