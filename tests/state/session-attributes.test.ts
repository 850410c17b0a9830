import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placesKept, withPlace } from '../../lambda/src/state/places.js';
import {
  acceptSessionAttributes,
  maxAttributeBytes,
  sealSessionAttributes,
  withinBounds,
} from '../../lambda/src/state/session-attributes.js';
import { newUserState, type Place } from '../../lambda/src/state/user-state.js';

import { type CapturedLogs, captureLogs } from '../reliability/support/logs.js';

let logs: CapturedLogs;
beforeEach(() => {
  logs = captureLogs();
});
afterEach(() => logs.restore());

const anna = 'amzn1.ask.account.ANNA';
const bob = 'amzn1.ask.account.BOB';
const now = new Date('2025-06-01T10:00:00Z');

/** What Alexa sends back: the response's attributes after a JSON round trip. */
const viaAlexa = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('sealed session attributes', () => {
  const own = { userState: newUserState(now), dialog: { mode: 'idle' }, safetyHeard: true };

  it('come back as they were sent, for the same user, without keys that are not the skill’s', () => {
    const sealed = sealSessionAttributes({ ...own, somethingElse: 'x'.repeat(100) }, anna);
    expect(sealed).not.toHaveProperty('somethingElse');
    expect(acceptSessionAttributes(viaAlexa(sealed), anna)).toEqual(viaAlexa(own));
  });

  it('still match when the trip through Alexa drops null members or reorders keys', () => {
    const sealed = sealSessionAttributes(own, anna) as Record<string, unknown>;
    const state = viaAlexa(sealed.userState) as Record<string, unknown>;
    delete state.position;
    delete state.lastDeletion;
    const reordered = Object.fromEntries(Object.entries({ ...sealed, userState: state }).reverse());
    expect(acceptSessionAttributes(reordered, anna)).toHaveProperty('safetyHeard', true);
  });

  it('are dropped whole when changed, unsealed, or sealed for another user', () => {
    const sealed = viaAlexa(sealSessionAttributes(own, anna)) as Record<string, unknown>;
    expect(acceptSessionAttributes({ ...sealed, safetyHeard: false }, anna)).toEqual({});
    expect(acceptSessionAttributes(viaAlexa(own), anna)).toEqual({});
    expect(acceptSessionAttributes(sealed, bob)).toEqual({});
  });

  it('are dropped, never thrown over, when they are not an object, too large or too deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    for (const odd of ['tekst', 42, [1], { a: 'x'.repeat(maxAttributeBytes) }, { a: deep }]) {
      expect(acceptSessionAttributes(odd, anna)).toEqual({});
    }
  });

  it('stay within bounds on the way out, however many devices and unconfirmed writes (the answer for "herhaal" goes first)', () => {
    let state = newUserState(now);
    for (let d = 0; d < placesKept + 2; d++) {
      const position = {
        exerciseIds: ['knie-naar-borst', 'kat-koe', 'bekkenkanteling', 'brug', 'hamstrings'],
        exerciseIndex: 2,
        turnIndex: 3,
        kind: 'routine' as const,
        updatedAt: now.toISOString(),
      };
      state = withPlace(state, `device-${d}`, { position, at: now.toISOString() } satisfies Place);
    }
    state = { ...state, writes: Array.from({ length: 32 }, (_, i) => `write-id-${i}`) };
    const attempt = (id: string) => ({ id, state });
    const sealed = sealSessionAttributes(
      {
        userState: state,
        userStateBase: state,
        userStatePending: [attempt('a'), attempt('b'), attempt('c')],
        lastSpoken: { ssml: `<speak>${'a'.repeat(3900)}</speak>`, reprompt: '<speak>b</speak>' },
      },
      anna,
    );
    expect(withinBounds(sealed)).toBe(true);
    expect(acceptSessionAttributes(viaAlexa(sealed), anna)).toHaveProperty('userState');
  });
});
