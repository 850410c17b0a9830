import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { userTable } from './table-schema.js';

/**
 * Creates the user table from the shared key schema (on-demand billing) unless it exists, and waits
 * until it is ACTIVE. For the local simulator and tests; the CDK stack creates the deployed table.
 */
export async function createTable(
  client: DynamoDBClient,
  tableName: string = process.env.TABLE_NAME || userTable.localName,
  timeoutMs = 10_000,
): Promise<void> {
  if ((await tableStatus(client, tableName)) === undefined) {
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
      // Someone else created it in the meantime: wait for it like for ours.
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  const deadline = Date.now() + timeoutMs;
  while ((await tableStatus(client, tableName)) !== 'ACTIVE') {
    if (Date.now() > deadline) throw new Error(`Table ${tableName} did not become ACTIVE in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
