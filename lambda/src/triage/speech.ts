import { join, type Speech } from '../speech/ssml.js';
import { fill, listOf, spoken, triageContent } from '../text/index.js';
import { spokenFlag } from './criteria.js';
import { questionAt, type TriageOutcome, type TriageState } from './questionnaire.js';

const text = triageContent;

/** Said before the first question: how to answer, and 112 when life is at risk (said, not asked). */
export function questionnaireOpening(reason: 'asked' | 'unrecognised'): Speech {
  const lead = reason === 'asked' ? text.start.lead : text.start.unrecognised;
  return join(lead, text.start.howToAnswer, text.start.emergency);
}

/** The question being asked; also what "herhaal", help and fallback say again. */
export function currentQuestion(state: TriageState): Speech {
  return join(questionAt(state).ask);
}

export function currentReprompt(state: TriageState): Speech {
  return join(questionAt(state).reprompt);
}

/** An appointment criterion named while a "direct contact" question is open: noted, the question stands. */
export function notedSymptom(flagIds: readonly string[]): Speech {
  const noted =
    flagIds.length === 0
      ? text.noted.any
      : fill(text.noted.flags, { flags: listOf(flagIds.map(spokenFlag)) });
  return join(noted, text.noted.directFirst);
}

/** Said once, when the questions move on from "direct contact" to "make an appointment". */
export function appointmentSectionIntro(): Speech {
  return join(text.appointmentSection);
}

/**
 * The advice, ending with the disclaimer. `offersDirectQuestions`: an appointment advice given before
 * the direct-contact questions were asked ends by offering them, so that they are never skipped unsaid.
 */
export function outcomeSpeech(outcome: TriageOutcome, offersDirectQuestions = false): Speech {
  if (outcome.level === 'selfCare') return selfCareSpeech();
  const sentences = text.outcomes[outcome.level];
  const flags = listOf(outcome.flagIds.map(spokenFlag), outcome.because === 'named' ? 'and' : 'or');
  // A symptom named without words to say which criterion: the level is known, the name is not.
  const unnamed = outcome.flagIds.length === 0;
  const opening = unnamed ? sentences.namedAny : fill(sentences[outcome.because], { flags });
  const reason = unnamed ? [] : outcome.because === 'unsure' ? sentences.unsureReason : sentences.reason;
  if (outcome.level === 'direct') return join(opening, reason, ...sentences.action, text.disclaimer);
  const appointment = text.outcomes.appointment;
  return join(
    opening,
    reason,
    ...appointment.action,
    ...appointment.watchFor,
    text.disclaimer,
    offersDirectQuestions ? appointment.offerDirectQuestions : [],
  );
}

/** Only after a "no" to all twelve criteria: that most back pain passes, and an offer of the red flags. */
function selfCareSpeech(): Speech {
  const selfCare = text.outcomes.selfCare;
  return join(selfCare.allNo, selfCare.conclusion, text.disclaimer, selfCare.doubt, selfCare.offerFlags);
}

/** "ja" to "Wil je horen bij welke klachten…": the seven direct reasons, then an offer of the five others. */
export function directFlagsSpeech(): Speech {
  return join(...spoken.redFlags.direct.map((s) => s.say), spoken.redFlags.moreQuestion);
}

/** The five reasons to make an appointment, in one sentence. */
export function appointmentFlagsSpeech(): Speech {
  return join(...spoken.redFlags.appointment.map((s) => s.say));
}
