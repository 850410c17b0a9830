import type { RequestHandler } from 'ask-sdk-core';
import { prompts } from '../content/prompts.js';
import { infoAnswer } from '../knowledge/info.js';
import { join } from '../speech/ssml.js';
import { setDialog } from './context.js';
import { ask } from './respond.js';
import { isIntent, slotId } from './slots.js';

/** "wat is chronische rugpijn", "waar komt rugpijn door", "mag ik bewegen met rugpijn". */
export const info: RequestHandler = {
  canHandle: (input) => isIntent(input, 'InfoIntent'),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    const answer = infoAnswer(slotId(input, 'infoTopic'));
    if (!answer) return ask(input, join(...prompts.infoUnknown), join(...prompts.whatNextReprompt));
    return ask(input, join(answer, ...prompts.infoFollowUp), join(...prompts.whatNextReprompt));
  },
};
