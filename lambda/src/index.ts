import { getUserId, type Skill } from 'ask-sdk-core';
import type { ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { log } from './log.js';
import { checkedEnvelope, RequestRefusedError } from './request-guard.js';
import { createSkill } from './skill.js';
import { userStateStore } from './state/dynamo-store.js';
import { sealSessionAttributes } from './state/session-attributes.js';

export { stateJobs } from './state/state-jobs.js';

let skill: Skill | undefined;

function requestIdOf(event: unknown, context?: Context): string | undefined {
  const id = (event as { request?: { requestId?: unknown } } | null)?.request?.requestId;
  return typeof id === 'string' && id.length <= 200 ? id : context?.awsRequestId;
}

/**
 * The Lambda entry Alexa invokes. The skill ID and the envelope's shape are checked before any other
 * work, so a request meant for another skill costs no database call; the session attributes going out
 * are sealed for the user, and only sealed ones are trusted coming in (state/session-attributes.ts).
 */
export async function handler(event: unknown, context?: Context): Promise<ResponseEnvelope> {
  const skillId = process.env.SKILL_ID;
  let envelope: ReturnType<typeof checkedEnvelope>;
  try {
    if (!skillId) throw new RequestRefusedError('this function serves one skill only');
    envelope = checkedEnvelope(event, skillId);
  } catch (error) {
    const reason = error instanceof RequestRefusedError ? error.reason : 'not an Alexa request envelope';
    const message =
      reason === 'this function serves one skill only'
        ? 'request refused: unexpected skill id'
        : 'request refused: malformed envelope';
    log.warn(message, { requestId: requestIdOf(event, context) });
    throw error instanceof RequestRefusedError ? error : new RequestRefusedError(reason);
  }
  skill ??= createSkill({ skillId, store: userStateStore() });
  const response = await skill.invoke(envelope, context);
  if (response.sessionAttributes !== undefined) {
    response.sessionAttributes = sealSessionAttributes(response.sessionAttributes, getUserId(envelope));
  }
  return response;
}
