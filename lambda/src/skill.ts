import { type Skill, SkillBuilders } from 'ask-sdk-core';
import { fallback, help, home, repeatLast, sessionEnded, stop } from './handlers/basics.js';
import { askToDelete, confirmDelete, keepData, reaskDelete } from './handlers/delete-data.js';
import {
  askDoctor,
  doctorOfferAnswers,
  questionnaire,
  redFlagFirst,
  symptomOfALevel,
  symptomSaid,
} from './handlers/doctor.js';
import { speakError } from './handlers/errors.js';
import { exerciseControls, navigateOutsideExercise } from './handlers/exercise.js';
import {
  chooseExercise,
  exerciseOfferAnswers,
  restartOfferAnswers,
  resumeOfferAnswers,
  startExercise,
  startRoutine,
} from './handlers/exercise-start.js';
import { info } from './handlers/info.js';
import { launch } from './handlers/launch.js';
import {
  anyOtherRequest,
  canFulfill,
  connectionResult,
  exceptionEncountered,
  screenEvent,
} from './handlers/other-requests.js';
import { changePreference } from './handlers/preferences.js';
import { progress } from './handlers/progress.js';
import { question } from './handlers/question.js';
import { reminderConsentAnswered, setReminder, stopReminder } from './handlers/reminders.js';
import { whileIn } from './handlers/routing.js';
import { otherSkillEvents, skillDisabled } from './handlers/skill-events.js';
import { tip, tipOfferAnswers } from './handlers/tips.js';
import { loadUserState, saveUserState } from './state/persistence.js';
import type { UserStateStore } from './state/store.js';

export interface SkillDependencies {
  skillId: string;
  store: UserStateStore;
  now?: () => Date;
}

/**
 * Assembles the skill. Handlers are grouped by where the conversation is: requests that are not
 * intents; then a red flag in the user's own words, whatever else is going on; then the handlers of
 * the open question or offer, and of an exercise in progress; then the starters; then the ones that
 * are always there. Within a group the order does not matter: each handler names what it takes.
 */
export function createSkill({ skillId, store, now = () => new Date() }: SkillDependencies): Skill {
  return SkillBuilders.custom()
    .withSkillId(skillId)
    .addRequestHandlers(
      // Requests that are not a user's words.
      skillDisabled(store),
      otherSkillEvents,
      launch,
      reminderConsentAnswered,
      sessionEnded,
      canFulfill,
      exceptionEncountered,
      screenEvent,
      connectionResult,
      // Safety first, in every mode.
      redFlagFirst,
      symptomOfALevel,
      // The open question or offer.
      ...whileIn(['triage'], questionnaire),
      ...whileIn(['confirmDelete'], [confirmDelete(store), keepData, reaskDelete]),
      ...whileIn(['doctorOffer'], doctorOfferAnswers),
      ...whileIn(['resumeOffer'], resumeOfferAnswers),
      ...whileIn(['restartOffer'], restartOfferAnswers),
      ...whileIn(['chooseExercise'], chooseExercise),
      ...whileIn(['exerciseOffer'], exerciseOfferAnswers),
      ...whileIn(['tipOffer'], tipOfferAnswers),
      // An exercise in progress.
      ...whileIn(['exercise', 'paused'], exerciseControls),
      // Starting something.
      symptomSaid,
      askDoctor,
      question,
      startExercise,
      startRoutine,
      tip,
      info,
      progress,
      setReminder,
      stopReminder,
      askToDelete,
      changePreference,
      // Always there.
      navigateOutsideExercise,
      help,
      repeatLast,
      stop,
      home,
      fallback,
      anyOtherRequest,
    )
    .addRequestInterceptors(loadUserState({ store, now }))
    .addResponseInterceptors(saveUserState({ store, now }))
    .addErrorHandlers(speakError)
    .create();
}
