import { defined } from '../../defined.js';

/**
 * AMAZON.TIME as Alexa fills it: "08:00" for a clock time, "MO", "AF", "EV" or "NI" for a part of the
 * day without a time (https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html#time).
 * The simulator's stand-in for Alexa's understanding of Dutch times: "acht uur", "half negen 's avonds",
 * "kwart over zeven", "om 7 uur", "tien voor negen".
 */

const units = [
  'nul',
  'een',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
];
const tens: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50 };

/** "acht" → 8, "21" → 21, "vijfentwintig" → 25; undefined for anything else. */
function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,2}$/.test(word)) return Number(word);
  const unit = units.indexOf(word === 'één' ? 'een' : word);
  if (unit >= 0) return unit;
  if (word in tens) return tens[word];
  const compound = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig)$/.exec(
    word,
  );
  return compound ? units.indexOf(defined(compound[1])) + (tens[defined(compound[2])] ?? 0) : undefined;
}

type DayPart = 'MO' | 'AF' | 'EV' | 'NI';

function dayPartOf(tokens: readonly string[]): DayPart | undefined {
  const text = ` ${tokens.join(' ')} `;
  // "'s avonds", "smiddags": said as a part of the day, these win over a bare "morgen" (tomorrow).
  const explicit: [RegExp, DayPart][] = [
    [/ s? ?(ochtends|morgens) /, 'MO'],
    [/ s? ?middags /, 'AF'],
    [/ s? ?avonds /, 'EV'],
    [/ s? ?nachts /, 'NI'],
  ];
  // "elke ochtend", "in de avond"; "morgen" alone is tomorrow, "elke morgen" is every morning.
  const bare: [RegExp, DayPart][] = [
    [/ (ochtend|vroeg) /, 'MO'],
    [/ (elke|iedere|de) morgen /, 'MO'],
    [/ middag /, 'AF'],
    [/ avond /, 'EV'],
    [/ nacht /, 'NI'],
  ];
  return [...explicit, ...bare].find(([pattern]) => pattern.test(text))?.[1];
}

const pad = (n: number) => String(n).padStart(2, '0');

function clock(hour: number, minute: number, part: DayPart | undefined): string | undefined {
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return undefined;
  let h = hour % 24;
  if ((part === 'AF' || part === 'EV') && h >= 1 && h < 12) h += 12;
  if (part === 'NI' && h === 12) h = 0;
  return `${pad(h)}:${pad(minute)}`;
}

/** The AMAZON.TIME value said in these (normalised) words, or undefined when no time is said. */
export function timeIn(tokens: readonly string[]): string | undefined {
  const part = dayPartOf(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    // "half negen": half an hour before nine.
    if (word === 'half' && numberOf(next) !== undefined)
      return clock((defined(numberOf(next)) + 23) % 24, 30, part);
    // "kwart over zeven", "tien voor negen", "vijf over half acht".
    const minutes = word === 'kwart' ? 15 : numberOf(word);
    if (minutes !== undefined && minutes < 30 && (next === 'over' || next === 'voor')) {
      if (after === 'half' && numberOf(tokens[i + 3]) !== undefined) {
        const base = (defined(numberOf(tokens[i + 3])) + 23) % 24;
        return clock(base, next === 'over' ? 30 + minutes : 30 - minutes, part);
      }
      const hour = numberOf(after);
      if (hour !== undefined) {
        return next === 'over' ? clock(hour, minutes, part) : clock((hour + 23) % 24, 60 - minutes, part);
      }
    }
    // "acht uur", "8 uur 30", "20 00" (from "20:00"), "om acht".
    const hour = numberOf(word);
    if (hour !== undefined && hour <= 24) {
      // "acht uur dertig"; not "negen uur een berichtje".
      if (next === 'uur') return clock(hour, after === 'een' ? 0 : (numberOf(after) ?? 0), part);
      if (next !== undefined && /^\d{2}$/.test(next)) return clock(hour, Number(next), part);
      // "om een herinnering" is not one o'clock.
      if ((tokens[i - 1] === 'om' || tokens[i - 1] === 'rond') && word !== 'een') return clock(hour, 0, part);
    }
  }
  return part;
}

const timeWords = new Set([
  'uur',
  'half',
  'kwart',
  'over',
  'voor',
  'om',
  'rond',
  'tegen',
  'ongeveer',
  'zo',
  'uiterlijk',
  's',
  'ochtends',
  'morgens',
  'middags',
  'avonds',
  'nachts',
  'ochtend',
  'middag',
  'avond',
  'nacht',
  'morgen',
  'vroeg',
  'in',
  'de',
  'het',
  'elke',
  'iedere',
  'dag',
  'dagelijks',
  'van',
  'een',
  'of',
]);

/** The AMAZON.TIME value when the words are a time and nothing else ("om half negen 's avonds"). */
export function timePhrase(tokens: readonly string[]): string | undefined {
  if (!tokens.every((w) => timeWords.has(w) || numberOf(w) !== undefined)) return undefined;
  return timeIn(tokens);
}
