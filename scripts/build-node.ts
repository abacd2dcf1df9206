import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

/**
 * Bundles the Node side for the desktop app and the published CLI. (From a checkout the CLI and the
 * server run straight from the TypeScript sources with Node's type stripping.) better-sqlite3 stays
 * external: its native binary is loaded from node_modules, unpacked from the asar archive.
 */
/** Where the bundles go: dist, or elsewhere for the test that runs the built CLI. */
const OUT = process.env.BAZGASHT_BUILD_DIR ?? 'dist';

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
    outfile: `${OUT}/electron/main.js`,
    format: 'esm',
  }),
  // Imports run in a worker thread of their own; run-in-worker.ts loads this file beside main.js.
  build({
    ...common,
    entryPoints: ['src-main/core/imports/run-worker.ts'],
    outfile: `${OUT}/electron/import-worker.js`,
    format: 'esm',
  }),
  // The run's reading thread (read-thread.ts), started by import-worker.js from beside it.
  build({
    ...common,
    entryPoints: ['src-main/core/imports/read-thread-worker.ts'],
    outfile: `${OUT}/electron/import-reader.js`,
    format: 'esm',
  }),
  // Sandboxed preloads must be a single CommonJS file.
  build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: `${OUT}/electron/preload.cjs`,
    format: 'cjs',
  }),
  build({
    ...common,
    entryPoints: ['src-main/cli/main.ts'],
    outfile: `${OUT}/cli/bazgasht.mjs`,
    format: 'esm',
    external: ['better-sqlite3'],
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The CLI's import reads on a second thread too: its script beside bazgasht.mjs.
  build({
    ...common,
    entryPoints: ['src-main/core/imports/read-thread-worker.ts'],
    outfile: `${OUT}/cli/import-reader.js`,
    format: 'esm',
  }),
]);
console.log(
  `built ${OUT}/electron/main.js, import-worker.js, import-reader.js, preload.cjs and ${OUT}/cli/bazgasht.mjs, import-reader.js`,
);
