// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'kpis';

/**
 * The retention figures (DESIGN.md §3) read small caches instead of a million orders. All of them
 * are derived from the orders and rebuilt from them at any time (src-main/core/kpis/kpi-facts.ts);
 * they are keyed by what they summarise (a customer and a day, a day), not by UUIDs: they are
 * never synced or referred to, only rebuilt.
 *
 * - customer_days: one row per customer and local day with live orders: the day's net, gross and
 *   refunded amounts and its orders with a positive net amount; on purchase days (orders > 0)
 *   also which purchase day it is (ordinal: 1 = the first purchase, 2 = the first return), the
 *   previous purchase day ('' before the first) and the days since it; on every row the
 *   customer's first purchase day; for cohorts, in each calendar (g_: Gregorian, j_: Jalali), the
 *   day's month and the first purchase's as year × 12 + month − 1, and whether it is the
 *   customer's first purchase day in that month.
 * - kpi_days: per day, the sums of customer_days over that day, and per first-purchase day the
 *   customers who returned within 90 days and their net spend in their first 365 days.
 * - walk_in_days: per day, the orders without a customer, kept by triggers on orders (a day whose
 *   sums are all zero has no row, as after a rebuild).
 * - kpi_pending: customers whose customer_days are stale. A new or deleted customer is added by a
 *   trigger (so an import that writes a new customer's figures itself needs to do nothing more);
 *   customer-stats.ts adds the customers whose figures it refreshes. Pending customers are
 *   brought up to date before any figure is read.
 */
const LIVE = `archived_at IS NULL AND status <> 'void'`;

export const up = `
CREATE TABLE customer_days (
  customer_id TEXT NOT NULL,
  day TEXT NOT NULL,
  net INTEGER NOT NULL,
  gross INTEGER NOT NULL,
  refunded INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  ordinal INTEGER,
  prev_day TEXT,
  gap INTEGER,
  first_day TEXT,
  g_month INTEGER,
  g_cohort INTEGER,
  g_new INTEGER,
  j_month INTEGER,
  j_cohort INTEGER,
  j_new INTEGER,
  PRIMARY KEY (customer_id, day)
) STRICT, WITHOUT ROWID;
-- Who bought in a period, and who was back from before it: the purchase days of each day whose
-- previous purchase day is before the period's start. (prev_day is set exactly on purchase days;
-- a query's "prev_day < x" lets SQLite use the index.)
CREATE INDEX idx_customer_days_day_prev_day ON customer_days (day, prev_day)
  WHERE prev_day IS NOT NULL;
-- Cohort retention: each customer's first purchase day of each month, by cohort and month, in
-- either calendar.
CREATE INDEX idx_customer_days_gregorian_cohort ON customer_days (g_cohort, g_month, day)
  WHERE g_new = 1;
CREATE INDEX idx_customer_days_jalali_cohort ON customer_days (j_cohort, j_month, day)
  WHERE j_new = 1;
-- Days from the first purchase to the first return, in order (the median).
CREATE INDEX idx_customer_days_second_purchase ON customer_days (gap, day) WHERE ordinal = 2;

CREATE TABLE kpi_days (
  day TEXT PRIMARY KEY,
  revenue INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  refunded INTEGER NOT NULL DEFAULT 0,
  orders INTEGER NOT NULL DEFAULT 0,
  purchase_days INTEGER NOT NULL DEFAULT 0,
  new_customers INTEGER NOT NULL DEFAULT 0,
  second_purchases INTEGER NOT NULL DEFAULT 0,
  returned_90 INTEGER NOT NULL DEFAULT 0,
  clv_spend INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

CREATE TABLE walk_in_days (
  day TEXT PRIMARY KEY,
  revenue INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  refunded INTEGER NOT NULL DEFAULT 0,
  orders INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

CREATE TABLE kpi_pending (customer_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

CREATE TRIGGER customers_kpi_pending_insert AFTER INSERT ON customers BEGIN
  INSERT OR IGNORE INTO kpi_pending (customer_id) VALUES (NEW.id);
END;
CREATE TRIGGER customers_kpi_pending_delete AFTER DELETE ON customers BEGIN
  INSERT OR IGNORE INTO kpi_pending (customer_id) VALUES (OLD.id);
END;

CREATE TRIGGER orders_walk_in_insert AFTER INSERT ON orders
  WHEN NEW.customer_id IS NULL AND NEW.archived_at IS NULL AND NEW.status <> 'void'
    AND (NEW.total <> 0 OR NEW.refunded <> 0)
BEGIN
  INSERT INTO walk_in_days (day, revenue, gross, refunded, orders)
    VALUES (NEW.local_date, NEW.total - NEW.refunded, NEW.total, NEW.refunded,
      NEW.total - NEW.refunded > 0)
    ON CONFLICT (day) DO UPDATE SET revenue = revenue + excluded.revenue,
      gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      orders = orders + excluded.orders;
END;
CREATE TRIGGER orders_walk_in_delete AFTER DELETE ON orders
  WHEN OLD.customer_id IS NULL AND OLD.archived_at IS NULL AND OLD.status <> 'void'
BEGIN
  UPDATE walk_in_days SET revenue = revenue - (OLD.total - OLD.refunded),
      gross = gross - OLD.total, refunded = refunded - OLD.refunded,
      orders = orders - (OLD.total - OLD.refunded > 0)
    WHERE day = OLD.local_date;
  DELETE FROM walk_in_days WHERE day = OLD.local_date
    AND revenue = 0 AND gross = 0 AND refunded = 0 AND orders = 0;
END;
CREATE TRIGGER orders_walk_in_update
  AFTER UPDATE OF customer_id, local_date, total, refunded, status, archived_at ON orders
  WHEN (OLD.customer_id IS NULL AND OLD.archived_at IS NULL AND OLD.status <> 'void')
    OR (NEW.customer_id IS NULL AND NEW.archived_at IS NULL AND NEW.status <> 'void')
BEGIN
  UPDATE walk_in_days SET revenue = revenue - (OLD.total - OLD.refunded),
      gross = gross - OLD.total, refunded = refunded - OLD.refunded,
      orders = orders - (OLD.total - OLD.refunded > 0)
    WHERE day = OLD.local_date
      AND OLD.customer_id IS NULL AND OLD.archived_at IS NULL AND OLD.status <> 'void';
  INSERT INTO walk_in_days (day, revenue, gross, refunded, orders)
    SELECT NEW.local_date, NEW.total - NEW.refunded, NEW.total, NEW.refunded,
      NEW.total - NEW.refunded > 0
    WHERE NEW.customer_id IS NULL AND NEW.archived_at IS NULL AND NEW.status <> 'void'
      AND (NEW.total <> 0 OR NEW.refunded <> 0)
    ON CONFLICT (day) DO UPDATE SET revenue = revenue + excluded.revenue,
      gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      orders = orders + excluded.orders;
  DELETE FROM walk_in_days WHERE day = OLD.local_date
    AND revenue = 0 AND gross = 0 AND refunded = 0 AND orders = 0;
END;

-- The customers' rows need each day's month in the Jalali calendar, which the application
-- computes: every customer is pending, and the first figures read build them all.
INSERT INTO kpi_pending (customer_id) SELECT id FROM customers;

INSERT INTO walk_in_days (day, revenue, gross, refunded, orders)
  SELECT local_date, sum(total - refunded), sum(total), sum(refunded), sum(total - refunded > 0)
  FROM orders WHERE ${LIVE} AND customer_id IS NULL
  GROUP BY local_date;
DELETE FROM walk_in_days WHERE revenue = 0 AND gross = 0 AND refunded = 0 AND orders = 0;
`;
