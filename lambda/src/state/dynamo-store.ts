import { randomBytes } from 'node:crypto';
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from './dynamo-client.js';
import { mergeStates, sameJson } from './merge.js';
import { asLoaded, newestPlace, withPlace } from './places.js';
import type { Deleted, SaveOutcome, SaveRequest, UserStateStore } from './store.js';
import { userTable } from './table-schema.js';
import {
  expiryFor,
  newUserState,
  parseUserState,
  type UserState,
  unknownDevice,
  writesKept,
} from './user-state.js';

export interface DynamoUserStateStoreOptions {
  /** Created on first use when not given (from AWS_REGION and DYNAMODB_ENDPOINT). */
  client?: DynamoDBClient;
  /** Defaults to env TABLE_NAME, then the local table name. */
  tableName?: string;
  now?: () => Date;
}

/** An item as read: its state, the raw version attribute (for the condition) and whether it is a marker. */
interface StoredItem {
  state: UserState;
  version: AttributeValue | undefined;
  tombstone: boolean;
}

/** Every write of one save failed its condition, round after round: other sessions keep writing. */
class UserStateConflictError extends Error {
  override name = 'UserStateConflictError';
  constructor() {
    super('The user state kept changing while saving it');
  }
}

const key = userTable.partitionKey.name;
/** Read-merge-write rounds of one save; the turn's deadline usually ends it sooner. */
const maxRounds = 6;
const ttl = userTable.ttlAttribute;
const deletedAtAttribute = 'deletedAt';
/**
 * How long the deletion marker (user id, version, time: nothing else) outlives the data. Longer than
 * an Alexa session and than the 14 days a queued save can wait, so nothing loaded before a deletion can
 * be written back after it.
 */
const deletionMarkerDays = 30;

/** A new write id: 64 random bits, short enough to keep `writesKept` of them in the item. */
function newWriteId(): string {
  return randomBytes(8).toString('base64url');
}

/**
 * Keeps each user's state as one item: the state as a JSON string in `state`, plus `version` (the
 * optimistic lock) and the TTL attribute at the top level so DynamoDB can read them. Deleting leaves
 * a marker (`deletedAt`, `version`, TTL) instead of nothing, so versions go on from it.
 */
export class DynamoUserStateStore implements UserStateStore {
  readonly tableName: string;
  private clientInstance: DynamoDBClient | undefined;
  private readonly now: () => Date;

  constructor(options: DynamoUserStateStoreOptions = {}) {
    this.clientInstance = options.client;
    this.tableName = options.tableName ?? (process.env.TABLE_NAME || userTable.localName);
    this.now = options.now ?? (() => new Date());
  }

  get client(): DynamoDBClient {
    this.clientInstance ??= createDynamoClient();
    return this.clientInstance;
  }

  /**
   * The user's state; a new one when nothing is stored (version 0) or the data was deleted (the
   * marker's version). Corrupted fields read as defaults. Its position is the newest of any device.
   */
  async load(userId: string, signal?: AbortSignal): Promise<UserState> {
    const stored = await this.read(userId, signal);
    return stored?.state ?? newUserState(this.now());
  }

  /**
   * Writes this session's changes. The first write is conditional on the version the session knows;
   * if another session wrote in between, both are merged (nothing is lost) and written again, as long
   * as `signal` allows. Every write carries a new write id, kept in the item: a write that landed
   * although its answer was lost is recognised on the retry, and never merged in a second time.
   * Never throws: a failure comes back as `{ kind: 'failed' }`.
   */
  async save(userId: string, request: SaveRequest, signal?: AbortSignal): Promise<SaveOutcome> {
    const id = request.id ?? newWriteId();
    const pending = request.pending ?? [];
    const mine = this.placed(this.stamped(request.state), request);
    const base = request.base;
    let sent = false;
    const session = (saved: UserState): UserState => ({ ...saved, position: request.state.position });
    try {
      // An earlier write of this session may have landed: the stored version is unknown, so read first.
      if (pending.length === 0) {
        try {
          sent = true;
          const known: StoredItem | null =
            base.version > 0 ? { state: base, version: { N: String(base.version) }, tombstone: false } : null;
          return { kind: 'saved', state: session(await this.writeOver(userId, mine, known, id, signal)) };
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      for (let round = 1; ; round++) {
        const stored = await this.read(userId, signal);
        if (stored?.state.writes.includes(id)) return { kind: 'saved', state: session(stored.state) };
        // Deleted since: nothing of this session is written; it goes on from what is stored now.
        if (deletedSince(stored, base))
          return { kind: 'deleted', state: stored?.state ?? newUserState(this.now()) };
        // The newest earlier write of this session that landed: its changes are in `stored` already.
        const landed = pending.findLast((attempt) => stored?.state.writes.includes(attempt.id));
        const from = landed ? this.placed(landed.state, request) : base;
        const merged = stored ? this.stamped(mergeStates(stored.state, mine, from)) : mine;
        try {
          sent = true;
          return { kind: 'saved', state: session(await this.writeOver(userId, merged, stored, id, signal)) };
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
        if (round >= maxRounds) throw new UserStateConflictError();
        // Many sessions of one user at once: wait a little, at random, so they do not collide again.
        await pauseFor(Math.random() * Math.min(300, 30 * 2 ** round), signal);
      }
    } catch (error) {
      return sent
        ? { kind: 'failed', error, attempt: { id, state: request.state } }
        : { kind: 'failed', error };
    }
  }

  /**
   * Deletes everything kept about the user: the item becomes a marker that holds only the user id, a
   * version, the time of deletion and its expiry. Deleting twice, or deleting nothing, is fine. Returns
   * the fresh state a session goes on with, and the reminder tokens the deleted state held.
   */
  async delete(userId: string, signal?: AbortSignal): Promise<Deleted> {
    for (let round = 1; ; round++) {
      const stored = await this.read(userId, signal);
      const now = this.now();
      const version = nextVersion(stored?.version, now);
      try {
        await this.client.send(
          new PutItemCommand({
            TableName: this.tableName,
            Item: {
              [key]: { S: userId },
              version: { N: String(version) },
              [deletedAtAttribute]: { S: now.toISOString() },
              [ttl]: { N: String(Math.floor(now.getTime() / 1000) + deletionMarkerDays * 86_400) },
            },
            ...condition(stored),
          }),
          { abortSignal: signal },
        );
        const state = { ...newUserState(now), version, lastDeletion: { version, at: now.toISOString() } };
        return { state, reminderTokens: stored?.state.reminderTokens ?? [] };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      if (round >= maxRounds) throw new UserStateConflictError();
      await pauseFor(Math.random() * Math.min(300, 30 * 2 ** round), signal);
    }
  }

  private async read(userId: string, signal?: AbortSignal): Promise<StoredItem | null> {
    const { Item: item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: { [key]: { S: userId } }, ConsistentRead: true }),
      { abortSignal: signal },
    );
    if (item === undefined) return null;
    const now = this.now();
    const deletedAt = item[deletedAtAttribute]?.S;
    const version = versionOf(item.version);
    if (deletedAt !== undefined) {
      const at = Number.isNaN(Date.parse(deletedAt)) ? now.toISOString() : deletedAt;
      const state = { ...newUserState(now), version, lastDeletion: version > 0 ? { version, at } : null };
      return { state, version: item.version, tombstone: true };
    }
    const state = asLoaded(parseUserState(parseJson(item.state?.S), now));
    // The top-level version is the lock; a missing or broken one reads as 0 (and is overwritten).
    state.version = version;
    return { state, version: item.version, tombstone: false };
  }

  private stamped(state: UserState): UserState {
    const now = this.now();
    return { ...state, updatedAt: now.toISOString(), expiresAt: expiryFor(now) };
  }

  /**
   * `state` with the session's position as its device's own place, when the session moved since its
   * base (a session that did not move leaves every device's place as it is stored).
   */
  private placed(state: UserState, { base, device = unknownDevice }: SaveRequest): UserState {
    if (sameJson(state.position, base.position)) return state;
    const at = state.position?.updatedAt ?? this.now().toISOString();
    return withPlace(state, device, { position: state.position, at });
  }

  /** Writes `state` over `stored` (null: over nothing), conditionally on exactly that item's version. */
  private async writeOver(
    userId: string,
    state: UserState,
    stored: StoredItem | null,
    id: string,
    signal?: AbortSignal,
  ): Promise<UserState> {
    const now = this.now();
    const saved: UserState = {
      ...state,
      version: nextVersion(stored?.version, now),
      position: newestPlace(state.places)?.position ?? state.position,
      writes: [id, ...(stored?.state.writes ?? [])].slice(0, writesKept),
    };
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: {
          [key]: { S: userId },
          version: { N: String(saved.version) },
          [ttl]: { N: String(saved.expiresAt) },
          state: { S: JSON.stringify(saved) },
        },
        ...condition(stored),
      }),
      { abortSignal: signal },
    );
    return saved;
  }
}

/**
 * True when the user's data was deleted after `base` was loaded, so this session's changes must not
 * be written: the item is gone although the session had loaded one, or a deletion newer than `base`
 * is on record (a session that could not load anything counts from when it started).
 */
function deletedSince(stored: StoredItem | null, base: UserState): boolean {
  if (stored === null) return base.version > 0;
  const deletion = stored.state.lastDeletion;
  if (deletion === null) return false;
  if (base.version > 0) return base.version < deletion.version;
  return Date.parse(base.createdAt) < Date.parse(deletion.at);
}

/**
 * The version after `current`: one more than a valid one; for a new item, or one whose version is
 * broken (0, negative, a fraction, beyond 2^53, not a number), the current time in milliseconds: larger
 * than any version this user's items had before, so no old session can match it.
 */
function nextVersion(current: AttributeValue | undefined, now: Date): number {
  const version = versionOf(current);
  return version > 0 ? version + 1 : now.getTime();
}

/** A valid stored version (a positive safe integer whose successor is safe too), or 0. */
function versionOf(value: AttributeValue | undefined): number {
  if (value?.N === undefined || !/^\d+$/.test(value.N)) return 0;
  const version = Number(value.N);
  return Number.isSafeInteger(version + 1) && version > 0 ? version : 0;
}

/**
 * The condition that the item is still exactly as read: absent, or with the same version attribute,
 * whatever its type or value (an odd version must be replaceable, or the item could never be written).
 */
function condition(stored: StoredItem | null): {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
} {
  if (stored === null) {
    return { ConditionExpression: 'attribute_not_exists(#key)', ExpressionAttributeNames: { '#key': key } };
  }
  const version = stored.version;
  const names = { '#key': key, '#version': 'version' };
  if (version === undefined) {
    return {
      ConditionExpression: 'attribute_exists(#key) AND attribute_not_exists(#version)',
      ExpressionAttributeNames: names,
    };
  }
  if (version.N !== undefined || version.S !== undefined || version.B !== undefined) {
    return {
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': version },
    };
  }
  // A list, map, set, boolean or null cannot be compared with `=`: its type is the best lock there is.
  const type = Object.keys(version)[0] ?? 'NULL';
  return {
    ConditionExpression: 'attribute_type(#version, :type)',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':type': { S: type } },
  };
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

function pauseFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

let defaultStore: DynamoUserStateStore | undefined;

/** The store for the Lambda, made on first use so that importing this module does nothing. */
export function userStateStore(): UserStateStore {
  defaultStore ??= new DynamoUserStateStore();
  return defaultStore;
}
