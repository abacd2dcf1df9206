import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

/**
 * Bundles the Node side for the desktop app and the published CLI. (From a checkout the CLI and the
 * server run straight from the TypeScript sources with Node's type stripping.) better-sqlite3 stays
 * external: its native binary is loaded from node_modules, unpacked from the asar archive.
 */
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: 'dist/electron/main.js',
    format: 'esm',
  }),
  // Imports run in a worker thread of their own; run-in-worker.ts loads this file beside main.js.
  build({
    ...common,
    entryPoints: ['src-main/core/imports/run-worker.ts'],
    outfile: 'dist/electron/import-worker.js',
    format: 'esm',
  }),
  // The run's reading thread (read-thread.ts), started by import-worker.js from beside it.
  build({
    ...common,
    entryPoints: ['src-main/core/imports/read-thread-worker.ts'],
    outfile: 'dist/electron/import-reader.js',
    format: 'esm',
  }),
  // Sandboxed preloads must be a single CommonJS file.
  build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['src-main/cli/main.ts'],
    outfile: 'dist/cli/bazgasht.mjs',
    format: 'esm',
    external: ['better-sqlite3'],
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
console.log(
  'built dist/electron/main.js, import-worker.js, import-reader.js, preload.cjs and dist/cli/bazgasht.mjs',
);
