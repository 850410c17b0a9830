import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { prompts } from '../content/prompts.js';
import { Intent } from '../intents.js';
import { infoAnswer } from '../knowledge/info.js';
import { join } from '../speech/ssml.js';
import { setDialog } from './context.js';
import { answerFromArticle } from './question.js';
import { ask } from './respond.js';
import { isIntent, namedValue } from './slots.js';

/** One info topic of the article, and what comes after it. */
export function speakInfo(input: HandlerInput, topicId: string): Response | undefined {
  const answer = infoAnswer(topicId);
  if (!answer) return undefined;
  if (topicId === 'gevaarlijk') {
    // "Is rugpijn gevaarlijk?": mostly not; the questions tell whether this pain is one of the exceptions.
    setDialog(input, { mode: 'doctorOffer' });
    return ask(input, join(answer, prompts.info.dangerOffer), join(prompts.info.dangerOfferReprompt));
  }
  setDialog(input, { mode: 'idle' });
  return ask(input, join(answer, ...prompts.infoFollowUp), join(...prompts.whatNextReprompt));
}

/** "wat is chronische rugpijn", "waar komt rugpijn door", "mag ik bewegen met rugpijn". */
export const info: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Info),
  handle(input) {
    const topic = namedValue(input, 'infoTopic');
    if (topic.kind === 'unknown') return answerFromArticle(input, topic.said);
    const spoken = topic.kind === 'known' ? speakInfo(input, topic.id) : undefined;
    if (spoken) return spoken;
    setDialog(input, { mode: 'idle' });
    return ask(input, join(...prompts.infoUnknown), join(...prompts.whatNextReprompt));
  },
};
