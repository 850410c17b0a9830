/** "Moet ik naar de dokter?": pure triage over the article's criteria. Handlers import from here. */
export { classifySymptom, recognisedFlags, type SymptomClass } from './classify.js';
export { appointmentFlags, directFlags, levelOf, spokenFlag, type UrgentLevel } from './criteria.js';
export {
  type AnswerResult,
  answer,
  type EscalationCause,
  parseTriageState,
  questionAt,
  questionCount,
  type Reply,
  startQuestionnaire,
  type TriageOutcome,
  type TriageState,
} from './questionnaire.js';
export {
  appointmentFlagsSpeech,
  appointmentSectionIntro,
  currentQuestion,
  currentReprompt,
  directFlagsSpeech,
  outcomeSpeech,
  questionnaireOpening,
} from './speech.js';
export {
  adviceFor,
  namesRedFlag,
  openingTurn,
  questionsFrom,
  replyTurn,
  symptomDuringQuestions,
  type TriageOffer,
  type TriageTurn,
  unspecifiedSymptom,
} from './turns.js';
