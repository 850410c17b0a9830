import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** The repository root, found from this file so that the CLI, tests and tools agree wherever they run. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Lambda entry, relative to the repository root. */
export const lambdaEntry = 'lambda/src/index.ts';

/** Where `npm run build` writes the bundle that the tests, the simulator and the benchmark load. */
export const lambdaOutfile = 'dist/lambda/index.mjs';

/** ask-sdk-core is CommonJS; inside an ESM bundle its `require` calls need a real `require`. */
export const esmRequireBanner =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * The ONE description of the Lambda bundle. tools/build.ts hands it to esbuild directly; the stack's
 * NodejsFunction maps it onto its `bundling` options (see constructs/skill-function.ts), so the code
 * that is tested locally is the code that is deployed.
 */
export const lambdaBundle = {
  entry: lambdaEntry,
  platform: 'node',
  target: 'node22',
  format: 'esm',
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
  } as Record<string, string>,
  legalComments: 'none',
  // Error class names survive minification, so the logs' errorClass stays readable.
  keepNames: true,
  banner: esmRequireBanner,
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
    banner: { js: lambdaBundle.banner },
    metafile: true,
    logLevel: 'warning',
  };
}
