// `node:http` for the bundle (infra/bundling.ts aliases it here), taken with `require`. On Node 22 and
// newer, importing it as an ES module (`import('node:http')`, as @smithy/node-http-handler does for
// http endpoints) builds a namespace of every export, and the lazy `WebSocket` export loads Node's
// whole `undici` (with http2, zlib, worker_threads): some 10 to 40 ms of a cold start for nothing.
// biome-ignore lint/style/useNodejsImportProtocol: 'node:http' is the alias that leads here.
module.exports = require('http');
