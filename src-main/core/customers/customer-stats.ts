import type BetterSqlite3 from 'better-sqlite3';
import { markKpiFactsStale, markKpiFactsStaleFrom, rebuildKpiFacts } from '../kpis/kpi-facts.ts';

/**
 * Per-customer aggregates cached on the customers row (so the book sorts and pages by them without
 * scanning orders). They are derived facts: these statements rebuild them from the orders at any
 * time, for some customers after a change or for everyone after a bulk write.
 *
 * Definitions (DESIGN.md §3): an order counts when it is not archived or void and its net amount
 * (total − refunded) is positive; total spent is Σ net over all live orders. A purchase day is a
 * local calendar day (orders.local_date, in the shop's time zone) with such an order.
 */
const LIVE = `archived_at IS NULL AND status <> 'void'`;

const AGGREGATE = `
  SELECT customer_id,
    sum(CASE WHEN total - refunded > 0 THEN 1 ELSE 0 END) AS order_count,
    coalesce(sum(total - refunded), 0) AS total_spent,
    min(CASE WHEN total - refunded > 0 THEN ordered_at END) AS first_purchase_at,
    max(CASE WHEN total - refunded > 0 THEN ordered_at END) AS last_purchase_at
  FROM orders WHERE ${LIVE} AND customer_id IS NOT NULL`;

/** With the purchase days too: the orders are read anyway, counting their days costs little. */
const AGGREGATE_WITH_DAYS = AGGREGATE.replace(
  'AS last_purchase_at',
  `AS last_purchase_at,
    min(CASE WHEN total - refunded > 0 THEN local_date END) AS first_purchase_day,
    max(CASE WHEN total - refunded > 0 THEN local_date END) AS last_purchase_day,
    count(DISTINCT CASE WHEN total - refunded > 0 THEN local_date END) AS purchase_days`,
);

const SET_DAYS = `first_purchase_day = s.first_purchase_day, last_purchase_day = s.last_purchase_day,
      purchase_days = s.purchase_days`;
const NO_DAYS = 'first_purchase_day = NULL, last_purchase_day = NULL, purchase_days = 0';

export const refreshCustomerStats = (
  sqlite: BetterSqlite3.Database,
  customerIds: readonly string[],
): void => {
  if (customerIds.length === 0) return;
  const reset = sqlite.prepare(
    `UPDATE customers SET order_count = 0, total_spent = 0, first_purchase_at = NULL,
       last_purchase_at = NULL WHERE id = ?`,
  );
  const update = sqlite.prepare(`
    UPDATE customers SET order_count = s.order_count, total_spent = s.total_spent,
      first_purchase_at = s.first_purchase_at, last_purchase_at = s.last_purchase_at,
      ${SET_DAYS}
    FROM (${AGGREGATE_WITH_DAYS} AND customer_id = ? GROUP BY customer_id) AS s
    WHERE customers.id = s.customer_id`);
  const noPurchases = sqlite.prepare(
    `UPDATE customers SET ${NO_DAYS} WHERE id = ? AND first_purchase_at IS NULL`,
  );
  sqlite
    .transaction(() => {
      for (const id of new Set(customerIds)) {
        reset.run(id);
        update.run(id);
        noPurchases.run(id);
      }
      // The retention figures' caches of these customers are computed again before they are read.
      markKpiFactsStale(sqlite, new Set(customerIds));
    })
    .immediate();
};

export const rebuildAllCustomerStats = (sqlite: BetterSqlite3.Database): void => {
  sqlite
    .transaction(() => {
      sqlite.exec(`UPDATE customers SET order_count = 0, total_spent = 0, first_purchase_at = NULL,
      last_purchase_at = NULL, ${NO_DAYS}`);
      sqlite.exec(`
      UPDATE customers SET order_count = s.order_count, total_spent = s.total_spent,
        first_purchase_at = s.first_purchase_at, last_purchase_at = s.last_purchase_at,
        ${SET_DAYS}
      FROM (${AGGREGATE_WITH_DAYS} GROUP BY customer_id) AS s
      WHERE customers.id = s.customer_id`);
      rebuildKpiFacts(sqlite);
    })
    .immediate();
};

/**
 * The same refresh for many customers at once (an import touches tens of thousands): one
 * set-based UPDATE over a temporary table of ids instead of two statements per customer.
 */
export const refreshCustomerStatsFor = (
  sqlite: BetterSqlite3.Database,
  customerIds: readonly string[],
): void => {
  if (customerIds.length < 100) {
    refreshCustomerStats(sqlite, customerIds);
    return;
  }
  sqlite
    .transaction(() => {
      sqlite.exec(
        'CREATE TEMP TABLE IF NOT EXISTS stats_refresh (id TEXT PRIMARY KEY) WITHOUT ROWID',
      );
      sqlite.exec('DELETE FROM temp.stats_refresh');
      const add = sqlite.prepare('INSERT OR IGNORE INTO temp.stats_refresh (id) VALUES (?)');
      for (const id of customerIds) add.run(id);
      sqlite.exec(`UPDATE customers SET order_count = 0, total_spent = 0, first_purchase_at = NULL,
      last_purchase_at = NULL WHERE id IN (SELECT id FROM temp.stats_refresh)`);
      sqlite.exec(`
      UPDATE customers SET order_count = s.order_count, total_spent = s.total_spent,
        first_purchase_at = s.first_purchase_at, last_purchase_at = s.last_purchase_at,
        ${SET_DAYS}
      FROM (${AGGREGATE_WITH_DAYS} AND customer_id IN (SELECT id FROM temp.stats_refresh)
            GROUP BY customer_id) AS s
      WHERE customers.id = s.customer_id`);
      sqlite.exec(`UPDATE customers SET ${NO_DAYS}
      WHERE id IN (SELECT id FROM temp.stats_refresh) AND first_purchase_at IS NULL`);
      markKpiFactsStaleFrom(sqlite, 'SELECT id FROM temp.stats_refresh');
      sqlite.exec('DELETE FROM temp.stats_refresh');
    })
    .immediate();
};
