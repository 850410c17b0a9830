// `node:zlib` for the bundle (infra/bundling.ts aliases it here), loaded on first use. Its only importer
// in the bundle is the SDK's CRC32 checksum (@smithy/core/checksum), which DynamoDB's client pulls in
// next to SHA-256 and which a turn never computes; tests/build/cold-start.test.ts holds both facts.
let zlib;
const load = () => {
  zlib ??= require('zlib');
  return zlib;
};
module.exports = new Proxy(
  { crc32: (...args) => load().crc32(...args) },
  {
    // `__esModule` is what esbuild's interop asks when it imports the namespace: no reason to load zlib.
    get: (target, key) => (key in target ? target[key] : key === '__esModule' ? undefined : load()[key]),
  },
);
