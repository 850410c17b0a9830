import type { HandlerInput } from 'ask-sdk-core';

/**
 * One turn's clock. Alexa waits 8 s for an answer, but the README promises one within 3 s whatever
 * DynamoDB does: all DynamoDB work of a turn gets `turnBudgetMs`, and everything the turn waits for
 * (DynamoDB, the durable queue, Alexa's Reminders API) ends `answerByMs` after the turn started.
 */
const turnBudgetMs = 2000;
const answerByMs = 2600;

interface TurnClock {
  turnStartedAt?: number;
  /** The wall-clock time of the turn, from the skill's injected clock (skill.ts `now`). */
  turnTime?: Date;
  dynamoDeadline?: AbortSignal;
}

function clock(input: HandlerInput): TurnClock {
  const attributes = input.attributesManager.getRequestAttributes() as TurnClock;
  attributes.turnStartedAt ??= performance.now();
  return attributes;
}

/** Starts the turn's clock at `now`; the first interceptor calls it, anything later only reads it. */
export function startTurn(input: HandlerInput, now: Date): void {
  clock(input).turnTime ??= now;
}

/** The time of this turn: what handlers use for "now", so that the skill's injected clock rules them all. */
export function turnTime(input: HandlerInput): Date {
  const time = clock(input).turnTime;
  if (!time) throw new Error('the turn was not started (persistence interceptor missing)');
  return time;
}

/** The deadline of this turn's DynamoDB work. */
export function turnDeadline(input: HandlerInput): AbortSignal {
  const attributes = clock(input);
  const left = Math.max(
    0,
    Math.round(turnBudgetMs - (performance.now() - (attributes.turnStartedAt as number))),
  );
  attributes.dynamoDeadline ??= AbortSignal.timeout(left);
  return attributes.dynamoDeadline;
}

/** Milliseconds left before the turn must answer. */
export function timeLeft(input: HandlerInput): number {
  return Math.max(0, Math.round(answerByMs - (performance.now() - (clock(input).turnStartedAt as number))));
}

/** A deadline `capMs` from now, or at the turn's answer time if that comes first. */
export function deadlineWithin(input: HandlerInput, capMs: number): AbortSignal {
  return AbortSignal.timeout(Math.min(capMs, timeLeft(input)));
}
