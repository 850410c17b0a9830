/**
 * `npm run nlu:retire`: takes out of tests/nlu/heldout*.json the phrasings the model now says word for
 * word. A held-out phrasing measures understanding only while the model has never seen it; when a
 * sample written from a development set happens to say one (a spelling variant added as a synonym),
 * the phrasing leaves the held-out set rather than the sample leaving the model. Prints what left, for
 * the commit message; `tests/nlu/understanding.test.ts` fails until this has run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadInteractionModel } from '../simulator/nlu/model.js';
import { inModel } from './in-model.js';
import { heldOutFiles, loadPhrasings } from './phrasings.js';

const said = inModel(loadInteractionModel());
let retired = 0;
for (const file of heldOutFiles()) {
  const name = path.basename(fileURLToPath(file));
  const phrasings = loadPhrasings(file);
  const kept = phrasings.filter((p) => !said(p.text));
  if (kept.length === phrasings.length) continue;
  for (const p of phrasings.filter((x) => said(x.text))) console.log(`${name}: ${p.goal}: ${p.text}`);
  retired += phrasings.length - kept.length;
  // The files' own layout (two-space JSON, a final newline), so that the diff shows only what left.
  const indent = /^\[\n( +)/.exec(readFileSync(file, 'utf8'))?.[1] ?? '  ';
  writeFileSync(file, `${JSON.stringify(kept, null, indent)}\n`);
}
console.log(`${retired} held-out phrasing${retired === 1 ? '' : 's'} now in the model, taken out`);
