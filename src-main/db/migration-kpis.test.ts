import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { rebuildKpiFacts, refreshPendingKpiFacts } from '../core/kpis/kpi-facts.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openDatabase } from './open.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const KPIS = MIGRATIONS.find((migration) => migration.name === 'kpis')!.version;

describe('migration kpis on a shop made by the version before it', () => {
  it('leaves every customer pending, and the first refresh fills the caches as a rebuild', async () => {
    const path = temp.file('shop.db');
    const before = openDatabase(path, {
      create: true,
      migrations: MIGRATIONS.filter((migration) => migration.version < KPIS),
    });
    before.sqlite.exec(`
      INSERT INTO customers (id, name, created_at, updated_at) VALUES
        ('c1', 'Ali', 'now', 'now'), ('c2', 'Sara', 'now', 'now');
      INSERT INTO orders (id, source, customer_id, ordered_at, local_date, total, refunded, status,
        archived_at, created_at, updated_at) VALUES
        ('o1', 'pos', 'c1', '2025-01-01T08:00:00Z', '2025-01-01', 1000, 0, 'completed', NULL, 'n', 'n'),
        ('o2', 'pos', 'c1', '2025-01-01T15:00:00Z', '2025-01-01', 500, 100, 'completed', NULL, 'n', 'n'),
        ('o3', 'pos', 'c1', '2025-03-01T08:00:00Z', '2025-03-01', 800, 800, 'refunded', NULL, 'n', 'n'),
        ('o4', 'pos', 'c1', '2025-04-01T08:00:00Z', '2025-04-01', 900, 0, 'completed', NULL, 'n', 'n'),
        ('o5', 'pos', 'c2', '2025-02-01T08:00:00Z', '2025-02-01', 300, 0, 'void', NULL, 'n', 'n'),
        ('o6', 'pos', 'c2', '2025-02-02T08:00:00Z', '2025-02-02', 300, 0, 'completed', 'n', 'n', 'n'),
        ('o7', 'pos', NULL, '2025-01-01T09:00:00Z', '2025-01-01', 250, 50, 'completed', NULL, 'n', 'n');`);
    await before.close();

    const after = openDatabase(path, {
      migrations: MIGRATIONS.filter((migration) => migration.version <= KPIS),
    });
    expect(after.schemaVersion).toBe(KPIS);
    const read = (sql: string) => after.sqlite.prepare(sql).all();
    const tables = () => ({
      days: read('SELECT * FROM customer_days ORDER BY customer_id, day'),
      sums: read('SELECT * FROM kpi_days ORDER BY day'),
      walkIns: read('SELECT * FROM walk_in_days ORDER BY day'),
      pending: read('SELECT * FROM kpi_pending'),
    });
    // The walk-ins are summed at once; the customers wait for the application (Jalali months).
    expect(tables().pending).toEqual([{ customer_id: 'c1' }, { customer_id: 'c2' }]);
    expect(tables().walkIns).toEqual([
      { day: '2025-01-01', revenue: 200, gross: 250, refunded: 50, orders: 1 },
    ]);
    expect(refreshPendingKpiFacts(after.sqlite)).toBe(2);
    const migrated = tables();
    // Ali: 2025-01-01 (two orders, one visit), 2025-03-01 refunded to zero (no purchase), then
    // 2025-04-01, his first return, 90 days later. Sara's orders are void or archived.
    expect(migrated.days).toEqual([
      {
        customer_id: 'c1',
        day: '2025-01-01',
        net: 1400,
        gross: 1500,
        refunded: 100,
        orders: 2,
        ordinal: 1,
        prev_day: '',
        gap: null,
        first_day: '2025-01-01',
        // January 2025; 12 Dey 1403.
        g_month: 2025 * 12,
        g_cohort: 2025 * 12,
        g_new: 1,
        j_month: 1403 * 12 + 9,
        j_cohort: 1403 * 12 + 9,
        j_new: 1,
      },
      {
        customer_id: 'c1',
        day: '2025-03-01',
        net: 0,
        gross: 800,
        refunded: 800,
        orders: 0,
        ordinal: null,
        prev_day: null,
        gap: null,
        first_day: '2025-01-01',
        g_month: null,
        g_cohort: null,
        g_new: null,
        j_month: null,
        j_cohort: null,
        j_new: null,
      },
      {
        customer_id: 'c1',
        day: '2025-04-01',
        net: 900,
        gross: 900,
        refunded: 0,
        orders: 1,
        ordinal: 2,
        prev_day: '2025-01-01',
        gap: 90,
        first_day: '2025-01-01',
        // April 2025; 12 Farvardin 1404, the next Jalali year.
        g_month: 2025 * 12 + 3,
        g_cohort: 2025 * 12,
        g_new: 1,
        j_month: 1404 * 12,
        j_cohort: 1403 * 12 + 9,
        j_new: 1,
      },
    ]);
    expect(migrated.sums[0]).toEqual({
      day: '2025-01-01',
      revenue: 1400,
      gross: 1500,
      refunded: 100,
      orders: 2,
      purchase_days: 1,
      new_customers: 1,
      second_purchases: 0,
      returned_90: 1,
      clv_spend: 1400 + 0 + 900,
    });
    expect(migrated.walkIns).toEqual([
      { day: '2025-01-01', revenue: 200, gross: 250, refunded: 50, orders: 1 },
    ]);
    expect(migrated.pending).toEqual([]);
    rebuildKpiFacts(after.sqlite);
    expect(tables()).toEqual(migrated);

    // The triggers work from now on: a walk-in sale, a new customer waiting for its rows.
    after.sqlite.exec(`
      INSERT INTO orders (id, source, customer_id, ordered_at, local_date, total, created_at,
        updated_at) VALUES ('o8', 'pos', NULL, '2025-01-01T10:00:00Z', '2025-01-01', 100, 'n', 'n');
      INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c3', 'New', 'n', 'n');`);
    expect(tables().walkIns).toEqual([
      { day: '2025-01-01', revenue: 300, gross: 350, refunded: 50, orders: 2 },
    ]);
    expect(tables().pending).toEqual([{ customer_id: 'c3' }]);
    await after.close();
  });
});
