import type { KpiSeries } from '../../../src-shared/contract/index.ts';
import { LOWER_IS_BETTER } from '../../../src-shared/domain/focus-figure.ts';
import type { Locale, MoneySettings } from '../../../src-shared/i18n/locale.ts';
import { formatMoney, formatNumber, formatPercent } from '../../../src-shared/i18n/locale.ts';

/**
 * The headline figures of the Insights screen and their change against the previous period: pure
 * data in, plain text out, so the rules are tested without a screen.
 */

/** How a figure is written: a share, money, a count, an NPS, a ratio or a number of days. */
export type ValueKind = 'share' | 'money' | 'count' | 'nps' | 'ratio' | 'days';

export type HeadlineKey =
  | 'newCustomers'
  | 'newCustomerChurn90'
  | 'repeatPurchaseRate'
  | 'returningCustomerRate'
  | 'revenue'
  | 'averageOrderValue'
  | 'purchaseFrequency'
  | 'refundRate'
  | 'nps'
  | 'csat';

export type Headline = {
  key: HeadlineKey;
  kind: ValueKind;
  /** 'asOf': a figure of the whole history up to today; 'period': of the period's days only. */
  scope: 'asOf' | 'period';
};

export const HEADLINES: readonly Headline[] = [
  { key: 'newCustomers', kind: 'count', scope: 'period' },
  { key: 'newCustomerChurn90', kind: 'share', scope: 'period' },
  { key: 'repeatPurchaseRate', kind: 'share', scope: 'asOf' },
  { key: 'returningCustomerRate', kind: 'share', scope: 'period' },
  { key: 'revenue', kind: 'money', scope: 'period' },
  { key: 'averageOrderValue', kind: 'money', scope: 'period' },
  { key: 'purchaseFrequency', kind: 'ratio', scope: 'period' },
  { key: 'refundRate', kind: 'share', scope: 'period' },
  { key: 'nps', kind: 'nps', scope: 'period' },
  { key: 'csat', kind: 'share', scope: 'period' },
];

/**
 * The value to compare with: the previous period's for a period figure; for a figure of the whole
 * history, its value on the day before the period (where the previous period ended).
 */
export const previousValue = (headline: Headline, series: KpiSeries): number | null =>
  headline.scope === 'asOf'
    ? series.beforePeriod.repeatPurchaseRate
    : series.previous.figures[headline.key];

export type Change = {
  /** Percentage points for shares and NPS points; a relative change (fraction) otherwise. */
  delta: number;
  unit: 'points' | 'relative';
  direction: 'up' | 'down' | 'flat';
  /** Whether the move is good news (a fall in churn is). */
  tone: 'good' | 'bad' | 'neutral';
};

/**
 * The change from `previous` to `current`; null when either is unknown, or when a count or amount
 * grows from nothing (no percentage to give).
 */
export const changeOf = (
  key: string,
  kind: ValueKind,
  current: number | null,
  previous: number | null,
): Change | null => {
  if (current === null || previous === null) return null;
  let delta: number;
  let unit: Change['unit'];
  if (kind === 'share' || kind === 'nps') {
    delta = kind === 'share' ? (current - previous) * 100 : current - previous;
    unit = 'points';
  } else {
    if (previous === 0) return null;
    delta = (current - previous) / Math.abs(previous);
    unit = 'relative';
  }
  // Below what the figure is shown with (a tenth of a point, a tenth of a percent): no change.
  const isFlat = Math.abs(delta) < (unit === 'points' ? 0.05 : 0.0005);
  const direction = isFlat ? 'flat' : delta > 0 ? 'up' : 'down';
  const isGood = LOWER_IS_BETTER.has(key) ? direction === 'down' : direction === 'up';
  return {
    delta: isFlat ? 0 : delta,
    unit,
    direction,
    tone: direction === 'flat' ? 'neutral' : isGood ? 'good' : 'bad',
  };
};

/** A change as the locale writes it, signed: "+۳٫۲", "−12.5%". Points get their word from t. */
export const formatChangeNumber = (change: Change, locale: Locale): string =>
  change.unit === 'points'
    ? formatNumber(change.delta, locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })
    : formatNumber(change.delta, locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      });

/** A value of a kind in full: "۳۴٫۵٪", "1,250,000 Toman", "+12", "1.84". */
export const formatValue = (
  kind: ValueKind,
  value: number | null,
  locale: Locale,
  money: MoneySettings,
): string => {
  if (value === null) return '—';
  switch (kind) {
    case 'share':
      return formatPercent(value, locale, 1);
    case 'money':
      return formatMoney(Math.round(value), money, locale);
    case 'count':
      return formatNumber(value, locale);
    case 'nps':
      return formatNumber(value, locale, { signDisplay: 'exceptZero' });
    case 'ratio':
      return formatNumber(value, locale, { maximumFractionDigits: 2 });
    case 'days':
      return formatNumber(value, locale, { maximumFractionDigits: 1 });
  }
};
