import type BetterSqlite3 from 'better-sqlite3';
import type { LoyaltyRules } from '../../../src-shared/domain/loyalty.ts';
import {
  TIER_HOLD_DAYS,
  jalaliYearStartOf,
  windowStartOf,
} from '../../../src-shared/domain/loyalty.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';

/**
 * Loyalty tiers, set-based over the customers' days (customer_days, migration 0005: each
 * customer's net amount per local day, and whether the day is a purchase day).
 *
 * Definitions (DESIGN.md §2):
 * - spend(d), a customer's net spend on day d: Σ of their days' net amounts in the window ending
 *   on d, the 365 days up to d ('rolling12') or the Jalali year so far ('jalaliYear');
 * - a purchase day p reaches the highest tier whose threshold is at most spend(p), and that tier
 *   is held for 365 days from p (no downgrade before then);
 * - the tier on day D is the highest of the tier spend(D) reaches and the tiers reached on the
 *   purchase days of the 365 days up to D; reached_on is the latest purchase day that reached it,
 *   and it is held until reached_on + 364.
 *
 * The tier is a function of the orders and the rules alone, so a refund or an undone import that
 * takes back the purchase that reached a tier takes the tier back too, and a recomputation from
 * scratch always equals the incremental one.
 *
 * Most customers need no window function: the tier lies between the tier of their spend today
 * (a lower bound) and the tier of their spend over the whole span any window of the last 365
 * days can see (an upper bound). Only where the two differ (a tier held from a bigger year, or a
 * big year that has partly slid out) is spend(p) computed for every purchase day p.
 */

export type TierRunScope = 'all' | 'scope';

/** Days and bounds of one computation. */
export type TierWindow = {
  date: string;
  /** First purchase day whose tier can still be held on `date`. */
  holdFrom: string;
  /** First day counted in spend(date). */
  windowStart: string;
  /** First day any window of a purchase day from holdFrom on can reach. */
  dataStart: string;
  /** jalaliYear: the first day of date's Jalali year (windows start again there). */
  yearStart: string;
};

export const tierWindowOf = (date: string, window: LoyaltyRules['window']): TierWindow => {
  const windowStart = windowStartOf(date, window);
  const held = addDays(date, 1 - TIER_HOLD_DAYS);
  const holdFrom = windowStart < held ? windowStart : held;
  return {
    date,
    holdFrom,
    windowStart,
    dataStart:
      window === 'jalaliYear' ? jalaliYearStartOf(holdFrom) : windowStartOf(holdFrom, window),
    yearStart: jalaliYearStartOf(date),
  };
};

/** The tier an amount reaches, as SQL over the rules' thresholds (validated integers). */
const rankSql = (rules: LoyaltyRules, amount: string): string => {
  const steps = rules.tiers
    .map((tier, rank) => ({ rank, threshold: tier.threshold }))
    .slice(1)
    .reverse()
    .map(({ rank, threshold }) => `WHEN ${amount} >= ${Math.trunc(threshold)} THEN ${rank}`);
  return steps.length === 0 ? '0' : `(CASE ${steps.join(' ')} ELSE 0 END)`;
};

const SCOPE_FILTER = 'AND customer_id IN (SELECT customer_id FROM temp.loyalty_scope)';

/**
 * Each customer's tier as of the day into temp.loyalty_fresh (customer_id, spend in the window,
 * rank, reached_on), for every customer with days in the span or (scope) only those in
 * temp.loyalty_scope. Customers with no row are in the base tier with nothing spent.
 */
export const computeTiers = (
  sqlite: BetterSqlite3.Database,
  rules: LoyaltyRules,
  w: TierWindow,
  scope: TierRunScope,
): void => {
  const filter = scope === 'scope' ? SCOPE_FILTER : '';
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.loyalty_fresh;
    CREATE TEMP TABLE loyalty_fresh (customer_id TEXT PRIMARY KEY, spend INTEGER NOT NULL,
      last_day TEXT, lo INTEGER NOT NULL, hi INTEGER NOT NULL, rank INTEGER NOT NULL,
      reached_on TEXT) WITHOUT ROWID;`);
  const params = {
    date: w.date,
    holdFrom: w.holdFrom,
    windowStart: w.windowStart,
    dataStart: w.dataStart,
    yearStart: w.yearStart,
  };
  // The bounds: spend(date), and everything the windows of the held days can see.
  sqlite
    .prepare(
      `INSERT INTO temp.loyalty_fresh (customer_id, spend, last_day, lo, hi, rank, reached_on)
       SELECT customer_id, spend, last_day, ${rankSql(rules, 'spend')}, ${rankSql(rules, 'total')},
         ${rankSql(rules, 'spend')}, NULL
       FROM (SELECT customer_id,
               sum(CASE WHEN day >= @windowStart THEN max(net, 0) ELSE 0 END) AS spend,
               sum(max(net, 0)) AS total,
               max(CASE WHEN day >= @holdFrom AND orders > 0 THEN day END) AS last_day
             FROM customer_days
             WHERE day >= @dataStart AND day <= @date ${filter}
             GROUP BY customer_id)`,
    )
    .run(params);
  // Where the bounds meet, the latest purchase day reached the tier: spend on it is at least
  // spend(date).
  sqlite.exec(`UPDATE temp.loyalty_fresh SET reached_on = last_day WHERE lo = hi AND lo > 0`);
  // Elsewhere, spend on every purchase day, and the best tier with the latest day reaching it
  // (ranks are one digit: at most eight tiers).
  const spendOnDay =
    rules.window === 'jalaliYear'
      ? `sum(max(net, 0)) OVER (PARTITION BY customer_id, day >= @yearStart ORDER BY day
           ROWS UNBOUNDED PRECEDING)`
      : `sum(max(net, 0)) OVER (PARTITION BY customer_id ORDER BY CAST(julianday(day) AS INTEGER)
           RANGE BETWEEN 364 PRECEDING AND CURRENT ROW)`;
  sqlite
    .prepare(
      `UPDATE temp.loyalty_fresh
       SET rank = max(lo, CAST(substr(b.best, 1, 1) AS INTEGER)),
         reached_on = CASE WHEN CAST(substr(b.best, 1, 1) AS INTEGER) >= lo
           THEN substr(b.best, 2) ELSE last_day END
       FROM (SELECT customer_id,
               max(CASE WHEN day >= @holdFrom AND orders > 0 THEN ${rankSql(rules, 'sp')} || day END)
                 AS best
             FROM (SELECT customer_id, day, orders, ${spendOnDay} AS sp
                   FROM customer_days
                   WHERE customer_id IN (SELECT customer_id FROM temp.loyalty_fresh WHERE lo < hi)
                     AND day >= @dataStart AND day <= @date)
             GROUP BY customer_id) AS b
       WHERE loyalty_fresh.customer_id = b.customer_id AND b.best IS NOT NULL`,
    )
    .run(params);
  sqlite.exec(`UPDATE temp.loyalty_fresh SET reached_on = NULL WHERE rank = 0`);
};

/** The rules' tiers by rank, for joins. */
export const loadTierTable = (sqlite: BetterSqlite3.Database, rules: LoyaltyRules): void => {
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.loyalty_tiers;
    CREATE TEMP TABLE loyalty_tiers (rank INTEGER PRIMARY KEY, id TEXT NOT NULL,
      name TEXT NOT NULL, threshold INTEGER NOT NULL);`);
  const insert = sqlite.prepare(
    'INSERT INTO temp.loyalty_tiers (rank, id, name, threshold) VALUES (?, ?, ?, ?)',
  );
  rules.tiers.forEach((tier, rank) => insert.run(rank, tier.id, tier.name, tier.threshold));
};

const LIVE_CUSTOMER = 'c.merged_into_id IS NULL AND c.archived_at IS NULL';

/** Customers per rank in temp.loyalty_fresh, the live customers in the base tier included. */
export const countFresh = (sqlite: BetterSqlite3.Database, tiers: number): number[] => {
  const counts = new Array<number>(tiers).fill(0);
  const rows = sqlite
    .prepare(
      `SELECT f.rank, count(*) AS n FROM temp.loyalty_fresh f
       JOIN customers c ON c.id = f.customer_id AND ${LIVE_CUSTOMER}
       WHERE f.rank > 0 GROUP BY f.rank`,
    )
    .all() as { rank: number; n: number }[];
  for (const { rank, n } of rows) counts[rank] = n;
  counts[0] = liveCustomerCount(sqlite) - counts.reduce((a, b) => a + b, 0);
  return counts;
};

export const liveCustomerCount = (sqlite: BetterSqlite3.Database): number =>
  sqlite.prepare(`SELECT count(*) FROM customers c WHERE ${LIVE_CUSTOMER}`).pluck().get() as number;

export type TierApplyResult = { changes: number; rows: number };

/**
 * Writes temp.loyalty_fresh into customer_tiers (only the rows that differ; customers in the base
 * tier with nothing spent have none) and logs every change of tier in tier_history. `scope`
 * limits both to temp.loyalty_scope. Needs temp.loyalty_tiers and bz_loyalty_id().
 */
export const applyTiers = (
  sqlite: BetterSqlite3.Database,
  input: { date: string; now: string; scope: TierRunScope; rulesChanged: boolean },
): TierApplyResult => {
  const inScope = input.scope === 'scope' ? SCOPE_FILTER : '';
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.loyalty_next;
    CREATE TEMP TABLE loyalty_next (customer_id TEXT PRIMARY KEY, tier_id TEXT NOT NULL,
      tier_rank INTEGER NOT NULL, spend INTEGER NOT NULL, reached_on TEXT, held_until TEXT,
      first_day TEXT, return_gap INTEGER) WITHOUT ROWID;`);
  sqlite
    .prepare(
      `INSERT INTO temp.loyalty_next
       SELECT f.customer_id, t.id, f.rank, f.spend, f.reached_on,
         CASE WHEN f.reached_on IS NOT NULL
           THEN date(f.reached_on, '+${TIER_HOLD_DAYS - 1} days') END,
         -- A member's first purchase day and first return: their first purchase days only.
         CASE WHEN f.rank > 0 THEN (SELECT d.day FROM customer_days d
           WHERE d.customer_id = f.customer_id AND d.ordinal = 1 LIMIT 1) END,
         CASE WHEN f.rank > 0 THEN (SELECT d.gap FROM customer_days d
           WHERE d.customer_id = f.customer_id AND d.ordinal = 2 LIMIT 1) END
       FROM temp.loyalty_fresh f JOIN temp.loyalty_tiers t ON t.rank = f.rank
       WHERE (f.rank > 0 OR f.spend > 0)
         AND EXISTS (SELECT 1 FROM customers c WHERE c.id = f.customer_id)`,
    )
    .run();
  const changes = sqlite
    .prepare(
      `INSERT INTO tier_history (id, customer_id, tier_id, tier_name, tier_rank, from_tier_id,
         from_tier_name, from_tier_rank, reached_on, held_until, changed_on, cause, created_at)
       SELECT bz_loyalty_id(), k.customer_id, coalesce(n.tier_id, base.id),
         coalesce(nt.name, base.name), coalesce(n.tier_rank, 0),
         coalesce(o.tier_id, base.id),
         coalesce(ot.name, (SELECT h.tier_name FROM tier_history h
           WHERE h.customer_id = k.customer_id AND h.tier_id = o.tier_id
           ORDER BY h.created_at DESC LIMIT 1), o.tier_id, base.name),
         coalesce(o.tier_rank, 0), n.reached_on, n.held_until, @date,
         CASE WHEN @rulesChanged THEN 'rules_changed'
           WHEN coalesce(n.tier_rank, 0) > coalesce(o.tier_rank, 0) THEN 'spend'
           WHEN o.held_until < @date THEN 'hold_ended'
           ELSE 'orders_changed' END,
         @now
       FROM (SELECT customer_id FROM temp.loyalty_next
             UNION SELECT customer_id FROM customer_tiers WHERE true ${inScope}) AS k
       JOIN temp.loyalty_tiers base ON base.rank = 0
       LEFT JOIN temp.loyalty_next n ON n.customer_id = k.customer_id
       LEFT JOIN temp.loyalty_tiers nt ON nt.id = n.tier_id
       LEFT JOIN customer_tiers o ON o.customer_id = k.customer_id
       LEFT JOIN temp.loyalty_tiers ot ON ot.id = o.tier_id
       WHERE coalesce(n.tier_id, base.id) IS NOT coalesce(o.tier_id, base.id)
         AND (coalesce(n.tier_rank, 0) > 0 OR coalesce(o.tier_rank, 0) > 0)
         AND EXISTS (SELECT 1 FROM customers c WHERE c.id = k.customer_id)`,
    )
    .run({ date: input.date, now: input.now, rulesChanged: input.rulesChanged ? 1 : 0 }).changes;
  let rows = sqlite
    .prepare(
      `DELETE FROM customer_tiers WHERE true ${inScope}
         AND customer_id NOT IN (SELECT customer_id FROM temp.loyalty_next)`,
    )
    .run().changes;
  rows += sqlite
    .prepare(
      `INSERT INTO customer_tiers (customer_id, tier_id, tier_rank, spend, reached_on, held_until,
         first_day, return_gap)
       SELECT customer_id, tier_id, tier_rank, spend, reached_on, held_until, first_day,
         return_gap
       FROM temp.loyalty_next WHERE true
       ON CONFLICT (customer_id) DO UPDATE SET tier_id = excluded.tier_id,
         tier_rank = excluded.tier_rank, spend = excluded.spend,
         reached_on = excluded.reached_on, held_until = excluded.held_until,
         first_day = excluded.first_day, return_gap = excluded.return_gap
       WHERE (customer_tiers.tier_id, customer_tiers.tier_rank, customer_tiers.spend,
           customer_tiers.reached_on, customer_tiers.held_until, customer_tiers.first_day,
           customer_tiers.return_gap)
         IS NOT (excluded.tier_id, excluded.tier_rank, excluded.spend, excluded.reached_on,
           excluded.held_until, excluded.first_day, excluded.return_gap)`,
    )
    .run().changes;
  return { changes, rows };
};
