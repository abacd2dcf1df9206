import { createHash } from 'node:crypto';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { migrate } from './migrator.ts';
import {
  APPLICATION_ID,
  LATEST_SCHEMA_VERSION,
  NEW_DATABASE_PAGE_SIZE,
  openDatabase,
} from './open.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const expectRefused = (path: string, code: string, message: RegExp) => {
  const before = sha(path);
  const sidecars = [`${path}-wal`, `${path}-shm`].map(existsSync);
  expect(() => openDatabase(path, { create: true })).toThrow(
    expect.objectContaining({ code, message: expect.stringMatching(message) }),
  );
  expect(sha(path)).toBe(before);
  expect([`${path}-wal`, `${path}-shm`].map(existsSync)).toEqual(sidecars);
};

/** A migrated database with a few rows, closed cleanly (WAL checkpointed into the main file). */
const makeShopFile = async (path: string) => {
  const opened = openDatabase(path, { create: true });
  const insert = opened.sqlite.prepare(
    `INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  for (let i = 0; i < 200; i += 1)
    insert.run(`c${i}`, `Customer ${i}`, `customer ${i}`, 'now', 'now');
  await opened.close();
};

describe('openDatabase', () => {
  it('creates, migrates and sets the pragmas explicitly', async () => {
    const opened = openDatabase(temp.file('shop.db'), { create: true });
    const pragma = (name: string) => opened.sqlite.pragma(name, { simple: true });
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('synchronous')).toBe(2);
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('application_id')).toBe(APPLICATION_ID);
    expect(pragma('page_size')).toBe(NEW_DATABASE_PAGE_SIZE);
    await opened.close();
  });

  it('keeps the page size of a database made before (4 KiB), which works as before', async () => {
    const path = temp.file('old.db');
    const old = new Database(path);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(old, MIGRATIONS);
    old.close();
    const opened = openDatabase(path);
    expect(opened.sqlite.pragma('page_size', { simple: true })).toBe(4096);
    opened.sqlite
      .prepare(
        "INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'Ali', 'now', 'now')",
      )
      .run();
    expect(opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    await opened.close();
  });

  it('produces the committed schema snapshot from an empty database', async () => {
    const opened = openDatabase(temp.file('shop.db'), { create: true });
    const rows = opened.sqlite
      .prepare(
        `SELECT type, name, sql FROM sqlite_schema
         WHERE sql IS NOT NULL ORDER BY type, name`,
      )
      .all() as { type: string; name: string; sql: string }[];
    const text = rows.map((row) => `-- ${row.type} ${row.name}\n${row.sql};\n`).join('\n');
    await opened.close();
    await expect(text).toMatchFileSnapshot('./schema.snapshot.sql');
  });

  it('reopens an existing database without re-running migrations', async () => {
    const path = temp.file('shop.db');
    await makeShopFile(path);
    const opened = openDatabase(path);
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 200 });
    await opened.close();
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const path = temp.file('sales.db');
    writeFileSync(path, 'invoice,date,total\n1,2025-01-01,1000\n'.repeat(20));
    expectRefused(path, 'db_not_a_database', /not an SQLite file/);
  });

  it('refuses a database from a newer version and leaves it untouched', async () => {
    const path = temp.file('shop.db');
    await makeShopFile(path);
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    expectRefused(path, 'db_too_new', /newer version of Bazgasht/);
  });

  it("refuses another program's SQLite database", () => {
    const path = temp.file('other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
    raw.close();
    expectRefused(path, 'db_foreign', /another program/);
  });

  it('refuses a database whose pages are damaged and leaves it untouched', async () => {
    const path = temp.file('shop.db');
    await makeShopFile(path);
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over every page after the first: b-tree headers and cells become nonsense.
    for (let page = 1; page * pageSize < bytes.length; page += 1) {
      bytes.fill(0x5a, page * pageSize, page * pageSize + 64);
    }
    writeFileSync(path, bytes);
    expectRefused(path, 'db_corrupt', /damaged/);
  });

  it('refuses a truncated database and leaves it untouched', async () => {
    const path = temp.file('shop.db');
    await makeShopFile(path);
    truncateSync(path, Math.floor(readFileSync(path).length / 2));
    expectRefused(path, 'db_corrupt', /damaged/);
  });

  it('does not create a database when asked only to open one', () => {
    const path = temp.file('missing.db');
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'db_missing' }));
    expect(existsSync(path)).toBe(false);
  });

  it('rolls a failing migration back whole and keeps the last good version', async () => {
    const path = temp.file('shop.db');
    await makeShopFile(path);
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        up: 'CREATE TABLE half (a); CREATE TABL oops;',
      },
    ];
    expect(() => openDatabase(path, { migrations: broken })).toThrow();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(
      raw.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'`).get(),
    ).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 200 });
    raw.close();
  });
});

describe('migration 2 (imports) on a shop made by version 1', () => {
  it('keeps every customer, order and item, and adds the import tables and columns', async () => {
    const path = temp.file('shop.db');
    const v1 = openDatabase(path, { create: true, migrations: MIGRATIONS.slice(0, 1) });
    v1.sqlite.exec(`
      INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'Ali', 'now', 'now');
      INSERT INTO customer_external_ids (id, customer_id, source, external_id, created_at)
        VALUES ('x1', 'c1', 'pos', '501', 'now');
      INSERT INTO orders (id, source, external_id, customer_id, ordered_at, local_date, total,
        created_at, updated_at) VALUES ('o1', 'pos', '9', 'c1', '2024-01-01T10:00:00Z',
        '2024-01-01', 1000, 'now', 'now');
      INSERT INTO order_items (id, order_id, product_name, quantity, unit_price, line_total,
        created_at) VALUES ('i1', 'o1', 'Scarf', 1, 1000, 1000, 'now');`);
    expect(v1.schemaVersion).toBe(1);
    await v1.close();

    const v2 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 2) });
    expect(v2.schemaVersion).toBe(2);
    const get = (sql: string) => v2.sqlite.prepare(sql).get();
    expect(get('SELECT name, import_batch_id FROM customers')).toEqual({
      name: 'Ali',
      import_batch_id: null,
    });
    expect(get('SELECT source, external_id, import_batch_id FROM customer_external_ids')).toEqual({
      source: 'pos',
      external_id: '501',
      import_batch_id: null,
    });
    expect(get('SELECT total FROM orders')).toEqual({ total: 1000 });
    expect(get('SELECT count(*) AS n FROM order_items')).toEqual({ n: 1 });
    for (const table of ['import_batches', 'import_rejected_rows', 'refunds', 'import_presets']) {
      expect(get(`SELECT count(*) AS n FROM ${table}`)).toEqual({ n: 0 });
    }
    await v2.close();
  });
});

describe('migration 3 (items by order) on a shop made by version 2', () => {
  it('keeps every item, numbered in its old order within its order, and cascades deletes', async () => {
    const path = temp.file('shop.db');
    const v2 = openDatabase(path, { create: true, migrations: MIGRATIONS.slice(0, 2) });
    v2.sqlite.exec(`
      INSERT INTO orders (id, source, ordered_at, local_date, total, created_at, updated_at)
        VALUES ('o1', 'pos', '2024-01-01T10:00:00Z', '2024-01-01', 3000, 'now', 'now'),
               ('o2', 'pos', '2024-01-02T10:00:00Z', '2024-01-02', 500, 'now', 'now');
      INSERT INTO order_items (id, order_id, product_name, sku, quantity, unit_price, line_total,
        created_at) VALUES ('i9', 'o1', 'Scarf', 'S1', 1, 1000, 1000, 'now'),
        ('i1', 'o2', 'Pen', NULL, 1, 500, 500, 'now'),
        ('i5', 'o1', 'Bag', 'B2', 2, 1000, 2000, 'now');`);
    await v2.close();

    const v3 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 3) });
    expect(v3.schemaVersion).toBe(3);
    const all = (sql: string) => v3.sqlite.prepare(sql).all();
    expect(
      all(
        'SELECT order_id, line, product_name, sku, quantity, unit_price, line_total FROM order_items',
      ),
    ).toEqual([
      {
        order_id: 'o1',
        line: 1,
        product_name: 'Scarf',
        sku: 'S1',
        quantity: 1,
        unit_price: 1000,
        line_total: 1000,
      },
      {
        order_id: 'o1',
        line: 2,
        product_name: 'Bag',
        sku: 'B2',
        quantity: 2,
        unit_price: 1000,
        line_total: 2000,
      },
      {
        order_id: 'o2',
        line: 1,
        product_name: 'Pen',
        sku: null,
        quantity: 1,
        unit_price: 500,
        line_total: 500,
      },
    ]);
    v3.sqlite.exec("DELETE FROM orders WHERE id = 'o1'");
    expect(all('SELECT order_id FROM order_items')).toEqual([{ order_id: 'o2' }]);
    expect(all('PRAGMA foreign_key_check')).toEqual([]);
    await v3.close();
  });
});
