import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { boundedHttpHandler } from './http-handler.js';

export interface DynamoEnv {
  AWS_REGION?: string | undefined;
  DYNAMODB_ENDPOINT?: string | undefined;
}

/**
 * The DynamoDB client, tuned for Alexa's 8 s answer window: each attempt gives up after 1 s to connect
 * or 1.5 s to answer, with at most two attempts. On top of that, the persistence interceptors give all
 * DynamoDB work of one turn a budget (`turnBudgetMs`), so even a hanging database leaves a turn answered
 * within 3 s, from the session's state.
 */
export function createDynamoClient(env: DynamoEnv = process.env): DynamoDBClient {
  const endpoint = env.DYNAMODB_ENDPOINT || undefined;
  return new DynamoDBClient({
    region: env.AWS_REGION || 'eu-west-1',
    maxAttempts: 2,
    requestHandler: boundedHttpHandler({ connectionTimeout: 1000, requestTimeout: 1500 }),
    // A local endpoint needs no real credentials; fixed ones keep the credential chain from running.
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}
