import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions, repoRoot } from '../../infra/bundling.js';

/**
 * The baselines: a LaunchRequest that reads and writes the user's persistent attributes, on the stack
 * most skills run, bundled with esbuild like the Lambda (CommonJS, minified, the same target) but with
 * none of this project's aliases except one: node:http through `require` (infra/bundling.ts), so that
 * the SDK's local-only `import('node:http')` for dynalite's http endpoint does not count against them.
 *
 * - `v3` (always): ask-sdk-core with the AWS SDK v3 as they come (the whole ask-sdk-core, the default
 *   credential chain and HTTP handler), the persistence adapter's two calls written out. Everything is
 *   already in node_modules.
 * - `v2` (`--baseline-v2`): the standard adapter itself, ask-sdk-dynamodb-persistence-adapter, which
 *   still needs aws-sdk v2 (past its end of support, not in Lambda's Node 24 runtime). Installed once
 *   into .bench-cache/ (about 90 MB), never a dependency of the project.
 */
export type BaselineKind = 'v3' | 'v2';

/** Both baselines' one handler: a LaunchRequest that reads, counts and writes the persistent attributes. */
const launchHandler = `const launch = {
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
  .addRequestHandlers(launch)`;

const v3Source = `import { SkillBuilders } from 'ask-sdk-core';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION });
const table = process.env.TABLE_NAME;

// The adapter's two calls: the attributes of one user, kept as one attribute of one item.
const persistenceAdapter = {
  async getAttributes(envelope) {
    const userId = envelope.context.System.user.userId;
    const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { userId: { S: userId } }, ConsistentRead: true }));
    return Item?.attributes?.S ? JSON.parse(Item.attributes.S) : {};
  },
  async saveAttributes(envelope, attributes) {
    const userId = envelope.context.System.user.userId;
    await client.send(new PutItemCommand({ TableName: table, Item: { userId: { S: userId }, attributes: { S: JSON.stringify(attributes) } } }));
  },
};

${launchHandler}
  .withPersistenceAdapter(persistenceAdapter)
  .create();

export const handler = (event, context) => skill.invoke(event, context);
`;

const v2Source = `import { SkillBuilders } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter } from 'ask-sdk-dynamodb-persistence-adapter';
import { DynamoDB } from 'aws-sdk';

${launchHandler}
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

const v2Dir = path.join(repoRoot, '.bench-cache', 'baseline-v2');
const v2Packages = ['ask-sdk-core@2', 'ask-sdk-dynamodb-persistence-adapter@2', 'aws-sdk@2'];

function installV2(): void {
  const installed = ['ask-sdk-core', 'ask-sdk-dynamodb-persistence-adapter', 'aws-sdk'].every((name) =>
    existsSync(path.join(v2Dir, 'node_modules', name, 'package.json')),
  );
  if (installed) return;
  mkdirSync(v2Dir, { recursive: true });
  process.stdout.write(`installing the v2 baseline (${v2Packages.join(', ')}) into .bench-cache/ (once) …\n`);
  execFileSync(
    'npm',
    ['install', '--prefix', v2Dir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...v2Packages],
    { stdio: 'inherit', cwd: v2Dir },
  );
}

/** Bundles a baseline skill to .bench-cache/baseline-<kind>/index.cjs. */
export async function buildBaseline(kind: BaselineKind = 'v3'): Promise<{ outfile: string; bytes: number }> {
  if (kind === 'v2') installV2();
  const dir = path.join(repoRoot, '.bench-cache', `baseline-${kind}`);
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'entry.mjs');
  writeFileSync(entry, kind === 'v2' ? v2Source : v3Source);
  const outfile = path.join(dir, 'index.cjs');
  const options = esbuildOptions(outfile);
  await build({
    ...options,
    // v3: resolved from this repository's node_modules, as if the baseline were a file of it.
    nodePaths: [path.join(kind === 'v2' ? v2Dir : repoRoot, 'node_modules')],
    entryPoints: [entry],
    alias: { 'node:http': path.join(repoRoot, 'lambda/src/builtins/node-http.cjs') },
    sourcemap: false,
    metafile: false,
    logLevel: 'error',
  });
  return { outfile, bytes: statSync(outfile).size };
}
