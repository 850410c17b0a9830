/**
 * `npm run model:collect -- tests/nlu/development/*.json`: turns phrasings people wrote during
 * development (never the held-out ones) into samples, as one adds real utterances from Alexa's intent
 * history to a model. Each phrasing goes to the intent its goal belongs to; a tip, info topic or
 * exercise named in it becomes the slot ({topic}, {infoTopic}, {exercise}); phrasings whose slot
 * cannot be placed, or that only a free-form slot could take, are left out. Writes
 * content/understanding/collected.json; `npm run model` then builds them into the model.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Intent, type IntentName } from '../../lambda/src/intents.js';
import { inModel } from '../nlu/in-model.js';
import { acceptedIntents, loadHeldOut, loadPhrasings, type Phrasing } from '../nlu/phrasings.js';
import { carrierMatch, compileSamples } from '../simulator/nlu/exact.js';
import { splitInvocation } from '../simulator/nlu/invocation.js';
import { loadInteractionModel } from '../simulator/nlu/model.js';
import { SlotValues } from '../simulator/nlu/slot-values.js';
import { normalize, words } from '../simulator/nlu/words.js';
import { generateModel } from './generate.js';

const slotOf: Partial<Record<IntentName, { slot: string; type: string }>> = {
  [Intent.Exercise]: { slot: 'exercise', type: 'ExerciseType' },
  [Intent.Tip]: { slot: 'topic', type: 'TipTopic' },
  [Intent.Info]: { slot: 'infoTopic', type: 'InfoTopic' },
};

/** Intents whose words live in a free-form slot: a plain sample would lose them. */
const freeForm = new Set<string>([Intent.Question, Intent.Reminder]);

export function collect(phrasings: readonly Phrasing[]): Record<string, string[]> {
  const model = loadInteractionModel();
  const values = new SlotValues(model);
  const compiled = compileSamples(model);
  const out: Record<string, Set<string>> = {};
  for (const phrasing of phrasings) {
    const [intent] = acceptedIntents(phrasing.goal);
    if (
      !intent ||
      freeForm.has(intent) ||
      phrasing.goal === 'exercise:unknown' ||
      phrasing.goal === 'offtopic'
    )
      continue;
    const said = words(phrasing.text);
    if (said[0] === 'alexa') said.shift();
    const invocation = splitInvocation(said.map(normalize));
    if (invocation.kind === 'launch') continue;
    const tokens = invocation.request;
    if (tokens.some((w) => /\d/.test(w))) continue;
    // "of ik naar de dokter moet want ik ben gevallen": a carrier with a free-form slot already takes it,
    // with its words for the red-flag check; as a plain symptom sample the words would be lost.
    if (phrasing.goal.startsWith('symptom:')) {
      const carried = carrierMatch(compiled, values, tokens, tokens);
      if (carried && Object.values(carried.slots).some((slot) => slot.type === 'AMAZON.SearchQuery'))
        continue;
    }
    const [, detail] = phrasing.goal.split(':');
    const slot = slotOf[intent];
    let sample = tokens.join(' ');
    if (slot) {
      const found = values.find(slot.type, tokens);
      if (found && detail !== 'any' && found.match.id === detail) {
        sample = [...tokens.slice(0, found.start), `{${slot.slot}}`, ...tokens.slice(found.end)].join(' ');
      } else if (found || detail !== 'any') continue; // "a tip", "an exercise": no value, a plain sample.
    }
    if (sample.length > 200) continue;
    const samples = out[intent] ?? new Set<string>();
    samples.add(sample);
    out[intent] = samples;
  }
  return Object.fromEntries(Object.entries(out).map(([intent, set]) => [intent, [...set].sort()]));
}

/**
 * Leaves out every collected sample that would put a held-out phrasing into the model word for word
 * (the held-out sets are read for this only): where a development writer and a held-out writer wrote
 * the same sentence, it stays a test of understanding, not of memory.
 */
function decontaminate(collected: Record<string, string[]>): Record<string, string[]> {
  const heldOut = loadHeldOut();
  const base = generateModel({ withCollected: false });
  const clean: Record<string, string[]> = {};
  for (const [intent, samples] of Object.entries(collected)) {
    clean[intent] = samples.filter((sample) => {
      const one = structuredClone(base);
      const target = one.interactionModel.languageModel.intents.find((i) => i.name === intent);
      if (!target) return false;
      target.samples = [sample];
      for (const other of one.interactionModel.languageModel.intents)
        if (other !== target) other.samples = [];
      const said = inModel(one);
      return !heldOut.some((p) => said(p.text));
    });
  }
  return clean;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (files.some((f) => /heldout/.test(f))) throw new Error('held-out phrasings never go into the model');
  const collected = decontaminate(collect(files.flatMap((f) => loadPhrasings(f))));
  const target = new URL('../../content/understanding/collected.json', import.meta.url);
  writeFileSync(
    target,
    `${JSON.stringify({ about: 'Phrasings from the development sets (tests/nlu/development), as samples. Made by tools/model/collect.ts; never held-out ones.', samples: collected }, null, 2)}\n`,
  );
  for (const [intent, samples] of Object.entries(collected))
    console.log(`${intent.padEnd(28)} ${samples.length}`);
}
