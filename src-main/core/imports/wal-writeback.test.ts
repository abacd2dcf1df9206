import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase } from '../../../tests/fixtures/temp-db.ts';
import { startWalWriteback } from './wal-writeback.ts';

let database: ReturnType<typeof openTempDatabase>;
beforeEach(() => {
  database = openTempDatabase();
});
afterEach(() => database.remove());

/** This process's open file descriptors (Linux, where CI runs). */
const openFiles = () => readdirSync('/proc/self/fd').length;

const settled = async (expected: number) => {
  for (let waited = 0; waited < 5000 && openFiles() !== expected; waited += 10) await sleep(10);
  return openFiles();
};

describe("writing a run's WAL to disk early", () => {
  it('flushes the WAL of a write transaction under way, changes nothing, and closes what it opened', async () => {
    const { sqlite } = database;
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec(`CREATE TABLE big (n INTEGER, text TEXT)`);
    const insert = sqlite.prepare('INSERT INTO big VALUES (?, ?)');
    // Enough to spill out of the page cache into the WAL before the commit.
    for (let n = 0; n < 60_000; n += 1) insert.run(n, 'x'.repeat(400));
    const before = openFiles();
    startWalWriteback(sqlite.name);
    startWalWriteback(sqlite.name);
    // Opened at once (the run's thread stays busy until the commit), closed once flushed.
    expect(openFiles()).toBe(before + 2);
    sqlite.exec('COMMIT');
    expect(await settled(before)).toBe(before);
    expect(sqlite.prepare('SELECT count(*) FROM big').pluck().get()).toBe(60_000);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('does nothing for a database without a WAL file or in memory', async () => {
    const before = openFiles();
    startWalWriteback(':memory:');
    startWalWriteback('');
    startWalWriteback(`${database.sqlite.name}.missing`);
    expect(await settled(before)).toBe(before);
  });
});
