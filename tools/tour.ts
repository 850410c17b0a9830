import { article } from '../lambda/src/content/article.js';
import { startAlexaApi } from './simulator/alexa-api.js';
import { remindersGranted } from './simulator/envelope.js';
import type { Understanding } from './simulator/nlu/index.js';
import { type HeardTurn, type SkillHandler, VoiceSession } from './simulator/session.js';

/**
 * A scripted tour of everything the skill says: launch, help, every tip and info topic, every exercise
 * to its end, the questionnaire's paths, reminders, progress and deletion. The tests scan every answer
 * it produces (lengths, fragments, placeholders, traces), and `npm run listen` renders each distinct one.
 */

interface TourSession {
  readonly name: string;
  readonly lines: readonly string[];
  /** A user who allowed reminders, with Alexa's Reminders API played by a loopback stand-in. */
  readonly reminders?: true;
  /** Another session of the same user follows (a resume the next day). */
  readonly user?: string;
}

/** The InfoTopic values as a user says them (the model's own value names). */
const infoQuestions = [
  'wat is rugpijn',
  'welke soorten rugpijn zijn er',
  'wat is acute rugpijn',
  'wat is subacute rugpijn',
  'wat is chronische rugpijn',
  'waar kan rugpijn zitten',
  'wat is lage rugpijn',
  'wat is pijn in de middenrug',
  'wat is pijn in de hoge rug',
  'waar komt rugpijn door',
  'wat zijn de zeldzame oorzaken',
  'wat is een hernia',
  'wat is ischias',
  'wat is artrose',
  'wat is scoliose',
  'wat is spit',
  'wat is de conclusie',
  'mag ik bewegen met rugpijn',
  'moet ik in bed blijven',
  'welke oefeningen zijn er',
  'welke tips zijn er',
  'hoe lang duurt rugpijn',
  'is rugpijn gevaarlijk',
];

const exerciseNames = [
  'knie naar borst',
  'de kat koe',
  'de bekkenkanteling',
  'de brug',
  'de hamstring stretch',
];
const allNo = Array.from({ length: 12 }, () => 'nee');
const untilDone = Array.from({ length: 8 }, () => 'volgende');

const tour: readonly TourSession[] = [
  { name: 'launch', lines: ['open rug coach', 'help', 'hoe gaat het met mijn oefeningen', 'stop'] },
  {
    name: 'tips',
    lines: [
      'open rug coach',
      'geef me een tip',
      'ja',
      'nee',
      ...article.tips.map((t) => `tip over ${t.topics[0]}`),
    ],
  },
  { name: 'info', lines: ['open rug coach', ...infoQuestions, 'waar komt rugpijn door', 'ja'] },
  {
    name: 'questions',
    lines: [
      'open rug coach',
      'helpt ijs tegen rugpijn',
      'helpt acupunctuur tegen rugpijn',
      'waarom heb ik rugpijn',
    ],
  },
  ...exerciseNames.map((name) => ({
    name: `exercise ${name}`,
    lines: [`vraag rug coach naar ${name}`, ...untilDone],
  })),
  {
    name: 'routine',
    user: 'amzn1.ask.account.TOUR-ROUTINE',
    lines: [
      'open rug coach',
      'start mijn oefeningen',
      'herhaal',
      'volgende',
      'vorige',
      'langer vasthouden',
      'korter',
      'help',
      'opnieuw',
      'sla deze over',
      'pauze',
      'ga verder',
      'praat langzamer',
      'praat normaal',
      'stop',
    ],
  },
  {
    name: 'resume',
    user: 'amzn1.ask.account.TOUR-ROUTINE',
    lines: ['open rug coach', 'ja', 'het doet pijn', 'ja', 'stop'],
  },
  { name: 'all no', lines: ['open rug coach', 'moet ik naar de dokter', ...allNo, 'ja', 'ja'] },
  { name: 'first yes', lines: ['vraag rug coach of ik naar de dokter moet', 'ja'] },
  { name: 'unsure', lines: ['vraag rug coach of ik naar de dokter moet', 'nee', 'weet ik niet'] },
  {
    name: 'appointment yes',
    lines: ['open rug coach', 'moet ik naar de dokter', ...allNo.slice(0, 7), 'ja'],
  },
  { name: 'named direct', lines: ['vraag rug coach of ik naar de dokter moet want mijn been tintelt'] },
  {
    name: 'named appointment',
    lines: [
      'vraag rug coach of ik naar de dokter moet want het wordt steeds erger',
      'ja',
      ...allNo.slice(0, 7),
    ],
  },
  { name: 'noted', lines: ['open rug coach', 'moet ik naar de dokter', 'het wordt steeds erger', 'stop'] },
  {
    name: 'reminders',
    reminders: true,
    lines: [
      'open rug coach',
      'herinner me aan mijn oefeningen',
      'herinner me elke dag om acht uur aan mijn oefeningen',
      'stop mijn herinnering',
      'stop mijn herinnering',
    ],
  },
  { name: 'delete', lines: ['open rug coach', 'wis mijn gegevens', 'nee', 'wis mijn gegevens', 'ja'] },
  { name: 'odd words', lines: ['open rug coach', 'banaan appelmoes', 'ja'] },
];

export interface TourAnswer {
  readonly session: string;
  readonly utterance: string;
  readonly turn: HeardTurn;
  /** True when the answer is part of an exercise (a turn of steps and holds, or the pause). */
  readonly inExercise: boolean;
}

function modeOf(turn: HeardTurn): string | undefined {
  const attributes = turn.response.sessionAttributes as { dialog?: { mode?: string } } | undefined;
  return attributes?.dialog?.mode;
}

/** Says the whole tour to a skill handler and returns every answer, in order. */
export async function runTour(
  handler: SkillHandler,
  understanding: Understanding,
  skillId: string,
): Promise<TourAnswer[]> {
  const api = await startAlexaApi();
  const answers: TourAnswer[] = [];
  try {
    let n = 0;
    for (const session of tour) {
      n += 1;
      const voice = new VoiceSession(handler, understanding, {
        skillId,
        userId: session.user ?? `amzn1.ask.account.TOUR-${n}`,
        apiEndpoint: api.endpoint,
        ...(session.reminders ? { permissions: remindersGranted() } : {}),
      });
      for (const utterance of session.lines) {
        const turn = await voice.say(utterance);
        const inExercise = ['exercise', 'paused'].includes(modeOf(turn) ?? '') || turn.pauseSeconds > 0;
        answers.push({ session: session.name, utterance, turn, inExercise });
      }
      await voice.end();
    }
  } finally {
    await api.close();
  }
  return answers;
}

/** Each distinct answer once (by what is said), in the order first heard. */
export function distinctAnswers(answers: readonly TourAnswer[]): TourAnswer[] {
  const seen = new Set<string>();
  return answers.filter((answer) => {
    if (answer.turn.ssml === '' || seen.has(answer.turn.ssml)) return false;
    seen.add(answer.turn.ssml);
    return true;
  });
}

/** The sentences of an answer as the user hears them, pauses ("[10s]") left out. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\[\d+(\.\d+)?s\]/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
