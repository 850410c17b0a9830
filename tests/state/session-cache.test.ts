import { describe, expect, it } from 'vitest';
import { isDirty, putStateInSession, stateFromSession } from '../../lambda/src/state/session-cache.js';
import { newUserState } from '../../lambda/src/state/user-state.js';
import { userState } from '../support/builders.js';

const now = new Date('2025-06-01T10:00:00Z');

describe('the state carried in session attributes', () => {
  it('is absent until the state is loaded in this session', () => {
    expect(stateFromSession({}, now)).toBeUndefined();
  });

  it('comes back as it was put, and unchanged it needs no write', () => {
    const attributes: Record<string, unknown> = {};
    const loaded = userState({ version: 3, disclaimerHeard: true }, now);
    putStateInSession(attributes, loaded, loaded);
    const session = stateFromSession(attributes, now);
    expect(session?.state).toEqual(loaded);
    expect(session && isDirty(session)).toBe(false);
  });

  it('needs a write once the session changes the state', () => {
    const attributes: Record<string, unknown> = {};
    const loaded = newUserState(now);
    putStateInSession(attributes, { ...loaded, disclaimerHeard: true }, loaded);
    const session = stateFromSession(attributes, now);
    expect(session && isDirty(session)).toBe(true);
  });

  it('survives the JSON round trip Alexa makes between turns without looking changed', () => {
    const attributes: Record<string, unknown> = {};
    const loaded = userState({ recentTips: [3, 1], reminderTokens: ['token'] }, now);
    putStateInSession(attributes, loaded, loaded);
    const afterAlexa = JSON.parse(JSON.stringify(attributes)) as Record<string, unknown>;
    const session = stateFromSession(afterAlexa, now);
    expect(session?.state.recentTips).toEqual([3, 1]);
    expect(session && isDirty(session)).toBe(false);
  });

  it('does not share objects with the caller: a later change shows up as dirty', () => {
    const attributes: Record<string, unknown> = {};
    const loaded = newUserState(now);
    putStateInSession(attributes, loaded, loaded);
    const session = stateFromSession(attributes, now);
    if (!session) throw new Error('no session state');
    session.state.progress.sessionsDone += 1;
    expect(isDirty(session)).toBe(true);
  });

  it('reads tampered attributes as defaults without throwing', () => {
    const session = stateFromSession({ userState: 'kapot', userStateBase: { progress: 7 } }, now);
    expect(session?.state).toEqual(newUserState(now));
    expect(session?.base.progress.sessionsDone).toBe(0);
  });
});
