import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdaOutfile, repoRoot } from '../infra/bundling.js';
import type { RunningDynalite } from './local-dynamo.js';
import type { LocalQueue, QueueConsumer } from './local-queue.js';
import type { SkillHandler } from './simulator/session.js';

/**
 * Sets this process's environment as the stack sets the Lambda's (SKILL_ID, TABLE_NAME, STATE_QUEUE_URL),
 * plus the local DynamoDB endpoint. The bundle reads it on its first request.
 */
export function runSkillLocally(db: RunningDynalite, skillId: string, queue?: LocalQueue): void {
  Object.assign(process.env, {
    SKILL_ID: skillId,
    DYNAMODB_ENDPOINT: db.endpoint,
    TABLE_NAME: db.tableName,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1',
    ...(queue ? { STATE_QUEUE_URL: queue.url } : {}),
  });
}

interface Bundle {
  handler: SkillHandler;
  stateJobs: QueueConsumer;
}

async function importBundle(outfile: string): Promise<Bundle> {
  const url = pathToFileURL(path.resolve(repoRoot, outfile)).href;
  return (await import(url)) as Bundle;
}

/** The handler of the Lambda bundle that `tools/build.ts` wrote: the same file the stack deploys. */
export async function importBundledHandler(outfile: string = lambdaOutfile): Promise<SkillHandler> {
  return (await importBundle(outfile)).handler;
}

/** The state queue's consumer from the same bundle (the stack's second function runs it). */
export async function importBundledStateJobs(outfile: string = lambdaOutfile): Promise<QueueConsumer> {
  return (await importBundle(outfile)).stateJobs;
}
