import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { log } from '../log.js';
import type { UserStateStore } from '../state/dynamo-store.js';

/**
 * The SkillDisabled event. ask-sdk-model's type lacks `body`, so we declare what Alexa sends.
 * NOT_PERSISTED means the user's data must go; PERSISTED means they chose to keep it.
 */
interface SkillDisabledRequest {
  type: 'AlexaSkillEvent.SkillDisabled';
  requestId: string;
  body?: { userInformationPersistenceStatus?: 'PERSISTED' | 'NOT_PERSISTED' };
}

/** Disabling the skill deletes everything kept about the user; a repeated event is harmless. */
export function skillDisabled(store: UserStateStore): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'AlexaSkillEvent.SkillDisabled',
    async handle(input) {
      const request = input.requestEnvelope.request as unknown as SkillDisabledRequest;
      if (request.body?.userInformationPersistenceStatus !== 'PERSISTED') {
        await store.delete(input.requestEnvelope.context.System.user.userId);
        log.info('user data deleted', { reason: 'skill disabled', requestId: request.requestId });
      }
      return input.responseBuilder.getResponse();
    },
  };
}

/** Other skill events (enabled, permissions changed): acknowledged, nothing to keep. */
export const otherSkillEvents: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope).startsWith('AlexaSkillEvent.'),
  handle: (input) => input.responseBuilder.getResponse(),
};
