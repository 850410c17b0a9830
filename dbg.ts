import { loadInteractionModel, Understanding } from './tools/simulator/nlu/index.js';
const u = await Understanding.train(loadInteractionModel());
for (const t of ['ik kan niet meer werken', 'ik kan niet meer werken door mijn rug', 'ik kan mijn kleinkinderen niet meer optillen door de pijn', 'ik ben gloeiend heet en mijn rug doet zeer']) console.log(t, '→', JSON.stringify(await u.understand(t)));
