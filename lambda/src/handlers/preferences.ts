import type { RequestHandler } from 'ask-sdk-core';
import * as coach from '../coach/index.js';
import { exerciseById } from '../content/article.js';
import { Intent } from '../intents.js';
import { join } from '../speech/ssml.js';
import { prompts } from '../text/index.js';
import { dialog, setUserState, userState } from './context.js';
import { progressOf } from './exercise-progress.js';
import { ask } from './respond.js';
import { isIntent } from './slots.js';

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
