/**
 * `npm run icons`: renders the store icons from their SVG source (design/rug-coach-icon.svg) into the
 * skill package, at the two sizes the manifest's smallIconUri and largeIconUri take (108 and 512 px).
 * https://developer.amazon.com/en-US/docs/alexa/smapi/skill-manifest.html#publishing-information
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { repoRoot } from '../infra/bundling.js';

export const iconSource = path.join(repoRoot, 'design/rug-coach-icon.svg');

/** Where the skill package keeps each icon, named as `ask smapi export-package` names them. */
export const storeIcons = [
  { field: 'smallIconUri', size: 108, file: 'assets/images/nl-NL_smallIconUri.png' },
  { field: 'largeIconUri', size: 512, file: 'assets/images/nl-NL_largeIconUri.png' },
] as const;

export const skillPackageDir = path.join(repoRoot, 'interaction-model');

/** The icon as a square PNG of `size` pixels; the same SVG and renderer version give the same bytes. */
export function renderIcon(size: number, svg: Buffer = readFileSync(iconSource)): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false },
  }).render();
  return Buffer.from(image.asPng());
}

function main(): void {
  for (const icon of storeIcons) {
    const out = path.join(skillPackageDir, icon.file);
    writeFileSync(out, renderIcon(icon.size));
    process.stdout.write(`${path.relative(repoRoot, out)} (${icon.size}×${icon.size})\n`);
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) main();
