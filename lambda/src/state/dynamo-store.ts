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

/** Every merged write of one save failed its condition too: another session keeps writing. */
export class UserStateConflictError extends Error {
  override name = 'UserStateConflictError';
  constructor() {
    super('The user state changed twice while saving it');
  }
}

const key = userTable.partitionKey.name;
/** Read-merge-write rounds after the first write of a save lost a race (two devices in lockstep do). */
const mergeRounds = 3;
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
  async load(userId: string, signal?: AbortSignal): Promise<UserState> {
    return (await this.read(userId, signal)) ?? newUserState(this.now());
  }

  /**
   * Writes `state`, which this session changed from `base` (as loaded), conditionally on `base.version`.
   * If another session wrote in between, merges both (nothing is lost) and writes again; a session
   * that keeps writing meanwhile gets a few rounds. Returns the state as saved, with its new version.
   */
  async save(userId: string, state: UserState, base: UserState, signal?: AbortSignal): Promise<UserState> {
    const mine = this.stamped(state);
    try {
      return await this.write(userId, mine, base.version, signal);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    for (let round = 1; ; round++) {
      const stored = await this.read(userId, signal);
      // Deleted since this session loaded it ("wis mijn gegevens"): do not bring the data back.
      if (stored === null && base.version > 0) return newUserState(this.now());
      try {
        if (stored === null) return await this.write(userId, mine, 0, signal);
        const merged = this.stamped(mergeStates(stored, mine, base));
        return await this.write(userId, merged, stored.version, signal);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        if (round >= mergeRounds) throw new UserStateConflictError();
      }
    }
  }

  /** Deletes everything kept about the user; deleting what is not there is fine. */
  async delete(userId: string, signal?: AbortSignal): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({ TableName: this.tableName, Key: { [key]: { S: userId } } }),
      { abortSignal: signal },
    );
  }

  private async read(userId: string, signal?: AbortSignal): Promise<UserState | null> {
    const { Item: item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: { [key]: { S: userId } }, ConsistentRead: true }),
      { abortSignal: signal },
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

  private async write(
    userId: string,
    state: UserState,
    expected: number,
    signal?: AbortSignal,
  ): Promise<UserState> {
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
      { abortSignal: signal },
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
