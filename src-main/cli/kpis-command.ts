import { kpisGet } from '../../src-shared/contract/schemas.ts';
import type { Kpis, Settings } from '../../src-shared/contract/types.ts';
import { formatMoney } from '../../src-shared/i18n/locale.ts';
import type { CalendarKind } from '../../src-shared/i18n/locale.ts';
import { computeKpis, resolveKpiQuery } from '../core/kpis/kpis.service.ts';
import { getSettings } from '../core/settings/settings.service.ts';
import type { Command } from './cli.ts';
import { UsageError } from './usage-error.ts';

/** The retention figures of DESIGN.md §3 on the command line. */

export const KPIS_USAGE = `  kpis [--as-of YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD]
       [--calendar gregory|persian] [--json]
        the retention figures as of a day (default today) over a period (default the 12
        months to it): customers, new customers and their 90-day churn, repeat purchase and
        returning customer rates, revenue, orders, average order value, purchase frequency,
        median days to the second purchase, 12-month customer value, refund rate, NPS, CSAT,
        monthly cohorts (in --calendar, default the shop's calendar) and RFM segments; --json
        prints one object (shares as fractions 0–1, money in minor units, null where there
        is no data)`;

const OPTION_OF: Record<string, string> = { asOf: '--as-of', from: '--from', to: '--to' };

export const kpisCommand: Command = {
  options: {
    'as-of': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    calendar: { type: 'string' },
    json: { type: 'boolean' },
  },
  creates: false,
  prepare: (values, io) => {
    const parsed = kpisGet.safeParse({
      ...(values['as-of'] !== undefined && { asOf: values['as-of'] }),
      ...(values.from !== undefined && { from: values.from }),
      ...(values.to !== undefined && { to: values.to }),
    });
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const field = String(issue?.path[0] ?? '');
      const given = (values as Record<string, unknown>)[field === 'asOf' ? 'as-of' : field];
      const message =
        issue?.message === 'give both from and to, or neither'
          ? 'give both --from and --to, or neither'
          : issue?.message === 'from is after to'
            ? `--from ${String(values.from)} is after --to ${String(values.to)}`
            : `${OPTION_OF[field] ?? field} "${String(given)}" is not a date (YYYY-MM-DD)`;
      throw new UsageError(`kpis: ${message}`);
    }
    const calendar = values.calendar as string | undefined;
    if (calendar !== undefined && !isCalendar(calendar)) {
      throw new UsageError(`kpis: --calendar "${calendar}" must be gregory or persian`);
    }
    return async (core) => {
      // One report's months in another calendar than the shop's, its setting untouched.
      const query = await resolveKpiQuery(core.context, parsed.data);
      const kpis = computeKpis(core.database.sqlite, { ...query, ...(calendar && { calendar }) });
      if (values.json) {
        io.stdout(JSON.stringify(kpis, null, 2));
        return;
      }
      io.stdout(formatKpis(kpis, await getSettings(core.context)));
    };
  },
};

const isCalendar = (value: string): value is CalendarKind =>
  value === 'gregory' || value === 'persian';

const percent = (fraction: number | null) =>
  fraction === null ? '—' : `${(fraction * 100).toFixed(1)} %`;
const number = (value: number | null, digits = 1) =>
  value === null ? '—' : value.toLocaleString('en', { maximumFractionDigits: digits });

const formatKpis = (kpis: Kpis, settings: Settings): string => {
  const money = (minor: number | null) =>
    minor === null ? '—' : formatMoney(Math.round(minor), settings, 'en');
  const lines: [string, string][] = [
    ['customers', number(kpis.customers)],
    ['new customers', number(kpis.newCustomers)],
    [
      'new-customer 90-day churn',
      `${percent(kpis.newCustomerChurn90)} (of ${kpis.churn90Customers})`,
    ],
    ['90-day repeat rate', percent(kpis.repeatRate90)],
    ['repeat purchase rate', percent(kpis.repeatPurchaseRate)],
    [
      'returning customer rate',
      `${percent(kpis.returningCustomerRate)} (${kpis.returningCustomers} of ${kpis.activeCustomers})`,
    ],
    ['revenue', money(kpis.revenue)],
    ['orders', number(kpis.orders)],
    ['average order value', money(kpis.averageOrderValue)],
    ['purchase frequency', number(kpis.purchaseFrequency, 2)],
    ['median days to second purchase', number(kpis.medianDaysToSecondPurchase)],
    ['12-month customer value', money(kpis.historicClv12m)],
    ['refund rate', percent(kpis.refundRate)],
    ['NPS', `${number(kpis.nps, 0)} (${kpis.npsResponses} answers)`],
    ['CSAT', `${percent(kpis.csat)} (${kpis.csatResponses} answers)`],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  const segments = Object.entries(kpis.rfmSegments)
    .map(([segment, count]) => `${segment} ${count}`)
    .join(', ');
  const cohorts = kpis.cohorts.map(
    (cohort) =>
      `  ${cohort.cohort}  ${String(cohort.size).padStart(6)}  ` +
      cohort.retention
        .map((cell) => (cell === null ? '—' : `${Math.round(cell * 100)}%`))
        .join(' '),
  );
  return [
    `Retention as of ${kpis.asOf}, period ${kpis.from} to ${kpis.to}`,
    ...lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`),
    `RFM segments (${kpis.rfm.method}, ${kpis.rfm.customers} customers): ${segments}`,
    'cohorts (month, customers, retention by month):',
    ...cohorts,
  ].join('\n');
};
