import { buildLambda } from '../../tools/build.js';
import { loadInteractionModel, Understanding } from '../../tools/simulator/nlu/index.js';

/**
 * Builds the Lambda bundle and trains the simulator's understanding once, before any test file loads
 * them: the trained classifier is cached in dist/nlu/ for the test workers.
 */
export default async function setup(): Promise<void> {
  await buildLambda();
  await Understanding.train(loadInteractionModel());
}
