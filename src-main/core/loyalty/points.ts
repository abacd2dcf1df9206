import type BetterSqlite3 from 'better-sqlite3';
import type { LoyaltyRules } from '../../../src-shared/domain/loyalty.ts';

/**
 * The points ledger, set-based (DESIGN.md §2). The rows of an order (earnings, and reversals when
 * it is refunded, voided, archived, undone or moved to another customer) always add up to the
 * points its current net amount earns: bringing a customer up to date compares, order by order,
 * what the ledger holds with what the orders say, and appends the difference. Nothing is ever
 * updated or deleted, so the ledger is also the history.
 *
 * An order's points are worked out at the rate in force when its net amount changes (an earning
 * is not recalculated when the owner changes the rate), and a row records the change of net
 * amount it is for (`spend`), which is how an order whose points are up to date is recognised.
 * Every function works on the customers in temp.loyalty_scope and needs bz_loyalty_id().
 */

export const createScopeTable = (sqlite: BetterSqlite3.Database): void => {
  sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS loyalty_scope (customer_id TEXT PRIMARY KEY) WITHOUT ROWID;
    DELETE FROM temp.loyalty_scope;`);
};

const IN_SCOPE = 'customer_id IN (SELECT customer_id FROM temp.loyalty_scope)';

/**
 * With this many customers in scope (a weekly import, a migrated shop, a demo), or a quarter of
 * a small shop's, the orders and the ledger are read in one pass each rather than customer by
 * customer through their indexes (tens of thousands of reads all over a big file cost more than
 * one pass); with this many rows to append, the ledger's secondary indexes are built again
 * afterwards rather than kept up to date row by row.
 */
const BULK_SHARE = 0.25;
const BULK_CUSTOMERS = 2_000;
const BULK_ROWS = 100_000;

/** Appends the rows that make each order's points match its net amount; returns how many. */
export const syncOrderPoints = (
  sqlite: BetterSqlite3.Database,
  rules: LoyaltyRules,
  at: { date: string; now: string },
): number => {
  const customers = sqlite
    .prepare('SELECT count(*) FROM temp.loyalty_scope')
    .pluck()
    .get() as number;
  const all = sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const isBulk = customers >= Math.min(BULK_CUSTOMERS, all * BULK_SHARE);
  const orders = isBulk ? 'orders NOT INDEXED' : 'orders';
  const ledger = isBulk ? 'points_ledger NOT INDEXED' : 'points_ledger';
  const params = {
    date: at.date,
    per: rules.earn.per,
    points: rules.earn.points,
    months: rules.expiryMonths,
  };
  if (!hasBookedOrders(sqlite)) return earnFirstPoints(sqlite, isBulk, params, at.now);
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.loyalty_expected;
    DROP TABLE IF EXISTS temp.loyalty_booked;
    DROP TABLE IF EXISTS temp.loyalty_rows;
    CREATE TEMP TABLE loyalty_expected (order_id TEXT NOT NULL, customer_id TEXT NOT NULL,
      local_date TEXT NOT NULL, batch_id TEXT, net INTEGER NOT NULL, is_live INTEGER NOT NULL,
      PRIMARY KEY (order_id, customer_id)) WITHOUT ROWID;
    CREATE TEMP TABLE loyalty_booked (order_id TEXT NOT NULL, customer_id TEXT NOT NULL,
      spend INTEGER NOT NULL, points INTEGER NOT NULL, expires_on TEXT, batch_id TEXT,
      PRIMARY KEY (order_id, customer_id)) WITHOUT ROWID;
    INSERT INTO temp.loyalty_expected
      SELECT id, customer_id, local_date, import_batch_id,
        CASE WHEN archived_at IS NULL AND status <> 'void' AND total > refunded
          THEN total - refunded ELSE 0 END,
        archived_at IS NULL AND status <> 'void'
      FROM ${orders} WHERE customer_id IS NOT NULL AND ${IN_SCOPE};
    INSERT INTO temp.loyalty_booked
      SELECT order_id, customer_id, sum(spend), sum(points), max(expires_on), max(batch_id)
      FROM ${ledger} WHERE ${IN_SCOPE} AND order_id IS NOT NULL
      GROUP BY order_id, customer_id;`);
  sqlite
    .prepare(
      `CREATE TEMP TABLE loyalty_rows AS
       SELECT customer_id, CASE WHEN delta > 0 THEN 'earn' ELSE 'reversal' END AS kind,
         CASE WHEN delta > 0 THEN 'order'
           WHEN NOT is_present THEN CASE WHEN EXISTS (SELECT 1 FROM orders o
             WHERE o.id = x.order_id) THEN 'order_moved' ELSE 'order_removed' END
           WHEN NOT is_live THEN 'order_removed'
           ELSE 'refund' END AS cause,
         delta AS points, spend_delta AS spend, order_id, batch_id,
         CASE WHEN delta > 0 THEN order_day ELSE @date END AS local_date, expires_on
       FROM (SELECT coalesce(e.order_id, b.order_id) AS order_id,
               coalesce(e.customer_id, b.customer_id) AS customer_id,
               e.order_id IS NOT NULL AS is_present, coalesce(e.is_live, 0) AS is_live,
               (coalesce(e.net, 0) / CAST(@per AS INTEGER)) * CAST(@points AS INTEGER)
                 - coalesce(b.points, 0) AS delta,
               coalesce(e.net, 0) - coalesce(b.spend, 0) AS spend_delta,
               e.local_date AS order_day,
               coalesce(b.expires_on, CASE WHEN @months IS NOT NULL AND e.local_date IS NOT NULL
                 THEN date(e.local_date, '+' || CAST(@months AS INTEGER) || ' months') END)
                 AS expires_on,
               CASE WHEN e.order_id IS NULL THEN b.batch_id
                 WHEN (coalesce(e.net, 0) / CAST(@per AS INTEGER)) * CAST(@points AS INTEGER)
                   < coalesce(b.points, 0)
                   THEN coalesce((SELECT r.import_batch_id FROM refunds r
                     WHERE r.order_id = e.order_id AND r.import_batch_id IS NOT NULL
                     ORDER BY r.created_at DESC LIMIT 1), e.batch_id)
                 ELSE e.batch_id END AS batch_id
             FROM temp.loyalty_expected e
             FULL JOIN temp.loyalty_booked b
               ON b.order_id = e.order_id AND b.customer_id = e.customer_id) AS x
       WHERE delta <> 0 AND spend_delta <> 0`,
    )
    .run(params);
  const written = sqlite.prepare('SELECT count(*) FROM temp.loyalty_rows').pluck().get() as number;
  const append = () =>
    sqlite
      .prepare(
        `INSERT INTO points_ledger (id, customer_id, kind, cause, points, spend, order_id, batch_id,
           local_date, expires_on, created_at)
         SELECT bz_loyalty_id(), customer_id, kind, cause, points, spend, order_id, batch_id,
           local_date, expires_on, @now
         FROM temp.loyalty_rows`,
      )
      .run({ now: at.now });
  if (written >= BULK_ROWS) withoutLedgerIndexes(sqlite, append);
  else append();
  sqlite.exec(`
    DROP TABLE temp.loyalty_expected;
    DROP TABLE temp.loyalty_booked;
    DROP TABLE temp.loyalty_rows;`);
  return written;
};

type EarnParams = { date: string; per: number; points: number; months: number | null };

/** Whether any customer in scope has ledger rows for orders (probed through their index). */
const hasBookedOrders = (sqlite: BetterSqlite3.Database): boolean =>
  sqlite
    .prepare(
      `SELECT 1 FROM temp.loyalty_scope s WHERE EXISTS (SELECT 1 FROM points_ledger l
         WHERE l.customer_id = s.customer_id AND l.order_id IS NOT NULL) LIMIT 1`,
    )
    .get() !== undefined;

/**
 * The first points of customers the ledger holds no order rows for (a shop's first update, an
 * import of new customers): nothing is booked, so the rows to append are each order's points,
 * in one pass from the orders: the same rows as the comparison with an empty ledger gives, in
 * the same order (by order id), without its scratch tables. Many customers: the orders are read
 * through their primary key's index, already in that order, rather than sorted (a million
 * orders' rows would spill the sort to disk); a few: through their index by customer.
 */
const earnFirstPoints = (
  sqlite: BetterSqlite3.Database,
  isBulk: boolean,
  params: EarnParams,
  now: string,
): number => {
  const append = () =>
    sqlite
      .prepare(
        `INSERT INTO points_ledger (id, customer_id, kind, cause, points, spend, order_id, batch_id,
           local_date, expires_on, created_at)
         SELECT bz_loyalty_id(), customer_id,
           CASE WHEN delta > 0 THEN 'earn' ELSE 'reversal' END,
           CASE WHEN delta > 0 THEN 'order' WHEN NOT is_live THEN 'order_removed'
             ELSE 'refund' END,
           delta, net, order_id,
           CASE WHEN delta < 0 THEN coalesce((SELECT r.import_batch_id FROM refunds r
               WHERE r.order_id = x.order_id AND r.import_batch_id IS NOT NULL
               ORDER BY r.created_at DESC LIMIT 1), batch_id)
             ELSE batch_id END,
           CASE WHEN delta > 0 THEN order_day ELSE @date END,
           CASE WHEN @months IS NOT NULL
             THEN date(order_day, '+' || CAST(@months AS INTEGER) || ' months') END,
           @now
         FROM (SELECT id AS order_id, customer_id, local_date AS order_day,
                 import_batch_id AS batch_id, net, is_live,
                 (net / CAST(@per AS INTEGER)) * CAST(@points AS INTEGER) AS delta
               FROM (SELECT id, customer_id, local_date, import_batch_id,
                       CASE WHEN archived_at IS NULL AND status <> 'void' AND total > refunded
                         THEN total - refunded ELSE 0 END AS net,
                       archived_at IS NULL AND status <> 'void' AS is_live
                     FROM orders
                     WHERE customer_id IS NOT NULL AND ${isBulk ? `+${IN_SCOPE}` : IN_SCOPE})
               WHERE net <> 0
               ORDER BY id) AS x
         WHERE delta <> 0`,
      )
      .run({ ...params, now }).changes;
  // Into an empty ledger (a shop's first update) its indexes are built once the rows are in;
  // otherwise when the rows to come (one per order of the customers in scope) are many.
  const isEmpty = () => sqlite.prepare('SELECT 1 FROM points_ledger LIMIT 1').get() === undefined;
  const expected = () =>
    sqlite
      .prepare(
        `SELECT coalesce(sum(order_count), 0) FROM customers
         WHERE id IN (SELECT customer_id FROM temp.loyalty_scope)`,
      )
      .pluck()
      .get() as number;
  let written = 0;
  const run = () => {
    written = append();
  };
  if (isBulk && (isEmpty() || expected() >= BULK_ROWS)) withoutLedgerIndexes(sqlite, run);
  else run();
  return written;
};

/** Runs a bulk append with the ledger's secondary indexes dropped, and builds them again. */
const withoutLedgerIndexes = (sqlite: BetterSqlite3.Database, work: () => void): void => {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'index' AND tbl_name = 'points_ledger' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX ${name}`);
  work();
  for (const { sql } of indexes) sqlite.exec(sql);
};

/**
 * A duplicate merged into another customer hands over what is left of its points (its orders'
 * points follow the orders themselves): one row off the duplicate, one onto the customer kept.
 */
export const transferMergedPoints = (
  sqlite: BetterSqlite3.Database,
  at: { date: string; now: string },
): number =>
  sqlite
    .prepare(
      `INSERT INTO points_ledger (id, customer_id, kind, cause, points, reason, local_date,
         created_at)
       SELECT bz_loyalty_id(), customer_id, 'adjust', 'merge', points, name, @date, @now
       FROM (SELECT m.id AS customer_id, -m.balance AS points, k.name, 0 AS side, m.id AS pair
             FROM (SELECT c.id, c.merged_into_id,
                     (SELECT sum(l.points) FROM points_ledger l WHERE l.customer_id = c.id)
                       AS balance
                   FROM customers c
                   WHERE c.id IN (SELECT customer_id FROM temp.loyalty_scope)
                     AND c.merged_into_id IS NOT NULL) AS m
             JOIN customers k ON k.id = m.merged_into_id
             WHERE m.balance <> 0
             UNION ALL
             SELECT m.merged_into_id, m.balance, d.name, 1, m.id
             FROM (SELECT c.id, c.merged_into_id,
                     (SELECT sum(l.points) FROM points_ledger l WHERE l.customer_id = c.id)
                       AS balance
                   FROM customers c
                   WHERE c.id IN (SELECT customer_id FROM temp.loyalty_scope)
                     AND c.merged_into_id IS NOT NULL) AS m
             JOIN customers d ON d.id = m.id
             WHERE m.balance <> 0)
       ORDER BY pair, side`,
    )
    .run({ date: at.date, now: at.now }).changes;

/**
 * Expiry, oldest points first: by `date`, the points that have expired are those earned with an
 * expiry day on or before it, less what the customer has spent (redemptions and manual
 * deductions use the oldest points first). The ledger's expire rows are brought to that total;
 * a later reversal of expired points gives them back as a positive expire row, so a refund or an
 * undo never takes the same points twice. Looks at the customers in scope and those with points
 * expiring after `since` up to `date`.
 */
export const expirePoints = (
  sqlite: BetterSqlite3.Database,
  at: { date: string; now: string; since: string },
): number => {
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.loyalty_expiring;
    CREATE TEMP TABLE loyalty_expiring (customer_id TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO temp.loyalty_expiring SELECT customer_id FROM temp.loyalty_scope;`);
  if (at.since < at.date) {
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO temp.loyalty_expiring
         SELECT customer_id FROM points_ledger WHERE expires_on > @since AND expires_on <= @date`,
      )
      .run({ since: at.since, date: at.date });
  }
  const written = sqlite
    .prepare(
      `INSERT INTO points_ledger (id, customer_id, kind, cause, points, local_date, created_at)
       SELECT bz_loyalty_id(), customer_id, 'expire', 'expiry', expired - max(0, due - used),
         @date, @now
       FROM (SELECT l.customer_id,
               coalesce(sum(CASE WHEN l.kind IN ('earn', 'reversal') AND l.expires_on <= @date
                 THEN l.points END), 0) AS due,
               -coalesce(sum(CASE WHEN l.kind = 'redeem' OR (l.kind = 'adjust' AND l.points < 0)
                 THEN l.points END), 0) AS used,
               -coalesce(sum(CASE WHEN l.kind = 'expire' THEN l.points END), 0) AS expired
             FROM points_ledger l
             WHERE l.customer_id IN (SELECT customer_id FROM temp.loyalty_expiring)
             GROUP BY l.customer_id)
       WHERE max(0, due - used) <> expired`,
    )
    .run({ date: at.date, now: at.now }).changes;
  sqlite.exec('DROP TABLE temp.loyalty_expiring');
  return written;
};

/** A customer's points balance, from the ledger's customer index alone (migration 9). */
export const balanceStatement = (
  sqlite: BetterSqlite3.Database,
): ((customerId: string) => number) => {
  const sum = sqlite
    .prepare('SELECT coalesce(sum(points), 0) FROM points_ledger WHERE customer_id = ?')
    .pluck();
  return (customerId) => (sum.get(customerId) as number | undefined) ?? 0;
};

export const balanceOf = (sqlite: BetterSqlite3.Database, customerId: string): number =>
  balanceStatement(sqlite)(customerId);
