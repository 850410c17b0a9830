import type { RequestHandler } from 'ask-sdk-core';
import { exerciseNameAt } from '../coach/index.js';
import { Intent } from '../intents.js';
import { join, type Speech, say } from '../speech/ssml.js';
import { turnTime } from '../state/turn.js';
import type { UserState } from '../state/user-state.js';
import { fill, prompts } from '../text/index.js';
import { dayInAmsterdam } from '../time/amsterdam.js';
import { setDialog, userState } from './context.js';
import { ask } from './respond.js';
import { isIntent } from './slots.js';

const progressText = prompts.progress;

function lastDay(day: string, now: Date): string {
  if (day === dayInAmsterdam(now)) return progressText.today;
  if (day === dayInAmsterdam(new Date(now.getTime() - 24 * 3600 * 1000))) return progressText.yesterday;
  const [year, month, date] = day.split('-').map(Number);
  const spoken = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return fill(progressText.earlier, { date: spoken });
}

/** Sessions done, days in a row and where they are, from the user's state. */
function progressSpeech(user: UserState, now: Date): Speech {
  const { sessionsDone, daysInARow, lastSessionDay } = user.progress;
  const parts: string[] = [];
  if (sessionsDone === 0) parts.push(progressText.none);
  else {
    parts.push(
      sessionsDone === 1 ? progressText.sessionsOne : fill(progressText.sessions, { sessions: sessionsDone }),
    );
    if (daysInARow > 1) parts.push(fill(progressText.streak, { days: daysInARow }));
    else if (lastSessionDay) parts.push(fill(progressText.streakOne, { when: lastDay(lastSessionDay, now) }));
  }
  const name = user.position ? exerciseNameAt(user.position) : undefined;
  if (name) parts.push(fill(progressText.position, { name }));
  else if (sessionsDone === 0) parts.push(progressText.startHint);
  return parts.map(say);
}

/** "hoe gaat het met mijn oefeningen". */
export const progress: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Progress),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return ask(
      input,
      join(progressSpeech(userState(input), turnTime(input)), ...prompts.whatNext),
      join(...prompts.whatNextReprompt),
    );
  },
};
