/**
 * `npm run build`: bundles the Lambda to dist/lambda/index.cjs with the same options the stack deploys.
 * The tests, the simulator and the benchmark load that file.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions, lambdaBundle, lambdaOutfile, repoRoot } from '../infra/bundling.js';

export async function buildLambda(
  outfile: string = lambdaOutfile,
): Promise<{ outfile: string; bytes: number }> {
  const entry = path.join(repoRoot, lambdaBundle.entry);
  if (!existsSync(entry)) throw new Error(`Lambda entry not found: ${lambdaBundle.entry}`);
  const options = esbuildOptions(outfile);
  // `npm run coverage` links the map from the bundle the tests load (one comment line at its end), so that
  // V8's coverage of it is mapped back to lambda/src. Any other outfile, and the deployed bundle, keeps
  // its map unnamed (tests/infra/stack.test.ts).
  if (
    process.env.RUG_COACH_LINK_SOURCEMAP === '1' &&
    options.outfile === path.resolve(repoRoot, lambdaOutfile)
  ) {
    options.sourcemap = 'linked';
  }
  const result = await build({ ...options, write: false });
  const absoluteOutfile = options.outfile as string;
  // Each file is written whole, then renamed into place: a test or the simulator that imports the bundle
  // while another process rebuilds it never reads half a file.
  const files = [
    ...result.outputFiles.map((file) => ({
      path: file.path,
      contents: file.contents as Uint8Array | string,
    })),
    // The metafile is for size analysis (e.g. esbuild's analyzer); it is not deployed.
    { path: `${absoluteOutfile}.meta.json`, contents: JSON.stringify(result.metafile) },
  ];
  for (const file of files) {
    await mkdir(path.dirname(file.path), { recursive: true });
    const partial = `${file.path}.${process.pid}.partial`;
    await writeFile(partial, file.contents);
    await rename(partial, file.path);
  }
  const outputs = result.metafile?.outputs ?? {};
  const bundle = Object.entries(outputs).find(([file]) => /\.[cm]?js$/.test(file));
  return { outfile: absoluteOutfile, bytes: bundle?.[1].bytes ?? 0 };
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (invokedDirectly) {
  const { outfile, bytes } = await buildLambda();
  console.log(`built ${path.relative(repoRoot, outfile)} (${(bytes / 1024).toFixed(0)} KiB)`);
}
