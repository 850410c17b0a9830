import { type RunningDynalite, startLocalDynamo } from '../../tools/local-dynamo.js';

export type { RunningDynalite };

/** An in-memory DynamoDB API (dynalite) on 127.0.0.1 with the user table created, counting requests. */
export function startDynalite(tableName?: string): Promise<RunningDynalite> {
  return startLocalDynamo(tableName ? { tableName } : {});
}
