import type { RequestHandler } from 'ask-sdk-core';
import { exerciseNameAt } from '../coach/index.js';
import { Intent } from '../intents.js';
import { join, type Speech, say } from '../speech/ssml.js';
import { dayInAmsterdam, type UserState } from '../state/user-state.js';
import { fill, prompts } from '../text/index.js';
import { setDialog, userState } from './context.js';
import { ask } from './respond.js';
import { isIntent } from './slots.js';

const p = prompts.progress;

function lastDay(day: string, now: Date): string {
  if (day === dayInAmsterdam(now)) return p.today;
  if (day === dayInAmsterdam(new Date(now.getTime() - 24 * 3600 * 1000))) return p.yesterday;
  const [year, month, date] = day.split('-').map(Number);
  const spoken = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1)).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return fill(p.earlier, { date: spoken });
}

/** Sessions done, days in a row and where they are, from the user's state. */
function progressSpeech(user: UserState, now: Date): Speech {
  const { sessionsDone, daysInARow, lastSessionDay } = user.progress;
  const parts: string[] = [];
  if (sessionsDone === 0) parts.push(p.none);
  else {
    parts.push(sessionsDone === 1 ? p.sessionsOne : fill(p.sessions, { sessions: sessionsDone }));
    if (daysInARow > 1) parts.push(fill(p.streak, { days: daysInARow }));
    else if (lastSessionDay) parts.push(fill(p.streakOne, { when: lastDay(lastSessionDay, now) }));
  }
  const name = user.position ? exerciseNameAt(user.position) : undefined;
  if (name) parts.push(fill(p.position, { name }));
  else if (sessionsDone === 0) parts.push(p.startHint);
  return parts.map(say);
}

/** "hoe gaat het met mijn oefeningen". */
export const progress: RequestHandler = {
  canHandle: (input) => isIntent(input, Intent.Progress),
  handle(input) {
    setDialog(input, { mode: 'idle' });
    return ask(
      input,
      join(progressSpeech(userState(input), new Date()), ...prompts.whatNext),
      join(...prompts.whatNextReprompt),
    );
  },
};
