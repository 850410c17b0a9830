import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The repository root, found from this file so that the CLI, tests and tools agree wherever they run. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Lambda entry, relative to the repository root. */
const lambdaEntry = 'lambda/src/index.ts';

/**
 * Where `npm run build` writes the bundle that the tests, the simulator and the benchmark load. CommonJS
 * (`.cjs` here, where package.json says "type": "module"; `index.js` in the Lambda asset).
 */
export const lambdaOutfile = 'dist/lambda/index.cjs';

/**
 * The ONE description of the Lambda bundle. tools/build.ts hands it to esbuild directly; the stack's
 * NodejsFunction maps it onto its `bundling` options (see constructs/skill-function.ts), so the code
 * that is tested locally is the code that is deployed.
 */
export const lambdaBundle = {
  entry: lambdaEntry,
  platform: 'node',
  target: 'node22',
  // CommonJS, not ESM: an ESM bundle imports Node's built-ins as ES modules, and on Node 22 and newer
  // that evaluates every lazy export of each (`node:http`'s WebSocket brings in undici, http2, zlib and
  // worker_threads; `node:process` every lazy property of process): 184 -> 161 built-in modules and
  // about 40 ms less on Node 24 (npm run bench; guarded by tests/build/cold-start.test.ts).
  format: 'cjs',
  minify: true,
  // External maps stay next to the bundle for debugging; no sourcesContent keeps them small.
  sourcemap: 'external',
  sourcesContent: false,
  // The AWS SDK is bundled (no externals): a pinned, tree-shaken SDK starts faster than the runtime's copy.
  external: [] as string[],
  mainFields: ['module', 'main'],
  // Only what runs: Lambda's credentials are in the environment, so the SDK's full credential chain is
  // left out; of ask-sdk-model only types are used, so its service clients are left out too.
  alias: {
    '@aws-sdk/credential-provider-node': './lambda/src/state/lambda-credentials.ts',
    'ask-sdk-model': './lambda/src/ask-sdk-model-runtime.ts',
    // ask-sdk-core's CommonJS index requires all of it; lambda/src uses the skill builder and two helpers.
    'ask-sdk-core': './lambda/src/builtins/ask-sdk-core.ts',
    // No operation the skill calls has an event stream, so the SDK's event-stream codec stays out. As the
    // SDK's only dynamic import it also kept esbuild from shaking @smithy/core (its CRC32 took zlib).
    '@smithy/core/event-streams': './lambda/src/builtins/no-event-streams.ts',
    // The SDK's endpoint cache (DynamoDB endpoint discovery, off) needs a small LRU, not all of mnemonist.
    'mnemonist/lru-cache': './lambda/src/builtins/lru-cache.ts',
    // The SDK's `import('node:http')` for http endpoints (dynalite, the loopback queue) as a `require`.
    'node:http': './lambda/src/builtins/node-http.cjs',
  } as Record<string, string>,
  legalComments: 'none',
  // No keepNames: every error the logs name sets its `name` itself (ours, the SDK's, ask-sdk's scope),
  // and keeping every function's name cost 27 KiB and a defineProperty per function at load.
  keepNames: false,
} as const;

/** esbuild options for building the bundle to `outfile` (absolute, or relative to the repository root). */
export function esbuildOptions(outfile: string = lambdaOutfile): BuildOptions {
  return {
    absWorkingDir: repoRoot,
    entryPoints: [path.join(repoRoot, lambdaBundle.entry)],
    outfile: path.resolve(repoRoot, outfile),
    bundle: true,
    platform: lambdaBundle.platform,
    target: lambdaBundle.target,
    format: lambdaBundle.format,
    minify: lambdaBundle.minify,
    sourcemap: lambdaBundle.sourcemap,
    sourcesContent: lambdaBundle.sourcesContent,
    external: [...lambdaBundle.external],
    mainFields: [...lambdaBundle.mainFields],
    alias: { ...lambdaBundle.alias },
    legalComments: lambdaBundle.legalComments,
    keepNames: lambdaBundle.keepNames,
    metafile: true,
    logLevel: 'warning',
  };
}
