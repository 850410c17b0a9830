import { compileSamples, exactMatch } from '../simulator/nlu/exact.js';
import { splitInvocation } from '../simulator/nlu/invocation.js';
import type { InteractionModel } from '../simulator/nlu/model.js';
import { SlotValues } from '../simulator/nlu/slot-values.js';
import { normalize, words } from '../simulator/nlu/words.js';

/**
 * A test of whether a phrasing is in the model word for word: one of its samples, alone or with a
 * slot value of the model in its slot, after the invocation ("vraag rug coach …") as Alexa strips it.
 * A held-out phrasing that is in the model measures nothing about understanding.
 */
export function inModel(model: InteractionModel): (text: string) => boolean {
  const samples = compileSamples(model);
  const values = new SlotValues(model);
  return (text) => {
    const said = words(text);
    if (said[0] === 'alexa') said.shift();
    const invocation = splitInvocation(said.map(normalize));
    if (invocation.kind === 'launch') return false;
    const variants = invocation.kind === 'oneShot' ? invocation.variants : [invocation.request];
    return variants.some((tokens) => exactMatch(samples, values, tokens, tokens) !== undefined);
  };
}
