import { z } from 'zod';

const lines = z.array(z.string().trim().min(1)).min(1);
const line = z.string().trim().min(1);

/** The skill's own sentences (not the article's): welcome, help, goodbye, confirmations. */
export const promptsSchema = z.object({
  welcomeNew: lines,
  welcomeBack: lines,
  whatYouCanAsk: lines,
  whatNext: lines,
  whatNextReprompt: lines,
  help: lines,
  goodbye: lines,
  fallback: lines,
  error: lines,
  tipIntro: lines,
  tipTopicUnknown: lines,
  anotherTipQuestion: lines,
  anotherTipReprompt: lines,
  allTipsHeard: lines,
  infoFollowUp: lines,
  infoUnknown: lines,
  info: z.object({
    kindsIntro: line,
    placesIntro: line,
    commonCausesIntro: line,
    lessCommonIntro: line,
    rareIntro: line,
    exercisesOverview: line,
    tipsOverview: line,
  }),
  resumeDeclined: lines,
  noExerciseToResume: lines,
  notInExercise: lines,
  unknownExercise: lines,
  stopExercise: lines,
  preferenceFollowUpExercise: lines,
  progress: z.object({
    none: line,
    sessions: line,
    sessionsOne: line,
    streak: line,
    streakOne: line,
    position: line,
    today: line,
    yesterday: line,
    earlier: line,
  }),
  nothingToAnswer: lines,
  exerciseHelp: lines,
  painOutsideExercise: lines,
  painOutsideExerciseReprompt: lines,
  nothingToRepeat: lines,
  triageAnswerHint: lines,
  triageStopped: lines,
  yesNoUnclear: lines,
  deleteConfirm: lines,
  deleteConfirmReprompt: lines,
  deleteDone: lines,
  deleteKept: lines,
});

export type Prompts = z.infer<typeof promptsSchema>;
