import type { UserState } from './user-state.js';

/**
 * Where a user's state is kept between sessions. Handlers and the persistence interceptors depend on
 * this; dynamo-store.ts's DynamoUserStateStore is the one the Lambda uses.
 */
export interface UserStateStore {
  /**
   * The user's state; a new one when nothing is stored or the data was deleted. Its position is the
   * newest of any device.
   */
  load(userId: string, signal?: AbortSignal): Promise<UserState>;
  /**
   * Writes this session's changes, merged with any other session's written since `request.base`
   * (nothing is lost, nothing counted twice). Never throws: a failure comes back as `{ kind: 'failed' }`.
   */
  save(userId: string, request: SaveRequest, signal?: AbortSignal): Promise<SaveOutcome>;
  /** Deletes everything kept about the user ("wis mijn gegevens"); deleting twice, or nothing, is fine. */
  delete(userId: string, signal?: AbortSignal): Promise<Deleted>;
}

/** A save whose outcome is unknown (no answer, a timeout): its write may have landed. */
export interface Attempt {
  id: string;
  /** The session's state that the write carried (before stamping). */
  state: UserState;
}

export interface SaveRequest {
  /** The state as this session changed it. */
  state: UserState;
  /** The state as this session last knew it stored. */
  base: UserState;
  /** Earlier saves of this session whose outcome is unknown, oldest first. */
  pending?: readonly Attempt[];
  /** The device's key (see `deviceKey`): its own place is kept apart from other devices'. */
  device?: string;
  /** The write id; a new one when not given. A queued job gives its own, the same on every delivery. */
  id?: string;
}

export type SaveOutcome =
  /** Written (or found written): `state` is the session's state from now on, and its new base. */
  | { kind: 'saved'; state: UserState }
  /** The user's data was deleted after this session loaded it: nothing was written; start afresh. */
  | { kind: 'deleted'; state: UserState }
  /** Not saved, for now. `attempt` is set when a write was sent whose outcome is unknown. */
  | { kind: 'failed'; error: unknown; attempt?: Attempt };

/** What deleting leaves: a fresh state on the deletion marker, and the reminders the deleted state had. */
export interface Deleted {
  state: UserState;
  reminderTokens: string[];
}
