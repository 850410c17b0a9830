import { buildLambda } from '../../tools/build.js';

/** Builds the Lambda bundle once, before any test file loads it. */
export default async function setup(): Promise<void> {
  await buildLambda();
}
