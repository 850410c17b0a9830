import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { prompts } from '../content/prompts.js';
import { chooseTip, tipSpeech } from '../knowledge/tips.js';
import { showTipScreen } from '../screen/show.js';
import { join } from '../speech/ssml.js';
import { inMode, setDialog, setUserState, userState } from './context.js';
import { ask } from './respond.js';
import { isIntent, slotId, slotText } from './slots.js';

function speakTip(input: HandlerInput, topic: string | undefined) {
  const user = userState(input);
  const choice = chooseTip(user.recentTips, topic, Math.random);
  setUserState(input, { ...user, recentTips: choice.recentTips });
  setDialog(input, { mode: 'tipOffer' });
  showTipScreen(input, choice.tip);
  return ask(
    input,
    join(
      ...(choice.topicMatched ? [] : prompts.tipTopicUnknown),
      tipSpeech(choice.tip),
      ...prompts.anotherTipQuestion,
    ),
    join(...prompts.anotherTipReprompt),
  );
}

/** "geef me een tip", "tip over tillen": one of the article's 13 tips, not one heard just before. */
export const tip: RequestHandler = {
  canHandle: (input) => isIntent(input, 'TipIntent'),
  handle: (input) => speakTip(input, slotId(input, 'topic') ?? slotText(input, 'topic')),
};

/** "ja" after "Wil je nog een tip?". */
export const anotherTip: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent', 'AMAZON.NextIntent') && inMode(input, 'tipOffer'),
  handle: (input) => speakTip(input, undefined),
};

/** "nee" after "Wil je nog een tip?". */
export const noMoreTips: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent') && inMode(input, 'tipOffer'),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return ask(input, join(...prompts.whatNext), join(...prompts.whatNextReprompt));
  },
};
