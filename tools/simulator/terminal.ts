import { setTimeout as sleep } from 'node:timers/promises';
import { breakSeconds, type HeardTurn, ssmlToText } from './session.js';

export interface PrintOptions {
  /** Wait through each pause with a live countdown (interactive use), or only show it. */
  wait: boolean;
}

/** Prints what Alexa would say, with each pause shown as a countdown. */
export async function printTurn(turn: HeardTurn, { wait }: PrintOptions): Promise<void> {
  const pieces = turn.ssml.split(/(<break\s+time="[^"]+"\s*\/>)/);
  let line = '';
  const flush = () => {
    if (line.trim()) process.stdout.write(`Alexa: ${line.trim()}\n`);
    line = '';
  };
  let silence = 0;
  for (const piece of pieces) {
    const match = /time="([^"]+)"/.exec(piece);
    if (match) {
      silence += breakSeconds(match[1] ?? '');
      continue;
    }
    const text = ssmlToText(piece);
    if (!text) continue;
    if (silence > 0) await showPause(silence, wait, flush);
    silence = 0;
    line += ` ${text}`;
  }
  if (silence > 0) await showPause(silence, wait, flush);
  flush();
  const card = turn.response.response.card;
  if (card?.type === 'AskForPermissionsConsent') {
    process.stdout.write(`(kaart in de Alexa-app: toestemming voor ${card.permissions.join(', ')})\n`);
  }
  if (turn.sessionEnded) process.stdout.write('(sessie beëindigd)\n');
}

async function showPause(seconds: number, wait: boolean, flush: () => void): Promise<void> {
  flush();
  const rounded = Math.round(seconds * 10) / 10;
  if (!wait) {
    process.stdout.write(`       … pauze ${rounded} s …\n`);
    return;
  }
  for (let left = Math.ceil(seconds); left > 0; left--) {
    process.stdout.write(`\r       … ${left} s … `);
    await sleep(Math.min(1000, (seconds - (Math.ceil(seconds) - left)) * 1000));
  }
  process.stdout.write(`\r       … pauze ${rounded} s … klaar\n`);
}
