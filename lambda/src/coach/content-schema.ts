import { z } from 'zod';

/** Shape of `content/coach.json`: the coach's own sentences and, per exercise, how its article steps are spoken. */

const line = z.string().trim().min(1);
const stepIndexes = z.array(z.number().int().nonnegative());

/**
 * How one exercise's article steps become speech. Step numbers index the article's `steps` (0-based);
 * together the lists must name every step, so that every article sentence is said.
 */
const exercisePlanSchema = z.object({
  /** The name with its article, as it sits in a sentence ("de brug"). */
  spokenName: line,
  /** Steps said right after "We doen ..." ("Herhaal 10x"). */
  beforeSetup: stepIndexes,
  /** Steps that put the user in position; a short pause follows. */
  setup: stepIndexes,
  /** Steps said once in position, before the first repetition (how the movement goes). */
  afterSetup: stepIndexes,
  /** Steps said before the first hold of each turn ("Trek één knie naar je borst", "Houd 20-30 seconden vast"). */
  action: stepIndexes,
  /** The short instruction for the following holds of the same turn. */
  again: line.optional(),
  /** The step said to end each hold ("Laat langzaam zakken"); without it the coach says "En loslaten". */
  releaseStep: z.number().int().nonnegative().optional(),
  /** Steps said when the user changes sides ("Wissel van been"). */
  switchSide: stepIndexes,
  /** For slow repeated movements: one cue per movement, each followed by the movement's pause. */
  movementCues: z.array(line),
});

const sideSchema = z.object({ first: line, still: line });

export const coachContentSchema = z.object({
  safetyNotice: line,
  turn: z.object({
    prompt: line,
    reprompt: line,
    partLabel: line,
    intro: line,
    continue: line,
    countAlong: line,
    /** "{ordinal}": the repetition's count as an ordinal ("Eerste keer."). */
    repetition: line.includes('{ordinal}'),
    holdCount: line,
    progression: line,
    remaining: line,
    lastFive: line,
    release: line,
    sides: z.object({ links: sideSchema, rechts: sideSchema }),
  }),
  navigation: z.object({
    nextExercise: line,
    exerciseDone: line,
    routineDone: line,
    atFirstStep: line,
    restart: line,
    pause: line,
    pauseReprompt: line,
    resume: line,
    resumeOffer: line,
    resumeOfferReprompt: line,
    painStop: line,
    painStopReprompt: line,
    skipped: line,
    skippedNext: line,
    skippedLast: line,
  }),
  preferences: z.object({
    holdChanged: line,
    holdAtMax: line,
    holdAtMin: line,
    holdAtProgression: line,
    rateSlow: line,
    rateNormal: line,
  }),
  defaults: z.object({
    setupSeconds: z.number().positive().max(10),
    restSeconds: z.number().positive().max(10),
    secondsPerMovement: z.number().positive().max(10),
  }),
  exercises: z.record(z.string(), exercisePlanSchema),
});

export type CoachContent = z.infer<typeof coachContentSchema>;
export type ExercisePlan = z.infer<typeof exercisePlanSchema>;
