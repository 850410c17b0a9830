import { recognisedFlags } from './lambda/src/triage/classify.js';
for (const s of process.argv.slice(2)) console.log(JSON.stringify(recognisedFlags(s)), s);
