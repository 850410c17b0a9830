import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import * as coach from '../coach/index.js';
import { exerciseById } from '../content/article.js';
import { Intent } from '../intents.js';
import { searchArticle } from '../knowledge/search.js';
import { knowledgeText } from '../knowledge/text.js';
import { showExerciseScreen } from '../screen/show.js';
import { join, type Speech, say } from '../speech/ssml.js';
import { type RoutinePosition, recordSession, type UserState } from '../state/user-state.js';
import { fill, prompts } from '../text/index.js';
import {
  dialog,
  inMode,
  markSafetyHeard,
  type PendingStart,
  safetyHeard,
  setDialog,
  setUserState,
  userState,
} from './context.js';
import { ask, tell } from './respond.js';
import { isIntent, namedValue } from './slots.js';

function progressOf(user: UserState): coach.CoachProgress {
  return { sessionsDone: user.progress.sessionsDone };
}

/**
 * Speaks a step of the coach and keeps its position. The position is saved (by the response
 * interceptor) before Alexa speaks, so "ga verder" replays a turn the user interrupted.
 */
function speakStep(input: HandlerInput, step: coach.CoachStep, lead: Speech = []): Response {
  const user = userState(input);
  if (step.done) {
    setUserState(input, finished(input, { ...user, position: null }));
    setDialog(input, { mode: 'idle' });
    return ask(input, join(lead, step.speech, ...prompts.whatNext), join(...prompts.whatNextReprompt));
  }
  const moved = !user.position || user.position.exerciseIndex !== step.position.exerciseIndex;
  const position: RoutinePosition = { ...step.position, updatedAt: new Date().toISOString() };
  const exercisesDone =
    moved && user.position && step.position.exerciseIndex > user.position.exerciseIndex ? 1 : 0;
  setUserState(input, {
    ...user,
    position,
    progress: { ...user.progress, exercisesDone: user.progress.exercisesDone + exercisesDone },
  });
  setDialog(input, { mode: 'exercise' });
  showExerciseScreen(input, step.turn, join(lead, step.speech));
  return ask(input, join(lead, step.speech), step.reprompt);
}

/** A finished exercise or routine counts once per Alexa session towards sessions done and days in a row. */
function finished(input: HandlerInput, user: UserState): UserState {
  const attributes = input.attributesManager.getSessionAttributes();
  const counted = { ...user, progress: { ...user.progress, exercisesDone: user.progress.exercisesDone + 1 } };
  if (attributes.sessionCounted === true) return counted;
  attributes.sessionCounted = true;
  return recordSession(counted, new Date());
}

/** The "never force an exercise" sentence, once per session, before the first exercise. */
function safetyLead(input: HandlerInput): Speech {
  if (safetyHeard(input)) return [];
  markSafetyHeard(input);
  return coach.safetyNotice();
}

function positionFor(start: PendingStart): coach.RoutinePosition {
  return coach.routineFor(start.kind, start.exerciseId);
}

/** Starts at the beginning, replacing any saved place: only after the user chose to. */
function begin(input: HandlerInput, start: PendingStart): Response {
  const user = userState(input);
  const step = coach.currentStep(positionFor(start), user.preferences, progressOf(user));
  return speakStep(input, step, safetyLead(input));
}

function resumeSaved(input: HandlerInput): Response {
  const user = userState(input);
  if (!user.position)
    return ask(input, join(...prompts.noExerciseToResume), join(...prompts.whatNextReprompt));
  const step = coach.resumeStep(user.position, user.preferences, progressOf(user));
  return speakStep(input, step, safetyLead(input));
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
        : coach.suggestExercise(new Date().getDate());
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
      requestStart(input, { kind: 'single', exerciseId: coach.suggestExercise(new Date().getDate()) }),
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

function move(
  input: HandlerInput,
  how: (
    position: RoutinePosition,
    prefs: coach.CoachPreferences,
    progress: coach.CoachProgress,
  ) => coach.CoachStep,
): Response {
  const user = userState(input);
  if (!user.position) return ask(input, join(...prompts.notInExercise), join(...prompts.whatNextReprompt));
  return speakStep(input, how(user.position, user.preferences, progressOf(user)));
}

/** "sla deze over": the next exercise; skipping the last (or only) one ends without counting it as done. */
function skip(input: HandlerInput): Response {
  const user = userState(input);
  if (!user.position) return ask(input, join(...prompts.notInExercise), join(...prompts.whatNextReprompt));
  const step = coach.skipPosition(user.position, user.preferences, progressOf(user));
  if (!step.done) return speakStep(input, step);
  setUserState(input, { ...user, position: null });
  setDialog(input, { mode: 'idle' });
  return ask(input, join(step.speech, ...prompts.whatNext), join(...prompts.whatNextReprompt));
}

function stopHere(input: HandlerInput): Response {
  setDialog(input, { mode: 'idle' });
  return tell(input, join(...prompts.stopExercise));
}

/** While an exercise is going on (or paused): the words that move through it. */
const controls: RequestHandler[] = [
  {
    // "volgende", "klaar", "ja", and "ga verder" when nothing is paused: the next turn.
    canHandle: (input) =>
      isIntent(input, Intent.Next, Intent.Yes) ||
      (isIntent(input, Intent.Resume) && inMode(input, 'exercise')),
    handle: (input) => move(input, coach.nextPosition),
  },
  {
    // "ga verder" after "pauze": the saved turn again, with where the user was.
    canHandle: (input) => isIntent(input, Intent.Resume),
    handle: resumeSaved,
  },
  {
    canHandle: (input) => isIntent(input, Intent.Previous),
    handle: (input) => move(input, coach.previousPosition),
  },
  { canHandle: (input) => isIntent(input, Intent.Repeat), handle: (input) => move(input, coach.currentStep) },
  {
    canHandle: (input) => isIntent(input, Intent.StartOver),
    handle: (input) => move(input, coach.restartPosition),
  },
  { canHandle: (input) => isIntent(input, Intent.Skip), handle: skip },
  {
    // "pauze": the position is already saved; "ga verder" picks it up now or in a later session.
    canHandle: (input) => isIntent(input, Intent.Pause),
    handle(input) {
      setDialog(input, { mode: 'paused' });
      // Alexa listens a little longer for "ga verder"; after that the session ends and the place stays saved.
      const { speech, reprompt } = coach.pauseSpeech();
      return ask(input, speech, reprompt);
    },
  },
  {
    // "stop", "ik ben klaar voor vandaag": goodbye, with the position kept for "ga verder" another time.
    canHandle: (input) => isIntent(input, Intent.Stop, Intent.Cancel, Intent.DoneForToday),
    handle: stopHere,
  },
  {
    // "help", or words not understood: how to go on; the exercise stays where it is.
    canHandle: (input) => isIntent(input, Intent.Help, Intent.Fallback),
    handle(input) {
      const user = userState(input);
      if (!user.position)
        return ask(input, join(...prompts.notInExercise), join(...prompts.whatNextReprompt));
      const step = coach.currentStep(user.position, user.preferences, progressOf(user));
      const notUnderstood = isIntent(input, Intent.Fallback) ? prompts.fallback : [];
      const reprompt = step.done ? join(...prompts.exerciseHelp) : step.reprompt;
      return ask(input, join(...notUnderstood, ...prompts.exerciseHelp), reprompt);
    },
  },
];

/** The controls answer only while there is a place to move from. */
export const exerciseControls: RequestHandler[] = controls.map((handler) => ({
  canHandle: (input) => userState(input).position !== null && handler.canHandle(input),
  handle: (input) => handler.handle(input),
}));

/** True while an exercise is going on or paused, with a place to go on from. */
export function exercising(input: HandlerInput): boolean {
  return inMode(input, 'exercise', 'paused') && userState(input).position !== null;
}

/** "het doet pijn" during an exercise: stop, never force, and offer the doctor questions. */
export function painStop(input: HandlerInput): Response {
  setDialog(input, { mode: 'doctorOffer' });
  const { speech, reprompt } = coach.painStop();
  // What the user said about their pain is not kept, not even for "herhaal".
  return ask(input, speech, reprompt, { keepForRepeat: false });
}

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

/** Navigation words when no exercise is going on: the saved one again, or how to start one. */
export const navigateOutsideExercise: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, Intent.Next, Intent.Previous, Intent.StartOver, Intent.Pause, Intent.Resume, Intent.Skip),
  handle(input) {
    const user = userState(input);
    if (!user.position || isIntent(input, Intent.Pause, Intent.Skip)) {
      setDialog(input, { mode: 'idle' });
      const none = isIntent(input, Intent.Resume) ? prompts.noExerciseToResume : prompts.notInExercise;
      return ask(input, join(...none), join(...prompts.whatNextReprompt));
    }
    return resumeSaved(input);
  },
};

/** "langer vasthouden", "korter", "praat langzamer", "praat normaal": kept per user. */
export const changePreference: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, Intent.HoldLonger, Intent.HoldShorter, Intent.SpeakSlower, Intent.SpeakNormal),
  handle(input) {
    const user = userState(input);
    const exerciseId = user.position?.exerciseIds[user.position.exerciseIndex];
    const exercise = exerciseId ? exerciseById(exerciseId) : undefined;
    const change = isIntent(input, Intent.HoldLonger, Intent.HoldShorter)
      ? coach.adjustHold(
          user.preferences,
          isIntent(input, Intent.HoldLonger) ? 'longer' : 'shorter',
          exercise,
          progressOf(user),
        )
      : coach.setSpeechRate(user.preferences, isIntent(input, Intent.SpeakSlower) ? 'slow' : 'normal');
    setUserState(input, { ...user, preferences: change.preferences });
    if (dialog(input).mode === 'exercise' && user.position) {
      return ask(
        input,
        join(change.speech, ...prompts.preferenceFollowUpExercise),
        join(...prompts.preferenceFollowUpExercise),
      );
    }
    return ask(input, join(change.speech, ...prompts.whatNext), join(...prompts.whatNextReprompt));
  },
};

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
