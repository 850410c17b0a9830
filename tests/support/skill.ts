import { importBundledHandler, runSkillLocally } from '../../tools/local-skill.js';
import type { EnvelopeContext } from '../../tools/simulator/envelope.js';
import { loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';
import { type SkillHandler, VoiceSession } from '../../tools/simulator/session.js';
import { type RunningDynalite, startDynalite } from './dynalite.js';

export const testSkillId = 'amzn1.ask.skill.rug-coach-test';

export interface RunningSkill {
  db: RunningDynalite;
  /** The handler exported by the same bundle that the stack deploys. */
  handler: SkillHandler;
  /** The simulator's understanding: the model's samples, then nlp.js trained on the model. */
  understanding: Understanding;
  /** A new voice session; pass the same userId to continue as the same person. */
  session(context?: Partial<EnvelopeContext>): VoiceSession;
  stop(): Promise<void>;
}

/**
 * The real Lambda bundle against an in-memory dynalite. One per test file: the bundle keeps its
 * DynamoDB client for the life of the process, as a warm Lambda does.
 */
export async function startSkill(): Promise<RunningSkill> {
  const db = await startDynalite();
  runSkillLocally(db, testSkillId);
  // Built once by tests/support/global-setup.ts.
  const handler = await importBundledHandler();
  const understanding = await Understanding.train(loadInteractionModel());
  return {
    db,
    handler,
    understanding,
    session: (context = {}) => new VoiceSession(handler, understanding, { skillId: testSkillId, ...context }),
    stop: () => db.stop(),
  };
}
