import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lambdaOutfile, repoRoot } from '../../infra/bundling.js';

/** The esbuild metafile that tools/build.ts writes next to the bundle (built by the global setup). */
function bundleInputs(): string[] {
  const meta = JSON.parse(readFileSync(path.join(repoRoot, `${lambdaOutfile}.meta.json`), 'utf8')) as {
    outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
  };
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  return Object.keys(output?.inputs ?? {});
}

describe('the Lambda bundle', () => {
  it('leaves out the credential providers Lambda never needs (its credentials are in the environment)', () => {
    const inputs = bundleInputs();
    expect(inputs.some((f) => f.includes('@aws-sdk/client-dynamodb'))).toBe(true);
    for (const provider of ['ini', 'sso', 'process', 'web-identity', 'node', 'login']) {
      expect(inputs.filter((f) => f.includes(`@aws-sdk/credential-provider-${provider}/`))).toEqual([]);
    }
  });

  it('leaves out the Alexa service clients of ask-sdk-model (only its types are used)', () => {
    expect(bundleInputs().filter((f) => f.includes('node_modules/ask-sdk-model/'))).toEqual([]);
  });

  it('carries no zod: content is checked at build time, stored states by a hand-written reader', () => {
    expect(bundleInputs().filter((f) => f.includes('node_modules/zod/'))).toEqual([]);
  });
});

describe('the Lambda bundle, shaken', () => {
  it('leaves out the SDK’s event-stream codec (no operation the skill calls has an event stream)', () => {
    expect(bundleInputs().filter((f) => f.includes('/submodules/event-streams/'))).toEqual([]);
    expect(bundleInputs()).toContain('lambda/src/builtins/no-event-streams.ts');
  });

  it('takes of ask-sdk-core only the skill builder and the envelope helpers, not its whole index', () => {
    const core = bundleInputs().filter((f) => f.includes('node_modules/ask-sdk-core/'));
    expect(core).toContain('node_modules/ask-sdk-core/dist/skill/SkillBuilders.js');
    for (const unused of ['dist/index.js', 'ViewportUtils', 'ComponentUtils', 'DelegateToIntentHandler']) {
      expect(core.filter((f) => f.includes(unused))).toEqual([]);
    }
  });
});

describe('the Lambda bundle, small parts', () => {
  it('takes a small LRU for the SDK’s endpoint cache, not mnemonist', () => {
    expect(bundleInputs().filter((f) => /node_modules\/(mnemonist|obliterator)\//.test(f))).toEqual([]);
    expect(bundleInputs()).toContain('lambda/src/builtins/lru-cache.ts');
  });
});
