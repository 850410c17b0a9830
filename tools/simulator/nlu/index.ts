import { IntentClassifier } from './classifier.js';
import { carrierMatch, compileSamples, exactMatch } from './exact.js';
import { fillSlots } from './fill-slots.js';
import { splitInvocation } from './invocation.js';
import type { InteractionModel } from './model.js';
import { type ResolvedSlot, SlotValues } from './slot-values.js';
import { normalize, words } from './words.js';

export { declaredSlots, type InteractionModel, loadInteractionModel } from './model.js';

/**
 * The local simulator's stand-in for Alexa's speech understanding: an utterance becomes the launch or
 * the intent and slots Alexa would send. Exact samples first; then a statistical classifier trained
 * on the interaction model, whose best intent is taken only above a confidence threshold; below it,
 * AMAZON.FallbackIntent, as Alexa answers what its model does not cover.
 */

export type Resolution =
  | { kind: 'launch' }
  | { kind: 'intent'; name: string; slots: Record<string, ResolvedSlot>; confidence: number; exact: boolean }
  | { kind: 'none' };

const fallbackIntent = 'AMAZON.FallbackIntent';

/** Below this score the classifier's guess is not taken (chosen on a development set; see README). */
const confidenceThreshold = 0.4;

/**
 * `full`: what the simulator does (exact samples, carrier phrases, then nlp.js; where nlp.js is unsure,
 * the nearest samples vote).
 * `statistical`: nlp.js alone, trained on the model alone, after the invocation is taken off: a
 * plainer NLU than Alexa's, to see how much of the understanding rests on the simulator's own passes.
 */
export type UnderstandingMode = 'full' | 'statistical';

export class Understanding {
  private readonly samples;
  private readonly values;

  private constructor(
    readonly model: InteractionModel,
    private readonly classifier: IntentClassifier,
    readonly mode: UnderstandingMode,
  ) {
    this.samples = compileSamples(model);
    this.values = new SlotValues(model);
  }

  /** Trains the classifier on the model (about 75 s for this skill's model; then cached, see classifier.ts). */
  static async train(model: InteractionModel, mode: UnderstandingMode = 'full'): Promise<Understanding> {
    return new Understanding(model, await IntentClassifier.train(model), mode);
  }

  async understand(text: string): Promise<Resolution> {
    const said = words(text);
    if (said[0] === 'alexa') said.shift();
    if (said.length === 0) return { kind: 'none' };
    const tokens = said.map((w) => normalize(w));
    const invocation = splitInvocation(tokens);
    if (invocation.kind === 'launch') return { kind: 'launch' };
    const offset = said.length - invocation.request.length;
    const variants = invocation.kind === 'oneShot' ? invocation.variants : [invocation.request];
    const candidates = variants.map((request) => ({
      tokens: request,
      said: said.slice(offset + (invocation.request.length - request.length)),
    }));

    const passes =
      this.mode === 'statistical'
        ? []
        : [exactMatch, carrierMatch, (...args: Parameters<typeof exactMatch>) => carrierMatch(...args, true)];
    for (const pass of passes) {
      for (const candidate of candidates) {
        const match = pass(this.samples, this.values, candidate.tokens, candidate.said);
        if (match)
          return { kind: 'intent', name: match.intent, slots: match.slots, confidence: 1, exact: true };
      }
    }

    let best: { intent: string; score: number; tokens: string[]; said: string[] } | undefined;
    for (const candidate of candidates) {
      const top = await this.classifier.classify(candidate.tokens.join(' '), {
        neighbours: this.mode === 'full',
      });
      if (top && (!best || top.score > best.score)) {
        best = { intent: top.intent, score: top.score, ...candidate };
      }
    }
    if (!best || best.score < confidenceThreshold) {
      return { kind: 'intent', name: fallbackIntent, slots: {}, confidence: best?.score ?? 0, exact: false };
    }
    const intent = this.model.interactionModel.languageModel.intents.find((i) => i.name === best.intent);
    const slots = intent ? fillSlots(intent, this.values, best.tokens, best.said) : {};
    return { kind: 'intent', name: best.intent, slots, confidence: best.score, exact: false };
  }
}
