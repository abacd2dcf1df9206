import type BetterSqlite3 from 'better-sqlite3';
import type { KpiMonth, KpiSeries, KpiStaffScores } from '../../../src-shared/contract/types.ts';
import { calendarMonthsBetween, npsScore, share } from '../../../src-shared/domain/kpis.ts';
import { addDays, daysBetween } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { refreshPendingKpiFacts } from './kpi-facts.ts';
import {
  dataVersionOf,
  readBuyers,
  readCustomersAsOf,
  readDayRows,
  readSurveyCountsByDay,
  readSurveyCountsByStaff,
} from './kpis.repository.ts';
import { computePeriodFigures, resolveKpiQuery } from './kpis.service.ts';
import type { KpiQuery, KpisInput } from './kpis.service.ts';

/** The Insights screen's series, for the same as-of day and period as kpis:get. */
export const getKpiSeries = async (ctx: CoreContext, input: KpisInput = {}): Promise<KpiSeries> =>
  computeKpiSeries(ctx.database.sqlite, await resolveKpiQuery(ctx, input));

const earlier = (a: string, b: string) => (a < b ? a : b);

type Tally = { answers: number; promoters: number; detractors: number; satisfied: number };
const emptyTally = (): Tally => ({ answers: 0, promoters: 0, detractors: 0, satisfied: 0 });

/**
 * The figures month by month, read from the same per-day caches as computeKpis and with its
 * definitions (DESIGN.md §3): month M with T_M = min(M's last day, T) has the figures computeKpis
 * gives as of T_M over M, except churn, which is M's cohort judged as of T itself (the chart of
 * churn by monthly cohort). Months are the whole months of the user's calendar that the period
 * [from, min(to, T)] touches, like the cohorts of computeKpis. A few reads over a row per day, and
 * one index read per month for the customers who bought in it.
 */
export const computeKpiSeries = (sqlite: BetterSqlite3.Database, q: KpiQuery): KpiSeries => {
  refreshPendingKpiFacts(sqlite);
  const { asOf, from, calendar } = q;
  const end = earlier(q.to, asOf);
  const before = addDays(from, -1);
  const atStart = readCustomersAsOf(sqlite, earlier(before, asOf));
  // The previous period: as many days as the period has up to T, just before it.
  const length = end < from ? 0 : daysBetween(from, end) + 1;
  const previous = { from: addDays(from, -Math.max(length, 1)), to: before };
  const result: KpiSeries = {
    asOf,
    from,
    to: q.to,
    calendar,
    months: [],
    staff: end < from ? [] : staffScores(sqlite, from, end),
    beforePeriod: {
      asOf: before,
      customers: atStart.customers,
      repeatPurchaseRate: share(atStart.repeaters, atStart.customers),
    },
    previous: { ...previous, figures: computePeriodFigures(sqlite, { ...q, ...previous }) },
  };
  const months = calendarMonthsBetween(from, end, calendar);
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return result;

  const lastDay = earlier(last.end, asOf);
  const churnEnd = addDays(asOf, -90);
  const running = readCustomersAsOf(sqlite, addDays(first.start, -1));
  let { customers, repeaters } = running;
  const days = readDayRows(sqlite, first.start, lastDay);
  const surveys = readSurveyCountsByDay(sqlite, first.start, lastDay);
  let d = 0;
  let s = 0;
  for (const month of months) {
    const monthEnd = earlier(month.end, asOf);
    let newCustomers = 0;
    let revenue = 0;
    let orders = 0;
    let churnCohort = 0;
    let churnReturned = 0;
    for (let day = days[d]; day && day.day <= monthEnd; day = days[++d]) {
      newCustomers += day.newCustomers;
      revenue += day.revenue;
      orders += day.orders;
      customers += day.newCustomers;
      repeaters += day.secondPurchases;
      if (day.day <= churnEnd) {
        churnCohort += day.newCustomers;
        churnReturned += day.returned90;
      }
    }
    const nps = emptyTally();
    const csat = emptyTally();
    for (let row = surveys[s]; row && row.day <= monthEnd; row = surveys[++s]) {
      const tally = row.kind === 'nps' ? nps : csat;
      tally.answers += row.answers;
      tally.promoters += row.promoters;
      tally.detractors += row.detractors;
      tally.satisfied += row.satisfied;
    }
    const buyers = buyersOf(sqlite, month.start, monthEnd);
    const churn = share(churnCohort - churnReturned, churnCohort);
    result.months.push({
      month: month.label,
      start: month.start,
      end: month.end,
      newCustomers,
      revenue,
      orders,
      averageOrderValue: share(revenue, orders),
      customers,
      repeatPurchaseRate: share(repeaters, customers),
      activeCustomers: buyers.active,
      returningCustomers: buyers.returners,
      returningCustomerRate: share(buyers.returners, buyers.active),
      nps: npsScore(nps.promoters, nps.detractors, nps.answers),
      npsResponses: nps.answers,
      csat: share(csat.satisfied, csat.answers),
      csatResponses: csat.answers,
      churn90Customers: churnCohort,
      newCustomerChurn90: churn,
      repeatRate90: churn === null ? null : 1 - churn,
    } satisfies KpiMonth);
  }
  return result;
};

/**
 * Who bought in a month, kept per connection until anything is written: the months a new period
 * shares with the last one are not read again.
 */
const keptBuyers = new WeakMap<
  BetterSqlite3.Database,
  { version: string; byRange: Map<string, { active: number; returners: number }> }
>();

const buyersOf = (sqlite: BetterSqlite3.Database, start: string, end: string) => {
  const version = dataVersionOf(sqlite);
  let kept = keptBuyers.get(sqlite);
  if (kept?.version !== version) {
    kept = { version, byRange: new Map() };
    keptBuyers.set(sqlite, kept);
  }
  const key = `${start}|${end}`;
  let buyers = kept.byRange.get(key);
  if (!buyers) {
    buyers = readBuyers(sqlite, start, end);
    kept.byRange.set(key, buyers);
  }
  return buyers;
};

/** NPS and CSAT per staff member over [from, end], most answers first, then by name. */
const staffScores = (
  sqlite: BetterSqlite3.Database,
  from: string,
  end: string,
): KpiStaffScores[] => {
  const byStaff = new Map<string, KpiStaffScores>();
  for (const row of readSurveyCountsByStaff(sqlite, from, end)) {
    const key = row.staffId ?? '';
    const scores = byStaff.get(key) ?? {
      staffId: row.staffId,
      name: row.name,
      nps: null,
      npsResponses: 0,
      csat: null,
      csatResponses: 0,
    };
    if (row.kind === 'nps') {
      scores.nps = npsScore(row.promoters, row.detractors, row.answers);
      scores.npsResponses = row.answers;
    } else {
      scores.csat = share(row.satisfied, row.answers);
      scores.csatResponses = row.answers;
    }
    byStaff.set(key, scores);
  }
  return [...byStaff.values()].sort(
    (a, b) =>
      b.npsResponses + b.csatResponses - (a.npsResponses + a.csatResponses) ||
      (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'),
  );
};
