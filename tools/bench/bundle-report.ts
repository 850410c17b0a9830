import { readFileSync } from 'node:fs';

export interface Contributor {
  name: string;
  kib: number;
}

/** Bytes in the bundle by npm package (or by source folder), largest first, from esbuild's metafile. */
export function bundleContributors(metafilePath: string): Contributor[] {
  const meta = JSON.parse(readFileSync(metafilePath, 'utf8')) as {
    outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) return [];
  const bytes = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name =
      inModules?.[1] ??
      file
        .split('/')
        .slice(0, file.startsWith('lambda/') ? 3 : 1)
        .join('/');
    bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
  }
  return [...bytes.entries()].map(([name, b]) => ({ name, kib: b / 1024 })).sort((a, b) => b.kib - a.kib);
}
