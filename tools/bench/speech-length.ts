import { estimatedSeconds, wordsBeforeQuestion } from '../../lambda/src/speech/length.js';
import { buildLambda } from '../build.js';
import { startLocalDynamo } from '../local-dynamo.js';
import { importBundledHandler, runSkillLocally } from '../local-skill.js';
import { loadInteractionModel, Understanding } from '../simulator/nlu/index.js';
import { distinctAnswers, runTour } from '../tour.js';

/** The longest answer outside an exercise, before it asks something, by the one estimate of spoken length. */
export interface SpeechLengths {
  answers: number;
  outsideExercise: number;
  longest: { utterance: string; words: number; seconds: number };
}

/**
 * The scripted tour (tools/tour.ts) said to the bundle; each distinct answer outside an exercise is
 * measured with lambda/src/speech/length.ts, the estimate the tests and `npm run listen` use.
 */
export async function measureSpeech(skillId: string): Promise<SpeechLengths> {
  const db = await startLocalDynamo();
  try {
    runSkillLocally(db, skillId);
    const handler = await importBundledHandler((await buildLambda()).outfile);
    const understanding = await Understanding.train(loadInteractionModel());
    const answers = distinctAnswers(await runTour(handler, understanding, skillId));
    const outside = answers.filter((a) => !a.inExercise);
    let longest = { utterance: '', words: 0, seconds: 0 };
    for (const answer of outside) {
      const text = answer.turn.text.replace(/\[[\d.]+s\]/g, '');
      const words = wordsBeforeQuestion(text);
      const sentences = text.split(/(?<=[.!?])\s+/);
      const question = sentences.findIndex((s) => s.trim().endsWith('?'));
      const before = (question < 0 ? sentences : sentences.slice(0, question)).join(' ');
      const seconds = estimatedSeconds([{ kind: 'text', text: before }]);
      if (seconds > longest.seconds) longest = { utterance: answer.utterance, words, seconds };
    }
    return { answers: answers.length, outsideExercise: outside.length, longest };
  } finally {
    await db.stop();
  }
}
