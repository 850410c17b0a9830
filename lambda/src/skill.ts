import { type Skill, SkillBuilders } from 'ask-sdk-core';
import { fallback, help, home, repeatLast, sessionEnded, stop } from './handlers/basics.js';
import { askToDelete, confirmDelete, keepData } from './handlers/delete-data.js';
import {
  acceptDoctorQuestions,
  answerDoctorQuestion,
  askDoctor,
  declineDoctorQuestions,
  reaskDoctorQuestion,
  stopDoctorQuestions,
} from './handlers/doctor.js';
import { speakError } from './handlers/errors.js';
import {
  changePreference,
  declineResume,
  exerciseHelp,
  navigateOutsideExercise,
  nextStep,
  painDuringExercise,
  pauseExercise,
  previousStep,
  repeatStep,
  restartExercise,
  resumeExercise,
  startExercise,
  startRoutine,
  stopExercise,
} from './handlers/exercise.js';
import { info } from './handlers/info.js';
import { launch } from './handlers/launch.js';
import {
  anyOtherRequest,
  canFulfill,
  connectionResult,
  exceptionEncountered,
  screenEvent,
} from './handlers/other-requests.js';
import { progress } from './handlers/progress.js';
import { reminderConsentAnswered, setReminder, stopReminder } from './handlers/reminders.js';
import { otherSkillEvents, skillDisabled } from './handlers/skill-events.js';
import { anotherTip, noMoreTips, tip } from './handlers/tips.js';
import type { UserStateStore } from './state/dynamo-store.js';
import { loadUserState, saveUserState } from './state/persistence.js';

export interface SkillDependencies {
  skillId: string;
  store: UserStateStore;
  now?: () => Date;
}

/**
 * Assembles the skill. Order matters: handlers bound to a dialog state (a question just asked, an
 * exercise going on) come before the general ones, and the fallback comes last.
 */
export function createSkill({ skillId, store, now = () => new Date() }: SkillDependencies): Skill {
  return SkillBuilders.custom()
    .withSkillId(skillId)
    .addRequestHandlers(
      skillDisabled(store),
      otherSkillEvents,
      launch,
      reminderConsentAnswered,
      // Answers to a question just asked.
      answerDoctorQuestion,
      reaskDoctorQuestion,
      stopDoctorQuestions,
      acceptDoctorQuestions,
      declineDoctorQuestions,
      confirmDelete(store),
      keepData,
      resumeExercise,
      declineResume,
      anotherTip,
      noMoreTips,
      // Moving through an exercise.
      nextStep,
      previousStep,
      repeatStep,
      restartExercise,
      pauseExercise,
      stopExercise,
      painDuringExercise,
      exerciseHelp,
      navigateOutsideExercise,
      changePreference,
      // Starting something.
      startExercise,
      startRoutine,
      askDoctor,
      tip,
      info,
      progress,
      setReminder,
      stopReminder,
      askToDelete,
      // Always there.
      help,
      repeatLast,
      stop,
      home,
      sessionEnded,
      canFulfill,
      exceptionEncountered,
      screenEvent,
      connectionResult,
      fallback,
      anyOtherRequest,
    )
    .addRequestInterceptors(loadUserState({ store, now }))
    .addResponseInterceptors(saveUserState({ store, now }))
    .addErrorHandlers(speakError)
    .create();
}
