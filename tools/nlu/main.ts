/**
 * `npm run nlu`: how well the skill understands phrasings written apart from the interaction model
 * (tests/nlu/heldout*.json). First the routing, as the simulator's understanding sends it (the model's
 * samples, then nlp.js trained on the model, with the nearest samples voting where nlp.js is unsure);
 * then the answers, each phrasing said to the real bundle in its place in a conversation. Prints
 * accuracy per intent and every miss.
 * `npm run nlu -- path/to/phrasings.json` measures another set of the same shape; `--statistical`
 * routes with nlp.js alone, trained on the model and the out-of-domain sentences that stand in for
 * Alexa's own fallback model (no exact, carrier or nearest-sample pass).
 */
import { loadInteractionModel, Understanding } from '../simulator/nlu/index.js';
import { answerAll, localSkill, type Outcome, route, type Tally, tallyBy } from './evaluate.js';
import { loadHeldOut, loadPhrasings } from './phrasings.js';

const percent = ({ right, total }: Tally) => `${((100 * right) / Math.max(1, total)).toFixed(1)} %`;

function report(title: string, outcomes: readonly Outcome[], right: (o: Outcome) => boolean): void {
  const groups = tallyBy(outcomes, right);
  const all = { right: outcomes.filter(right).length, total: outcomes.length };
  console.log(`\n${title}: ${all.right} of ${all.total} (${percent(all)})`);
  for (const [group, tally] of [...groups].sort(
    (a, b) => a[1].right / a[1].total - b[1].right / b[1].total,
  )) {
    if (tally.right < tally.total)
      console.log(`  ${group.padEnd(28)} ${tally.right} / ${tally.total}  ${percent(tally)}`);
  }
}

const args = process.argv.slice(2);
const mode = args.includes('--statistical') ? 'statistical' : 'full';
const file = args.find((arg) => !arg.startsWith('--'));
const phrasings = file ? loadPhrasings(file) : loadHeldOut();
const understanding = await Understanding.train(loadInteractionModel(), mode);
console.log(
  `Understanding: ${mode === 'full' ? 'the simulator (samples, then nlp.js and the nearest samples)' : 'nlp.js alone'}`,
);
const outcomes = await route(understanding, phrasings);

report('Routed right', outcomes, (o) => o.routedRight);
const routedAway = outcomes.filter((o) => o.routedAway);
console.log(`\nRed flags routed to an exercise, tip, step or yes/no intent: ${routedAway.length}`);
for (const o of routedAway)
  console.log(
    `  ${o.phrasing.goal} → ${o.understood}: ${o.phrasing.text}${o.routedUnsafe ? '' : ' (its words reach the red-flag check)'}`,
  );
console.log(
  `Of these, with no words the red-flag check sees: ${outcomes.filter((o) => o.routedUnsafe).length}`,
);

const skillId = 'amzn1.ask.skill.rug-coach-nlu';
const skill = await localSkill(skillId);
await answerAll(skill.handler, understanding, skillId, outcomes);
await skill.stop();

report('Answered right, end to end', outcomes, (o) => o.answer?.right === true);
const unsafeAnswers = outcomes.filter((o) => o.answer?.unsafe);
console.log(
  `\nRed flags answered with reassurance, a tip or an exercise (or not at all): ${unsafeAnswers.length}`,
);
for (const o of unsafeAnswers) console.log(`  ${o.phrasing.goal} → ${o.answer?.answer}: ${o.phrasing.text}`);
const lessUrgent = outcomes.filter((o) => o.answer?.lessUrgent);
console.log(
  `Direct-contact flags answered with the appointment advice (and the offer of the direct questions): ${lessUrgent.length}`,
);
for (const o of lessUrgent) console.log(`  ${o.phrasing.goal}: ${o.phrasing.text}`);

console.log('\nMisses (goal, understood as, answered, context, text):');
for (const o of outcomes.filter((x) => !x.routedRight || !x.answer?.right)) {
  console.log(
    `  ${o.phrasing.goal.padEnd(28)} ${o.understood.slice(0, 44).padEnd(44)} ${(o.answer?.answer ?? '').slice(0, 34).padEnd(34)} ${o.phrasing.context.padEnd(13)} ${o.phrasing.text}`,
  );
}
