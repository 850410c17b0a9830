import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import * as coach from '../coach/index.js';
import { exerciseById } from '../content/article.js';
import { prompts } from '../content/prompts.js';
import { showExerciseScreen } from '../screen/show.js';
import { join, type Speech } from '../speech/ssml.js';
import { type RoutinePosition, recordSession, type UserState } from '../state/user-state.js';
import {
  dialog,
  inMode,
  markSafetyHeard,
  safetyHeard,
  setDialog,
  setUserState,
  userState,
} from './context.js';
import { ask, tell } from './respond.js';
import { isIntent, slotId, slotText } from './slots.js';

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

function start(input: HandlerInput, position: coach.RoutinePosition, lead: Speech = []): Response {
  const user = userState(input);
  const step = coach.currentStep(position, user.preferences, progressOf(user));
  return speakStep(input, step, join(lead, safetyLead(input)));
}

/** "vraag rug coach naar de brug", "een oefening": that exercise, or a suggested one, right away. */
export const startExercise: RequestHandler = {
  canHandle: (input) => isIntent(input, 'ExerciseIntent'),
  handle(input) {
    const id = slotId(input, 'exercise');
    const known = id !== undefined && exerciseById(id) !== undefined;
    const named = slotText(input, 'exercise') !== undefined;
    const exerciseId = known ? id : coach.suggestExercise(new Date().getDate());
    return start(
      input,
      coach.routineFor('single', exerciseId),
      named && !known ? join(...prompts.unknownExercise) : [],
    );
  },
};

/** "start mijn oefeningen": all five in a row, hands-free. */
export const startRoutine: RequestHandler = {
  canHandle: (input) => isIntent(input, 'RoutineIntent'),
  handle: (input) => start(input, coach.routineFor('routine')),
};

function inExercise(input: HandlerInput): boolean {
  return inMode(input, 'exercise') && userState(input).position !== null;
}

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

/** "volgende", "klaar", "ja" between turns. */
export const nextStep: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NextIntent', 'AMAZON.YesIntent') && inExercise(input),
  handle: (input) => move(input, coach.nextPosition),
};

export const previousStep: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.PreviousIntent') && inExercise(input),
  handle: (input) => move(input, coach.previousPosition),
};

/** "herhaal": the same turn again. */
export const repeatStep: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.RepeatIntent') && inExercise(input),
  handle: (input) => move(input, coach.currentStep),
};

/** "opnieuw": the current exercise from its start. */
export const restartExercise: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StartOverIntent') && inExercise(input),
  handle: (input) => move(input, coach.restartPosition),
};

/** "pauze": the position is already saved; "ga verder" picks it up now or in a later session. */
export const pauseExercise: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.PauseIntent') && userState(input).position !== null,
  handle(input) {
    setDialog(input, { mode: 'paused' });
    // Alexa listens a little longer for "ga verder"; after that the session ends and the place stays saved.
    const { speech, reprompt } = coach.pauseSpeech();
    return ask(input, speech, reprompt);
  },
};

/** "stop" during an exercise: goodbye, with the position kept for "ga verder" another time. */
export const stopExercise: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent') && inMode(input, 'exercise', 'paused'),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return tell(input, join(...prompts.stopExercise));
  },
};

/** "ga verder", "hervat", or "ja" to the offer at launch: the saved turn again. */
export const resumeExercise: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, 'AMAZON.ResumeIntent') ||
    (isIntent(input, 'AMAZON.YesIntent') && inMode(input, 'resumeOffer')),
  handle(input) {
    const user = userState(input);
    if (!user.position)
      return ask(input, join(...prompts.noExerciseToResume), join(...prompts.whatNextReprompt));
    const step = coach.resumeStep(user.position, user.preferences, progressOf(user));
    return speakStep(input, step, safetyLead(input));
  },
};

/** "nee" to "Zullen we daar verdergaan?": the position stays for another time. */
export const declineResume: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent') && inMode(input, 'resumeOffer'),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return ask(
      input,
      join(...prompts.resumeDeclined, ...prompts.whatNext),
      join(...prompts.whatNextReprompt),
    );
  },
};

/** "het doet pijn": stop, never force, and offer the doctor questions (outside an exercise too). */
export const painDuringExercise: RequestHandler = {
  canHandle: (input) => isIntent(input, 'PainIntent'),
  handle(input) {
    const exercising = inExercise(input);
    setDialog(input, { mode: 'painOffer' });
    if (!exercising) {
      return ask(input, join(...prompts.painOutsideExercise), join(...prompts.painOutsideExerciseReprompt), {
        keepForRepeat: false,
      });
    }
    const { speech, reprompt } = coach.painStop();
    // What the user said about their pain is not kept, not even for "herhaal".
    return ask(input, speech, reprompt, { keepForRepeat: false });
  },
};

/** "help", or words not understood, during an exercise: how to go on; the exercise stays where it is. */
export const exerciseHelp: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent', 'AMAZON.FallbackIntent') && inExercise(input),
  handle(input) {
    const user = userState(input);
    const step = coach.currentStep(user.position!, user.preferences, progressOf(user));
    const notUnderstood = isIntent(input, 'AMAZON.FallbackIntent') ? prompts.fallback : [];
    const reprompt = step.done ? join(...prompts.exerciseHelp) : step.reprompt;
    return ask(input, join(...notUnderstood, ...prompts.exerciseHelp), reprompt);
  },
};

/** "volgende", "vorige", "opnieuw" when no exercise is going on: the saved one again, or how to start. */
export const navigateOutsideExercise: RequestHandler = {
  canHandle: (input) =>
    isIntent(
      input,
      'AMAZON.NextIntent',
      'AMAZON.PreviousIntent',
      'AMAZON.StartOverIntent',
      'AMAZON.PauseIntent',
    ) &&
    !inExercise(input) &&
    !inMode(input, 'triage'),
  handle(input) {
    const user = userState(input);
    if (!user.position || isIntent(input, 'AMAZON.PauseIntent')) {
      setDialog(input, { mode: 'idle' });
      return ask(input, join(...prompts.notInExercise), join(...prompts.whatNextReprompt));
    }
    return speakStep(
      input,
      coach.resumeStep(user.position, user.preferences, progressOf(user)),
      safetyLead(input),
    );
  },
};

/** "langer vasthouden", "korter", "praat langzamer", "praat normaal": kept per user. */
export const changePreference: RequestHandler = {
  canHandle: (input) =>
    isIntent(input, 'HoldLongerIntent', 'HoldShorterIntent', 'SpeakSlowerIntent', 'SpeakNormalIntent'),
  handle(input) {
    const user = userState(input);
    const exerciseId = user.position?.exerciseIds[user.position.exerciseIndex];
    const exercise = exerciseId ? exerciseById(exerciseId) : undefined;
    const change = isIntent(input, 'HoldLongerIntent', 'HoldShorterIntent')
      ? coach.adjustHold(
          user.preferences,
          isIntent(input, 'HoldLongerIntent') ? 'longer' : 'shorter',
          exercise,
          progressOf(user),
        )
      : coach.setSpeechRate(user.preferences, isIntent(input, 'SpeakSlowerIntent') ? 'slow' : 'normal');
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
