import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdaOutfile, repoRoot } from '../infra/bundling.js';
import type { RunningDynalite } from './local-dynamo.js';
import type { SkillHandler } from './simulator/session.js';

/**
 * Sets this process's environment as the stack sets the Lambda's (SKILL_ID, TABLE_NAME), plus the local
 * DynamoDB endpoint. The bundle reads it on its first request.
 */
export function runSkillLocally(db: RunningDynalite, skillId: string): void {
  Object.assign(process.env, {
    SKILL_ID: skillId,
    DYNAMODB_ENDPOINT: db.endpoint,
    TABLE_NAME: db.tableName,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1',
  });
}

/** The handler of the Lambda bundle that `tools/build.ts` wrote: the same file the stack deploys. */
export async function importBundledHandler(outfile: string = lambdaOutfile): Promise<SkillHandler> {
  const url = pathToFileURL(path.resolve(repoRoot, outfile)).href;
  const bundle = (await import(url)) as { handler: SkillHandler };
  return bundle.handler;
}
