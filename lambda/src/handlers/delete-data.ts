import type { RequestHandler } from 'ask-sdk-core';
import { prompts } from '../content/prompts.js';
import { Intent } from '../intents.js';
import { errorClass, log } from '../log.js';
import { reminderText } from '../reminders/content.js';
import { join } from '../speech/ssml.js';
import type { UserStateStore } from '../state/dynamo-store.js';
import { putStateInSession } from '../state/session-cache.js';
import { newUserState } from '../state/user-state.js';
import { setDialog } from './context.js';
import { deleteUsersReminder } from './reminders.js';
import { ask, tell } from './respond.js';
import { isIntent } from './slots.js';

/** "wis mijn gegevens": asks first; nothing is deleted without a "ja". */
export const askToDelete: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.DeleteData),
  handle(input) {
    setDialog(input, { mode: 'confirmDelete' });
    return ask(input, join(...prompts.deleteConfirm), join(...prompts.deleteConfirmReprompt));
  },
};

/** "ja": deletes everything kept about the user, and forgets it in this session too. */
export function confirmDelete(store: UserStateStore): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, Intent.Yes),
    async handle(input) {
      setDialog(input, { mode: 'idle' });
      // The reminder at Alexa first: once the data is gone, so is the token that names it.
      const reminder = await deleteUsersReminder(input);
      try {
        await store.delete(input.requestEnvelope.context.System.user.userId);
      } catch (error) {
        log.warn('user data not deleted', {
          requestId: input.requestEnvelope.request.requestId,
          errorClass: errorClass(error),
        });
        return ask(input, join(...prompts.error), join(...prompts.deleteConfirmReprompt));
      }
      const fresh = newUserState(new Date());
      // Clean (state equals base), so nothing is written back at the end of the session.
      putStateInSession(input.attributesManager.getSessionAttributes(), fresh, fresh);
      log.info('user data deleted', {
        reason: 'user asked',
        requestId: input.requestEnvelope.request.requestId,
      });
      const reminderLeft = reminder === 'failed' ? reminderText.deleteFailed : [];
      return tell(input, join(...prompts.deleteDone, ...reminderLeft, ...prompts.goodbye));
    },
  };
}

/** "nee", "stop": nothing is deleted. */
export const keepData: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.No, Intent.Cancel, Intent.Stop),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return ask(input, join(...prompts.deleteKept, ...prompts.whatNext), join(...prompts.whatNextReprompt));
  },
};

/** "weet ik niet", "herhaal", words not understood: the question stands; nothing is deleted without a "ja". */
export const reaskDelete: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.DontKnow, Intent.Repeat, Intent.Help, Intent.Fallback),
  handle: (input) => ask(input, join(...prompts.deleteConfirm), join(...prompts.deleteConfirmReprompt)),
};
