import type BetterSqlite3 from 'better-sqlite3';
import type { RfmCell } from '../../../src-shared/domain/kpis.ts';
import type { CalendarKind } from '../../../src-shared/i18n/locale.ts';

/** Prepared once per connection: a cohort grid runs one statement a hundred times and more. */
const prepared = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
const statement = (sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement => {
  let cache = prepared.get(sqlite);
  if (!cache) {
    cache = new Map();
    prepared.set(sqlite, cache);
  }
  let found = cache.get(sql);
  if (!found) {
    found = sqlite.prepare(sql);
    cache.set(sql, found);
  }
  return found;
};

/**
 * What the connection sees of the database, as a key that changes with any write: its own
 * (total_changes()) or another connection's (data_version). Answers kept under it stay right.
 */
export const dataVersionOf = (sqlite: BetterSqlite3.Database): string => {
  const changes = statement(sqlite, 'SELECT total_changes()').pluck().get() as number;
  return `${String(sqlite.pragma('data_version', { simple: true }))}|${changes}`;
};

/**
 * The counts behind the retention figures, each one set-based SQL over the caches of
 * kpi-facts.ts (a row per day, or the purchase days of a period found through an index), never
 * over the orders. Days are 'YYYY-MM-DD' in the shop's time zone; every range is inclusive.
 */

export type DaySums = {
  customers: number;
  repeaters: number;
  newCustomers: number;
  purchaseDays: number;
  revenue: number;
  gross: number;
  refunded: number;
  orders: number;
  churnCohort: number;
  churnReturned: number;
  clvCustomers: number;
  clvSpend: number;
};

/**
 * Sums over kpi_days and walk_in_days: as of `asOf` (customers, those with a second purchase
 * day), over the period [from, end], over the churn cohort [from, churnEnd] (first purchases) and
 * the CLV population (first purchase on or before clvEnd).
 */
export const readDaySums = (
  sqlite: BetterSqlite3.Database,
  q: { asOf: string; from: string; end: string; churnEnd: string; clvEnd: string },
): DaySums => {
  const identified = statement(
    sqlite,
    `SELECT
         coalesce(sum(CASE WHEN day <= :asOf THEN new_customers END), 0) AS customers,
         coalesce(sum(CASE WHEN day <= :asOf THEN second_purchases END), 0) AS repeaters,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :end THEN new_customers END), 0)
           AS newCustomers,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :end THEN purchase_days END), 0)
           AS purchaseDays,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :end THEN revenue END), 0) AS revenue,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :end THEN gross END), 0) AS gross,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :end THEN refunded END), 0) AS refunded,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :end THEN orders END), 0) AS orders,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :churnEnd THEN new_customers END), 0)
           AS churnCohort,
         coalesce(sum(CASE WHEN day BETWEEN :from AND :churnEnd THEN returned_90 END), 0)
           AS churnReturned,
         coalesce(sum(CASE WHEN day <= :clvEnd THEN new_customers END), 0) AS clvCustomers,
         coalesce(sum(CASE WHEN day <= :clvEnd THEN clv_spend END), 0) AS clvSpend
       FROM kpi_days WHERE day <= :asOf`,
  ).get(q) as DaySums;
  const walkIns = statement(
    sqlite,
    `SELECT coalesce(sum(revenue), 0) AS revenue, coalesce(sum(gross), 0) AS gross,
         coalesce(sum(refunded), 0) AS refunded, coalesce(sum(orders), 0) AS orders
       FROM walk_in_days WHERE day BETWEEN ? AND ?`,
  ).get(q.from, q.end) as Pick<DaySums, 'revenue' | 'gross' | 'refunded' | 'orders'>;
  return {
    ...identified,
    revenue: identified.revenue + walkIns.revenue,
    gross: identified.gross + walkIns.gross,
    refunded: identified.refunded + walkIns.refunded,
    orders: identified.orders + walkIns.orders,
  };
};

/**
 * The purchase days in [start, end] that are a customer's first in that range: those whose
 * previous purchase day is before `start`. Each customer who bought in the range has exactly one,
 * so their count is the number of customers who bought. Read day by day through an index alone
 * (only purchase days have a prev_day; CROSS JOIN keeps the days first, where the planner would
 * rather read every purchase day of the range).
 */
const FIRST_IN_RANGE = `
  FROM kpi_days k
  CROSS JOIN customer_days d INDEXED BY idx_customer_days_day_prev_day
    ON d.day = k.day AND d.prev_day < :start
  WHERE k.day BETWEEN :start AND :end AND k.purchase_days > 0`;

/** Customers who bought in [start, end], and those of them with a purchase day before it. */
export const readBuyers = (
  sqlite: BetterSqlite3.Database,
  start: string,
  end: string,
): { active: number; returners: number } =>
  statement(
    sqlite,
    `SELECT count(*) AS active, coalesce(sum(d.prev_day <> ''), 0) AS returners
       ${FIRST_IN_RANGE}`,
  ).get({ start, end }) as { active: number; returners: number };

/**
 * Cohort retention counts (DESIGN.md §3) in a calendar: for the cohorts whose month (as
 * year × 12 + month − 1) is in [first, last], the customers with a purchase day in each month,
 * up to asOf. Each customer's first purchase day of each month is marked, so this reads those
 * marks, in cohort and month order, from an index alone.
 */
export const readCohortGrid = (
  sqlite: BetterSqlite3.Database,
  q: { calendar: CalendarKind; first: number; last: number; asOf: string },
): { cohort: number; month: number; customers: number }[] => {
  const [index, p] =
    q.calendar === 'gregory'
      ? ['idx_customer_days_gregorian_cohort', 'g']
      : ['idx_customer_days_jalali_cohort', 'j'];
  return statement(
    sqlite,
    `SELECT ${p}_cohort AS cohort, ${p}_month AS month, count(*) AS customers
     FROM customer_days INDEXED BY ${index}
     WHERE ${p}_new = 1 AND ${p}_cohort BETWEEN :first AND :last AND day <= :asOf
     GROUP BY ${p}_cohort, ${p}_month`,
  ).all({ first: q.first, last: q.last, asOf: q.asOf }) as {
    cohort: number;
    month: number;
    customers: number;
  }[];
};

/**
 * The middle one or two of the days from first purchase to first return, over the customers whose
 * first return is on or before asOf (`count` of them), read in order from the index.
 */
export const readMiddleGaps = (
  sqlite: BetterSqlite3.Database,
  asOf: string,
  count: number,
): number[] =>
  statement(
    sqlite,
    `SELECT gap FROM customer_days WHERE ordinal = 2 AND day <= ?
       ORDER BY gap LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(asOf, count % 2 === 0 ? 2 : 1, Math.floor((count - 1) / 2)) as number[];

/**
 * Customers by recency (days from the last purchase day to asOf) and frequency (purchase days),
 * counting purchase days up to asOf. When asOf is after every purchase, the customers' own cached
 * figures hold exactly that; an earlier asOf reads every purchase day up to it.
 */
export const readRfmCells = (sqlite: BetterSqlite3.Database, asOf: string): RfmCell[] => {
  const latest = statement(sqlite, 'SELECT max(day) FROM customer_days WHERE prev_day IS NOT NULL')
    .pluck()
    .get() as string | null;
  if (latest === null) return [];
  const source =
    asOf >= latest
      ? `SELECT last_purchase_day AS last, purchase_days AS f FROM customers
         WHERE last_purchase_day IS NOT NULL`
      : `SELECT max(day) AS last, max(ordinal) AS f FROM customer_days
         WHERE ordinal IS NOT NULL AND day <= :asOf GROUP BY customer_id`;
  return statement(
    sqlite,
    `SELECT CAST(julianday(:asOf) - julianday(last) AS INTEGER) AS recencyDays,
         f AS purchaseDays, count(*) AS customers
       FROM (${source}) GROUP BY last, f`,
  ).all({ asOf }) as RfmCell[];
};

export type SurveyCounts = {
  nps: { answers: number; promoters: number; detractors: number };
  csat: { answers: number; satisfied: number };
};

/** NPS and CSAT answers given on days in [from, end]. */
export const readSurveyCounts = (
  sqlite: BetterSqlite3.Database,
  from: string,
  end: string,
): SurveyCounts => {
  const rows = statement(
    sqlite,
    `SELECT kind, count(*) AS answers, coalesce(sum(score >= 9), 0) AS promoters,
         coalesce(sum(score <= 6), 0) AS detractors, coalesce(sum(score >= 4), 0) AS satisfied
       FROM survey_responses WHERE local_date BETWEEN ? AND ? GROUP BY kind`,
  ).all(from, end) as {
    kind: 'nps' | 'csat';
    answers: number;
    promoters: number;
    detractors: number;
    satisfied: number;
  }[];
  const nps = rows.find((row) => row.kind === 'nps');
  const csat = rows.find((row) => row.kind === 'csat');
  return {
    nps: {
      answers: nps?.answers ?? 0,
      promoters: nps?.promoters ?? 0,
      detractors: nps?.detractors ?? 0,
    },
    csat: { answers: csat?.answers ?? 0, satisfied: csat?.satisfied ?? 0 },
  };
};

/**
 * Customers whose first purchase is in [from, churnEnd] and who were reached by their
 * post-purchase check-in (a contact logged as reached on that task before `before`, an instant),
 * and how many of them returned within 90 days.
 */
export const readReachedByCheckIn = (
  sqlite: BetterSqlite3.Database,
  q: { from: string; churnEnd: string; before: string },
): { customers: number; returned: number } =>
  statement(
    sqlite,
    `SELECT count(*) AS customers, coalesce(sum(s.gap <= 90), 0) AS returned
       FROM (SELECT DISTINCT t.customer_id FROM interactions i JOIN tasks t ON t.id = i.task_id
             WHERE i.task_id IS NOT NULL AND i.outcome = 'reached'
               AND t.rule = 'post_purchase_checkin' AND i.occurred_at < :before) AS r
       CROSS JOIN customer_days f ON f.customer_id = r.customer_id AND f.ordinal = 1
         AND f.day BETWEEN :from AND :churnEnd
       LEFT JOIN customer_days s ON s.customer_id = r.customer_id AND s.ordinal = 2`,
  ).get(q) as { customers: number; returned: number };

/** One day's sums of kpi_days with that day's walk-in sales added (the monthly series). */
export type DayRow = {
  day: string;
  newCustomers: number;
  secondPurchases: number;
  revenue: number;
  orders: number;
  returned90: number;
};

/**
 * The days in [start, end] with sales or first purchases, in order: identified customers' sums
 * from kpi_days, walk-ins' revenue and orders from walk_in_days (DESIGN.md §3: revenue and
 * orders count walk-ins, the rest does not).
 */
export const readDayRows = (sqlite: BetterSqlite3.Database, start: string, end: string): DayRow[] =>
  statement(
    sqlite,
    `SELECT day, sum(new_customers) AS newCustomers, sum(second_purchases) AS secondPurchases,
         sum(revenue) AS revenue, sum(orders) AS orders, sum(returned_90) AS returned90
       FROM (SELECT day, new_customers, second_purchases, revenue, orders, returned_90
               FROM kpi_days WHERE day BETWEEN :start AND :end
             UNION ALL
             SELECT day, 0, 0, revenue, orders, 0 FROM walk_in_days
               WHERE day BETWEEN :start AND :end)
       GROUP BY day ORDER BY day`,
  ).all({ start, end }) as DayRow[];

/** Customers (first purchase on or before the day) and those with a second purchase day by it. */
export const readCustomersAsOf = (
  sqlite: BetterSqlite3.Database,
  day: string,
): { customers: number; repeaters: number } =>
  statement(
    sqlite,
    `SELECT coalesce(sum(new_customers), 0) AS customers,
         coalesce(sum(second_purchases), 0) AS repeaters
       FROM kpi_days WHERE day <= ?`,
  ).get(day) as { customers: number; repeaters: number };

type SurveyTally = {
  kind: 'nps' | 'csat';
  answers: number;
  promoters: number;
  detractors: number;
  satisfied: number;
};

const SURVEY_TALLY = `kind, count(*) AS answers, coalesce(sum(score >= 9), 0) AS promoters,
  coalesce(sum(score <= 6), 0) AS detractors, coalesce(sum(score >= 4), 0) AS satisfied`;

/** NPS and CSAT answers per day in [start, end], as readSurveyCounts counts them. */
export const readSurveyCountsByDay = (
  sqlite: BetterSqlite3.Database,
  start: string,
  end: string,
): (SurveyTally & { day: string })[] =>
  statement(
    sqlite,
    `SELECT local_date AS day, ${SURVEY_TALLY}
       FROM survey_responses WHERE local_date BETWEEN ? AND ? GROUP BY local_date, kind`,
  ).all(start, end) as (SurveyTally & { day: string })[];

/**
 * NPS and CSAT answers in [start, end] per staff member who recorded them (null: nobody was
 * recorded), with the staff member's name (archived staff too: their answers stay theirs).
 */
export const readSurveyCountsByStaff = (
  sqlite: BetterSqlite3.Database,
  start: string,
  end: string,
): (SurveyTally & { staffId: string | null; name: string | null })[] =>
  statement(
    sqlite,
    `SELECT staff_id AS staffId, (SELECT name FROM staff WHERE staff.id = staff_id) AS name,
         ${SURVEY_TALLY}
       FROM survey_responses WHERE local_date BETWEEN ? AND ? GROUP BY staff_id, kind`,
  ).all(start, end) as (SurveyTally & { staffId: string | null; name: string | null })[];
