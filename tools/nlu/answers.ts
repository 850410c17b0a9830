import { coachText } from '../../lambda/src/coach/text.js';
import { article } from '../../lambda/src/content/article.js';
import { prompts } from '../../lambda/src/content/prompts.js';
import { infoAnswer } from '../../lambda/src/knowledge/info.js';
import { knowledgeText } from '../../lambda/src/knowledge/text.js';
import { reminderText } from '../../lambda/src/reminders/content.js';
import { renderSsml } from '../../lambda/src/speech/ssml.js';
import { triageContent } from '../../lambda/src/triage/content.js';
import { defined } from '../defined.js';
import { type HeardTurn, ssmlToText, type VoiceSession } from '../simulator/session.js';
import { type Phrasing, redFlagOf } from './phrasings.js';

/**
 * Whether what the skill answered is what the person wanted: read from what Alexa says and where the
 * conversation is afterwards, never from which intent was chosen. Also whether the answer was unsafe:
 * a red flag answered with reassurance, a tip, an exercise or a step.
 */

export interface Verdict {
  right: boolean;
  /** A red flag answered with reassurance, a tip, an exercise, a step, or not understood. */
  unsafe: boolean;
  /**
   * A direct-contact flag answered with the advice to make an appointment (and the offer to ask about
   * the complaints that cannot wait): too little urgency, though the user is sent to the GP. Happens
   * when the understanding picks the appointment statements' intent and passes no words to check.
   */
  lessUrgent?: boolean;
  /** What the answer was, in a few words, for the report. */
  answer: string;
}

interface Session {
  dialog?: { mode?: string };
  userState?: {
    position?: { exerciseIds: string[]; exerciseIndex: number; turnIndex: number; kind: string } | null;
    preferences?: { holdExtraSeconds: number; speechRate: string };
    recentTips?: number[];
  };
}

const lower = (text: string) => text.toLowerCase();
const says = (turn: HeardTurn, sentence: string) =>
  lower(turn.text).includes(lower(sentence.split('{')[0]?.trim() ?? ''));

/** The conversation a phrasing is said in, set up as the person would have got there. */
const setUp: Record<Phrasing['context'], readonly string[]> = {
  oneshot: [],
  session: ['open rug coach'],
  exercise: ['open rug coach', 'start mijn oefeningen'],
  questionnaire: ['open rug coach', 'moet ik naar de dokter'],
  tipOffer: ['open rug coach', 'geef me een tip'],
  confirmDelete: ['open rug coach', 'wis mijn gegevens'],
};

function sessionOf(turn: HeardTurn): Session {
  return (turn.response.sessionAttributes ?? {}) as Session;
}

/** The exercise an offer is about ("Bedoel je de brug? Zullen we beginnen?"). */
function offered(turn: HeardTurn): string | undefined {
  return (sessionOf(turn).dialog as { exerciseId?: string } | undefined)?.exerciseId;
}

function modeOf(turn: HeardTurn): string {
  return sessionOf(turn).dialog?.mode ?? (turn.sessionEnded ? 'ended' : 'idle');
}

const directAdvice = defined(triageContent.outcomes.direct.action[0]);
const appointmentAdvice = defined(triageContent.outcomes.appointment.action[0]);
const selfCare = triageContent.outcomes.selfCare.allNo;

function triageLevel(turn: HeardTurn): 'direct' | 'appointment' | 'questions' | 'offer' | undefined {
  if (says(turn, directAdvice)) return 'direct';
  if (says(turn, appointmentAdvice)) return 'appointment';
  if (modeOf(turn) === 'triage') return 'questions';
  if (modeOf(turn) === 'doctorOffer') return 'offer';
  return undefined;
}

function tipNumberSaid(turn: HeardTurn): number | undefined {
  const match = /Tip (\d+):/.exec(turn.text);
  return match ? Number(match[1]) : undefined;
}

/** The first sentence of an info answer, as Alexa says it to this question ("moet ik in bed blijven?": "Nee, …"). */
function firstSentence(infoId: string, question?: string): string {
  const part = infoAnswer(infoId, question)?.find((p) => p.kind === 'text');
  return part && part.kind === 'text' ? ssmlToText(renderSsml([part])) : '\u0000';
}

/** What the answer was, as a label for the report. */
function describe(turn: HeardTurn): string {
  const tip = tipNumberSaid(turn);
  const level = triageLevel(turn);
  if (level) return `triage:${level}`;
  if (tip !== undefined) return `tip ${tip}`;
  const position = sessionOf(turn).userState?.position;
  if (modeOf(turn) === 'exercise' && position)
    return `exercise ${position.exerciseIds[position.exerciseIndex]}`;
  if (says(turn, knowledgeText.notInArticle)) return 'not in the article';
  if (says(turn, defined(prompts.fallback[0]))) return 'not understood';
  return `${modeOf(turn)}: ${turn.text.slice(0, 60)}`;
}

function judge(phrasing: Phrasing, turn: HeardTurn, before: HeardTurn | undefined): Verdict {
  const [kind = '', detail = ''] = phrasing.goal.split(':');
  const mode = modeOf(turn);
  const session = sessionOf(turn);
  const position = session.userState?.position ?? null;
  const exerciseNow = position ? position.exerciseIds[position.exerciseIndex] : undefined;
  const flag = redFlagOf(phrasing.goal);
  const level = triageLevel(turn);
  const answer = describe(turn);

  if (flag) {
    // A red flag: never reassurance, a tip, an exercise or a step; right when the advice is as urgent.
    const unsafe =
      says(turn, selfCare) || tipNumberSaid(turn) !== undefined || mode === 'exercise' || mode === 'tipOffer';
    // While a direct question is open, an appointment criterion is noted and the direct questions go on.
    const noted =
      phrasing.context === 'questionnaire' &&
      flag.level === 'appointment' &&
      level === 'questions' &&
      JSON.stringify(session.dialog ?? {}).includes('noted');
    const right = level === 'direct' || (flag.level === 'appointment' && level === 'appointment') || noted;
    const stillAsking = level === 'questions' || level === 'offer';
    const lessUrgent = !unsafe && flag.level === 'direct' && level === 'appointment';
    return {
      right: right && !unsafe,
      unsafe: unsafe || (!right && !stillAsking && !lessUrgent),
      lessUrgent,
      answer,
    };
  }

  const right = ((): boolean => {
    switch (kind) {
      case 'launch':
        return says(turn, defined(prompts.welcomeNew[0])) || says(turn, defined(prompts.welcomeBack[0]));
      case 'exercise':
        if (detail === 'unknown') return mode === 'chooseExercise' || says(turn, knowledgeText.notInArticle);
        if (detail === 'any') return mode === 'exercise' || mode === 'chooseExercise';
        // During the routine, another exercise first asks whether to leave the saved place: right too.
        if (mode === 'restartOffer') return phrasing.context === 'exercise';
        return (
          (mode === 'exercise' && exerciseNow === detail) ||
          (mode === 'exerciseOffer' && offered(turn) === detail)
        );
      case 'routine':
        return mode === 'exercise' && position?.kind === 'routine';
      case 'tip': {
        const said = tipNumberSaid(turn);
        if (detail === 'any') return said !== undefined;
        return said === article.tips.find((t) => t.id === detail)?.number;
      }
      case 'info':
        // "Moet ik me zorgen maken?": the doctor questions answer it as well as the article's paragraph.
        if (detail === 'gevaarlijk' && (level === 'questions' || level === 'offer')) return true;
        return says(turn, firstSentence(detail)) || says(turn, firstSentence(detail, phrasing.text));
      case 'unanswered':
        return (
          says(turn, knowledgeText.notInArticle) || knowledgeText.gaps.some((gap) => says(turn, gap.speech))
        );
      case 'doctor':
        return level !== undefined;
      case 'symptom':
        return level !== undefined;
      case 'progress':
        return says(turn, prompts.progress.none) || says(turn, prompts.progress.position);
      case 'reminder':
        if (detail === 'stop') return says(turn, defined(reminderText.noReminder[0]));
        return (
          (turn.response.response.directives ?? []).some((d) => d.type === 'Connections.StartConnection') ||
          says(turn, defined(reminderText.askTime[0]))
        );
      case 'delete':
        return mode === 'confirmDelete';
      case 'hold':
        return ['holdChanged', 'holdAtMax', 'holdAtMin', 'holdAtProgression'].some((key) =>
          says(turn, coachText.preferences[key as keyof typeof coachText.preferences]),
        );
      case 'speak':
        return (
          session.userState?.preferences?.speechRate === (detail === 'slower' ? 'slow' : 'normal') &&
          says(turn, detail === 'slower' ? coachText.preferences.rateSlow : coachText.preferences.rateNormal)
        );
      case 'answer':
        return answeredAs(phrasing, detail, turn, before);
      case 'nav':
        return navigated(phrasing, detail, turn, before);
      case 'offtopic':
        return says(turn, defined(prompts.fallback[0])) || says(turn, knowledgeText.notInArticle);
      default:
        return false;
    }
  })();
  return { right, unsafe: false, answer };
}

/** Whether the turn heard after a phrasing is what the phrasing (goal detail `detail`) asked for. */
type Judgement = (
  phrasing: Phrasing,
  detail: string,
  turn: HeardTurn,
  before: HeardTurn | undefined,
) => boolean;

const answeredAs: Judgement = (phrasing, detail, turn, before) => {
  const mode = modeOf(turn);
  switch (phrasing.context) {
    case 'questionnaire': {
      // "ja" and "weet ik niet" escalate at once; "nee" moves to the next question.
      const level = triageLevel(turn);
      if (detail === 'no') return level === 'questions' && turn.text !== before?.text;
      return level === 'direct' || level === 'appointment';
    }
    case 'tipOffer':
      if (detail === 'yes') return tipNumberSaid(turn) !== undefined;
      return mode === 'idle' && tipNumberSaid(turn) === undefined;
    case 'confirmDelete':
      if (detail === 'yes') return says(turn, defined(prompts.deleteDone[0]));
      return !says(turn, defined(prompts.deleteDone[0]));
    default:
      return mode !== 'ended' || detail === 'no';
  }
};

const navigated: Judgement = (phrasing, detail, turn, before) => {
  const mode = modeOf(turn);
  const now = sessionOf(turn).userState?.position;
  const then = before ? sessionOf(before).userState?.position : undefined;
  const inExercise = phrasing.context === 'exercise';
  switch (detail) {
    case 'next':
      return inExercise
        ? mode === 'exercise' && (now?.turnIndex ?? 0) > (then?.turnIndex ?? 0)
        : mode !== 'ended';
    case 'previous':
    case 'repeat':
    case 'startover':
      return inExercise ? mode === 'exercise' && now?.turnIndex === 0 : mode !== 'ended';
    case 'pause':
      return inExercise ? mode === 'paused' : mode !== 'ended';
    case 'resume':
      return inExercise ? mode === 'exercise' : mode !== 'ended';
    case 'skip':
      return inExercise ? (now?.exerciseIndex ?? -1) > (then?.exerciseIndex ?? 0) : mode !== 'ended';
    case 'done-for-today':
      return turn.sessionEnded && (!inExercise || now !== null);
    case 'stop':
      return turn.sessionEnded;
    case 'help':
      return (
        says(turn, defined(prompts.help[0])) ||
        says(turn, defined(prompts.exerciseHelp[0])) ||
        mode === 'triage'
      );
    default:
      return false;
  }
};

/** Says a phrasing in its context in a fresh session of a new user, and judges the answer. */
export async function tryPhrasing(
  phrasing: Phrasing,
  session: VoiceSession,
): Promise<Verdict & { turn: HeardTurn }> {
  let before: HeardTurn | undefined;
  for (const line of setUp[phrasing.context]) before = await session.say(line);
  const turn = await session.say(phrasing.text);
  return { ...judge(phrasing, turn, before), turn };
}
