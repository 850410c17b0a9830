import { namesRedFlag } from '../../lambda/src/triage/index.js';
import { buildLambda } from '../build.js';
import { startLocalDynamo } from '../local-dynamo.js';
import { importBundledHandler, runSkillLocally } from '../local-skill.js';
import type { Understanding } from '../simulator/nlu/index.js';
import { type SkillHandler, VoiceSession } from '../simulator/session.js';
import { tryPhrasing, type Verdict } from './answers.js';
import { expectedGroup, neverForRedFlags, type Phrasing, redFlagOf } from './phrasings.js';
import { labelOf, routedRight } from './routing.js';

/** One phrasing, how it was understood, and (end to end) what the skill answered. */
export interface Outcome {
  phrasing: Phrasing;
  group: string;
  understood: string;
  routedRight: boolean;
  /** A red flag that reached an exercise, tip, step or yes/no intent. */
  routedAway: boolean;
  /**
   * Routed away, and with no words of the user's own that the red-flag check recognises: nothing in
   * the skill can catch it. (Words in a free-form slot or an unresolved value are screened first.)
   */
  routedUnsafe: boolean;
  answer?: Verdict;
}

export interface Tally {
  right: number;
  total: number;
}

export function tallyBy(outcomes: readonly Outcome[], right: (o: Outcome) => boolean): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const outcome of outcomes) {
    const tally = groups.get(outcome.group) ?? { right: 0, total: 0 };
    tally.total += 1;
    if (right(outcome)) tally.right += 1;
    groups.set(outcome.group, tally);
  }
  return groups;
}

/** How each phrasing is understood: the routing, as Alexa would send it. */
export async function route(
  understanding: Understanding,
  phrasings: readonly Phrasing[],
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const phrasing of phrasings) {
    const resolution = await understanding.understand(phrasing.text);
    const away =
      redFlagOf(phrasing.goal) !== undefined &&
      resolution.kind === 'intent' &&
      (neverForRedFlags as readonly string[]).includes(resolution.name);
    const screened =
      resolution.kind === 'intent' &&
      Object.values(resolution.slots).some(
        (slot) => (!slot.matched || slot.type === 'AMAZON.SearchQuery') && namesRedFlag(slot.value),
      );
    outcomes.push({
      phrasing,
      group: expectedGroup(phrasing.goal),
      understood: labelOf(resolution),
      routedRight: routedRight(phrasing, resolution),
      routedAway: away,
      routedUnsafe: away && !screened,
    });
  }
  return outcomes;
}

/** Each phrasing said to the real bundle, in its place in a conversation, by a user of its own. */
export async function answerAll(
  handler: SkillHandler,
  understanding: Understanding,
  skillId: string,
  outcomes: readonly Outcome[],
): Promise<void> {
  let n = 0;
  for (const outcome of outcomes) {
    n += 1;
    const session = new VoiceSession(handler, understanding, {
      skillId,
      userId: `amzn1.ask.account.NLU-EVAL-${n}`,
    });
    outcome.answer = await tryPhrasing(outcome.phrasing, session);
  }
}

/** The bundle the stack deploys, against an in-memory dynalite, for `npm run nlu`. */
export async function localSkill(
  skillId: string,
): Promise<{ handler: SkillHandler; stop: () => Promise<void> }> {
  const db = await startLocalDynamo();
  runSkillLocally(db, skillId);
  const { outfile } = await buildLambda();
  return { handler: await importBundledHandler(outfile), stop: () => db.stop() };
}
