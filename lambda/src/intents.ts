/**
 * Every intent and slot name the skill understands, once: the handlers, the interaction model's
 * generator and lint, and the tests all read them from here.
 */
export const Intent = {
  Exercise: 'ExerciseIntent',
  Routine: 'RoutineIntent',
  Tip: 'TipIntent',
  Info: 'InfoIntent',
  /** An open question in the user's own words, answered from the article or honestly not. */
  Question: 'QuestionIntent',
  Doctor: 'DoctorIntent',
  /** A symptom or pain said on its own, in the user's words ("au", "sinds gisteren …"), without a question. */
  Symptom: 'SymptomIntent',
  /**
   * A symptom of the article's "direct contact" list said on its own ("mijn been voelt doof", "ik ben
   * gevallen"), or pain that radiates: the advice is at once, even when Alexa passes no words.
   */
  UrgentSymptom: 'UrgentSymptomIntent',
  /** One of the "make an appointment" criteria said on its own ("het wordt steeds erger"). */
  AppointmentSymptom: 'AppointmentSymptomIntent',
  DontKnow: 'DontKnowIntent',
  Progress: 'ProgressIntent',
  DeleteData: 'DeleteDataIntent',
  HoldLonger: 'HoldLongerIntent',
  HoldShorter: 'HoldShorterIntent',
  SpeakSlower: 'SpeakSlowerIntent',
  SpeakNormal: 'SpeakNormalIntent',
  Reminder: 'ReminderIntent',
  StopReminder: 'StopReminderIntent',
  /** "sla deze over": on to the next exercise of the routine. */
  Skip: 'SkipIntent',
  /** "ik ben klaar voor vandaag": stop, with the place kept. */
  DoneForToday: 'DoneForTodayIntent',
  Help: 'AMAZON.HelpIntent',
  Stop: 'AMAZON.StopIntent',
  Cancel: 'AMAZON.CancelIntent',
  Fallback: 'AMAZON.FallbackIntent',
  NavigateHome: 'AMAZON.NavigateHomeIntent',
  Yes: 'AMAZON.YesIntent',
  No: 'AMAZON.NoIntent',
  Next: 'AMAZON.NextIntent',
  Previous: 'AMAZON.PreviousIntent',
  Repeat: 'AMAZON.RepeatIntent',
  Pause: 'AMAZON.PauseIntent',
  Resume: 'AMAZON.ResumeIntent',
  StartOver: 'AMAZON.StartOverIntent',
} as const;

export type IntentName = (typeof Intent)[keyof typeof Intent];

export const allIntents: readonly IntentName[] = Object.values(Intent);

/** The slots of the model, by intent. */
export const Slot = {
  exercise: 'exercise',
  topic: 'topic',
  infoTopic: 'infoTopic',
  symptom: 'symptom',
  question: 'question',
  time: 'time',
} as const;

export type SlotName = (typeof Slot)[keyof typeof Slot];
