import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { tipById } from '../content/article.js';
import { Intent } from '../intents.js';
import { chooseTip, tipSpeech } from '../knowledge/tips.js';
import { showTipScreen } from '../screen/show.js';
import { join } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import { dialog, setDialog, setUserState, userState } from './context.js';
import { speakMore } from './more.js';
import { answerFromArticle } from './question.js';
import { ask } from './respond.js';
import { isIntent, namedValue, slotText } from './slots.js';

/** Speaks one tip (the one asked for, or one not heard recently) and offers another. */
export function speakTip(input: HandlerInput, tipId: string | undefined): Response {
  const user = userState(input);
  const choice = chooseTip(user.recentTips, tipId, Math.random);
  setUserState(input, { ...user, recentTips: choice.recentTips });
  setDialog(input, { mode: 'tipOffer' });
  showTipScreen(input, choice.tip);
  return ask(
    input,
    join(tipSpeech(choice.tip), ...prompts.anotherTipQuestion),
    join(...prompts.anotherTipReprompt),
  );
}

/**
 * "geef me een tip", "tip over tillen", "helpt een warme douche": one of the article's 13 tips, not one
 * heard just before. A topic no tip has is looked up in the article, and otherwise answered honestly.
 */
export const tip: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Tip),
  handle(input) {
    const topic = namedValue(input, 'topic');
    if (topic.kind === 'unknown') return answerFromArticle(input, topic.said);
    // A topic the model knows that no tip has ("ijs": content/knowledge.json gaps): the article's answer.
    if (topic.kind === 'known' && !tipById(topic.id))
      return answerFromArticle(input, slotText(input, 'topic') ?? topic.id);
    return speakTip(input, topic.kind === 'known' && tipById(topic.id) ? topic.id : undefined);
  },
};

/** Answers to "Wil je nog een tip?", and to "Wil je de rest horen?" (an offer with `more`). */
export const tipOfferAnswers: RequestHandler[] = [
  {
    canHandle: (input) => isIntent(input, Intent.Yes, Intent.Next),
    handle(input) {
      const current = dialog(input);
      const more = current.mode === 'tipOffer' ? current.more : undefined;
      return more ? speakMore(input, more) : speakTip(input, undefined);
    },
  },
  {
    canHandle: (input) => isIntent(input, Intent.No),
    handle(input) {
      setDialog(input, { mode: 'idle' });
      return ask(input, join(...prompts.whatNext), join(...prompts.whatNextReprompt));
    },
  },
];
