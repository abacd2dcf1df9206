import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openDatabase } from './open.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const CHEAP_CHECKS = MIGRATIONS.find((migration) => migration.name === 'cheap_checks')!.version;

const insertOrder = (sqlite: Database.Database, id: string, status: string | null) =>
  sqlite
    .prepare(
      `INSERT INTO orders (id, source, ordered_at, local_date, total, status, created_at,
         updated_at) VALUES (?, 'pos', '2025-01-01T08:00:00Z', '2025-01-01', 100, ?, 'now', 'now')`,
    )
    .run(id, status);
const insertCustomer = (
  sqlite: Database.Database,
  id: string,
  channel: string,
  doNotContact: number,
) =>
  sqlite
    .prepare(
      `INSERT INTO customers (id, name, preferred_channel, do_not_contact, created_at, updated_at)
       VALUES (?, 'Ali', ?, ?, 'now', 'now')`,
    )
    .run(id, channel, doNotContact);

describe('migration cheap_checks on a shop made by the version before it', () => {
  it('keeps the rows, accepts and refuses exactly what the old constraints did', async () => {
    const path = temp.file('shop.db');
    const before = openDatabase(path, {
      create: true,
      migrations: MIGRATIONS.filter((migration) => migration.version < CHEAP_CHECKS),
    });
    insertCustomer(before.sqlite, 'c1', 'sms', 1);
    insertOrder(before.sqlite, 'o1', 'partially_refunded');
    const tableSql = () =>
      before.sqlite
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN ('orders', 'customers')",
        )
        .all() as { name: string; sql: string }[];
    const old = tableSql();
    await before.close();
    // A connection that read the old schema and stays open across the migration.
    const bystander = new Database(path);
    expect(bystander.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(1);

    const after = openDatabase(path);
    expect(after.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    const { sqlite } = after;
    expect(sqlite.prepare('SELECT id, status FROM orders').all()).toEqual([
      { id: 'o1', status: 'partially_refunded' },
    ]);
    expect(sqlite.prepare('SELECT preferred_channel, do_not_contact FROM customers').get()).toEqual(
      { preferred_channel: 'sms', do_not_contact: 1 },
    );
    for (const [index, status] of [
      'completed',
      'refunded',
      'partially_refunded',
      'void',
    ].entries()) {
      expect(() => insertOrder(sqlite, `ok${index}`, status)).not.toThrow();
    }
    for (const status of ['Completed', 'done', '', 'void ']) {
      expect(() => insertOrder(sqlite, `bad-${status}`, status)).toThrow(/CHECK constraint/);
    }
    expect(() => insertOrder(sqlite, 'null', null)).toThrow(/NOT NULL/);
    for (const [index, channel] of ['phone', 'sms', 'email', 'none'].entries()) {
      expect(() => insertCustomer(sqlite, `c-ok${index}`, channel, index % 2)).not.toThrow();
    }
    expect(() => insertCustomer(sqlite, 'c-bad', 'fax', 0)).toThrow(/CHECK constraint/);
    expect(() => insertCustomer(sqlite, 'c-bad2', 'sms', 2)).toThrow(/CHECK constraint/);
    // Only the CHECK clauses changed; no IN list is left in them.
    const now = new Map(
      (
        sqlite
          .prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN ('orders', 'customers')",
          )
          .all() as { name: string; sql: string }[]
      ).map((row) => [row.name, row.sql]),
    );
    for (const { name, sql } of old) {
      const changed = now.get(name) ?? '';
      expect(changed).not.toBe(sql);
      expect(changed).not.toMatch(/\b(status|preferred_channel|do_not_contact) IN \(/);
      const withoutChecks = (text: string) =>
        text.replace(/CHECK \((status|preferred_channel|do_not_contact)[^\n]*?\)\)?(?=,|\n)/g, '');
      expect(withoutChecks(changed)).toBe(withoutChecks(sql));
    }
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The connection opened before sees the new definitions too.
    expect(() =>
      bystander
        .prepare(
          `INSERT INTO orders (id, source, ordered_at, local_date, total, status, created_at,
             updated_at) VALUES ('b', 'pos', 'x', 'x', 1, 'lost', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    bystander.close();
    await after.close();
  });

  it('fails, changing nothing, when a table does not hold the constraint it rewrites', async () => {
    const path = temp.file('odd.db');
    const before = openDatabase(path, {
      create: true,
      migrations: MIGRATIONS.filter((migration) => migration.version < CHEAP_CHECKS),
    });
    // A database whose orders table was written some other way (the constraint is missing).
    before.sqlite.exec(`PRAGMA foreign_keys = OFF;
      CREATE TABLE orders_copy AS SELECT * FROM orders; DROP TABLE orders;
      ALTER TABLE orders_copy RENAME TO orders;`);
    await before.close();
    expect(() => openDatabase(path)).toThrow(/cheap_checks|orders/);
    const probe = new Database(path);
    expect(probe.pragma('user_version', { simple: true })).toBe(CHEAP_CHECKS - 1);
    expect(
      probe.prepare("SELECT sql FROM sqlite_schema WHERE name = 'customers'").pluck().get(),
    ).toMatch(/preferred_channel IN \(/);
    // Run directly on a connection that stays open: the failure leaves sqlite_schema guarded.
    const migration = MIGRATIONS.find((candidate) => candidate.version === CHEAP_CHECKS)!;
    const run = () => (typeof migration.up === 'function' ? migration.up(probe) : undefined);
    expect(() => probe.transaction(run)()).toThrow(/cheap_checks/);
    expect(probe.pragma('writable_schema', { simple: true })).toBe(0);
    expect(() => probe.prepare('UPDATE sqlite_schema SET sql = sql WHERE 0').run()).toThrow(
      /may not be modified/,
    );
    probe.close();
  });
});
