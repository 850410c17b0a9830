import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { defined } from '../../tools/defined.js';
import { iconSource, renderIcon, skillPackageDir, storeIcons } from '../../tools/render-icons.js';

interface PngHeader {
  width: number;
  height: number;
  colorType: number;
}

/** The PNG signature and IHDR chunk, read as the PNG specification lays them out. */
function pngHeader(bytes: Buffer): PngHeader {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature)).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes.readUInt8(25) };
}

const nl = defined(
  (
    JSON.parse(readFileSync(path.join(skillPackageDir, 'skill.json'), 'utf8')) as {
      manifest: { publishingInformation: { locales: Record<string, Record<string, string>> } };
    }
  ).manifest.publishingInformation.locales['nl-NL'],
  "the skill package's nl-NL locale",
);

describe('the store icons', () => {
  it.each(storeIcons)(
    '$field is a $size×$size PNG in the skill package, referenced as a file:// URI',
    (icon) => {
      expect(nl[icon.field]).toBe(`file://${icon.file}`);
      const file = path.join(skillPackageDir, icon.file);
      expect(existsSync(file)).toBe(true);
      const header = pngHeader(readFileSync(file));
      expect(header).toMatchObject({ width: icon.size, height: icon.size });
    },
  );

  it.each(storeIcons)(
    '$field is the current rendering of the SVG source (run `npm run icons` after a change)',
    (icon) => {
      expect(readFileSync(path.join(skillPackageDir, icon.file)).equals(renderIcon(icon.size))).toBe(true);
    },
  );

  it('is opaque all over: the store shows no see-through corners', () => {
    const pixels = new Resvg(readFileSync(iconSource), { fitTo: { mode: 'width', value: 512 } }).render()
      .pixels;
    let transparent = 0;
    for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] !== 255) transparent++;
    expect(transparent).toBe(0);
  });
});
