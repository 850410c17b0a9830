import { getSupportedInterfaces } from 'ask-sdk-core';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import { holdCountSentence } from '../coach/hold.js';
import { planFor, spokenStep } from '../coach/turns.js';
import type { Turn } from '../coach/types.js';
import type { Exercise, Tip } from '../content/schema.js';
import { tipSentences, tipTitle } from '../knowledge/tips.js';
import { estimatedSeconds, type Speech, type SpeechRate } from '../speech/ssml.js';
import { capitalized, fill, screenText } from '../text/index.js';
import exerciseDocument from './exercise-document.json';
import textDocument from './text-document.json';

export { screenText };

export type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective & {
  token: string;
  document: Record<string, unknown>;
  datasources: { payload: Record<string, unknown> };
};

const screenTokens = { exercise: 'rug-coach-exercise', text: 'rug-coach-text' } as const;

/** One hold on the screen's countdown: when it starts after the speech begins, and how long it lasts. */
interface HoldWindow {
  startMs: number;
  seconds: number;
}

export interface ExerciseScreenData {
  name: string;
  partLabel: string;
  /** "Linkerbeen", "Rechterbeen", or '' for exercises without sides. */
  side: string;
  steps: string[];
  holdSeconds: number;
  holdLabel: string;
  holds: HoldWindow[];
}

/** True when the device can show APL (an Echo Show); speakers without a screen never get a document. */
/** The APL version both documents declare; a device must run at least this version to be sent them. */
export const aplDocumentVersion: string = exerciseDocument.version;

/** Compares dotted APL versions ("1.9" < "2022.1" < "2023.3") part by part, as numbers. */
export function aplVersionAtLeast(version: string, wanted: string): boolean {
  const have = version.split('.').map(Number);
  const want = wanted.split('.').map(Number);
  if ([...have, ...want].some((n) => !Number.isInteger(n))) return false;
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    const difference = (have[i] ?? 0) - (want[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/**
 * A device gets the documents only when it declares Alexa.Presentation.APL with a runtime that runs their
 * version: APL is backward compatible, so a device runs documents up to its `runtime.maxVersion`.
 * https://developer.amazon.com/docs/alexa/alexa-presentation-language/apl-interface.html
 * https://developer.amazon.com/docs/alexa-voice-service/presentation-apl.html
 */
export function supportsApl(envelope: RequestEnvelope, documentVersion = aplDocumentVersion): boolean {
  // ask-sdk-core's helper reads context.System, which an envelope without a context lacks: no screen then.
  const interfaces = (envelope.context ? getSupportedInterfaces(envelope) : {}) as Record<
    string,
    { runtime?: { maxVersion?: unknown } } | undefined
  >;
  const maxVersion = interfaces?.['Alexa.Presentation.APL']?.runtime?.maxVersion;
  return typeof maxVersion === 'string' && aplVersionAtLeast(maxVersion, documentVersion);
}

/**
 * Where each hold falls in the spoken turn. A hold starts at the silence right after "Ik tel twintig
 * seconden." (or the exercise's "again" sentence) and lasts as long as its silences add up to the hold,
 * the same silences Alexa plays; speech before it is timed at Alexa's estimated speaking speed.
 */
function holdWindows(
  spoken: Speech,
  turn: Turn,
  exercise: Exercise,
  rate: SpeechRate = 'normal',
): HoldWindow[] {
  const hold = turn.holdSeconds;
  if (hold === undefined || hold <= 0) return [];
  const again = planFor(exercise).again;
  const starters = new Set([holdCountSentence(hold), ...(again ? [again] : [])]);
  const windows: HoldWindow[] = [];
  let clock = 0;
  spoken.forEach((part, i) => {
    const before = spoken[i - 1];
    if (part.kind === 'pause' && before?.kind === 'text' && starters.has(before.text.trim())) {
      let silence = 0;
      for (let j = i; j < spoken.length && silence < hold; j++) {
        const next = spoken[j];
        if (next?.kind === 'pause') silence += next.seconds;
      }
      if (silence === hold) windows.push({ startMs: Math.round(clock * 1000), seconds: hold });
    }
    clock += estimatedSeconds([part], rate);
  });
  return windows;
}

/** The steps that this turn says, as they are said, or all of them when the turn only continues. */
function stepsShown(spoken: Speech, exercise: Exercise): string[] {
  const said = new Set(spoken.flatMap((part) => (part.kind === 'text' ? [part.text.trim()] : [])));
  const all = exercise.steps.map((_, i) => spokenStep(exercise, i) ?? '').filter((step) => step !== '');
  const shown = all.filter((step) => said.has(step));
  return shown.length > 0 ? shown : all;
}

function exerciseScreenData(
  turn: Turn,
  exercise: Exercise,
  spoken: Speech = turn.speech,
  rate: SpeechRate = 'normal',
): ExerciseScreenData {
  const holdSeconds = turn.holdSeconds ?? 0;
  return {
    name: exercise.title,
    partLabel: turn.partLabel,
    side: turn.side ? screenText.sides[turn.side] : '',
    steps: stepsShown(spoken, exercise),
    holdSeconds,
    holdLabel: holdSeconds > 0 ? fill(screenText.holdLabel, { seconds: holdSeconds }) : '',
    holds: holdWindows(spoken, turn, exercise, rate),
  };
}

/**
 * The screen for one exercise turn. `spoken` is everything said in the response (a lead-in included),
 * so that the countdown starts when the spoken hold does.
 */
export function exerciseScreen(
  turn: Turn,
  exercise: Exercise,
  spoken: Speech = turn.speech,
  rate: SpeechRate = 'normal',
): RenderDocument {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: screenTokens.exercise,
    document: exerciseDocument,
    datasources: { payload: { exercise: exerciseScreenData(turn, exercise, spoken, rate) } },
  };
}

/** A title and lines of text: a tip, the doctor's advice. */
export function textScreen(title: string, lines: readonly string[]): RenderDocument {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: screenTokens.text,
    document: textDocument,
    datasources: { payload: { text: { title, lines: lines.map((l) => l.trim()).filter((l) => l !== '') } } },
  };
}

/** The sentences of a piece of speech, without its silences. */
function speechLines(speech: Speech): string[] {
  return speech.flatMap((part) => (part.kind === 'text' ? [part.text] : []));
}

export function tipScreen(tip: Tip): RenderDocument {
  return textScreen(
    fill(screenText.tipTitle, { number: tip.number, title: capitalized(tipTitle(tip)) }),
    tipSentences(tip),
  );
}

/** The doctor questionnaire's advice (or any outcome speech) as text. */
export function doctorScreen(speech: Speech): RenderDocument {
  return textScreen(screenText.doctorTitle, speechLines(speech));
}
