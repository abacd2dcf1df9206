import type BetterSqlite3 from 'better-sqlite3';
import { monthKeyOf } from '../../../src-shared/domain/kpis.ts';

/**
 * The caches the retention figures read (tables of migration 0005): customer_days (a customer's
 * days with live orders, and on purchase days which purchase day it is and the one before),
 * kpi_days (their sums per day) and walk_in_days (orders without a customer, kept by triggers).
 * Like the customers' figures in customer-stats.ts they are derived from the orders, and these
 * statements rebuild them at any time.
 *
 * Definitions (DESIGN.md §3): an order counts when it is not archived or void; its net amount is
 * total − refunded; a purchase day is a local day with an order of positive net amount.
 *
 * Incremental upkeep: customers whose orders changed are listed in kpi_pending (by
 * customer-stats.ts when it refreshes their figures, and by triggers when a customer is created
 * or deleted); refreshPendingKpiFacts brings exactly those up to date.
 */
const LIVE = `archived_at IS NULL AND status <> 'void'`;
const PENDING = 'customer_id IN (SELECT customer_id FROM kpi_pending)';

const COLUMNS = `customer_id, day, net, gross, refunded, orders, ordinal, prev_day, gap, first_day,
  g_month, g_cohort, g_new, j_month, j_cohort, j_new`;

const BEFORE = 'ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING';
const ALL = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';

/**
 * customer_days rows, into `table`, of the customers whose orders match `filter`. The live orders
 * are copied first (grouping that narrow copy is several times faster than grouping the orders
 * table itself), with each day's month in both calendars (computed here by jalali.ts, once per
 * day). On purchase days: which one it is, the one before, the first; and for cohorts, in each
 * calendar, the day's month, the first purchase's month (the cohort) and whether it is the
 * customer's first purchase day in that month.
 */
const insertCustomerDays = (sqlite: BetterSqlite3.Database, table: string, filter: string) => {
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.kpi_orders;
    DROP TABLE IF EXISTS temp.kpi_months;
    CREATE TEMP TABLE kpi_orders AS
      SELECT customer_id, local_date AS day, total, refunded FROM orders
      WHERE ${LIVE} AND customer_id IS NOT NULL AND ${filter};
    CREATE TEMP TABLE kpi_months (day TEXT PRIMARY KEY, gm INTEGER NOT NULL, jm INTEGER NOT NULL)
      WITHOUT ROWID;`);
  const days = sqlite.prepare('SELECT DISTINCT day FROM temp.kpi_orders').pluck().all() as string[];
  const addMonth = sqlite.prepare('INSERT INTO temp.kpi_months (day, gm, jm) VALUES (?, ?, ?)');
  for (const day of days) {
    addMonth.run(day, monthKeyOf(day, 'gregory'), monthKeyOf(day, 'persian'));
  }
  sqlite.exec(`
    INSERT INTO ${table} (${COLUMNS})
      SELECT customer_id, day, net, gross, refunded, orders,
        CASE WHEN orders > 0 THEN n END,
        CASE WHEN orders > 0 THEN coalesce(prev, '') END,
        CASE WHEN orders > 0 AND prev IS NOT NULL
          THEN CAST(julianday(day) - julianday(prev) AS INTEGER) END,
        first,
        CASE WHEN orders > 0 THEN gm END,
        CASE WHEN orders > 0 THEN gc END,
        CASE WHEN orders > 0 THEN gp IS NULL OR gp < gm END,
        CASE WHEN orders > 0 THEN jm END,
        CASE WHEN orders > 0 THEN jc END,
        CASE WHEN orders > 0 THEN jp IS NULL OR jp < jm END
      FROM (
        SELECT *,
          sum(orders > 0) OVER (w ROWS UNBOUNDED PRECEDING) AS n,
          max(CASE WHEN orders > 0 THEN day END) OVER (w ${BEFORE}) AS prev,
          min(CASE WHEN orders > 0 THEN day END) OVER (w ${ALL}) AS first,
          max(CASE WHEN orders > 0 THEN gm END) OVER (w ${BEFORE}) AS gp,
          min(CASE WHEN orders > 0 THEN gm END) OVER (w ${ALL}) AS gc,
          max(CASE WHEN orders > 0 THEN jm END) OVER (w ${BEFORE}) AS jp,
          min(CASE WHEN orders > 0 THEN jm END) OVER (w ${ALL}) AS jc
        FROM (
          SELECT o.customer_id, o.day, sum(o.total - o.refunded) AS net, sum(o.total) AS gross,
            sum(o.refunded) AS refunded, sum(o.total - o.refunded > 0) AS orders, m.gm, m.jm
          FROM temp.kpi_orders o JOIN temp.kpi_months m ON m.day = o.day
          GROUP BY o.customer_id, o.day)
        WINDOW w AS (PARTITION BY customer_id ORDER BY day));
    DROP TABLE temp.kpi_orders;
    DROP TABLE temp.kpi_months;`);
};

/** The sums a day's rows (of `table`) add to kpi_days. */
const BY_DAY = (table: string) => `
  SELECT day, sum(net) AS revenue, sum(gross) AS gross, sum(refunded) AS refunded,
    sum(orders) AS orders, count(ordinal) AS purchase_days,
    coalesce(sum(ordinal = 1), 0) AS new_customers, coalesce(sum(ordinal = 2), 0) AS second_purchases
  FROM ${table} WHERE true GROUP BY day`;

/**
 * What a customer adds on their first purchase day: whether they returned within 90 days
 * (first < return ≤ first + 90) and their net spend in the 365 days from it (DESIGN.md §3, new-
 * customer 90-day churn and 12-month customer value).
 */
const BY_FIRST_DAY = (table: string) => `
  SELECT first_day AS day, coalesce(sum(ordinal = 2 AND gap <= 90), 0) AS returned_90,
    sum(CASE WHEN day < date(first_day, '+365 days') AND day >= first_day THEN net ELSE 0 END)
      AS clv_spend
  FROM ${table} WHERE first_day IS NOT NULL GROUP BY first_day`;

const DAY_COLUMNS = [
  'revenue',
  'gross',
  'refunded',
  'orders',
  'purchase_days',
  'new_customers',
  'second_purchases',
] as const;
const FIRST_DAY_COLUMNS = ['returned_90', 'clv_spend'] as const;

const subtract = (columns: readonly string[], source: string) => `
  UPDATE kpi_days SET ${columns.map((c) => `${c} = kpi_days.${c} - s.${c}`).join(', ')}
  FROM (${source}) AS s WHERE kpi_days.day = s.day`;

const add = (columns: readonly string[], source: string) => `
  INSERT INTO kpi_days (day, ${columns.join(', ')})
    SELECT day, ${columns.join(', ')} FROM (${source}) WHERE true
  ON CONFLICT (day) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

const DROP_EMPTY_DAYS = `DELETE FROM kpi_days WHERE ${[...DAY_COLUMNS, ...FIRST_DAY_COLUMNS]
  .map((c) => `${c} = 0`)
  .join(' AND ')}`;

/** Marks customers whose orders changed; their rows are computed again before figures are read. */
export const markKpiFactsStale = (
  sqlite: BetterSqlite3.Database,
  customerIds: Iterable<string>,
): void => {
  const add = sqlite.prepare('INSERT OR IGNORE INTO kpi_pending (customer_id) VALUES (?)');
  for (const id of customerIds) add.run(id);
};

/** The same for the ids in a temporary table (customer-stats.ts's set-based refresh). */
export const markKpiFactsStaleFrom = (sqlite: BetterSqlite3.Database, idsSql: string): void => {
  sqlite.exec(`INSERT OR IGNORE INTO kpi_pending (customer_id) ${idsSql}`);
};

/** Rows of customer_days equal in every column to the row `n` (of another table). */
const SAME_ROW = `c.customer_id = n.customer_id AND c.day = n.day AND c.net = n.net
  AND c.gross = n.gross AND c.refunded = n.refunded AND c.orders = n.orders
  AND c.ordinal IS n.ordinal AND c.prev_day IS n.prev_day AND c.gap IS n.gap
  AND c.first_day IS n.first_day AND c.g_month IS n.g_month AND c.g_cohort IS n.g_cohort
  AND c.g_new IS n.g_new AND c.j_month IS n.j_month AND c.j_cohort IS n.j_cohort
  AND c.j_new IS n.j_new`;

const SCRATCH = ['kpi_fresh', 'kpi_removed', 'kpi_added'];
const createScratch = (name: string) => `
  CREATE TEMP TABLE ${name} (customer_id TEXT NOT NULL, day TEXT NOT NULL, net INTEGER NOT NULL,
    gross INTEGER NOT NULL, refunded INTEGER NOT NULL, orders INTEGER NOT NULL, ordinal INTEGER,
    prev_day TEXT, gap INTEGER, first_day TEXT, g_month INTEGER, g_cohort INTEGER, g_new INTEGER,
    j_month INTEGER, j_cohort INTEGER, j_new INTEGER, PRIMARY KEY (customer_id, day))
    WITHOUT ROWID`;

/**
 * With this share of the customers pending or more (a first import, a migrated shop), building
 * everything again is faster than comparing row by row.
 */
const REBUILD_SHARE = 0.25;

/**
 * Brings the pending customers' rows and the day sums up to date; returns how many customers it
 * refreshed (0, with no write at all, when nothing is pending). Their rows are computed again
 * from their orders, and only the rows that changed are written (a customer's new purchase adds
 * one row, it does not rewrite their history): the changed rows' old sums are taken off kpi_days
 * and the new ones added.
 *
 * The transaction takes the write lock first (IMMEDIATE), waiting for another connection's
 * import or checkpoint to finish rather than failing when its read turns into a write.
 */
export const refreshPendingKpiFacts = (sqlite: BetterSqlite3.Database): number => {
  const hasPending = sqlite.prepare('SELECT 1 FROM kpi_pending LIMIT 1').get() !== undefined;
  if (!hasPending) return 0;
  let count = 0;
  sqlite
    .transaction(() => {
      count = sqlite.prepare('SELECT count(*) FROM kpi_pending').pluck().get() as number;
      const customers = sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
      if (count >= Math.max(1000, customers * REBUILD_SHARE)) {
        rebuildKpiFacts(sqlite);
        return;
      }
      for (const name of SCRATCH) {
        sqlite.exec(`DROP TABLE IF EXISTS temp.${name}`);
        sqlite.exec(createScratch(name));
      }
      insertCustomerDays(sqlite, 'temp.kpi_fresh', PENDING);
      sqlite.exec(`
        INSERT INTO temp.kpi_removed SELECT ${COLUMNS} FROM customer_days c WHERE c.${PENDING}
          AND NOT EXISTS (SELECT 1 FROM temp.kpi_fresh n WHERE ${SAME_ROW})`);
      sqlite.exec(`
        INSERT INTO temp.kpi_added SELECT ${COLUMNS} FROM temp.kpi_fresh n
          WHERE NOT EXISTS (SELECT 1 FROM customer_days c WHERE ${SAME_ROW})`);
      sqlite.exec(subtract(DAY_COLUMNS, BY_DAY('temp.kpi_removed')));
      sqlite.exec(subtract(FIRST_DAY_COLUMNS, BY_FIRST_DAY('temp.kpi_removed')));
      sqlite.exec(`
        DELETE FROM customer_days WHERE (customer_id, day) IN
          (SELECT customer_id, day FROM temp.kpi_removed)`);
      sqlite.exec(`INSERT INTO customer_days (${COLUMNS}) SELECT ${COLUMNS} FROM temp.kpi_added`);
      sqlite.exec(add(DAY_COLUMNS, BY_DAY('temp.kpi_added')));
      sqlite.exec(add(FIRST_DAY_COLUMNS, BY_FIRST_DAY('temp.kpi_added')));
      sqlite.exec(DROP_EMPTY_DAYS);
      sqlite.exec('DELETE FROM kpi_pending');
      for (const name of SCRATCH) sqlite.exec(`DROP TABLE temp.${name}`);
    })
    .immediate();
  return count;
};

/** Every cache from the orders (after a bulk write, and to check the incremental upkeep). */
export const rebuildKpiFacts = (sqlite: BetterSqlite3.Database): void => {
  sqlite
    .transaction(() => {
      // Rows go in faster without the secondary indexes, built again (by sorting) afterwards.
      const indexes = sqlite
        .prepare(
          `SELECT name, sql FROM sqlite_schema
         WHERE type = 'index' AND tbl_name = 'customer_days' AND sql IS NOT NULL`,
        )
        .all() as { name: string; sql: string }[];
      for (const index of indexes) sqlite.exec(`DROP INDEX ${index.name}`);
      sqlite.exec('DELETE FROM customer_days');
      sqlite.exec('DELETE FROM kpi_days');
      sqlite.exec('DELETE FROM walk_in_days');
      insertCustomerDays(sqlite, 'customer_days', 'true');
      for (const index of indexes) sqlite.exec(index.sql);
      sqlite.exec(add(DAY_COLUMNS, BY_DAY('customer_days')));
      sqlite.exec(add(FIRST_DAY_COLUMNS, BY_FIRST_DAY('customer_days')));
      sqlite.exec(DROP_EMPTY_DAYS);
      sqlite.exec(`
      INSERT INTO walk_in_days (day, revenue, gross, refunded, orders)
        SELECT local_date, sum(total - refunded), sum(total), sum(refunded),
          sum(total - refunded > 0)
        FROM orders WHERE ${LIVE} AND customer_id IS NULL
        GROUP BY local_date`);
      sqlite.exec(
        'DELETE FROM walk_in_days WHERE revenue = 0 AND gross = 0 AND refunded = 0 AND orders = 0',
      );
      sqlite.exec('DELETE FROM kpi_pending');
    })
    .immediate();
};
