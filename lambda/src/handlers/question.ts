import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { spokenName } from '../coach/index.js';
import { exerciseById } from '../content/article.js';
import { Intent } from '../intents.js';
import { passageLabel, searchArticle } from '../knowledge/search.js';
import { join } from '../speech/ssml.js';
import { fill, knowledgeText } from '../text/index.js';
import * as triage from '../triage/index.js';
import { setDialog } from './context.js';
import { speakTriage } from './doctor.js';
import { offerExercise } from './exercise-start.js';
import { speakInfo } from './info.js';
import { ask } from './respond.js';
import { isIntent, slotText } from './slots.js';
import { speakTip } from './tips.js';

const text = knowledgeText;

/** Nothing in the article answers: said plainly, with two things the user can ask instead. */
function notInArticle(input: HandlerInput, nearby: ReturnType<typeof searchArticle>['nearby']): Response {
  const labels = [
    ...new Set(nearby.map(passageLabel).filter((label): label is string => label !== undefined)),
  ];
  const [first, second] = [...labels, ...text.defaultSuggestions].filter((l, i, all) => all.indexOf(l) === i);
  setDialog(input, { mode: 'idle' });
  return ask(
    input,
    join(text.notInArticle, fill(text.suggestions, { first: first ?? '', second: second ?? '' })),
    join(text.suggestionReprompt),
  );
}

/**
 * Answers words of the user's own from the article: the passage that clearly matches, the doctor
 * questions when they ask about the GP, or an honest "daar staat niets over in het artikel". Red flags
 * never get here: they are answered first (doctor.ts, redFlagFirst).
 */
export function answerFromArticle(input: HandlerInput, question: string): Response {
  const { answer, nearby } = searchArticle(question);
  switch (answer?.kind) {
    case 'tip':
      return speakTip(input, answer.id);
    case 'info':
      return speakInfo(input, answer.id) ?? notInArticle(input, nearby);
    case 'exercise': {
      const exercise = exerciseById(answer.id);
      if (!exercise) return notInArticle(input, nearby);
      const name = spokenName(exercise);
      return offerExercise(
        input,
        answer.id,
        fill(text.exerciseOffer, { name }),
        fill(text.exerciseOfferReprompt, { name }),
      );
    }
    case 'gap': {
      const gap = text.gaps.find((g) => g.id === answer.id);
      if (!gap) return notInArticle(input, nearby);
      setDialog(input, { mode: 'idle' });
      return ask(input, join(gap.speech, text.followUp), join(text.followUpReprompt));
    }
    case 'doctor':
      return speakTriage(input, triage.openingTurn('asked'));
    default:
      return notInArticle(input, nearby);
  }
}

/** "helpt acupunctuur?", "waarom heb ik rugpijn?": an open question in everyday words. */
export const question: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Question),
  handle(input) {
    const said = slotText(input, 'question');
    return said ? answerFromArticle(input, said) : notInArticle(input, []);
  },
};
