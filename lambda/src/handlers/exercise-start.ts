import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import * as coach from '../coach/index.js';
import { exerciseById } from '../content/article.js';
import { Intent } from '../intents.js';
import { searchArticle } from '../knowledge/search.js';
import { knowledgeText } from '../knowledge/text.js';
import { join, say } from '../speech/ssml.js';
import { turnTime } from '../state/turn.js';
import { fill, prompts } from '../text/index.js';
import { dialog, type PendingStart, setDialog, userState } from './context.js';
import { resumeSaved, safetyLead, speakMove } from './exercise.js';
import { progressOf } from './exercise-progress.js';
import { ask } from './respond.js';
import { isIntent, namedValue } from './slots.js';

/** Starting an exercise or the routine, and the answers to the offers around a start. */

function positionFor(start: PendingStart): coach.RoutinePosition {
  return coach.routineFor(start.kind, start.exerciseId);
}

/** Starts at the beginning, replacing any saved place: only after the user chose to. */
function begin(input: HandlerInput, start: PendingStart): Response {
  const user = userState(input);
  const routineMove = coach.currentMove(positionFor(start), user.preferences, progressOf(user));
  return speakMove(input, routineMove, safetyLead(input));
}

/** The saved place is this same exercise (or this same routine): going on is what was asked. */
function sameAsSaved(saved: coach.RoutinePosition, start: PendingStart): boolean {
  if (start.kind === 'routine') return saved.kind === 'routine';
  return saved.exerciseIds[saved.exerciseIndex] === start.exerciseId;
}

/**
 * A start that would replace a saved place asks first ("Je was bij de brug. Wil je daar verder, of
 * opnieuw beginnen?"): the place is never lost without the user choosing to.
 */
function requestStart(input: HandlerInput, start: PendingStart): Response {
  const saved = userState(input).position;
  const name = saved ? coach.exerciseNameAt(saved) : undefined;
  if (!saved || name === undefined) return begin(input, start);
  if (sameAsSaved(saved, start)) return resumeSaved(input);
  setDialog(input, { mode: 'restartOffer', start });
  return ask(
    input,
    join(fill(prompts.restartOffer, { name })),
    join(fill(prompts.restartOfferReprompt, { name })),
  );
}

const exerciseChoices = () => join(...prompts.chooseExercise);

/** An exercise name the skill does not know: asked back, never swapped for another exercise. */
function askWhichExercise(input: HandlerInput): Response {
  setDialog(input, { mode: 'chooseExercise' });
  return ask(input, join(...prompts.unknownExercise, exerciseChoices()), exerciseChoices());
}

/**
 * An exercise named in words the model does not know: when the article's search clearly finds one
 * exercise in them ("die waarbij je je onderrug plat tegen de vloer drukt"), the skill asks whether
 * that is the one; otherwise which one. It never starts another exercise on a guess.
 */
function guessOrAsk(input: HandlerInput, said: string): Response {
  const { answer } = searchArticle(said);
  const exercise = answer?.kind === 'exercise' ? exerciseById(answer.id) : undefined;
  if (!exercise || answer?.kind !== 'exercise') return askWhichExercise(input);
  const name = coach.spokenName(exercise);
  return offerExercise(
    input,
    exercise.id,
    fill(knowledgeText.exerciseGuess, { name }),
    fill(knowledgeText.exerciseOfferReprompt, { name }),
  );
}

/** "vraag rug coach naar de brug", "een oefening": that exercise, or a suggested one, right away. */
export const startExercise: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Exercise),
  handle(input) {
    const named = namedValue(input, 'exercise');
    // "doe de oefeningen met me", "mijn work out": all of them, the routine.
    if (
      named.kind === 'unknown' &&
      /\b(oefeningen|routine|work ?out|training)\b/.test(named.said.toLowerCase())
    )
      return requestStart(input, { kind: 'routine' });
    if (named.kind === 'unknown') return guessOrAsk(input, named.said);
    const exerciseId =
      named.kind === 'known' && exerciseById(named.id)
        ? named.id
        : coach.suggestExercise(turnTime(input).getDate());
    return requestStart(input, { kind: 'single', exerciseId });
  },
};

/** "start mijn oefeningen": all five in a row, hands-free. */
export const startRoutine: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Routine),
  handle: (input) => requestStart(input, { kind: 'routine' }),
};

/** Answers to "Welke oefening wil je doen?": a name starts it (through startExercise); these the rest. */
export const chooseExercise: RequestHandler[] = [
  {
    // "maakt niet uit", "ja", "kies jij maar": one the skill picks.
    canHandle: (input) => isIntent(input, Intent.Yes, Intent.DontKnow, Intent.Next),
    handle: (input) =>
      requestStart(input, { kind: 'single', exerciseId: coach.suggestExercise(turnTime(input).getDate()) }),
  },
  {
    canHandle: (input) => isIntent(input, Intent.No),
    handle(input) {
      setDialog(input, { mode: 'idle' });
      return ask(input, join(...prompts.whatNext), join(...prompts.whatNextReprompt));
    },
  },
  {
    canHandle: (input) => isIntent(input, Intent.Fallback, Intent.Repeat, Intent.Help),
    handle: (input) => ask(input, exerciseChoices(), exerciseChoices()),
  },
];

function pendingStart(input: HandlerInput): PendingStart | undefined {
  const current = dialog(input);
  return current.mode === 'restartOffer' ? current.start : undefined;
}

/** Answers to "Je was bij de brug. Wil je daar verder, of opnieuw beginnen?". */
export const restartOfferAnswers: RequestHandler[] = [
  {
    canHandle: (input) => isIntent(input, Intent.Yes, Intent.Resume, Intent.Next),
    handle: resumeSaved,
  },
  {
    canHandle: (input) => isIntent(input, Intent.StartOver, Intent.No),
    handle(input) {
      const start = pendingStart(input);
      return start ? begin(input, start) : resumeSaved(input);
    },
  },
  {
    // The start asked for again ("doe de kat koe"): that is the choice.
    canHandle: (input) =>
      isIntent(input, Intent.Exercise, Intent.Routine) && namedValue(input, 'exercise').kind !== 'unknown',
    handle(input) {
      const named = namedValue(input, 'exercise');
      if (isIntent(input, Intent.Routine)) return begin(input, { kind: 'routine' });
      const exerciseId = named.kind === 'known' ? named.id : pendingStart(input)?.exerciseId;
      return begin(input, { kind: 'single', exerciseId: exerciseId ?? coach.suggestExercise() });
    },
  },
  {
    canHandle: (input) => isIntent(input, Intent.Fallback, Intent.Repeat, Intent.Help, Intent.DontKnow),
    handle(input) {
      const { position } = userState(input);
      const name = position ? coach.exerciseNameAt(position) : undefined;
      if (!name) return resumeSaved(input);
      const question = join(fill(prompts.restartOfferReprompt, { name }));
      return ask(input, question, question);
    },
  },
];

/** Answers to "Zullen we beginnen?" after an exercise was explained. */
export const exerciseOfferAnswers: RequestHandler[] = [
  {
    canHandle: (input) => isIntent(input, Intent.Yes, Intent.Next),
    handle(input) {
      const current = dialog(input);
      const exerciseId = current.mode === 'exerciseOffer' ? current.exerciseId : undefined;
      return requestStart(input, { kind: 'single', exerciseId: exerciseId ?? coach.suggestExercise() });
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

/** "ga verder" at launch ("ja" to the offer) or any time: the saved turn again. */
export const resumeOfferAnswers: RequestHandler[] = [
  { canHandle: (input) => isIntent(input, Intent.Yes, Intent.Resume, Intent.Next), handle: resumeSaved },
  {
    // "nee" to "Zullen we daar verdergaan?": the position stays for another time.
    canHandle: (input) => isIntent(input, Intent.No),
    handle(input) {
      setDialog(input, { mode: 'idle' });
      return ask(
        input,
        join(...prompts.resumeDeclined, ...prompts.whatNext),
        join(...prompts.whatNextReprompt),
      );
    },
  },
];

/** The exercise offer after an explanation ("Ik kan de brug stap voor stap met je doen. Zullen we beginnen?"). */
export function offerExercise(
  input: HandlerInput,
  exerciseId: string,
  speech: string,
  reprompt: string,
): Response {
  setDialog(input, { mode: 'exerciseOffer', exerciseId });
  return ask(input, join(say(speech)), join(say(reprompt)));
}
