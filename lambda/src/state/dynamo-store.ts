import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from './dynamo-client.js';
import { userTable } from './table-schema.js';
import { expiryFor, mergeStates, newUserState, parseUserState, type UserState } from './user-state.js';

export interface UserStateStoreOptions {
  /** Created on first use when not given (from AWS_REGION and DYNAMODB_ENDPOINT). */
  client?: DynamoDBClient;
  /** Defaults to env TABLE_NAME, then the local table name. */
  tableName?: string;
  now?: () => Date;
}

/** The second conditional write of one save also failed: another session keeps writing. */
export class UserStateConflictError extends Error {
  override name = 'UserStateConflictError';
  constructor() {
    super('The user state changed twice while saving it');
  }
}

const key = userTable.partitionKey.name;
const ttl = userTable.ttlAttribute;

/**
 * Keeps each user's state as one item: the state as a JSON string in `state`, plus `version` (the
 * optimistic lock) and the TTL attribute at the top level so DynamoDB can read them.
 */
export class UserStateStore {
  readonly tableName: string;
  private clientInstance: DynamoDBClient | undefined;
  private readonly now: () => Date;

  constructor(options: UserStateStoreOptions = {}) {
    this.clientInstance = options.client;
    this.tableName = options.tableName ?? (process.env.TABLE_NAME || userTable.localName);
    this.now = options.now ?? (() => new Date());
  }

  get client(): DynamoDBClient {
    this.clientInstance ??= createDynamoClient();
    return this.clientInstance;
  }

  /** The user's state; a new one (version 0) when nothing is stored. Corrupted fields read as defaults. */
  async load(userId: string): Promise<UserState> {
    return (await this.read(userId)) ?? newUserState(this.now());
  }

  /**
   * Writes `state`, which this session changed from `base` (as loaded), conditionally on `base.version`.
   * If another session wrote in between, merges both (nothing is lost) and retries once. Returns the
   * state as saved, with its new version.
   */
  async save(userId: string, state: UserState, base: UserState): Promise<UserState> {
    const mine = this.stamped(state);
    try {
      return await this.write(userId, mine, base.version);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const stored = await this.read(userId);
    if (stored === null) {
      // Deleted since this session loaded it ("wis mijn gegevens"): do not bring the data back.
      if (base.version > 0) return newUserState(this.now());
      return this.writeOrConflict(userId, mine, 0);
    }
    return this.writeOrConflict(userId, this.stamped(mergeStates(stored, mine, base)), stored.version);
  }

  /** Deletes everything kept about the user; deleting what is not there is fine. */
  async delete(userId: string): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({ TableName: this.tableName, Key: { [key]: { S: userId } } }),
    );
  }

  private async read(userId: string): Promise<UserState | null> {
    const { Item: item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: { [key]: { S: userId } }, ConsistentRead: true }),
    );
    if (item === undefined) return null;
    const now = this.now();
    const state = parseUserState(parseJson(item.state?.S), now);
    // The top-level version is the lock; a missing or broken one reads as 0, which a write may replace.
    state.version = versionOf(item.version);
    return state;
  }

  private stamped(state: UserState): UserState {
    const now = this.now();
    return { ...state, updatedAt: now.toISOString(), expiresAt: expiryFor(now) };
  }

  private async writeOrConflict(userId: string, state: UserState, expected: number): Promise<UserState> {
    try {
      return await this.write(userId, state, expected);
    } catch (error) {
      if (isConditionFailure(error)) throw new UserStateConflictError();
      throw error;
    }
  }

  private async write(userId: string, state: UserState, expected: number): Promise<UserState> {
    const saved: UserState = { ...state, version: expected + 1 };
    const first = expected === 0;
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: {
          [key]: { S: userId },
          version: { N: String(saved.version) },
          [ttl]: { N: String(saved.expiresAt) },
          state: { S: JSON.stringify(saved) },
        },
        ConditionExpression: first
          ? 'attribute_not_exists(#key) OR NOT attribute_type(#version, :number)'
          : '#version = :expected',
        ExpressionAttributeNames: first ? { '#key': key, '#version': 'version' } : { '#version': 'version' },
        ExpressionAttributeValues: first
          ? { ':number': { S: 'N' } }
          : { ':expected': { N: String(expected) } },
      }),
    );
    return saved;
  }
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function versionOf(value: AttributeValue | undefined): number {
  const version = Number(value?.N);
  return Number.isSafeInteger(version) && version > 0 ? version : 0;
}

let defaultStore: UserStateStore | undefined;

/** The store for the Lambda, made on first use so that importing this module does nothing. */
export function userStateStore(): UserStateStore {
  defaultStore ??= new UserStateStore();
  return defaultStore;
}
