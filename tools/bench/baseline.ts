import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions, repoRoot } from '../../infra/bundling.js';

/**
 * The baseline: what many skills run, ask-sdk-core with the standard DynamoDB persistence adapter
 * (aws-sdk v2). Installed for the benchmark only into .bench-cache/ (never a dependency of the
 * project) and bundled with the same esbuild options as the Lambda.
 */
export const cacheDir = path.join(repoRoot, '.bench-cache');
const packages = ['ask-sdk-core@2', 'ask-sdk-dynamodb-persistence-adapter@2', 'aws-sdk@2'];

/** A LaunchRequest that reads and writes the persistent attributes: the adapter's everyday use. */
const baselineSource = `import { SkillBuilders } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter } from 'ask-sdk-dynamodb-persistence-adapter';
import { DynamoDB } from 'aws-sdk';

const launch = {
  canHandle: (input) => input.requestEnvelope.request.type === 'LaunchRequest',
  async handle(input) {
    const attributes = await input.attributesManager.getPersistentAttributes();
    attributes.launches = (attributes.launches ?? 0) + 1;
    input.attributesManager.setPersistentAttributes(attributes);
    await input.attributesManager.savePersistentAttributes();
    return input.responseBuilder.speak('Welkom terug.').reprompt('Wat wil je doen?').getResponse();
  },
};

const skill = SkillBuilders.custom()
  .withSkillId(process.env.SKILL_ID)
  .addRequestHandlers(launch)
  .withPersistenceAdapter(
    new DynamoDbPersistenceAdapter({
      tableName: process.env.TABLE_NAME,
      partitionKeyName: 'userId',
      createTable: false,
      dynamoDBClient: new DynamoDB({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION }),
    }),
  )
  .create();

export const handler = (event, context) => skill.invoke(event, context);
`;

function installed(): boolean {
  return ['ask-sdk-core', 'ask-sdk-dynamodb-persistence-adapter', 'aws-sdk'].every((name) =>
    existsSync(path.join(cacheDir, 'node_modules', name, 'package.json')),
  );
}

/** Installs the baseline packages into .bench-cache/ when missing; throws when npm cannot. */
export function ensureBaselineInstalled(): void {
  if (installed()) return;
  mkdirSync(cacheDir, { recursive: true });
  process.stdout.write(`installing the baseline (${packages.join(', ')}) into .bench-cache/ …\n`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      cacheDir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...packages,
    ],
    { stdio: 'inherit', cwd: cacheDir },
  );
  if (!installed()) throw new Error('npm install of the baseline did not produce its packages');
}

/** Bundles the baseline skill like the Lambda (ESM, minified, node22, same banner). */
export async function buildBaseline(): Promise<{ outfile: string; bytes: number }> {
  const dir = path.join(cacheDir, 'baseline');
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'index.mjs');
  writeFileSync(entry, baselineSource);
  const outfile = path.join(dir, 'dist', 'index.mjs');
  const options = esbuildOptions(outfile);
  await build({
    ...options,
    absWorkingDir: dir,
    entryPoints: [entry],
    // The standard stack as other skills bundle it: none of this project's aliases.
    alias: {},
    sourcemap: false,
    metafile: false,
    logLevel: 'error',
  });
  return { outfile, bytes: statSync(outfile).size };
}
