import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { userTable } from '../lambda/src/state/table-schema.js';

/**
 * Creates the user table from the shared key schema (on-demand billing) unless it exists, and waits
 * until it is ACTIVE with the SDK's waiter. For the local simulator and tests only (not in the Lambda
 * bundle): the CDK stack creates the deployed table.
 */
export async function createTable(
  client: DynamoDBClient,
  tableName: string = process.env.TABLE_NAME || userTable.localName,
  timeoutMs = 10_000,
): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: userTable.partitionKey.name, AttributeType: userTable.partitionKey.type },
        ],
        KeySchema: [{ AttributeName: userTable.partitionKey.name, KeyType: 'HASH' }],
      }),
    );
  } catch (error) {
    // It exists already, or someone else is creating it: wait for it like for ours.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  // The waiter asks at once, then backs off; the service's default of 20 s between polls suits AWS, not
  // an embedded dynalite that is ready in milliseconds.
  await waitUntilTableExists(
    { client, maxWaitTime: timeoutMs / 1000, minDelay: 0.05, maxDelay: 1 },
    { TableName: tableName },
  );
}
