import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open.ts';
import { writeImportBenchFile } from '../bench/import-data.ts';
import { makeTempDir } from '../fixtures/temp-db.ts';
import type { TempDir } from '../fixtures/temp-db.ts';

/**
 * A crash in the middle of an import: the CLI imports a large file in a child process, which is
 * killed with SIGKILL once the import's transaction has written megabytes to the WAL. Reopened,
 * the database must be exactly as before the import and pass SQLite's integrity check.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src-main', 'cli', 'main.ts');
const TABLES = [
  'customers',
  'customer_external_ids',
  'orders',
  'order_items',
  'refunds',
  'import_batches',
  'import_rejected_rows',
];

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const digest = (path: string) => {
  const database = openDatabase(path);
  try {
    const hash = createHash('sha256');
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const order = table === 'order_items' ? 'order_id, line' : 'rowid';
      const rows = database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
      counts[table] = rows.length;
      hash.update(JSON.stringify(rows));
    }
    const integrity = database.sqlite.pragma('integrity_check', { simple: true });
    return { counts, hash: hash.digest('hex'), integrity };
  } finally {
    void database.close();
  }
};

const schemaOf = (path: string, options: { create?: boolean } = {}) => {
  const database = openDatabase(path, options);
  try {
    return database.sqlite.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
  } finally {
    void database.close();
  }
};

const runCli = (...args: string[]) =>
  new Promise<number | null>((resolve) => {
    spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' }).on('exit', resolve);
  });

it('a SIGKILL part-way through an import leaves the database exactly as before', async () => {
  const db = temp.file('shop.db');
  expect(
    await runCli('--db', db, 'import', join(ROOT, 'tests', 'fixtures', 'import', 'week1.csv')),
  ).toBe(0);
  const before = digest(db);
  expect(before.counts.orders).toBe(3);

  const csv = temp.file('big.csv');
  await writeImportBenchFile(csv, 200_000, 3);
  const child = spawn(process.execPath, [CLI, '--db', db, 'import', csv, '--json'], {
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  // Wait until the import's transaction has spilled real data into the WAL, then kill it.
  const wal = `${db}-wal`;
  const deadline = Date.now() + 60_000;
  while (!(existsSync(wal) && statSync(wal).size > 4 * 1024 * 1024)) {
    if (child.exitCode !== null) throw new Error('the import finished before it could be killed');
    if (Date.now() > deadline) throw new Error('the import never started writing');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const after = digest(db);
  expect(after.integrity).toBe('ok');
  expect(after.counts).toEqual(before.counts);
  expect(after.hash).toBe(before.hash);

  // And the file is as good as ever: the same import now runs to the end. At 20 MB into a small
  // shop it takes the bulk path (indexes dropped and built again): the schema must come back
  // exactly as the migrations made it.
  expect(await runCli('--db', db, 'import', csv)).toBe(0);
  const done = digest(db);
  expect(done.counts.orders).toBeGreaterThan(50_000);
  expect(done.integrity).toBe('ok');
  expect(schemaOf(db)).toEqual(schemaOf(temp.file('fresh.db'), { create: true }));
}, 120_000);
