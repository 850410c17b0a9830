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
  /** Said with the article's disclaimer (content/spoken.json disclaimer) after it. */
  help: lines,
  goodbye: lines,
  fallback: lines,
  error: lines,
  tipIntro: lines,
  anotherTipQuestion: lines,
  anotherTipReprompt: lines,
  infoFollowUp: lines,
  /** After "Wil je de rest horen?" and the like. */
  moreReprompt: lines,
  infoUnknown: lines,
  info: z.object({
    dangerOffer: line,
    dangerOfferReprompt: line,
  }),
  resumeDeclined: lines,
  noExerciseToResume: lines,
  notInExercise: lines,
  unknownExercise: lines,
  chooseExercise: z.array(line.includes('{names}')).length(1),
  restartOffer: line.includes('{name}'),
  restartOfferReprompt: line.includes('{name}'),
  stopExercise: lines,
  preferenceFollowUpExercise: lines,
  progress: z.object({
    none: line,
    startHint: line,
    sessions: line,
    sessionsOne: line,
    streak: line,
    streakOne: line,
    position: line,
    today: line,
    yesterday: line,
    earlier: line,
  }),
  exerciseHelp: lines,
  doctorOfferAgain: lines,
  nothingToRepeat: lines,
  triageAnswerHint: lines,
  triageStopped: lines,
  deleteConfirm: lines,
  deleteConfirmReprompt: lines,
  deleteDone: lines,
  deleteQueued: lines,
  deleteFailed: lines,
  deleteKept: lines,
});

export type Prompts = z.infer<typeof promptsSchema>;
