import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { article } from '../../lambda/src/content/article.js';
import { allIntents, type IntentName } from '../../lambda/src/intents.js';
import { levelOf } from '../../lambda/src/triage/criteria.js';
import { namesRedFlag } from '../../lambda/src/triage/turns.js';
import { defined } from '../defined.js';
import type { InteractionModel, ModelIntent } from '../simulator/nlu/model.js';
import { expand } from './templates.js';

/**
 * Builds the nl-NL interaction model from the phrasings in content/understanding/ and the article's own
 * names for its exercises and tips. The model is committed (the skill package is deployed as it is);
 * a test checks that the committed file equals what this generates. `npm run model` rewrites it.
 */

const root = new URL('../../', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
export const modelPath = fileURLToPath(
  new URL('interaction-model/interactionModels/custom/nl-NL.json', root),
);

const templates = z.array(z.string().min(1));
const intentSchema = z.strictObject({
  slots: z.record(z.string(), z.string()).optional(),
  samples: templates,
});
const collectedSchema = z.strictObject({ about: z.string(), samples: z.record(z.string(), templates) });
const slotTypesSchema = z.record(
  z.string(),
  z.record(z.string(), z.strictObject({ value: z.string().min(1), synonyms: templates })),
);
const symptomsSchema = z.record(z.string(), templates);

/** What Alexa accepts in a sample or slot value: lower case words, apostrophes, periods, slot references. */
const sampleShape = /^([\p{Ll}'. ]|\{[A-Za-z_]+\})+$/u;

/** Lower case and single spaces outside slot references; a hyphen is a space ("kat-koe" is said "kat koe"). */
function tidy(phrase: string): string {
  return phrase
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? part : part.toLowerCase().replace(/-/g, ' ')))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Most sentences one template adds to an intent (symptom statements: to SymptomIntent, per template). */
const perTemplate = { sample: 64, symptom: 16, synonym: 60 } as const;

function expandAll(list: readonly string[], where: string, max: number): string[] {
  const out = list.flatMap((template) => expand(template, max)).map(tidy);
  // One spelling per sentence as Alexa compares them: "oké" and "oke" are the same sample.
  const seen = new Set<string>();
  const unique = out.filter((sentence) => {
    const key = sentence.normalize('NFD').replace(/\p{M}/gu, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const bad = unique.filter((s) => !sampleShape.test(s) || s.length > 200);
  if (bad.length > 0) throw new Error(`${where}: not a sample Alexa accepts: ${bad.slice(0, 3).join(' / ')}`);
  return unique;
}

/** An article line as a phrase a person could say, or undefined when it has digits or asides. */
function asPhrase(line: string): string | undefined {
  const phrase = tidy(line.replace(/[,:]/g, ' '));
  return /^[\p{Ll}' ]+$/u.test(phrase) && phrase.split(' ').length <= 7 ? phrase : undefined;
}

/** The article's names for each exercise and the topics and advice of each tip, always recognised. */
function articlePhrases(type: string, id: string): string[] {
  if (type === 'ExerciseType') {
    const exercise = article.exercises.find((e) => e.id === id);
    return exercise ? [exercise.name, ...exercise.synonyms] : [];
  }
  if (type === 'TipTopic') return article.tips.find((t) => t.id === id)?.topics ?? [];
  return [];
}

/** A tip's own advice names it too ("voeten plat op de grond" is the workplace tip), where it names one tip. */
function adviceOf(type: string, id: string): string[] {
  if (type !== 'TipTopic') return [];
  const tip = article.tips.find((t) => t.id === id);
  return (tip?.bullets ?? []).map(asPhrase).filter((p): p is string => p !== undefined);
}

/**
 * What people ask that the article does not cover but the skill answers honestly (content/knowledge.json
 * gaps: "helpt ijs?" → the article speaks of warmth) is a tip topic too, so that Alexa hears it as one;
 * the tip handler looks a topic no tip has up in the article.
 */
function gapTopics(): Record<string, { value: string; synonyms: string[] }> {
  const { gaps } = read('content/knowledge.json') as { gaps: { id: string; words: string[] }[] };
  return Object.fromEntries(gaps.map((gap) => [gap.id, { value: gap.id, synonyms: gap.words }]));
}

function slotTypes(): InteractionModel['interactionModel']['languageModel']['types'] {
  const source = slotTypesSchema.parse(read('content/understanding/slot-types.json'));
  return Object.entries(source).map(([type, own]) => {
    const values = type === 'TipTopic' ? { ...own, ...gapTopics() } : own;
    const named = Object.entries(values).map(([id, { value, synonyms }]) => ({
      id,
      name: tidy(value),
      phrases: [
        ...expandAll(synonyms, `${type}.${id}`, perTemplate.synonym),
        ...articlePhrases(type, id).map(tidy),
      ],
    }));
    // Advice lines only where no value claims them already and no other tip says them too.
    const claimed = new Set(named.flatMap((v) => [v.name, ...v.phrases]));
    const advice = named.map((v) => adviceOf(type, v.id).filter((p) => !claimed.has(p)));
    const sharedAdvice = new Set(advice.flat().filter((p, i, all) => all.indexOf(p) !== i));
    return {
      name: type,
      values: named.map((v, i) => {
        const own = (advice[i] ?? []).filter((p) => !sharedAdvice.has(p));
        const unique = [...new Set([...v.phrases, ...own])].filter((s) => s !== v.name);
        return { id: v.id, name: { value: v.name, ...(unique.length > 0 ? { synonyms: unique } : {}) } };
      }),
    };
  });
}

/**
 * The symptom statements an intent takes: the "direct contact" flags, and radiating pain of either
 * kind (said alike, so never told apart by a statistical model: the more urgent one), are urgent; the
 * other appointment criteria are an appointment.
 */
const urgentFlag = (flag: string) => levelOf(flag) === 'direct' || flag === 'uitstralend';

function flagsOf(symptoms: Record<string, string[]>, intent: string): [string, string[]][] {
  return Object.entries(symptoms).filter(([flag]) =>
    intent === 'UrgentSymptomIntent'
      ? urgentFlag(flag)
      : intent === 'AppointmentSymptomIntent'
        ? !urgentFlag(flag)
        : false,
  );
}

function symptomStatements(symptoms: Record<string, string[]>, intent: string): string[] {
  return flagsOf(symptoms, intent).flatMap(([, templates]) => templates);
}

/** A few sentences of each criterion's first three templates, for the samples that combine them. */
function firstStatements(flags: readonly [string, string[]][], perTemplate: number): string[] {
  return flags.flatMap(([, templates]) => templates.slice(0, 3).flatMap((t) => expand(t, perTemplate)));
}

/**
 * Two criteria in one sentence ("ik ben gevallen en ik kan amper bukken", "ik heb al maanden pijn en
 * nu ook koorts"): the more urgent advice is the one to give, so such sentences are urgent samples.
 * A spread of the cross product, each direct statement with some appointment statements, both orders.
 */
function combinedStatements(symptoms: Record<string, string[]>): string[] {
  const statements = (flags: [string, string[]][]) => firstStatements(flags, 1);
  const entries = Object.entries(symptoms);
  const direct = statements(entries.filter(([flag]) => urgentFlag(flag) && flag !== 'uitstralend'));
  const appointment = statements(entries.filter(([flag]) => !urgentFlag(flag)));
  const combined: string[] = [];
  direct.forEach((d, i) => {
    appointment.forEach((a, j) => {
      if ((i + j) % 4 === 0) combined.push(`${d} en ${a}`);
      if ((i + j) % 4 === 2) combined.push(`${a} en ${d}`);
    });
  });
  return combined;
}

const carriersSchema = z.strictObject({ $comment: z.string(), requests: z.array(z.string().min(1)) });

/**
 * A symptom said inside a request ("zet een herinnering want ik ben gevallen"): each criterion's first
 * statements inside the requests of content/understanding/symptom-carriers.json, in turn, as samples of
 * the intent the statement belongs to, so that the request does not take the sentence.
 */
function statementsInPassing(
  symptoms: Record<string, string[]>,
  intent: string,
  requests: readonly string[],
): string[] {
  return firstStatements(flagsOf(symptoms, intent), 2)
    .map(tidy)
    .filter((statement) => namesRedFlag(statement))
    .map((statement, i) => `${defined(requests[i % requests.length])} ${statement}`);
}

export function generateModel({ withCollected = true } = {}): InteractionModel {
  const source = z.record(z.string(), intentSchema).parse(read('content/understanding/intents.json'));
  const symptoms = symptomsSchema.parse(read('content/understanding/symptoms.json'));
  const { requests } = carriersSchema.parse(read('content/understanding/symptom-carriers.json'));
  const unknown = Object.keys(source).filter((name) => !allIntents.includes(name as IntentName));
  const missing = allIntents.filter((name) => !(name in source));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(`intents.json: unknown ${unknown.join(', ')}; missing ${missing.join(', ')}`);
  }
  const collected = withCollected
    ? collectedSchema.parse(read('content/understanding/collected.json')).samples
    : {};
  const owner = new Map<string, string>();
  const intents = allIntents.map((name): ModelIntent => {
    const { slots, samples } = defined(source[name]);
    const plain = [
      ...expandAll(symptomStatements(symptoms, name), name, perTemplate.symptom),
      ...(name === 'UrgentSymptomIntent' ? combinedStatements(symptoms) : []),
      ...statementsInPassing(symptoms, name, requests),
    ];
    const expanded = [...new Set([...expandAll(samples, name, perTemplate.sample), ...plain])];
    for (const sample of expanded) {
      const other = owner.get(sample);
      if (other !== undefined && other !== name) throw new Error(`"${sample}" is in ${other} and ${name}`);
      owner.set(sample, name);
    }
    return {
      name,
      ...(slots ? { slots: Object.entries(slots).map(([slot, type]) => ({ name: slot, type })) } : {}),
      samples: expanded,
    };
  });
  // Phrasings collected during development, where no written sample says them already.
  const plainKey = (sample: string) => sample.normalize('NFD').replace(/\p{M}/gu, '').replace(/'/g, '');
  const said = new Set([...owner.keys()].map(plainKey));
  for (const intent of intents) {
    for (const sample of expandAll(collected[intent.name] ?? [], `collected ${intent.name}`, 1)) {
      if (said.has(plainKey(sample))) continue;
      said.add(plainKey(sample));
      intent.samples.push(sample);
    }
  }
  return {
    interactionModel: { languageModel: { invocationName: 'rug coach', intents, types: slotTypes() } },
  };
}

export function serialiseModel(model: InteractionModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const model = generateModel();
  writeFileSync(modelPath, serialiseModel(model));
  for (const intent of model.interactionModel.languageModel.intents) {
    console.log(`${intent.name.padEnd(28)} ${intent.samples.length}`);
  }
  const total = model.interactionModel.languageModel.intents.reduce((n, i) => n + i.samples.length, 0);
  console.log(`${'samples'.padEnd(28)} ${total}`);
}
