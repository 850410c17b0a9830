import { readFileSync } from 'node:fs';

/** The ASK interaction model, as far as this skill uses it. */
interface SlotValueDefinition {
  id: string;
  name: { value: string; synonyms?: string[] };
}

export interface ModelIntent {
  name: string;
  slots?: { name: string; type: string }[];
  samples: string[];
}

export interface InteractionModel {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: ModelIntent[];
      types: { name: string; values: SlotValueDefinition[] }[];
    };
  };
}

export const modelUrl = new URL(
  '../../../interaction-model/interactionModels/custom/nl-NL.json',
  import.meta.url,
);

/** Reads the nl-NL interaction model from the skill package in the repository. */
export function loadInteractionModel(): InteractionModel {
  return JSON.parse(readFileSync(modelUrl, 'utf8')) as InteractionModel;
}

/** The slot names an intent declares, for envelopes that list unfilled slots as Alexa does. */
export function declaredSlots(model: InteractionModel, intentName: string): { name: string; type: string }[] {
  return model.interactionModel.languageModel.intents.find((i) => i.name === intentName)?.slots ?? [];
}
