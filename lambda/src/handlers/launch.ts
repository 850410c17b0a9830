import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { resumeOffer } from '../coach/index.js';
import { article } from '../content/article.js';
import { join } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import { setDialog, setUserState, userState } from './context.js';
import { ask } from './respond.js';

/** "Alexa, open rug coach": a first-time welcome with the disclaimer, or an offer to resume. */
export const launch: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle(input) {
    const user = userState(input);
    const firstTime = !user.disclaimerHeard;
    if (firstTime) setUserState(input, { ...user, disclaimerHeard: true });
    const greeting = firstTime
      ? join(...prompts.welcomeNew, article.disclaimer.short)
      : join(...prompts.welcomeBack);
    const offer = user.position ? resumeOffer(user.position) : undefined;
    if (offer) {
      setDialog(input, { mode: 'resumeOffer' });
      return ask(input, join(greeting, offer.speech), offer.reprompt);
    }
    setDialog(input, { mode: 'idle' });
    return ask(
      input,
      join(greeting, ...prompts.whatYouCanAsk, ...prompts.whatNext),
      join(...prompts.whatNextReprompt),
    );
  },
};
