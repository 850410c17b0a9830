import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { maxHoldExtraSeconds } from '../../lambda/src/coach/hold.js';
import { recentTipsKept } from '../../lambda/src/knowledge/tips.js';
import { placesKept } from '../../lambda/src/state/places.js';
import {
  expiryFor,
  newUserState,
  type Place,
  parseUserState,
  reminderTokensKept,
  type UserState,
  unknownDevice,
  writesKept,
} from '../../lambda/src/state/user-state.js';

/**
 * The Lambda reads stored states with a hand-written reader (lambda/src/state/user-state.ts): zod's
 * runtime cost 35 KiB of the bundle and about 10 ms of a cold start. This is the zod schema it replaced,
 * word for word, kept here as the reference: on generated states, valid and broken field by field, both
 * read the same.
 */
const epoch = new Date(0).toISOString();
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const count = z.catch(z.int().check(z.nonnegative()), 0);
const timestamp = z.catch(z.iso.datetime({ offset: true }), epoch);
const positionSchema = z.object({
  exerciseIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  exerciseIndex: z.int().check(z.nonnegative()),
  turnIndex: z.int().check(z.nonnegative()),
  kind: z.enum(['single', 'routine']),
  repetitionsBefore: z.optional(z.int().check(z.nonnegative())),
  updatedAt: timestamp,
});
const wholePosition = positionSchema.check(z.refine((p) => p.exerciseIndex < p.exerciseIds.length));
const placeSchema = z.object({ position: z.nullable(wholePosition), at: z.iso.datetime({ offset: true }) });
const token = z.string().check(z.minLength(1), z.maxLength(500));
function each<T>(schema: z.ZodMiniType<T>) {
  return (value: unknown): T[] =>
    (Array.isArray(value) ? value : []).flatMap((entry) => {
      const parsed = schema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
}
function keepNewestPlaces(places: Record<string, Place>): Record<string, Place> {
  const entries = Object.entries(places);
  if (entries.length <= placesKept) return places;
  entries.sort(([, a], [, b]) => Date.parse(b.at) - Date.parse(a.at));
  return Object.fromEntries(entries.slice(0, placesKept));
}
function placesFrom(value: unknown): Record<string, Place> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const places: Record<string, Place> = {};
  for (const [device, entry] of Object.entries(value)) {
    const parsed = placeSchema.safeParse(entry);
    if (parsed.success && device.length > 0 && device.length <= 64) places[device] = parsed.data;
  }
  return keepNewestPlaces(places);
}
const userStateSchema = z.object({
  version: count,
  createdAt: timestamp,
  updatedAt: timestamp,
  expiresAt: count,
  disclaimerHeard: z.catch(z.boolean(), false),
  position: z.catch(z.nullable(wholePosition), null),
  places: z.optional(z.unknown()),
  preferences: z.catch(
    z.object({
      holdExtraSeconds: z.catch(
        z.pipe(
          z.number(),
          z.transform((s: number) => Math.min(maxHoldExtraSeconds, Math.max(0, Math.round(s)))),
        ),
        0,
      ),
      speechRate: z.catch(z.enum(['normal', 'slow']), 'normal'),
    }),
    () => ({ holdExtraSeconds: 0, speechRate: 'normal' as const }),
  ),
  progress: z.catch(
    z.object({
      sessionsDone: count,
      exercisesDone: count,
      daysInARow: count,
      lastSessionDay: z.catch(z.nullable(z.string().check(z.regex(isoDate))), null),
    }),
    () => ({ sessionsDone: 0, exercisesDone: 0, daysInARow: 0, lastSessionDay: null }),
  ),
  recentTips: z.catch(
    z.pipe(
      z.array(z.unknown()),
      z.transform((tips: unknown[]) =>
        tips.filter((t): t is number => typeof t === 'number' && Number.isInteger(t)).slice(-recentTipsKept),
      ),
    ),
    [],
  ),
  reminderTokens: z.optional(z.unknown()),
  reminderToken: z.catch(z.optional(token), undefined),
  writes: z.optional(z.unknown()),
  lastDeletion: z.catch(
    z.nullable(z.object({ version: z.int().check(z.positive()), at: z.iso.datetime({ offset: true }) })),
    null,
  ),
});
function zodParseUserState(input: unknown, now: Date): UserState {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return newUserState(now);
  const { reminderToken, reminderTokens, places, writes, ...parsed } = userStateSchema.parse(input);
  const tokens = each(token)(reminderTokens);
  if (reminderToken !== undefined && !tokens.includes(reminderToken)) tokens.unshift(reminderToken);
  const state: UserState = {
    ...parsed,
    places: placesFrom(places),
    reminderTokens: tokens.slice(-reminderTokensKept),
    writes: each(z.string().check(z.minLength(1), z.maxLength(64)))(writes).slice(0, writesKept),
  };
  if (Object.keys(state.places).length === 0 && state.position !== null) {
    state.places = { [unknownDevice]: { position: state.position, at: state.position.updatedAt } };
  }
  if (state.createdAt === epoch) state.createdAt = now.toISOString();
  if (state.expiresAt === 0) state.expiresAt = expiryFor(now);
  return state;
}

// Generated values: mostly well-formed, with every way a field can be broken.
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
const validTimestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const timestampLike = fc.oneof(
  { weight: 4, arbitrary: validTimestamp },
  { weight: 1, arbitrary: validTimestamp.map((t) => t.replace('Z', '+02:00')) },
  { weight: 1, arbitrary: validTimestamp.map((t) => t.slice(0, 16)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('2025-02-29T10:00:00Z', '2024-02-29T10:00:00Z', '2025-13-01T00:00:00Z'),
  },
  { weight: 1, arbitrary: junk },
);
const countLike = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 10_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: -1 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 53, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY) },
  { weight: 1, arbitrary: junk },
);
// Indexes near the list's length, where a whole position ends.
const indexLike = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 6 }) }, { weight: 1, arbitrary: countLike });
const exerciseId = fc.constantFrom('brug', 'kat-koe', 'knie-naar-borst', '');
const positionLike = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        exerciseIds: fc.oneof(
          { weight: 4, arbitrary: fc.array(exerciseId, { maxLength: 5 }) },
          { weight: 1, arbitrary: fc.array(fc.oneof(exerciseId, fc.integer()), { maxLength: 3 }) },
          { weight: 1, arbitrary: junk },
        ),
        exerciseIndex: indexLike,
        turnIndex: indexLike,
        kind: fc.constantFrom('single', 'routine', 'other', 3),
        repetitionsBefore: indexLike,
        updatedAt: timestampLike,
        extra: fc.string({ maxLength: 3 }),
      },
      { requiredKeys: ['exerciseIds', 'exerciseIndex', 'turnIndex', 'kind'] },
    ),
  },
  { weight: 1, arbitrary: junk },
);
const placeLike = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { position: fc.oneof(fc.constant(null), positionLike), at: timestampLike },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junk },
);
const stringLike = (lengths: number[]) =>
  fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(...lengths).map((n) => 'x'.repeat(n)),
    fc.integer(),
  );
const storedLike = fc.record(
  {
    version: countLike,
    createdAt: timestampLike,
    updatedAt: timestampLike,
    expiresAt: countLike,
    disclaimerHeard: fc.oneof(fc.boolean(), junk),
    position: fc.oneof(fc.constant(null), positionLike),
    places: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.dictionary(
          fc.oneof(fc.string({ maxLength: 6 }), fc.constant('d'.repeat(65))),
          placeLike,
          { maxKeys: 7 },
        ),
      },
      { weight: 1, arbitrary: junk },
    ),
    preferences: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            holdExtraSeconds: fc.oneof(fc.integer({ min: -20, max: 40 }), fc.double(), junk),
            speechRate: fc.constantFrom('normal', 'slow', 'fast', 1),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: junk },
    ),
    progress: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            sessionsDone: countLike,
            exercisesDone: countLike,
            daysInARow: countLike,
            lastSessionDay: fc.oneof(fc.constant(null), fc.constantFrom('2025-06-01', '2025-6-1'), junk),
          },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: junk },
    ),
    recentTips: fc.oneof(
      fc.array(fc.oneof(fc.integer({ min: 1, max: 13 }), fc.double(), fc.string()), { maxLength: 8 }),
      junk,
    ),
    reminderTokens: fc.oneof(fc.array(stringLike([0, 1, 500, 501]), { maxLength: 4 }), junk),
    reminderToken: fc.oneof(stringLike([0, 1, 500, 501]), junk),
    writes: fc.oneof(fc.array(stringLike([0, 1, 64, 65]), { maxLength: 4 }), junk),
    lastDeletion: fc.oneof(
      fc.constant(null),
      fc.record({ version: fc.oneof(countLike, fc.constant(0)), at: timestampLike }, { requiredKeys: [] }),
      junk,
    ),
  },
  { requiredKeys: [] },
);

describe('the hand-written reader of stored states', () => {
  const now = new Date('2025-06-01T10:00:00Z');

  it('reads every generated state, valid or broken field by field, as the zod schema it replaced', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        expect(parseUserState(stored, now)).toEqual(zodParseUserState(stored, now));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads what it wrote back unchanged', () => {
    fc.assert(
      fc.property(storedLike, (stored) => {
        // As DynamoDB and the session attributes carry it: JSON (where -0 is 0).
        const written = JSON.parse(JSON.stringify(parseUserState(stored, now))) as unknown;
        expect(parseUserState(written, now)).toEqual(written);
      }),
      { numRuns: 300 },
    );
  });

  it('reads anything that is not an object as a new user, as the zod schema did', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.jsonValue()), (value) => {
        expect(parseUserState(value, now)).toEqual(zodParseUserState(value, now));
      }),
    );
  });
});
