import type { RequestHandler } from 'ask-sdk-core';
import { Intent } from '../intents.js';
import { deleteAllReminders } from '../reminders/client.js';
import { join } from '../speech/ssml.js';
import { deleteUserData } from '../state/deletion.js';
import { putStateInSession } from '../state/session-cache.js';
import type { UserStateStore } from '../state/store.js';
import { turnTime } from '../state/turn.js';
import { newUserState } from '../state/user-state.js';
import { prompts, reminderText } from '../text/index.js';
import { setDialog, userState } from './context.js';
import { remindersApi } from './reminders-api.js';
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

/**
 * "ja": deletes everything kept about the user (or, when DynamoDB does not answer, has the durable queue
 * do it), deletes their reminders at Alexa, and forgets it all in this session too. Success is only said
 * when the deletion is done or safely queued.
 */
export function confirmDelete(store: UserStateStore): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, Intent.Yes),
    async handle(input) {
      const known = userState(input).reminderTokens;
      const target = remindersApi(input);
      const [deletion, reminders] = await Promise.all([
        deleteUserData(input, store, 'user asked'),
        target ? deleteAllReminders(target, known) : Promise.resolve({ remaining: [...known] }),
      ]);
      if (deletion.kind === 'failed') {
        // Nothing is deleted: the question stays open, so "ja" tries again.
        setDialog(input, { mode: 'confirmDelete' });
        return ask(input, join(...prompts.deleteFailed), join(...prompts.deleteConfirmReprompt));
      }
      setDialog(input, { mode: 'idle' });
      // Reminders only the stored state knew (set on another device): deleted too, if Alexa did not list them.
      const storedOnly =
        deletion.kind === 'deleted' ? deletion.reminderTokens.filter((t) => !known.includes(t)) : [];
      const later = storedOnly.length > 0 ? remindersApi(input) : undefined;
      const left = later
        ? [
            ...reminders.remaining,
            ...(await deleteAllReminders(later, storedOnly, { list: false })).remaining,
          ]
        : reminders.remaining;
      const fresh = deletion.kind === 'deleted' ? deletion.state : newUserState(turnTime(input));
      // Clean (state equals base), so nothing is written back at the end of the session.
      putStateInSession(input.attributesManager.getSessionAttributes(), fresh, fresh);
      const done = deletion.kind === 'deleted' ? prompts.deleteDone : prompts.deleteQueued;
      const remindersLeft = left.length > 0 ? reminderText.deleteFailed : [];
      return tell(input, join(...done, ...remindersLeft, ...prompts.goodbye));
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
