import { type LocalQueue, type QueueConsumer, startLocalQueue } from '../../tools/local-queue.js';
import { importBundledHandler, importBundledStateJobs, runSkillLocally } from '../../tools/local-skill.js';
import type { EnvelopeContext } from '../../tools/simulator/envelope.js';
import { loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';
import { type SkillHandler, VoiceSession } from '../../tools/simulator/session.js';
import { type RunningDynalite, startDynalite } from './dynalite.js';

export const testSkillId = 'amzn1.ask.skill.rug-coach-test';

export interface RunningSkill {
  db: RunningDynalite;
  /** The handler exported by the same bundle that the stack deploys. */
  handler: SkillHandler;
  /** The loopback state queue (SQS) the bundle sends to. */
  queue: LocalQueue;
  /** The queue's consumer from the same bundle. */
  stateJobs: QueueConsumer;
  /** Delivers what waits in the queue to the consumer, as Lambda's event source would, until it is empty. */
  drainQueue(): Promise<void>;
  /** The simulator's understanding: the model's samples, then nlp.js trained on the model. */
  understanding: Understanding;
  /** A new voice session; pass the same userId to continue as the same person. */
  session(context?: Partial<EnvelopeContext>): VoiceSession;
  stop(): Promise<void>;
}

/**
 * The real Lambda bundle against an in-memory dynalite and a loopback SQS queue. One per test file:
 * the bundle keeps its clients for the life of the process, as a warm Lambda does.
 */
export async function startSkill(): Promise<RunningSkill> {
  const [db, queue] = await Promise.all([startDynalite(), startLocalQueue()]);
  runSkillLocally(db, testSkillId, queue);
  // Built once by tests/support/global-setup.ts.
  const [handler, stateJobs] = await Promise.all([importBundledHandler(), importBundledStateJobs()]);
  const understanding = await Understanding.train(loadInteractionModel());
  return {
    db,
    handler,
    queue,
    stateJobs,
    drainQueue: () => queue.drain(stateJobs),
    understanding,
    session: (context = {}) => new VoiceSession(handler, understanding, { skillId: testSkillId, ...context }),
    stop: async () => {
      await queue.close();
      await db.stop();
    },
  };
}
