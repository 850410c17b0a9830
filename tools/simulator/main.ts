/**
 * `npm start`: a voice session in the terminal. Starts dynalite in-process (data kept in .data/),
 * creates the table, builds the Lambda bundle and talks to it as Alexa would.
 * Piped input: one utterance a line, exits at the end. `--fast` skips waiting through pauses.
 */
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { buildLambda } from '../build.js';
import { defined } from '../defined.js';
import { startLocalDynamo } from '../local-dynamo.js';
import { startLocalQueue } from '../local-queue.js';
import { importBundledHandler, importBundledStateJobs, runSkillLocally } from '../local-skill.js';
import { startAlexaApi } from './alexa-api.js';
import { aplDirectives, writeScreenPreview } from './apl-preview.js';
import { type ConsentAnswer, type ConsentRequest, consentCompleted, consentRequested } from './consent.js';
import { remindersGranted, screenInterfaces, sessionResumedRequest } from './envelope.js';
import { loadInteractionModel, Understanding } from './nlu/index.js';
import { type HeardTurn, VoiceSession } from './session.js';
import { printTurn } from './terminal.js';

const skillId = 'amzn1.ask.skill.rug-coach-local';
/** One local user, so that the routine is remembered between runs. */
const localUserId = 'amzn1.ask.account.LOCAL-SIMULATOR-USER';

async function main(): Promise<void> {
  const fast = process.argv.includes('--fast');
  // --apl-out DIR: act as an Echo Show and write each screen (APL document + data source) to DIR.
  const aplOutIndex = process.argv.indexOf('--apl-out');
  const aplOut = aplOutIndex > 0 ? process.argv[aplOutIndex + 1] : undefined;
  const screen = process.argv.includes('--screen') || aplOut !== undefined;
  const interactive = process.stdin.isTTY === true;
  // The local user's data lives in .data/ (git-ignored); RUG_COACH_DATA puts it elsewhere (the tests do).
  const dataDir = process.env.RUG_COACH_DATA ?? new URL('../../.data/', import.meta.url).pathname;
  mkdirSync(dataDir, { recursive: true });

  const db = await startLocalDynamo({ path: dataDir });
  // The state queue (SQS in AWS), played by a loopback stand-in whose consumer is polled as Lambda would.
  const queue = await startLocalQueue();
  runSkillLocally(db, skillId, queue);
  const { outfile } = await buildLambda();
  const handler = await importBundledHandler(outfile);
  const stopPolling = queue.poll(await importBundledStateJobs(outfile));
  // Alexa's Reminders API, played by a loopback stand-in: this laptop cannot reach Alexa.
  const alexaApi = await startAlexaApi();
  const understanding = await Understanding.train(loadInteractionModel());
  const session = new VoiceSession(handler, understanding, {
    skillId,
    userId: localUserId,
    apiEndpoint: alexaApi.endpoint,
    ...(screen ? { supportedInterfaces: screenInterfaces } : {}),
  });
  let screens = 0;

  /** Set while Alexa (not the skill) asks the user for a permission: the next line is the answer. */
  let consent: ConsentRequest | undefined;

  const answerConsent = async (utterance: string): Promise<HeardTurn> => {
    const pending = defined(consent);
    consent = undefined;
    const heard = await understanding.understand(utterance);
    const intent = heard.kind === 'intent' ? heard.name : '';
    const answer: ConsentAnswer =
      intent === 'AMAZON.YesIntent' ? 'ACCEPTED' : intent === 'AMAZON.NoIntent' ? 'DENIED' : 'NOT_ANSWERED';
    if (answer === 'ACCEPTED') session.update({ permissions: remindersGranted() });
    return session.sendRequest(utterance, (ctx) =>
      sessionResumedRequest(ctx, consentCompleted(pending, answer)),
    );
  };

  const say = async (line: string): Promise<HeardTurn | undefined> => {
    const utterance = line.trim();
    if (consent && utterance !== '') {
      if (!interactive) process.stdout.write(`> ${utterance}\n`);
      return answerConsent(utterance);
    }
    if (utterance === '') {
      // Silence: Alexa speaks the reprompt once, then ends the session.
      const last = session.turns.at(-1);
      if (session.isOpen && last?.repromptSsml) {
        process.stdout.write('(stilte)\n');
        return session.end();
      }
      return undefined;
    }
    if (!interactive) process.stdout.write(`> ${utterance}\n`);
    return session.say(utterance.replace(/^alexa,?\s*/i, ''));
  };

  if (interactive) {
    process.stdout.write(
      'Rug Coach, lokaal. Typ wat je tegen Alexa zegt, bijvoorbeeld: open rug coach. Ctrl+D stopt.\n',
    );
  }
  const showTurn = async (turn: HeardTurn): Promise<void> => {
    await printTurn(turn, { wait: interactive && !fast });
    consent = consentRequested(turn.response.response.directives);
    if (consent) {
      process.stdout.write(
        'Alexa (namens Alexa zelf): Geef je Rug Coach toestemming om herinneringen te zetten? Zeg ja of nee.\n',
      );
    }
    for (const directive of aplDirectives(turn.response)) {
      screens++;
      if (!aplOut) {
        process.stdout.write('(scherm: APL-document verstuurd)\n');
        continue;
      }
      const file = await writeScreenPreview(
        aplOut,
        directive,
        `${String(screens).padStart(3, '0')}-${directive.token ?? 'scherm'}`,
      );
      process.stdout.write(`(scherm: ${file})\n`);
    }
  };
  const prompt = () => {
    if (interactive) process.stdout.write('jij> ');
  };

  prompt();
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    const turn = await say(line);
    if (turn) await showTurn(turn);
    prompt();
  }
  if (session.isOpen) await session.end('USER_INITIATED');
  await stopPolling();
  await queue.drain(await importBundledStateJobs(outfile));
  await Promise.all([alexaApi.close(), queue.close()]);
  await db.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
