/** "Moet ik naar de dokter?": pure triage over the article's criteria. Handlers import from here. */

export {
  type EscalationCause,
  parseTriageState,
  questionAt,
  questionCount,
  type Reply,
  type TriageOutcome,
  type TriageState,
} from './questionnaire.js';
export {
  appointmentFlagsSpeech,
  currentQuestion,
  currentReprompt,
  directFlagsSpeech,
  outcomeSpeech,
} from './speech.js';
export {
  adviceFor,
  namesRedFlag,
  openingTurn,
  questionsFrom,
  replyTurn,
  symptomDuringQuestions,
  type TriageTurn,
  unspecifiedSymptom,
} from './turns.js';
