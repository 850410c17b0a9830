import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/src/state/dynamo-client.js';
import { DynamoUserStateStore } from '../../lambda/src/state/dynamo-store.js';
import type { UserState } from '../../lambda/src/state/user-state.js';
import { routinePosition } from '../support/builders.js';
import { type RunningDynalite, startDynalite } from '../support/dynalite.js';

let db: RunningDynalite;
let clock = new Date('2025-06-01T10:00:00Z');
let store: DynamoUserStateStore;
let userCount = 0;

function newUserId(): string {
  userCount += 1;
  return `amzn1.ask.account.test-${userCount}`;
}

const position = (exerciseIndex: number, updatedAt: string) =>
  routinePosition(exerciseIndex, updatedAt, ['knie-naar-borst', 'kat-koe', 'brug']);

function withSessions(state: UserState, extra: number): UserState {
  return { ...state, progress: { ...state.progress, sessionsDone: state.progress.sessionsDone + extra } };
}

/** Saves and expects it to be written; returns the saved state. */
async function save(userId: string, state: UserState, base: UserState): Promise<UserState> {
  const outcome = await store.save(userId, { state, base });
  if (outcome.kind !== 'saved') throw new Error(`not saved: ${outcome.kind}`);
  return outcome.state;
}

async function rawItem(userId: string) {
  const { Item } = await db.client.send(
    new GetItemCommand({ TableName: db.tableName, Key: { userId: { S: userId } }, ConsistentRead: true }),
  );
  return Item;
}

beforeAll(async () => {
  db = await startDynalite();
});

afterAll(async () => {
  await db.stop();
});

beforeEach(() => {
  clock = new Date('2025-06-01T10:00:00Z');
  store = new DynamoUserStateStore({ client: db.client, tableName: db.tableName, now: () => clock });
  db.resetCalls();
});

describe('DynamoUserStateStore against the DynamoDB API', () => {
  it('gives a new user a fresh state, saves it and reads back what was saved', async () => {
    const userId = newUserId();
    const loaded = await store.load(userId);
    expect(loaded.version).toBe(0);

    const changed = { ...loaded, disclaimerHeard: true, position: position(1, clock.toISOString()) };
    const saved = await save(userId, changed, loaded);
    // A new item's first version is the time in milliseconds: no earlier item of this user had it.
    expect(saved.version).toBe(clock.getTime());

    const again = await store.load(userId);
    expect(again).toEqual(saved);
    expect(again.position?.exerciseIndex).toBe(1);
  });

  it('uses one read to load and one write to save when nobody else writes', async () => {
    const userId = newUserId();
    const loaded = await store.load(userId);
    await save(userId, { ...loaded, disclaimerHeard: true }, loaded);
    expect(db.calls()).toEqual({ GetItem: 1, PutItem: 1 });
  });

  it('does not let a second first write overwrite the first one', async () => {
    const userId = newUserId();
    const empty = await store.load(userId);
    await save(
      userId,
      { ...empty, disclaimerHeard: true, position: position(2, clock.toISOString()) },
      empty,
    );
    // Another device that also saw no item saves afterwards.
    const other = await save(userId, withSessions(empty, 1), empty);

    expect(other.version).toBe(clock.getTime() + 1);
    const stored = await store.load(userId);
    expect(stored.disclaimerHeard).toBe(true);
    expect(stored.position?.exerciseIndex).toBe(2);
    expect(stored.progress.sessionsDone).toBe(1);
  });

  it('merges two sessions that saved from the same version: counters add up, each device keeps its place', async () => {
    const userId = newUserId();
    const first = await store.load(userId);
    const base = await save(userId, withSessions(first, 2), first);

    const kitchen = { ...withSessions(base, 1), position: position(1, '2025-06-01T10:05:00.000Z') };
    const bedroom = { ...withSessions(base, 2), position: position(2, '2025-06-01T10:07:00.000Z') };
    await store.save(userId, { state: bedroom, base, device: 'bedroom' });
    db.resetCalls();
    const outcome = await store.save(userId, { state: kitchen, base, device: 'kitchen' });
    if (outcome.kind !== 'saved') throw new Error(outcome.kind);

    expect(db.calls()).toEqual({ PutItem: 2, GetItem: 1 });
    expect(outcome.state.version).toBe(base.version + 2);
    // The kitchen's session goes on where the kitchen is; a new session starts where the user was last.
    expect(outcome.state.position?.exerciseIndex).toBe(1);
    const stored = await store.load(userId);
    expect(stored.progress.sessionsDone).toBe(5);
    expect(stored.position?.exerciseIndex).toBe(2);
    expect(stored.places.kitchen?.position?.exerciseIndex).toBe(1);
    expect({ ...stored, position: outcome.state.position }).toEqual(outcome.state);
  });

  it('does not bring back data deleted by another session in the meantime', async () => {
    const userId = newUserId();
    const first = await store.load(userId);
    const base = await save(userId, { ...first, disclaimerHeard: true }, first);
    await store.delete(userId);

    const afterDelete = await store.save(userId, { state: withSessions(base, 1), base });
    expect(afterDelete.kind).toBe('deleted');
    expect(JSON.parse((await rawItem(userId))?.state?.S ?? 'null')).toBeNull();
    expect((await store.load(userId)).disclaimerHeard).toBe(false);
  });

  it('keeps deleted data deleted when a new session wrote after the deletion (versions go on, never back)', async () => {
    const userId = newUserId();
    const first = await store.load(userId);
    const before = await save(userId, { ...first, disclaimerHeard: true, recentTips: [4] }, first);
    const { state: marker } = await store.delete(userId);
    expect(marker.version).toBeGreaterThan(before.version);
    // Another device starts afresh after the deletion and writes twice.
    const fresh = await store.load(userId);
    expect(fresh.version).toBe(marker.version);
    const once = await save(userId, withSessions(fresh, 1), fresh);
    await save(userId, { ...once, recentTips: [7] }, once);
    // A session still open since before the deletion saves now: nothing of it comes back.
    const stale = await store.save(userId, { state: withSessions(before, 3), base: before });
    expect(stale.kind).toBe('deleted');
    const stored = await store.load(userId);
    expect(stored.recentTips).toEqual([7]);
    expect(stored.disclaimerHeard).toBe(false);
    expect(stored.progress.sessionsDone).toBe(1);
  });

  it('deletes everything about a user, and deleting twice or deleting nothing is fine', async () => {
    const userId = newUserId();
    const loaded = await store.load(userId);
    await save(userId, { ...loaded, disclaimerHeard: true, reminderTokens: ['alert-1'] }, loaded);

    const deleted = await store.delete(userId);
    expect(deleted.reminderTokens).toEqual(['alert-1']);
    await expect(store.delete(userId)).resolves.toMatchObject({ reminderTokens: [] });
    await expect(store.delete(newUserId())).resolves.toMatchObject({ reminderTokens: [] });
    // What is left is a marker: the user id, a version, the time of deletion and a 30-day expiry.
    const marker = await rawItem(userId);
    expect(Object.keys(marker ?? {}).sort()).toEqual(['deletedAt', 'expiresAt', 'userId', 'version']);
    const days = (Number(marker?.expiresAt?.N) - clock.getTime() / 1000) / 86_400;
    expect(days).toBe(30);
    expect((await store.load(userId)).disclaimerHeard).toBe(false);
  });

  it('reads a corrupted item as defaults without throwing, and can overwrite it', async () => {
    const userId = newUserId();
    await db.client.send(
      new PutItemCommand({
        TableName: db.tableName,
        Item: { userId: { S: userId }, state: { S: '{not json' } },
      }),
    );
    const loaded = await store.load(userId);
    expect(loaded.disclaimerHeard).toBe(false);
    expect(loaded.position).toBeNull();

    const saved = await save(userId, { ...loaded, disclaimerHeard: true }, loaded);
    expect(saved.version).toBe(clock.getTime());
    expect((await store.load(userId)).disclaimerHeard).toBe(true);
  });

  it('keeps the valid fields of an item with missing or wrong fields', async () => {
    const userId = newUserId();
    const partial = { disclaimerHeard: true, progress: { sessionsDone: 'veel' }, preferences: null };
    await db.client.send(
      new PutItemCommand({
        TableName: db.tableName,
        Item: { userId: { S: userId }, version: { N: '7' }, state: { S: JSON.stringify(partial) } },
      }),
    );
    const loaded = await store.load(userId);
    expect(loaded).toMatchObject({ version: 7, disclaimerHeard: true });
    expect(loaded.progress.sessionsDone).toBe(0);
    expect(loaded.preferences.speechRate).toBe('normal');
    expect((await save(userId, withSessions(loaded, 1), loaded)).version).toBe(8);
  });

  it('writes the TTL as epoch seconds about 13 months after the last use', async () => {
    const userId = newUserId();
    const loaded = await store.load(userId);
    clock = new Date('2025-07-15T08:00:00Z');
    await save(userId, { ...loaded, disclaimerHeard: true }, loaded);

    const expiresAt = Number((await rawItem(userId))?.expiresAt?.N);
    const daysAhead = (expiresAt - clock.getTime() / 1000) / 86_400;
    expect(Number.isInteger(expiresAt)).toBe(true);
    expect(daysAhead).toBeGreaterThan(390);
    expect(daysAhead).toBeLessThan(400);
  });
});

describe('DynamoUserStateStore when the database does not answer', () => {
  let hanging: Server;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts connections and never answers, like a database that hangs.
    hanging = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  });

  it('gives up on a hanging database within 3.5 s, leaving Alexa time to answer', async () => {
    const { port } = hanging.address() as AddressInfo;
    const client = createDynamoClient({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}` });
    const hangingStore = new DynamoUserStateStore({ client, tableName: 'rug-coach-users' });
    const started = Date.now();
    await expect(hangingStore.load('amzn1.ask.account.hanging')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3500);
    client.destroy();
  });

  it('fails fast when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const client = createDynamoClient({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${port}` });
    const closedStore = new DynamoUserStateStore({ client, tableName: 'rug-coach-users' });
    const started = Date.now();
    await expect(closedStore.load('amzn1.ask.account.closed')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    client.destroy();
  });
});
