/**
 * `npm run nlu`: how well the simulator's understanding (the model's samples, then nlp.js trained on the
 * model) routes phrasings written apart from the model. Prints accuracy per intent and the confusions.
 * `npm run nlu -- path/to/phrasings.json` measures another set of the same shape.
 */
import { loadInteractionModel, Understanding } from '../simulator/nlu/index.js';
import { expectedGroup, heldOutUrl, loadPhrasings, neverForRedFlags, redFlagOf } from './phrasings.js';
import { labelOf, routedRight } from './routing.js';

const path = process.argv[2] ?? heldOutUrl;
const phrasings = loadPhrasings(path);
const understanding = await Understanding.train(loadInteractionModel());

const groups = new Map<string, { right: number; total: number }>();
const wrong: string[] = [];
const unsafe: string[] = [];
for (const phrasing of phrasings) {
  const resolution = await understanding.understand(phrasing.text);
  const group = expectedGroup(phrasing.goal);
  const tally = groups.get(group) ?? { right: 0, total: 0 };
  tally.total += 1;
  if (routedRight(phrasing, resolution)) tally.right += 1;
  else
    wrong.push(
      `${phrasing.goal.padEnd(30)} ${labelOf(resolution).padEnd(48)} ${phrasing.context.padEnd(13)} ${phrasing.text}`,
    );
  groups.set(group, tally);
  if (
    redFlagOf(phrasing.goal) &&
    resolution.kind === 'intent' &&
    (neverForRedFlags as string[]).includes(resolution.name)
  ) {
    unsafe.push(`${phrasing.goal} → ${labelOf(resolution)}: ${phrasing.text}`);
  }
}

const right = [...groups.values()].reduce((n, g) => n + g.right, 0);
console.log(
  `Routed right: ${right} of ${phrasings.length} (${((100 * right) / phrasings.length).toFixed(1)} %)\n`,
);
for (const [group, { right: r, total }] of [...groups].sort(
  (a, b) => a[1].right / a[1].total - b[1].right / b[1].total,
)) {
  console.log(
    `${group.padEnd(28)} ${String(r).padStart(3)} / ${String(total).padEnd(3)} ${((100 * r) / total).toFixed(0).padStart(3)} %`,
  );
}
console.log(`\nRed flags routed to an exercise, tip, step or yes/no: ${unsafe.length}`);
for (const line of unsafe) console.log(`  ${line}`);
console.log(`\nConfusions (goal, what was understood, context, text):`);
for (const line of wrong) console.log(`  ${line}`);
