import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempDir } from '../fixtures/temp-db.ts';
import type { TempDir } from '../fixtures/temp-db.ts';

/**
 * The published `bazgasht` bin is the esbuild bundle (scripts/build-node.ts), not the sources the
 * other CLI tests run: an import through it proves the bundle finds the scripts of the threads
 * it starts (its reading thread sits beside it). Built under node_modules so the bundle resolves
 * better-sqlite3 as it does from dist.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'bazgasht-built-cli-test');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'import', 'week1.csv');

let temp: TempDir;
beforeAll(() => {
  temp = makeTempDir();
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-node.ts')], {
    cwd: ROOT,
    env: { ...process.env, BAZGASHT_BUILD_DIR: OUT },
    stdio: 'pipe',
  });
}, 60_000);
afterAll(() => {
  temp.remove();
  rmSync(OUT, { recursive: true, force: true });
});

it('imports a file with the bundled CLI, reading on its second thread', () => {
  const result = spawnSync(
    process.execPath,
    [join(OUT, 'cli', 'bazgasht.mjs'), '--db', temp.file('shop.db'), 'import', FIXTURE, '--json'],
    { encoding: 'utf8', env: {} },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({ ordersCreated: 3, rowsRejected: 0 });
});
