import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { esbuildOptions, repoRoot } from '../../infra/bundling.js';

/**
 * Levers, measured on copies: the Lambda bundle built with one source file rewritten in memory
 * (lambda/src is never edited). Each lever names the file and the change, so that a lever worth
 * having can be applied by hand.
 */
export interface Lever {
  name: string;
  description: string;
  /** Repository-relative source file → rewrite of its text; throws when the text is not as expected. */
  rewrites: Record<string, (source: string) => string>;
  /** Package imported by lambda/src → repository-relative module bundled in its place. */
  aliases?: Record<string, string>;
}

function replaceOnce(source: string, from: string | RegExp, to: string, file: string): string {
  const found = typeof from === 'string' ? source.includes(from) : from.test(source);
  if (!found) throw new Error(`lever out of date: ${String(from)} not found in ${file}`);
  return source.replace(from, () => to);
}

const miniClient: Lever = {
  name: 'no AWS SDK (mini client)',
  description:
    'GetItem/PutItem/DeleteItem as SigV4-signed JSON over node:http(s) (tools/bench/levers/mini-dynamo.ts) ' +
    'in place of @aws-sdk/client-dynamodb and @smithy/node-http-handler; the store is unchanged',
  rewrites: {},
  aliases: {
    '@aws-sdk/client-dynamodb': 'tools/bench/levers/mini-dynamo.ts',
    '@smithy/node-http-handler': 'tools/bench/levers/mini-dynamo.ts',
  },
};

export const levers: Lever[] = [
  {
    name: 'credentials from the environment, as in Lambda',
    description:
      "lambda/src/state/dynamo-client.ts without fixed credentials: the bundle's environment-only provider runs, as it does in Lambda",
    rewrites: {
      'lambda/src/state/dynamo-client.ts': (source) =>
        replaceOnce(
          source,
          /endpoint \? \{ endpoint, credentials: \{[^}]*\} \} : \{\}/,
          'endpoint ? { endpoint } : {}',
          'dynamo-client.ts',
        ),
    },
  },
  miniClient,
];

function rewritePlugin({ rewrites, aliases = {} }: Lever): Plugin {
  const byPath = new Map(Object.entries(rewrites).map(([file, fn]) => [path.join(repoRoot, file), fn]));
  const lambdaSrc = path.join(repoRoot, 'lambda', 'src') + path.sep;
  return {
    name: 'bench-rewrite',
    setup(b) {
      b.onResolve({ filter: /^@/ }, (args) => {
        const target = aliases[args.path];
        if (!target || !args.importer.startsWith(lambdaSrc)) return undefined;
        return { path: path.join(repoRoot, target) };
      });
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const rewrite = byPath.get(args.path);
        if (!rewrite) return undefined;
        return { contents: rewrite(readFileSync(args.path, 'utf8')), loader: 'ts' };
      });
    },
  };
}

/** Builds the Lambda with the lever's rewrites to `outfile`; returns its size in bytes. */
export async function buildLever(lever: Lever, outfile: string): Promise<{ outfile: string; bytes: number }> {
  const options = esbuildOptions(outfile);
  await build({
    ...options,
    sourcemap: false,
    metafile: false,
    logLevel: 'error',
    plugins: [rewritePlugin(lever)],
  });
  const absolute = path.resolve(repoRoot, outfile);
  return { outfile: absolute, bytes: statSync(absolute).size };
}
