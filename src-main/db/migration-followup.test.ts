import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { rebuildAllCustomerStats } from '../core/customers/customer-stats.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openDatabase } from './open.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const FOLLOWUP = MIGRATIONS.find((migration) => migration.name === 'followup')!.version;

describe('migration followup on a shop made by the version before it', () => {
  it('adds the follow-up tables and fills the purchase days from the orders', async () => {
    const path = temp.file('shop.db');
    const before = openDatabase(path, {
      create: true,
      migrations: MIGRATIONS.filter((migration) => migration.version < FOLLOWUP),
    });
    before.sqlite.exec(`
      INSERT INTO customers (id, name, created_at, updated_at) VALUES
        ('c1', 'Ali', 'now', 'now'), ('c2', 'Sara', 'now', 'now'), ('c3', 'New', 'now', 'now');
      INSERT INTO orders (id, source, customer_id, ordered_at, local_date, total, refunded, status,
        created_at, updated_at) VALUES
        ('o1', 'pos', 'c1', '2025-01-01T08:00:00Z', '2025-01-01', 1000, 0, 'completed', 'now', 'now'),
        ('o2', 'pos', 'c1', '2025-01-01T15:00:00Z', '2025-01-01', 500, 0, 'completed', 'now', 'now'),
        ('o3', 'pos', 'c1', '2025-03-01T08:00:00Z', '2025-03-01', 800, 0, 'completed', 'now', 'now'),
        ('o4', 'pos', 'c1', '2025-04-01T08:00:00Z', '2025-04-01', 800, 800, 'refunded', 'now', 'now'),
        ('o5', 'pos', 'c2', '2025-02-01T08:00:00Z', '2025-02-01', 300, 0, 'void', 'now', 'now');`);
    await before.close();

    const after = openDatabase(path);
    expect(after.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    const days = () =>
      after.sqlite
        .prepare(
          'SELECT id, first_purchase_day, last_purchase_day, purchase_days FROM customers ORDER BY id',
        )
        .all();
    const migrated = days();
    expect(migrated).toEqual([
      {
        id: 'c1',
        first_purchase_day: '2025-01-01',
        last_purchase_day: '2025-03-01',
        purchase_days: 2,
      },
      { id: 'c2', first_purchase_day: null, last_purchase_day: null, purchase_days: 0 },
      { id: 'c3', first_purchase_day: null, last_purchase_day: null, purchase_days: 0 },
    ]);
    // The cache equals a rebuild from the facts.
    rebuildAllCustomerStats(after.sqlite);
    expect(days()).toEqual(migrated);
    for (const table of ['tasks', 'task_events', 'survey_responses']) {
      expect(after.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    await after.close();
  });
});
