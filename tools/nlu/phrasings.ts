import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { Intent, type IntentName } from '../../lambda/src/intents.js';
import { levelOf } from '../../lambda/src/triage/criteria.js';

/**
 * Phrasings written apart from the interaction model (tests/nlu/heldout.json: never read while
 * writing samples), each with what the person wanted. A goal names the answer, not an intent: several
 * intents can give the right answer ("helpt een warme douche" as a tip or as an open question).
 */

const contexts = ['oneshot', 'session', 'exercise', 'questionnaire', 'tipOffer', 'confirmDelete'] as const;

const phrasingSchema = z.strictObject({
  text: z.string().min(1),
  context: z.enum(contexts),
  goal: z.string().regex(/^[a-z]+(:[a-z-]+)?$/),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
});
export type Phrasing = z.infer<typeof phrasingSchema>;

export function loadPhrasings(path: string | URL): Phrasing[] {
  return z.array(phrasingSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

const heldOutDir = new URL('../../tests/nlu/', import.meta.url);

/** The held-out files, tests/nlu/heldout*.json, in order. */
export function heldOutFiles(): URL[] {
  return readdirSync(heldOutDir)
    .filter((name) => /^heldout.*\.json$/.test(name))
    .sort()
    .map((name) => new URL(name, heldOutDir));
}

/** Every held-out phrasing. */
export function loadHeldOut(): Phrasing[] {
  return heldOutFiles().flatMap((file) => loadPhrasings(file));
}

/** The intent a goal belongs to, for the per-intent figures (the first of the intents that can answer it). */
export function acceptedIntents(goal: string): readonly IntentName[] {
  const [kind = '', detail = ''] = goal.split(':');
  switch (kind) {
    case 'launch':
      return [];
    case 'exercise':
      return detail === 'any' ? [Intent.Exercise, Intent.Routine] : [Intent.Exercise];
    case 'routine':
      return [Intent.Routine];
    case 'tip':
      return detail === 'any' ? [Intent.Tip] : [Intent.Tip, Intent.Question, Intent.Info];
    case 'info':
      return [Intent.Info, Intent.Question, Intent.Tip];
    case 'unanswered':
      return [Intent.Question, Intent.Info, Intent.Tip];
    case 'doctor':
      return [Intent.Doctor];
    case 'symptom':
      return detail === 'none'
        ? [Intent.Symptom]
        : levelOf(detail) === 'direct' || detail === 'uitstralend'
          ? [Intent.UrgentSymptom, Intent.Symptom, Intent.Doctor, Intent.Question]
          : [Intent.AppointmentSymptom, Intent.UrgentSymptom, Intent.Symptom, Intent.Doctor, Intent.Question];
    case 'progress':
      return [Intent.Progress];
    case 'reminder':
      return detail === 'stop' ? [Intent.StopReminder] : [Intent.Reminder];
    case 'delete':
      return [Intent.DeleteData];
    case 'hold':
      return detail === 'longer' ? [Intent.HoldLonger] : [Intent.HoldShorter];
    case 'speak':
      return detail === 'slower' ? [Intent.SpeakSlower] : [Intent.SpeakNormal];
    case 'answer':
      return detail === 'yes' ? [Intent.Yes] : detail === 'no' ? [Intent.No] : [Intent.DontKnow];
    case 'offtopic':
      return [Intent.Fallback, Intent.Question];
    case 'nav':
      return (
        (
          {
            // During an exercise "ja", "oké" go on to the next step, as "volgende" does.
            next: [Intent.Next, Intent.Yes],
            previous: [Intent.Previous],
            repeat: [Intent.Repeat],
            pause: [Intent.Pause],
            resume: [Intent.Resume],
            startover: [Intent.StartOver],
            skip: [Intent.Skip],
            'done-for-today': [Intent.DoneForToday, Intent.Stop],
            stop: [Intent.Stop, Intent.Cancel],
            help: [Intent.Help],
          } as Record<string, IntentName[]>
        )[detail] ?? []
      );
    default:
      throw new Error(`unknown goal "${goal}"`);
  }
}

/** The group a phrasing is counted in: the intent that should take it, or LaunchRequest. */
export function expectedGroup(goal: string): string {
  return acceptedIntents(goal)[0] ?? 'LaunchRequest';
}

/** The red flag a goal names ("symptom:koorts" → "koorts"), with its advice level. */
export function redFlagOf(goal: string): { flag: string; level: 'direct' | 'appointment' } | undefined {
  const [kind, detail] = goal.split(':');
  if (kind !== 'symptom' || !detail || detail === 'none') return undefined;
  const level = levelOf(detail);
  if (!level) throw new Error(`unknown red flag "${detail}"`);
  return { flag: detail, level };
}

/** Intents that must never take a red flag: each would answer with an exercise, a tip, a step or a yes/no. */
export const neverForRedFlags: readonly IntentName[] = [
  Intent.Exercise,
  Intent.Routine,
  Intent.Tip,
  Intent.Next,
  Intent.Previous,
  Intent.Repeat,
  Intent.Pause,
  Intent.Resume,
  Intent.StartOver,
  Intent.Skip,
  Intent.Yes,
  Intent.No,
];
