import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { deleteAllReminders } from '../reminders/client.js';
import { deleteUserData } from '../state/deletion.js';
import type { UserStateStore } from '../state/store.js';
import { remindersApi } from './reminders-api.js';

/**
 * The SkillDisabled event. ask-sdk-model's type lacks `body`, so we declare what Alexa sends.
 * NOT_PERSISTED means the user's data must go; PERSISTED means they chose to keep it.
 */
interface SkillDisabledRequest {
  type: 'AlexaSkillEvent.SkillDisabled';
  requestId: string;
  body?: { userInformationPersistenceStatus?: 'PERSISTED' | 'NOT_PERSISTED' };
}

/** Neither DynamoDB nor the durable queue took a deletion: the invocation must fail, not answer "done". */
export class DeletionNotKeptError extends Error {
  override name = 'DeletionNotKeptError';
  constructor() {
    super('The deletion was neither done nor queued');
  }
}

/**
 * Disabling the skill deletes everything kept about the user (through the durable queue when DynamoDB
 * does not answer), and the reminders the skill set for them, as far as Alexa still lets it; a repeated
 * event is harmless. When the deletion can be neither done nor queued the invocation fails: Alexa sees
 * an error, and the function's error alarm goes off.
 */
export function skillDisabled(store: UserStateStore): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'AlexaSkillEvent.SkillDisabled',
    async handle(input) {
      const request = input.requestEnvelope.request as unknown as SkillDisabledRequest;
      if (request.body?.userInformationPersistenceStatus === 'PERSISTED') {
        return input.responseBuilder.getResponse();
      }
      const target = remindersApi(input);
      const [deletion] = await Promise.all([
        deleteUserData(input, store, 'skill disabled'),
        target ? deleteAllReminders(target, []) : undefined,
      ]);
      if (deletion.kind === 'failed') throw new DeletionNotKeptError();
      const later =
        deletion.kind === 'deleted' && deletion.reminderTokens.length > 0 ? remindersApi(input) : undefined;
      if (later && deletion.kind === 'deleted')
        await deleteAllReminders(later, deletion.reminderTokens, { list: false });
      return input.responseBuilder.getResponse();
    },
  };
}

/** Other skill events (enabled, permissions changed): acknowledged, nothing to keep. */
export const otherSkillEvents: RequestHandler = {
  canHandle: (input) => getRequestType(input.requestEnvelope).startsWith('AlexaSkillEvent.'),
  handle: (input) => input.responseBuilder.getResponse(),
};
