import { article } from '../content/article.js';
import type { Exercise } from '../content/schema.js';
import { alexaLimits } from '../speech/limits.js';
import { pause, type Speech, type SpeechPart, type SpeechRate, say } from '../speech/ssml.js';
import { coachText, fill, numberWord } from '../text/index.js';
import type { CoachPreferences, CoachProgress } from './types.js';

/**
 * Sessions completed → seconds added to holds. A product choice, not the article's: the article gives each
 * hold as a range (e.g. 20–30 s) and no schedule; after 3, 6 and 9 finished sessions the hold moves up
 * within that range, never past its top (holdFor clamps it).
 */
const progressionSteps: ReadonlyArray<{ sessions: number; extraSeconds: number }> = [
  { sessions: 9, extraSeconds: 6 },
  { sessions: 6, extraSeconds: 4 },
  { sessions: 3, extraSeconds: 2 },
];

/** The step by which "langer vasthouden" and "korter" change a hold. */
const holdStepSeconds = 5;

const exercisesWithHolds = article.exercises.filter((exercise) => exercise.holdSeconds !== undefined);

/** The most any hold can be lengthened: the widest range in the article (20–30 s gives 10). */
export const maxHoldExtraSeconds = Math.max(
  0,
  ...exercisesWithHolds.map((e) => (e.holdSeconds ? e.holdSeconds.max - e.holdSeconds.min : 0)),
);

/** The exercise whose hold a preference change is described in when no exercise is going on. */
const referenceExercise: Exercise | undefined = exercisesWithHolds.reduce<Exercise | undefined>(
  (widest, e) => {
    const width = (x: Exercise | undefined) => (x?.holdSeconds ? x.holdSeconds.max - x.holdSeconds.min : -1);
    return width(e) > width(widest) ? e : widest;
  },
  undefined,
);

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

function progressionExtraSeconds(progress?: CoachProgress): number {
  const sessions = progress?.sessionsDone ?? 0;
  return progressionSteps.find((step) => sessions >= step.sessions)?.extraSeconds ?? 0;
}

/** Seconds to hold: the article's low end plus the user's extra and the progression, within the range. */
export function holdFor(
  exercise: Exercise,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): number | undefined {
  const range = exercise.holdSeconds;
  if (!range) return undefined;
  const extra = clamp(prefs.holdExtraSeconds, 0, maxHoldExtraSeconds);
  return clamp(range.min + extra + progressionExtraSeconds(progress), range.min, range.max);
}

/** True when progression, not the user's own choice, made the hold longer than it would be. */
export function holdRaisedByProgression(
  exercise: Exercise,
  prefs: CoachPreferences,
  progress?: CoachProgress,
): boolean {
  return (holdFor(exercise, prefs, progress) ?? 0) > (holdFor(exercise, prefs) ?? 0);
}

/**
 * A hold as speech: silences of at most 10 s (Alexa's longest break, and short enough that the user
 * knows the skill is still there), with "nog twintig seconden", "nog tien seconden" between them,
 * and the release cue at the end.
 */
export function holdSpeech(seconds: number, release: string): Speech {
  const parts: SpeechPart[] = [];
  const gap = alexaLimits.maxBreakSeconds;
  if (seconds > gap) {
    let remaining = gap * Math.ceil(seconds / gap) - gap;
    parts.push(pause(seconds - remaining));
    while (remaining > 0) {
      parts.push(say(fill(coachText.turn.remaining, { seconds: numberWord(remaining) })), pause(gap));
      remaining -= gap;
    }
  } else if (seconds > 5) {
    parts.push(pause(seconds - 5), say(coachText.turn.lastFive), pause(5));
  } else {
    parts.push(pause(seconds));
  }
  parts.push(say(release));
  return parts;
}

export interface PreferenceChange {
  preferences: CoachPreferences;
  speech: Speech;
}

/**
 * "langer vasthouden" / "korter": moves the hold by 5 s within the article's range. The change is
 * described for the given exercise, or for the widest-range exercise (20–30 s) when none is going on.
 */
export function adjustHold(
  prefs: CoachPreferences,
  direction: 'longer' | 'shorter',
  exercise?: Exercise,
  progress?: CoachProgress,
): PreferenceChange {
  const subject = exercise?.holdSeconds ? exercise : referenceExercise;
  const range = subject?.holdSeconds;
  const current = clamp(prefs.holdExtraSeconds, 0, maxHoldExtraSeconds);
  if (!subject || !range) {
    const extra = clamp(
      current + (direction === 'longer' ? 1 : -1) * holdStepSeconds,
      0,
      maxHoldExtraSeconds,
    );
    return { preferences: { ...prefs, holdExtraSeconds: extra }, speech: [] };
  }
  const before = holdFor(subject, prefs, progress) ?? range.min;
  const target = clamp(before + (direction === 'longer' ? 1 : -1) * holdStepSeconds, range.min, range.max);
  const extra = clamp(target - range.min - progressionExtraSeconds(progress), 0, maxHoldExtraSeconds);
  const preferences = { ...prefs, holdExtraSeconds: extra };
  const after = holdFor(subject, preferences, progress) ?? range.min;
  const preferenceText = coachText.preferences;
  const said = (template: string, seconds: number) =>
    ({
      preferences,
      speech: [
        say(
          fill(template, {
            seconds: numberWord(seconds),
            min: numberWord(range.min),
            max: numberWord(range.max),
          }),
        ),
      ],
    }) satisfies PreferenceChange;
  if (after !== before) return said(preferenceText.holdChanged, after);
  if (direction === 'longer') return said(preferenceText.holdAtMax, range.max);
  if (after > range.min) return said(preferenceText.holdAtProgression, after);
  return said(preferenceText.holdAtMin, range.min);
}

/** "praat langzamer" / "praat normaal". */
export function setSpeechRate(prefs: CoachPreferences, speechRate: SpeechRate): PreferenceChange {
  const sentence = speechRate === 'slow' ? coachText.preferences.rateSlow : coachText.preferences.rateNormal;
  return { preferences: { ...prefs, speechRate }, speech: [say(sentence)] };
}

/** The hold as a sentence ("Ik tel twintig seconden."). */
export function holdCountSentence(seconds: number): string {
  return fill(coachText.turn.holdCount, { seconds: numberWord(seconds) });
}
