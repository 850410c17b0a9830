import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaOutfile, repoRoot } from '../../infra/bundling.js';
import { type ColdStartDetail, coldStartDetail } from '../../tools/bench/cold.js';
import { launchRequest, simulatorContext } from '../../tools/simulator/envelope.js';
import { type RunningDynalite, startDynalite } from '../support/dynalite.js';

/**
 * The cold start's levers (infra/bundling.ts, lambda/src), each held here by what a fresh process does:
 * the bundle built by the global setup is loaded as Lambda loads it, and answers a LaunchRequest of a new
 * user against dynalite. How much each lever saves is measured by `npm run bench`, not here.
 */

interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
  outputs: Record<
    string,
    { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[]; inputs: object }
  >;
}
const meta = (): Metafile =>
  JSON.parse(readFileSync(path.join(repoRoot, `${lambdaOutfile}.meta.json`), 'utf8')) as Metafile;
const bundleOutput = (m: Metafile) => Object.values(m.outputs).find((o) => o.entryPoint !== undefined);

const skillId = 'amzn1.ask.skill.cold-start-test';
let db: RunningDynalite;
let cold: ColdStartDetail;
beforeAll(async () => {
  db = await startDynalite();
  cold = await coldStartDetail(
    { node: process.execPath },
    path.join(repoRoot, lambdaOutfile),
    launchRequest(simulatorContext({ skillId })),
    { SKILL_ID: skillId, DYNAMODB_ENDPOINT: db.endpoint, TABLE_NAME: db.tableName },
    db.totalCalls,
    { keepResponse: true },
  );
}, 30_000);
afterAll(() => db.stop());

describe('a cold start', () => {
  it('answers a new user’s LaunchRequest with the welcome, after one read (nothing to write yet)', () => {
    const response = cold.response as { response: { outputSpeech?: { ssml?: string } } };
    expect(response.response.outputSpeech?.ssml).toContain('Welkom bij Rug Coach');
    expect(cold.dbCalls).toBe(1);
  });

  it('loads none of the built-ins a first turn does not use (undici, http2, zlib, worker threads, assert)', () => {
    for (const unused of ['internal/deps/undici/undici', 'http2', 'zlib', 'worker_threads', 'assert']) {
      expect(cold.builtins, unused).not.toContain(unused);
    }
    // What it does use: the SDK's connection and signing.
    expect(cold.builtins).toEqual(expect.arrayContaining(['http', 'https', 'crypto']));
  });

  it('builds no time-zone formatter (ICU zone data) for a launch', () => {
    expect(cold.zoneFormatters).toBe(0);
  });
});

describe('the bundle', () => {
  it('is CommonJS and takes its built-ins with require, but for one import() a Lambda never runs', () => {
    // On Node 22 and newer, an ES import of a built-in (static or `import()`) evaluates all its lazy
    // exports: `node:http`'s WebSocket loads undici, http2 and zlib. Node 20 (this machine's) does not
    // show it, so the bundle's own imports are checked here. The one left is the SDK's invoke store
    // for Lambda's multi-concurrency mode (AWS_LAMBDA_MAX_CONCURRENCY), which this function does not use.
    const output = bundleOutput(meta());
    const esImports = (output?.imports ?? []).filter((i) => i.kind !== 'require-call');
    expect(esImports).toEqual([{ path: 'node:async_hooks', kind: 'dynamic-import', external: true }]);
    const code = readFileSync(path.join(repoRoot, lambdaOutfile), 'utf8');
    expect(code.startsWith('"use strict";')).toBe(true);
  });

  it('carries no content schema: content is checked at build time (npm run build), not at load', () => {
    const inputs = Object.keys(bundleOutput(meta())?.inputs ?? {});
    expect(inputs.filter((f) => /schema\.ts$/.test(f) && !f.endsWith('table-schema.ts'))).toEqual([]);
  });
});
