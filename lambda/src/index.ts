import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { log } from './log.js';
import { createSkill } from './skill.js';
import { userStateStore } from './state/dynamo-store.js';

let skill: Skill | undefined;

function applicationIdOf(event: unknown): string | undefined {
  const envelope = event as Partial<RequestEnvelope> | undefined;
  return (
    envelope?.context?.System?.application?.applicationId ?? envelope?.session?.application?.applicationId
  );
}

/**
 * The Lambda entry Alexa invokes. The skill ID is checked before any other work, so a request meant
 * for another skill costs no database call.
 */
export async function handler(event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> {
  const skillId = process.env.SKILL_ID;
  if (!skillId || applicationIdOf(event) !== skillId) {
    log.warn('request refused: unexpected skill id', { requestId: context?.awsRequestId });
    throw new Error('Request refused: this function serves one skill only');
  }
  skill ??= createSkill({ skillId, store: userStateStore() });
  return skill.invoke(event, context);
}
