import { labelOf } from './tools/nlu/routing.js';
import { loadInteractionModel, Understanding } from './tools/simulator/nlu/index.js';

const u = await Understanding.train(loadInteractionModel());
for (const t of [
  'alexa zeg tegen rug coach dat ik verhoging heb en pijn in mijn rug',
  'mijn rug speelt al sinds de zomer op',
  'alexa zeg tegen rug coach dat mijn rugpijn verergert',
  'het schiet nu door naar mijn billen',
])
  console.log(t, '→', labelOf(await u.understand(t)));
