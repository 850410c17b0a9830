import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { article } from '../../lambda/src/content/article.js';
import { allIntents } from '../../lambda/src/intents.js';
import { knowledgeText } from '../../lambda/src/text/index.js';
import { appointmentFlags, directFlags } from '../../lambda/src/triage/criteria.js';
import { generateModel, serialiseModel } from '../../tools/model/generate.js';
import { type InteractionModel, loadInteractionModel, modelUrl } from '../../tools/simulator/nlu/model.js';
import { normalize } from '../../tools/simulator/nlu/words.js';

const model = loadInteractionModel();
const lm = model.interactionModel.languageModel;

/** The ASK interaction model, as far as this skill uses it (no dialog model, no prompts). */
const slotValueSchema = z.strictObject({
  id: z.string().min(1),
  name: z.strictObject({ value: z.string().min(1), synonyms: z.array(z.string().min(1)).optional() }),
});
const askModelSchema = z.strictObject({
  interactionModel: z.strictObject({
    languageModel: z.strictObject({
      invocationName: z.string(),
      intents: z
        .array(
          z.strictObject({
            name: z.string().regex(/^(AMAZON\.)?[A-Za-z_]+$/),
            slots: z
              .array(z.strictObject({ name: z.string().regex(/^[A-Za-z_]+$/), type: z.string() }))
              .optional(),
            samples: z.array(z.string()),
          }),
        )
        .min(1),
      types: z.array(
        z.strictObject({ name: z.string().regex(/^[A-Za-z_]+$/), values: z.array(slotValueSchema).min(1) }),
      ),
    }),
  }),
});

/** The intents whose samples carry most of what people say: each needs a wide range of phrasings. */
const MAIN = [
  'ExerciseIntent',
  'RoutineIntent',
  'TipIntent',
  'InfoIntent',
  'DoctorIntent',
  'SymptomIntent',
  'QuestionIntent',
];

const intent = (name: string) => lm.intents.find((i) => i.name === name);
const slotsIn = (sample: string) => [...sample.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] ?? '');
const valuesOf = (type: string) => lm.types?.find((t) => t.name === type)?.values ?? [];
const allSamples = lm.intents.flatMap((i) => (i.samples ?? []).map((sample) => ({ intent: i.name, sample })));

describe('the interaction model', () => {
  it('has the shape of an ASK interaction model', () => {
    const result = askModelSchema.safeParse(model satisfies InteractionModel);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('is invoked as "rug coach", a name Alexa accepts', () => {
    const name = lm.invocationName;
    expect(name).toBe('rug coach');
    expect(name).toMatch(/^[a-zà-ÿ]+( [a-zà-ÿ]+)+$/);
    const forbidden = [
      'alexa',
      'amazon',
      'echo',
      'computer',
      'skill',
      'app',
      'open',
      'start',
      'vraag',
      'zeg',
      'stop',
    ];
    expect(name.split(' ').filter((w) => forbidden.includes(w))).toEqual([]);
  });

  it('is what content/understanding/ generates (run `npm run model` after changing a phrasing)', () => {
    expect(readFileSync(modelUrl, 'utf8')).toBe(serialiseModel(generateModel()));
  });

  it('has exactly the intents the handlers code against, each with samples, the main ones with 100 or more', () => {
    expect(lm.intents.map((i) => i.name).sort()).toEqual([...allIntents].sort());
    for (const i of lm.intents) {
      if (i.name === 'AMAZON.FallbackIntent' || i.name === 'AMAZON.NavigateHomeIntent') continue;
      expect(i.samples.length, i.name).toBeGreaterThan(0);
    }
    for (const name of MAIN) expect(intent(name)?.samples?.length, name).toBeGreaterThanOrEqual(100);
  });

  it('has plain statements for every red flag of the article, for symptoms said without a question', () => {
    const symptoms = JSON.parse(
      readFileSync(new URL('../../content/understanding/symptoms.json', import.meta.url), 'utf8'),
    ) as Record<string, string[]>;
    const flags = [...directFlags, ...appointmentFlags].map((flag) => flag.id);
    expect(Object.keys(symptoms).sort()).toEqual([...flags].sort());
    for (const flag of flags) expect(symptoms[flag]?.length, flag).toBeGreaterThanOrEqual(5);
  });

  it('declares every slot a sample uses, and uses every slot it declares', () => {
    for (const i of lm.intents) {
      const declared = (i.slots ?? []).map((s) => s.name);
      const used = new Set((i.samples ?? []).flatMap(slotsIn));
      expect(
        [...used].filter((s) => !declared.includes(s)),
        i.name,
      ).toEqual([]);
      expect(
        declared.filter((s) => !used.has(s)),
        i.name,
      ).toEqual([]);
    }
  });

  it('uses only slot types it defines or built-in AMAZON types', () => {
    const defined = new Set((lm.types ?? []).map((t) => t.name));
    const slotTypes = lm.intents.flatMap((i) => (i.slots ?? []).map((s) => s.type));
    expect(slotTypes.filter((t) => !defined.has(t) && !t.startsWith('AMAZON.'))).toEqual([]);
  });

  it('puts no sample in two intents, nor twice in one', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const { intent: name, sample } of allSamples) {
      const key = normalize(sample.replace(/\{([^}]*)\}/g, ' slot$1 '));
      const other = seen.get(key);
      if (other !== undefined) clashes.push(`"${sample}" in ${other} and ${name}`);
      seen.set(key, name);
    }
    expect(clashes).toEqual([]);
  });

  it('writes samples as Alexa accepts them: lower case, words not digits, at most 200 characters', () => {
    const bad = allSamples
      .map(({ sample }) => sample)
      .filter(
        (s) =>
          s.length > 200 || s.trim() !== s || /\s{2}/.test(s) || !/^([\p{Ll}'. ]|\{[A-Za-z_]+\})+$/u.test(s),
      );
    expect(bad).toEqual([]);
  });

  it('fits the model definition SMAPI accepts: under 1,000,000 characters sent', () => {
    // SMAPI refuses a larger model: "'modelDefinition' failed to satisfy constraint: Member must have
    // length less than or equal to 1000000" (github.com/alexa/ask-cli/issues/9). Collected samples grow it.
    expect(JSON.stringify(model).length).toBeLessThan(1_000_000);
    // The file itself, as `ask deploy` and the CDK stack send it, pretty-printed.
    expect(readFileSync(modelUrl, 'utf8').length).toBeLessThan(1_000_000);
  });

  it('extends built-in intents only with plain phrases, and leaves Fallback and NavigateHome alone', () => {
    for (const name of allIntents.filter((n) => n.startsWith('AMAZON.'))) {
      const i = intent(name);
      expect(i?.slots ?? [], name).toEqual([]);
      expect(
        (i?.samples ?? []).filter((s) => s.includes('{')),
        name,
      ).toEqual([]);
    }
    expect(intent('AMAZON.FallbackIntent')?.samples).toEqual([]);
    expect(intent('AMAZON.NavigateHomeIntent')?.samples).toEqual([]);
  });

  it('follows the AMAZON.SearchQuery rules: a carrier phrase, and no other slot in the sample', () => {
    // https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html#searchquery
    for (const i of lm.intents) {
      const searchSlots = (i.slots ?? []).filter((s) => s.type === 'AMAZON.SearchQuery').map((s) => s.name);
      for (const sample of i.samples ?? []) {
        const used = slotsIn(sample);
        if (!used.some((s) => searchSlots.includes(s))) continue;
        expect(used, sample).toHaveLength(1);
        expect(sample.replace(/\{[^}]*\}/g, '').trim().length, sample).toBeGreaterThan(0);
      }
    }
    expect(intent('DoctorIntent')?.slots).toEqual([{ name: 'symptom', type: 'AMAZON.SearchQuery' }]);
    expect(intent('SymptomIntent')?.slots).toEqual([{ name: 'symptom', type: 'AMAZON.SearchQuery' }]);
    expect(intent('QuestionIntent')?.slots).toEqual([{ name: 'question', type: 'AMAZON.SearchQuery' }]);
  });

  it('gives each slot value a unique id, synonyms only where there are some, and no synonym to two values', () => {
    for (const type of lm.types ?? []) {
      const ids = type.values.map((v) => v.id);
      expect(new Set(ids).size, type.name).toBe(ids.length);
      // SMAPI rejects an empty synonyms list: the key is left out instead.
      expect(
        type.values.filter((v) => v.name.synonyms !== undefined && v.name.synonyms.length === 0),
      ).toEqual([]);
      const owner = new Map<string, string | undefined>();
      const clashes: string[] = [];
      for (const v of type.values) {
        for (const phrase of [v.name.value, ...(v.name.synonyms ?? [])]) {
          const key = normalize(phrase);
          if (owner.has(key) && owner.get(key) !== v.id) clashes.push(`${type.name}: "${phrase}"`);
          owner.set(key, v.id);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('has a slot value for every exercise, tip and info topic, with the fixed ids', () => {
    const ids = (type: string) => valuesOf(type).map((v) => v.id);
    expect(ids('ExerciseType').sort()).toEqual([
      'bekkenkanteling',
      'brug',
      'hamstrings',
      'kat-koe',
      'knie-naar-borst',
    ]);
    // The 13 tips, and the questions the article does not answer but the skill answers honestly (gaps).
    expect(ids('TipTopic').sort()).toEqual(
      [...article.tips.map((t) => t.id), ...knowledgeText.gaps.map((g) => g.id)].sort(),
    );
    expect(ids('InfoTopic').sort()).toEqual(
      [
        'wat-is',
        'soorten',
        'acuut',
        'subacuut',
        'chronisch',
        'plekken',
        'lage-rug',
        'midden-rug',
        'hoge-rug',
        'oorzaken',
        'veelvoorkomende-oorzaken',
        'minder-voorkomende-oorzaken',
        'zeldzame-oorzaken',
        'hernia',
        'ischias',
        'artrose',
        'scoliose',
        'spit',
        'conclusie',
        'bewegen',
        'oefeningen-overzicht',
        'tips-overzicht',
        'duur',
        'gevaarlijk',
      ].sort(),
    );
  });
});

describe('the interaction model and content/article.json', () => {
  const path = new URL('../../content/article.json', import.meta.url);
  // The article is written by the content work; until it exists there is nothing to compare.
  const article = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as {
        exercises: { id: string; name: string; synonyms?: string[] }[];
        tips: { id: string; topics: string[] }[];
        kinds: { id: string }[];
        places: { id: string }[];
        faq: { id: string }[];
      })
    : { exercises: [], tips: [], kinds: [], places: [], faq: [] };

  /** normalized phrase → id, for one slot type. */
  const phrases = (type: string) =>
    new Map(
      valuesOf(type).flatMap((v) =>
        [v.name.value, ...(v.name.synonyms ?? [])].map((p) => [normalize(p), v.id]),
      ),
    );

  it('knows every exercise by the name and synonyms the article uses', () => {
    const known = phrases('ExerciseType');
    for (const e of article.exercises) {
      for (const p of [e.name, ...(e.synonyms ?? [])]) expect(known.get(normalize(p)), p).toBe(e.id);
    }
  });

  it('knows every tip by the topics the article lists for it', () => {
    const known = phrases('TipTopic');
    for (const t of article.tips) {
      for (const p of t.topics) expect(known.get(normalize(p)), p).toBe(t.id);
    }
  });

  it('has an info topic for every kind, place and FAQ of the article', () => {
    const ids = valuesOf('InfoTopic').map((v) => v.id);
    const wanted = [...article.kinds, ...article.places, ...article.faq].map((x) => x.id);
    expect(wanted.filter((id) => !ids.includes(id))).toEqual([]);
  });
});
