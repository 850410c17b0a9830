import { getUserId } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { acceptSessionAttributes } from './state/session-attributes.js';

/**
 * The envelope checks that run before ask-sdk-core sees a request. A request that cannot be from Alexa
 * for this skill is refused with a fixed message (never one that quotes the request); odd session
 * attributes are not a reason to refuse: they are dropped and the turn is answered from the stored state.
 * The shape is the Request and Response JSON Reference's:
 * https://developer.amazon.com/en-US/docs/alexa/custom-skills/request-and-response-json-reference.html#request-format
 */
export class RequestRefusedError extends Error {
  override name = 'RequestRefusedError';
  constructor(readonly reason: RefusalReason) {
    super(`Request refused: ${reason}`);
  }
}

export type RefusalReason = 'this function serves one skill only' | 'not an Alexa request envelope';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const name of path) {
    if (!isRecord(current)) return undefined;
    current = current[name];
  }
  return current;
}

const shortString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 500;

/** The skill id the request claims: Alexa's context is the one that counts. */
function applicationIdOf(event: unknown): string | undefined {
  const id = field(event, 'context', 'System', 'application', 'applicationId');
  return typeof id === 'string' ? id : undefined;
}

/**
 * `event` as an envelope ask-sdk-core can handle for `skillId`, with its session attributes replaced by
 * those the skill may trust; throws RequestRefusedError otherwise. Does not change `event`.
 */
export function checkedEnvelope(event: unknown, skillId: string): RequestEnvelope {
  if (applicationIdOf(event) !== skillId)
    throw new RequestRefusedError('this function serves one skill only');
  const request = field(event, 'request');
  const session = field(event, 'session');
  const wellFormed =
    isRecord(event) &&
    isRecord(request) &&
    shortString(request.type) &&
    shortString(request.requestId) &&
    shortString(field(event, 'context', 'System', 'user', 'userId')) &&
    (session === undefined || isRecord(session));
  if (!wellFormed) throw new RequestRefusedError('not an Alexa request envelope');
  const envelope = event as unknown as RequestEnvelope;
  if (!envelope.session) return envelope;
  const attributes = acceptSessionAttributes(
    envelope.session.attributes,
    getUserId(envelope),
    envelope.request.requestId,
  );
  return { ...envelope, session: { ...envelope.session, attributes } };
}
