import type { Exercise } from '../content/schema.js';
import { alexaLimits } from '../speech/limits.js';
import { estimatedSeconds, join, pause, type Speech, type SpeechPart, say } from '../speech/ssml.js';
import { capitalized, coachText, fill, numberWord, ordinalWord, spoken } from '../text/index.js';
import type { ExercisePlan } from './content-schema.js';
import { holdCountSentence, holdFor, holdRaisedByProgression, holdSpeech } from './hold.js';
import type { CoachPreferences, CoachProgress, Side, Turn } from './types.js';

/**
 * A turn must fit in 90 s (Alexa's limit for a response that expects an answer). Turns are laid out for
 * slow speech, so that "praat langzamer" never makes a turn too long, with a margin because the
 * length of speech is only an estimate.
 */
const turnBudgetSeconds = alexaLimits.maxTurnSeconds - 5;

/** How an exercise's steps are spoken; an exercise without a plan has all its steps said up front. */
export function planFor(exercise: Exercise): ExercisePlan {
  return (
    coachText.exercises[exercise.id] ?? {
      spokenName: exercise.name,
      beforeSetup: [],
      setup: [],
      afterSetup: exercise.steps.map((_, i) => i),
      action: [],
      switchSide: [],
      movementCues: [],
    }
  );
}

/** The exercise's name as it sits in a sentence ("de brug"). */
export function spokenName(exercise: Exercise): string {
  return planFor(exercise).spokenName;
}

/** The article's step as it is said ("Ga op je rug liggen, met je knieën gebogen."). */
export function spokenStep(exercise: Exercise, index: number): string | undefined {
  return spoken.exercises[exercise.id]?.[index]?.say;
}

const stepsSaid = (exercise: Exercise, indexes: readonly number[]): SpeechPart[] =>
  indexes.flatMap((i) => {
    const step = spokenStep(exercise, i);
    return step === undefined ? [] : [say(step)];
  });

interface TurnLayout {
  side: Side | undefined;
  /** Repetitions in this turn, counted from 1 within the side. */
  firstRep: number;
  lastRep: number;
  firstOfExercise: boolean;
  firstOfSide: boolean;
}

/** Builds turns for one exercise, given the hold that the preferences and progress lead to. */
class TurnWriter {
  private readonly plan: ExercisePlan;
  private readonly hold: number | undefined;
  private readonly release: string;

  constructor(
    private readonly exercise: Exercise,
    private readonly prefs: CoachPreferences,
    private readonly progress: CoachProgress | undefined,
  ) {
    this.plan = planFor(exercise);
    this.hold = holdFor(exercise, prefs, progress);
    const releaseStep =
      this.plan.releaseStep === undefined ? undefined : spokenStep(exercise, this.plan.releaseStep);
    this.release = releaseStep ?? coachText.turn.release;
  }

  get holdSeconds(): number | undefined {
    return this.hold;
  }

  speech(layout: TurnLayout): Speech {
    const parts: SpeechPart[] = [...this.opening(layout)];
    for (let rep = layout.firstRep; rep <= layout.lastRep; rep++) {
      parts.push(...this.repetition(rep, rep === layout.firstRep, rep === layout.lastRep));
    }
    parts.push(say(coachText.turn.prompt));
    return parts;
  }

  private opening(layout: TurnLayout): SpeechPart[] {
    const { exercise, plan } = this;
    const turnText = coachText.turn;
    const sideLine = layout.side ? turnText.sides[layout.side] : undefined;
    if (layout.firstOfExercise) {
      const progression =
        this.hold !== undefined && holdRaisedByProgression(exercise, this.prefs, this.progress)
          ? [
              say(
                fill(turnText.progression, {
                  sessions: this.progress?.sessionsDone ?? 0,
                  seconds: numberWord(this.hold),
                }),
              ),
            ]
          : [];
      return [
        say(fill(turnText.intro, { name: plan.spokenName })),
        ...progression,
        ...stepsSaid(exercise, plan.beforeSetup),
        ...stepsSaid(exercise, plan.setup),
        ...(plan.setup.length > 0 ? [pause(coachText.defaults.setupSeconds)] : []),
        ...stepsSaid(exercise, plan.afterSetup),
        ...(plan.movementCues.length > 0 && exercise.repetitions > 1 ? [say(turnText.countAlong)] : []),
        ...(sideLine ? [say(sideLine.first)] : []),
      ];
    }
    if (layout.firstOfSide && sideLine) return [...stepsSaid(exercise, plan.switchSide), say(sideLine.first)];
    return [say(sideLine ? sideLine.still : turnText.continue)];
  }

  private repetition(rep: number, firstInTurn: boolean, lastInTurn: boolean): SpeechPart[] {
    const { exercise, plan } = this;
    if (plan.movementCues.length > 0) {
      // Counting along with a movement: "Eén. Rond je rug." The cues name no number, so nothing collides.
      const count = exercise.repetitions > 1 ? [say(`${capitalized(numberWord(rep))}.`)] : [];
      const seconds = exercise.secondsPerMovement ?? coachText.defaults.secondsPerMovement;
      return [...count, ...plan.movementCues.flatMap((cue) => [say(cue), pause(seconds)])];
    }
    // "Eerste keer. Trek één knie naar je borst.": an ordinal, so the count is not heard as the step's "één".
    const count =
      exercise.repetitions > 1
        ? [say(fill(coachText.turn.repetition, { ordinal: capitalized(ordinalWord(rep)) }))]
        : [];
    if (this.hold === undefined) {
      return [...count, ...stepsSaid(exercise, plan.action), pause(coachText.defaults.secondsPerMovement)];
    }
    const instruction =
      firstInTurn || plan.again === undefined
        ? [...stepsSaid(exercise, plan.action), say(holdCountSentence(this.hold))]
        : [say(plan.again)];
    return [
      ...count,
      ...instruction,
      ...holdSpeech(this.hold, this.release),
      ...(lastInTurn ? [] : [pause(coachText.defaults.restSeconds)]),
    ];
  }
}

/** Splits `count` repetitions into `groups` runs of nearly equal size: [first, last] pairs from 1. */
function evenRuns(count: number, groups: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let first = 1;
  for (let g = 0; g < groups; g++) {
    const size = Math.floor(count / groups) + (g < count % groups ? 1 : 0);
    runs.push([first, first + size - 1]);
    first += size;
  }
  return runs;
}

/**
 * The exercise as spoken turns: one side, or as many repetitions as fit in one turn, each ending with
 * "Zeg 'volgende' als je klaar bent." A side is split into the fewest turns of nearly equal size that fit.
 */
export function turnsFor(exercise: Exercise, prefs: CoachPreferences, progress?: CoachProgress): Turn[] {
  const writer = new TurnWriter(exercise, prefs, progress);
  const sides: Array<Side | undefined> = exercise.perSide ? ['links', 'rechts'] : [undefined];
  const laidOut: Array<{ layout: TurnLayout; speech: Speech }> = [];

  sides.forEach((side, sideIndex) => {
    for (let groups = 1; groups <= exercise.repetitions; groups++) {
      const turns = evenRuns(exercise.repetitions, groups).map(([firstRep, lastRep], g) => {
        const layout: TurnLayout = {
          side,
          firstRep,
          lastRep,
          firstOfExercise: sideIndex === 0 && g === 0,
          firstOfSide: g === 0,
        };
        return { layout, speech: writer.speech(layout) };
      });
      const fits = turns.every((turn) => estimatedSeconds(turn.speech, 'slow') <= turnBudgetSeconds);
      if (fits || groups === exercise.repetitions) {
        laidOut.push(...turns);
        break;
      }
    }
  });

  const reprompt = [say(coachText.turn.reprompt)];
  return laidOut.map(({ layout, speech }, i) => ({
    speech,
    reprompt,
    exerciseId: exercise.id,
    partLabel: fill(coachText.turn.partLabel, { n: i + 1, total: laidOut.length }),
    ...(layout.side ? { side: layout.side } : {}),
    ...(writer.holdSeconds !== undefined ? { holdSeconds: writer.holdSeconds } : {}),
    repetitionsBefore: repetitionsBefore(exercise, layout),
    repetitions: layout.lastRep - layout.firstRep + 1,
    isLastOfExercise: i === laidOut.length - 1,
    isLastOfRoutine: false,
  }));
}

/** Repetitions of the exercise before this layout's first one, both sides counted ("rechts, 1" = 3 for knie). */
function repetitionsBefore(exercise: Exercise, layout: TurnLayout): number {
  const sideIndex = layout.side === 'rechts' ? 1 : 0;
  return sideIndex * exercise.repetitions + layout.firstRep - 1;
}

/**
 * The turn that starts at the repetition after `done` repetitions, as the turns are laid out now: the
 * layout can differ from when a place was saved (a longer hold, more sessions done), and "ga verder"
 * must go on with the repetition the user had not done, never repeat one they had. When no turn of the
 * current layout starts there, the turn that holds it is said from that repetition on.
 */
export function turnStartingAfter(
  exercise: Exercise,
  prefs: CoachPreferences,
  progress: CoachProgress | undefined,
  done: number,
): { turn: Turn; index: number } | undefined {
  const turns = turnsFor(exercise, prefs, progress);
  const index = turns.findIndex(
    (turn) => turn.repetitionsBefore <= done && done < turn.repetitionsBefore + turn.repetitions,
  );
  const holding = turns[index];
  if (!holding) return undefined;
  if (holding.repetitionsBefore === done) return { turn: holding, index };
  const side: Side | undefined = holding.side;
  const perSide = exercise.repetitions;
  const firstRep = done - (side === 'rechts' ? perSide : 0) + 1;
  const lastRep = holding.repetitionsBefore + holding.repetitions - (side === 'rechts' ? perSide : 0);
  const writer = new TurnWriter(exercise, prefs, progress);
  const layout: TurnLayout = { side, firstRep, lastRep, firstOfExercise: false, firstOfSide: false };
  return {
    turn: {
      ...holding,
      speech: writer.speech(layout),
      repetitionsBefore: done,
      repetitions: lastRep - firstRep + 1,
    },
    index,
  };
}

/** "Forceer nooit een oefening; stop als het pijn doet.": the handler says it before a session's first exercise. */
export function safetyNotice(): Speech {
  return join(coachText.safetyNotice);
}
