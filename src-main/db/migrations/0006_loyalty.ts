// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'loyalty';

/**
 * Loyalty (DESIGN.md §2): the points ledger, each customer's tier history, and the current tier
 * of every customer as a cache. The rules (tiers, window, earning rate, expiry) are a setting.
 *
 * - points_ledger: append-only rows (earn, adjust, redeem, expire, reversal). An order's rows
 *   carry its id and import batch, and add up to the points its current net amount earns: a
 *   refund, an undone import or a voided order adds a reversal instead of deleting anything. The
 *   order id is not a foreign key, so the rows outlive an undone order as its history.
 * - tier_history: every change of a customer's tier, with the day it was reached, how long it is
 *   held and why it changed.
 * - customer_tiers: the current tier (rank 0 is the base tier), the net spend in the window and
 *   the purchase day that reached the tier, as of the day the last recomputation was for (kept
 *   with the rules it used in settings, 'loyalty.state'). A cache, rebuilt from the orders at any
 *   time; a customer without a row is in the base tier with nothing spent in the window. For
 *   customers above the base tier also their first purchase day and the days to their first
 *   return (customer_days), for the "loyalty members vs others" figure.
 * - loyalty_pending: customers whose orders changed since their points were last brought up to
 *   date. Everything that marks a customer's retention figures stale (kpi_pending, migration 5:
 *   the customers' figures refresh, a new or deleted customer, a bulk import's catch-up) marks
 *   their points too, through a BEFORE trigger, which fires even when kpi_pending already holds
 *   the customer (INSERT OR IGNORE).
 *
 * Rows of a customer go with the customer (an import undo deletes the customers only it made).
 */
export const up = `
CREATE TABLE points_ledger (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'adjust', 'redeem', 'expire', 'reversal')),
  cause TEXT NOT NULL CHECK (cause IN ('order', 'refund', 'order_removed', 'order_moved',
    'expiry', 'merge', 'manual')),
  points INTEGER NOT NULL CHECK (points <> 0),
  spend INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  order_id TEXT,
  batch_id TEXT,
  staff_id TEXT REFERENCES staff (id),
  local_date TEXT NOT NULL,
  expires_on TEXT,
  created_at TEXT NOT NULL
) STRICT;
-- A customer's balance and ledger; an order's rows (what it has earned so far).
CREATE INDEX idx_points_ledger_customer_id ON points_ledger (customer_id, local_date);
CREATE INDEX idx_points_ledger_order_id ON points_ledger (order_id) WHERE order_id IS NOT NULL;
-- The earnings that expire on a day.
CREATE INDEX idx_points_ledger_expires_on ON points_ledger (expires_on)
  WHERE expires_on IS NOT NULL;

CREATE TABLE tier_history (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  tier_id TEXT NOT NULL,
  tier_name TEXT NOT NULL,
  tier_rank INTEGER NOT NULL,
  from_tier_id TEXT,
  from_tier_name TEXT,
  from_tier_rank INTEGER,
  reached_on TEXT,
  held_until TEXT,
  changed_on TEXT NOT NULL,
  cause TEXT NOT NULL CHECK (cause IN ('spend', 'hold_ended', 'orders_changed', 'rules_changed')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX idx_tier_history_customer_id ON tier_history (customer_id, created_at);

CREATE TABLE customer_tiers (
  customer_id TEXT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  tier_id TEXT NOT NULL,
  tier_rank INTEGER NOT NULL,
  spend INTEGER NOT NULL,
  reached_on TEXT,
  held_until TEXT,
  first_day TEXT,
  return_gap INTEGER
) STRICT, WITHOUT ROWID;
-- Counts per tier, members above the base, and who is close to the next tier.
CREATE INDEX idx_customer_tiers_tier_rank ON customer_tiers (tier_rank, spend);
CREATE INDEX idx_customer_tiers_tier_id ON customer_tiers (tier_id);

CREATE TABLE loyalty_pending (customer_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

CREATE TRIGGER kpi_pending_loyalty_pending BEFORE INSERT ON kpi_pending BEGIN
  INSERT OR IGNORE INTO loyalty_pending (customer_id) VALUES (NEW.customer_id);
END;

-- The sales so far earn their points at the first loyalty update.
INSERT INTO loyalty_pending (customer_id) SELECT id FROM customers;
`;
