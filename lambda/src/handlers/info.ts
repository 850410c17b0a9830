import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { Intent } from '../intents.js';
import { asksItsOwnQuestion, infoAnswer, infoInParts } from '../knowledge/info.js';
import { join } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import { setDialog } from './context.js';
import { answerFromArticle } from './question.js';
import { ask } from './respond.js';
import { isIntent, namedValue, slotText } from './slots.js';

/**
 * One info topic of the article, and what comes after it: its rest offered, the doctor questions
 * offered, or "Wil je nog iets weten?". `question`: the words the user asked it with.
 */
export function speakInfo(input: HandlerInput, topicId: string, question?: string): Response | undefined {
  const answer = infoAnswer(topicId, question);
  if (!answer) return undefined;
  if (topicId === 'gevaarlijk') {
    // "Is rugpijn gevaarlijk?": mostly not; the questions tell whether this pain is one of the exceptions.
    setDialog(input, { mode: 'doctorOffer' });
    return ask(input, join(answer, prompts.info.dangerOffer), join(prompts.info.dangerOfferReprompt));
  }
  const parts = infoInParts[topicId];
  if (parts) {
    setDialog(input, { mode: 'tipOffer', more: parts.more });
    return ask(input, join(answer, parts.question), join(...prompts.moreReprompt));
  }
  setDialog(input, { mode: 'idle' });
  const after = asksItsOwnQuestion.has(topicId) ? [] : prompts.infoFollowUp;
  return ask(input, join(answer, ...after), join(...prompts.whatNextReprompt));
}

/** "wat is chronische rugpijn", "waar komt rugpijn door", "mag ik bewegen met rugpijn". */
export const info: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Info),
  handle(input) {
    const topic = namedValue(input, 'infoTopic');
    if (topic.kind === 'unknown') return answerFromArticle(input, topic.said);
    const spoken =
      topic.kind === 'known' ? speakInfo(input, topic.id, slotText(input, 'infoTopic')) : undefined;
    if (spoken) return spoken;
    setDialog(input, { mode: 'idle' });
    return ask(input, join(...prompts.infoUnknown), join(...prompts.whatNextReprompt));
  },
};
