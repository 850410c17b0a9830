import { Intent } from '../../lambda/src/intents.js';
import { knowledgeText } from '../../lambda/src/text/index.js';
import type { Resolution } from '../simulator/nlu/index.js';
import { acceptedIntents, type Phrasing } from './phrasings.js';

/** What the understanding made of a phrasing, as one label: "TipIntent topic=warmte", "LaunchRequest". */
export function labelOf(resolution: Resolution): string {
  if (resolution.kind === 'launch') return 'LaunchRequest';
  if (resolution.kind === 'none') return 'nothing';
  const slots = Object.entries(resolution.slots).map(
    ([name, slot]) => `${name}=${slot.id ?? (slot.matched ? slot.value : `?${slot.value}`)}`,
  );
  return [resolution.name, ...slots].join(' ');
}

/** True when the phrasing reached an intent (and slot) that gives what the person wanted. */
export function routedRight(phrasing: Phrasing, resolution: Resolution): boolean {
  const [kind = '', detail = ''] = phrasing.goal.split(':');
  if (kind === 'launch') return resolution.kind === 'launch';
  if (resolution.kind !== 'intent') return false;
  if (!(acceptedIntents(phrasing.goal) as readonly string[]).includes(resolution.name)) return false;
  const slot = (name: string) => resolution.slots[name];
  switch (resolution.name) {
    case Intent.Exercise:
      if (detail === 'any') return slot('exercise') === undefined || slot('exercise')?.matched === false;
      if (detail === 'unknown') return slot('exercise') !== undefined && slot('exercise')?.matched === false;
      return slot('exercise')?.id === detail;
    case Intent.Tip:
      if (kind === 'tip' && detail === 'any') return slot('topic') === undefined;
      // Words no topic matched go to the article's search, as an open question does.
      if (kind === 'tip') return slot('topic')?.id === detail || slot('topic')?.matched === false;
      // A question the article does not answer, as a topic the skill answers honestly ("helpt ijs").
      if (kind === 'unanswered' && knowledgeText.gaps.some((gap) => gap.id === slot('topic')?.id))
        return true;
      return slot('topic')?.matched === false;
    case Intent.Info:
      if (kind === 'info') return slot('infoTopic')?.id === detail || slot('infoTopic')?.matched === false;
      return slot('infoTopic')?.matched === false;
    case Intent.Reminder:
      return phrasing.time === undefined || slot('time')?.value === phrasing.time;
    default:
      return true;
  }
}
