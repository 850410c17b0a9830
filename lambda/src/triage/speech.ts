import { article } from '../content/article.js';
import { join, type Speech } from '../speech/ssml.js';
import { triageContent } from './content.js';
import { appointmentFlags, directFlags, spokenFlag } from './criteria.js';
import { questionAt, type TriageOutcome, type TriageState } from './questionnaire.js';

const text = triageContent;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** "a, b of c": the last two joined by the given word. */
function listOf(items: readonly string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

const allDirect = listOf(
  directFlags.map((flag) => flag.spoken),
  text.words.or,
);
const allAppointment = listOf(
  appointmentFlags.map((flag) => flag.spoken),
  text.words.or,
);

/** Said before the first question: how to answer, and 112 when life is at risk. */
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
  if (flagIds.length === 0) return join(text.notedAny);
  return join(fill(text.noted, { flags: listOf(flagIds.map(spokenFlag), text.words.and) }));
}

/** Said once, when the questions move on from "direct contact" to "make an appointment". */
export function appointmentSectionIntro(): Speech {
  return join(text.appointmentSection);
}

/** The advice; it always ends with the disclaimer. */
export function outcomeSpeech(outcome: TriageOutcome): Speech {
  if (outcome.level === 'selfCare') return selfCareSpeech();
  const sentences = text.outcomes[outcome.level];
  const flags = listOf(
    outcome.flagIds.map(spokenFlag),
    outcome.because === 'named' ? text.words.and : text.words.or,
  );
  // A symptom named without words to say which criterion: the level is known, the name is not.
  const unnamed = outcome.flagIds.length === 0;
  const opening = unnamed ? sentences.namedAny : fill(sentences[outcome.because], { flags });
  const reason = unnamed ? [] : outcome.because === 'unsure' ? sentences.unsureReason : sentences.reason;
  const watchFor =
    outcome.level === 'appointment'
      ? text.outcomes.appointment.watchFor.map((line) => fill(line, { direct: allDirect }))
      : [];
  return join(opening, reason, ...sentences.action, ...watchFor, text.disclaimer);
}

/** Only after a "no" to all twelve criteria: the article's conclusion, and when to call after all. */
function selfCareSpeech(): Speech {
  const selfCare = text.outcomes.selfCare;
  const conclusion = article.conclusion;
  return join(
    selfCare.allNo,
    conclusion.intro.replace(/:\s*$/, '.'),
    ...conclusion.points.map((point) => fill(selfCare.point, { title: point.title, text: point.text })),
    ...conclusion.closing.slice(0, 1),
    ...selfCare.callAfterAll.map((line) => fill(line, { direct: allDirect, appointment: allAppointment })),
    text.disclaimer,
  );
}
