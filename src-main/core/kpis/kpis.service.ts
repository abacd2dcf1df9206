import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { kpisGet } from '../../../src-shared/contract/schemas.ts';
import type { KpiCohort, KpiPeriodFigures, Kpis } from '../../../src-shared/contract/types.ts';
import {
  calendarMonthsBetween,
  defaultPeriod,
  monthKeyOf,
  npsScore,
  rfmSegments,
  share,
} from '../../../src-shared/domain/kpis.ts';
import type { RfmResult } from '../../../src-shared/domain/kpis.ts';
import { addDays, todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CalendarKind } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { loyaltyMembersVsOthers } from '../loyalty/members.ts';
import { getSettings } from '../settings/settings.service.ts';
import { createZonedClock } from '../zoned-time.ts';
import { refreshPendingKpiFacts } from './kpi-facts.ts';
import { rfmCellsAsOf } from './rfm-filter.ts';
import type { DaySums, SurveyCounts } from './kpis.repository.ts';
import {
  readBuyers,
  readCohortGrid,
  readDaySums,
  readMiddleGaps,
  readReachedByCheckIn,
  readSurveyCounts,
} from './kpis.repository.ts';

export type KpisInput = z.output<typeof kpisGet>;

export type KpiQuery = {
  /** T: figures count what was known on this day (YYYY-MM-DD, shop time zone). */
  asOf: string;
  /** The period P, inclusive; days after asOf do not count. */
  from: string;
  to: string;
  calendar: CalendarKind;
  timeZone: string;
};

/** The as-of day (default today in the shop's zone) and period (default the 12 months to it). */
export const resolveKpiQuery = async (ctx: CoreContext, input: KpisInput): Promise<KpiQuery> => {
  const { calendar, timeZone } = await getSettings(ctx);
  const asOf = input.asOf ?? todayIn(ctx.now(), timeZone);
  const period = input.from && input.to ? { from: input.from, to: input.to } : defaultPeriod(asOf);
  return { asOf, ...period, calendar, timeZone };
};

/** The figures as of a day (default today in the shop's zone) over a period (default 12 months). */
export const getKpis = async (ctx: CoreContext, input: KpisInput = {}): Promise<Kpis> =>
  computeKpis(ctx.database.sqlite, await resolveKpiQuery(ctx, input));

const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * Every figure of DESIGN.md §3 (the definitions are the Kpis type's). Customers whose orders
 * changed since the last call are brought up to date first; the rest is a dozen indexed reads.
 */
export const computeKpis = (sqlite: BetterSqlite3.Database, q: KpiQuery): Kpis => {
  refreshPendingKpiFacts(sqlite);
  const { asOf, from } = q;
  const end = earlier(q.to, asOf);
  // The churn cohort: new customers of P whose first purchase is ≥ 90 days before T.
  const churnEnd = earlier(end, addDays(asOf, -90));
  const sums = readDaySums(sqlite, { asOf, from, end, churnEnd, clvEnd: addDays(asOf, -365) });
  const buyers = readBuyers(sqlite, from, end);
  const surveys = readSurveyCounts(sqlite, from, end);
  const { rfm, median } = asOfFigures(sqlite, asOf, sums.repeaters);
  const [y, m, d] = addDays(asOf, 1).split('-').map(Number);
  const before = new Date(
    createZonedClock(q.timeZone).toInstant(y ?? 0, m ?? 0, d ?? 0, 0, 0, 0),
  ).toISOString();
  const reached = readReachedByCheckIn(sqlite, { from, churnEnd, before });

  return {
    asOf,
    from,
    to: q.to,
    calendar: q.calendar,
    ...periodFigures(sums, buyers, surveys),
    medianDaysToSecondPurchase: median,
    cohorts: computeCohorts(sqlite, { ...q, end }),
    rfmSegments: rfm.segments,
    rfm: { method: rfm.method, customers: rfm.customers, grid: rfm.grid },
    followUpEffect: {
      reached: {
        customers: reached.customers,
        repeatRate90: share(reached.returned, reached.customers),
      },
      notReached: {
        customers: sums.churnCohort - reached.customers,
        repeatRate90: share(
          sums.churnReturned - reached.returned,
          sums.churnCohort - reached.customers,
        ),
      },
    },
    loyaltyMembers: loyaltyMembersVsOthers(sqlite, { from, churnEnd, asOf }, sums),
  };
};

const periodFigures = (
  sums: DaySums,
  buyers: { active: number; returners: number },
  surveys: SurveyCounts,
): KpiPeriodFigures => {
  const churn = share(sums.churnCohort - sums.churnReturned, sums.churnCohort);
  return {
    customers: sums.customers,
    newCustomers: sums.newCustomers,
    newCustomerChurn90: churn,
    repeatRate90: churn === null ? null : 1 - churn,
    churn90Customers: sums.churnCohort,
    repeatPurchaseRate: share(sums.repeaters, sums.customers),
    returningCustomerRate: share(buyers.returners, buyers.active),
    activeCustomers: buyers.active,
    returningCustomers: buyers.returners,
    revenue: sums.revenue,
    orders: sums.orders,
    averageOrderValue: share(sums.revenue, sums.orders),
    purchaseFrequency: share(sums.purchaseDays, buyers.active),
    purchaseDays: sums.purchaseDays,
    historicClv12m: share(sums.clvSpend, sums.clvCustomers),
    clvCustomers: sums.clvCustomers,
    refundRate: share(sums.refunded, sums.gross),
    grossSales: sums.gross,
    refunded: sums.refunded,
    nps: npsScore(surveys.nps.promoters, surveys.nps.detractors, surveys.nps.answers),
    npsResponses: surveys.nps.answers,
    csat: share(surveys.csat.satisfied, surveys.csat.answers),
    csatResponses: surveys.csat.answers,
  };
};

/**
 * The figures computeKpis gives for a period, without the cohorts, RFM, the median and the
 * follow-up effect (the Insights screen's comparison with the previous period): the same reads
 * and definitions, a few milliseconds.
 */
export const computePeriodFigures = (
  sqlite: BetterSqlite3.Database,
  q: KpiQuery,
): KpiPeriodFigures => {
  refreshPendingKpiFacts(sqlite);
  const { asOf, from } = q;
  const end = earlier(q.to, asOf);
  const churnEnd = earlier(end, addDays(asOf, -90));
  const sums = readDaySums(sqlite, { asOf, from, end, churnEnd, clvEnd: addDays(asOf, -365) });
  return periodFigures(sums, readBuyers(sqlite, from, end), readSurveyCounts(sqlite, from, end));
};

type AsOfFigures = { rfm: RfmResult; median: number | null };

/**
 * The figures that depend on the as-of day alone (RFM and the median), kept per connection for
 * the last day asked while nothing is written to the database: the Insights screen asks again
 * for each period the owner picks. Any write (this connection's total_changes(), another's
 * data_version) makes them be read again.
 */
const lastAsOf = new WeakMap<BetterSqlite3.Database, { key: string; figures: AsOfFigures }>();

const asOfFigures = (
  sqlite: BetterSqlite3.Database,
  asOf: string,
  repeaters: number,
): AsOfFigures => {
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const key = `${asOf}|${String(sqlite.pragma('data_version', { simple: true }))}|${changes}`;
  const kept = lastAsOf.get(sqlite);
  if (kept?.key === key) return kept.figures;
  const middle = repeaters > 0 ? readMiddleGaps(sqlite, asOf, repeaters) : [];
  const figures = {
    rfm: rfmSegments(rfmCellsAsOf(sqlite, asOf)),
    median: middle.length === 0 ? null : middle.reduce((a, b) => a + b, 0) / middle.length,
  };
  lastAsOf.set(sqlite, { key, figures });
  return figures;
};

/**
 * Cohort retention (DESIGN.md §3): a cohort per month of the user's calendar that P touches (the
 * whole month, up to T), cell k = the share of the cohort with a purchase day in month cohort + k,
 * for every month up to T's; k = 0 is the cohort itself.
 */
const computeCohorts = (
  sqlite: BetterSqlite3.Database,
  q: KpiQuery & { end: string },
): KpiCohort[] => {
  const months = calendarMonthsBetween(q.from, q.end, q.calendar);
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const firstKey = monthKeyOf(first.start, q.calendar);
  const span = monthKeyOf(q.asOf, q.calendar) - firstKey + 1;
  const counts = months.map((_, c) => new Array<number>(span - c).fill(0));
  const grid = readCohortGrid(sqlite, {
    calendar: q.calendar,
    first: firstKey,
    last: monthKeyOf(last.start, q.calendar),
    asOf: q.asOf,
  });
  for (const cell of grid) {
    const row = counts[cell.cohort - firstKey];
    if (row) row[cell.month - cell.cohort] = cell.customers;
  }
  return months.map((month, c) => {
    const row = counts[c] ?? [];
    const size = row[0] ?? 0;
    return {
      cohort: month.label,
      start: month.start,
      end: month.end,
      size,
      retention: row.map((count) => share(count, size)),
    };
  });
};
