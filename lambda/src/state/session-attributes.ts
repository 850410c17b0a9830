import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { log } from '../log.js';

/**
 * Session attributes are input like any other: Alexa sends back whatever the last response carried,
 * and anyone who can invoke the function can send anything. So the skill keeps only its own keys,
 * bounds their size and depth, and seals them with an HMAC over the user id: attributes the skill did
 * not write for this user (another user's state, a forged "herhaal" text) are dropped as a whole, and
 * the turn starts from the stored state instead.
 */

/**
 * Every key the skill keeps in the session attributes. A handler that keeps something new in the session
 * must add its key here; anything else that comes in is dropped, and nothing else is sent back.
 */
const sessionKeys = [
  'userState',
  'userStateBase',
  'userStatePending',
  'dialog',
  'safetyHeard',
  'sessionCounted',
  'reminderTime',
  'lastSpoken',
] as const;

const sealKey = 'seal';
/** The skill's own attributes are at most 6 levels deep; a little room for older versions. */
const maxAttributeDepth = 12;
/**
 * The skill's own attributes stay below 12 KB (two states, the last answer for "herhaal"): more is
 * not ours. Alexa's whole response, attributes included, must stay within 24 KB.
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html#response-format
 */
export const maxAttributeBytes = 16_000;
/** Kept out of the response first when the attributes grow too large: only "herhaal" misses it. */
const droppedFirst = 'lastSpoken';
const pendingKey = 'userStatePending';

// The stack sets SESSION_KEY; without it (on a laptop) one key per process, which is all one process needs.
const key = process.env.SESSION_KEY || randomBytes(32).toString('base64url');

/** True when `value` is a plain JSON object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `value` stays within the depth and size bounds, measured without recursion (a value nested
 * thousands deep must not overflow the stack), and stopping as soon as a bound is passed.
 */
export function withinBounds(
  value: unknown,
  maxDepth = maxAttributeDepth,
  maxBytes = maxAttributeBytes,
): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let bytes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (depth > maxDepth) return false;
    if (typeof current === 'string') bytes += current.length + 2;
    else if (Array.isArray(current)) {
      bytes += 2;
      for (const item of current) stack.push([item, depth + 1]);
    } else if (isRecord(current)) {
      bytes += 2;
      for (const [name, item] of Object.entries(current)) {
        bytes += name.length + 4;
        stack.push([item, depth + 1]);
      }
    } else bytes += 8;
    if (bytes > maxBytes) return false;
  }
  return true;
}

/** JSON with sorted keys and without null members, so the seal does not depend on how JSON travels. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_name, v: unknown) => {
    if (!isRecord(v)) return v;
    const entries = Object.entries(v)
      .filter(([, member]) => member !== null && member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

function sealOf(userId: string, attributes: Record<string, unknown>): string {
  return createHmac('sha256', key)
    .update(userId)
    .update('\n')
    .update(canonical(attributes))
    .digest('base64url');
}

function ownKeys(attributes: Record<string, unknown>): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const name of sessionKeys) if (attributes[name] !== undefined) own[name] = attributes[name];
  return own;
}

/**
 * The session attributes of a request, as the skill may trust them: its own keys only, and only when
 * they are within bounds and carry this user's seal; otherwise none (`{}`), and the turn reloads the
 * stored state. Never throws.
 */
export function acceptSessionAttributes(
  raw: unknown,
  userId: string,
  requestId?: string,
): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  const reason = !isRecord(raw)
    ? 'not an object'
    : !withinBounds(raw)
      ? 'too large or too deep'
      : typeof raw[sealKey] !== 'string'
        ? 'no seal'
        : undefined;
  if (reason === undefined && isRecord(raw)) {
    const own = ownKeys(raw);
    const expected = Buffer.from(sealOf(userId, own));
    const given = Buffer.from(String(raw[sealKey]));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return own;
  }
  // A new session has no attributes; a sealed one that does not match was not written for this user.
  if (Object.keys(isRecord(raw) ? raw : { raw }).length > 0) {
    log.warn('session attributes dropped', {
      requestId,
      errorClass: 'UntrustedSessionAttributes',
      reason: reason ?? 'seal does not match',
    });
  }
  return {};
}

/**
 * The session attributes to send back: the skill's own keys, sealed for this user, within bounds
 * (the "herhaal" text is left out when they would not fit).
 */
export function sealSessionAttributes(attributes: unknown, userId: string): Record<string, unknown> {
  const own = ownKeys(isRecord(attributes) ? attributes : {});
  if (!withinBounds(own)) delete own[droppedFirst];
  // Then all but the newest unconfirmed write: the next request must still be within bounds.
  const pending = own[pendingKey];
  if (!withinBounds(own) && Array.isArray(pending)) own[pendingKey] = pending.slice(-1);
  return { ...own, [sealKey]: sealOf(userId, own) };
}
