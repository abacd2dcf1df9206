import type { KpiMonth } from '../../../src-shared/contract/index.ts';
import { meetsTarget } from '../../../src-shared/domain/focus-figure.ts';
import type { FigureKind, FocusFigure } from '../../../src-shared/domain/focus-figure.ts';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';
import type { Locale, MoneySettings } from '../../../src-shared/i18n/locale.ts';
import { addDays, currencyMinorDigits, formatNumber } from '../../../src-shared/i18n/locale.ts';

export type FocusPoint = { month: KpiMonth; value: number | null };

export type FocusProgress = {
  /** The three months the line shows, oldest first. */
  points: FocusPoint[];
  /** The most recent known value, and whether it reaches the target. */
  latest: FocusPoint | null;
  isMet: boolean | null;
};

/**
 * The focus figure over the last three months. Churn is only known 90 days after a first
 * purchase, so for it the three are the latest months whose whole cohort is known.
 */
export const focusProgress = (
  focus: FocusFigure,
  months: readonly KpiMonth[],
  asOf: string,
): FocusProgress => {
  const usable =
    focus.figure === 'newCustomerChurn90'
      ? months.filter((month) => month.end <= addDays(asOf, -90))
      : months;
  const points = usable.slice(-3).map((month) => ({ month, value: month[focus.figure] ?? null }));
  const latest = points.findLast((point) => point.value !== null) ?? null;
  return {
    points,
    latest,
    isMet:
      latest === null || latest.value === null
        ? null
        : meetsTarget(focus.figure, latest.value, focus.target),
  };
};

/**
 * A target as the owner types it: a percentage for shares ("35" is 35 %), an amount in the unit
 * amounts are shown in (Toman, Rial, pounds), a whole number for counts and NPS. Persian or
 * Arabic-Indic digits, grouping marks and '.' or '٫' as the decimal mark; null when it is not a
 * number (the range is the schema's to check).
 */
export const parseTarget = (
  kind: FigureKind,
  text: string,
  money: MoneySettings,
): number | null => {
  const cleaned = normaliseDigits(text)
    .replace(/\p{Cf}/gu, '')
    .replace(/[\s,\u066c]/g, '')
    .replace(/\u066b/g, '.')
    .replace(/^[\u2212\u2013]/, '-');
  if (!/^-?(\d+(\.\d+)?|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  switch (kind) {
    case 'share':
      return value / 100;
    case 'money':
      return Math.round(value * minorPerShownUnit(money));
    case 'count':
    case 'nps':
      return value;
  }
};

/** The stored target as the field shows it again (the inverse of parseTarget). */
export const targetText = (
  kind: FigureKind,
  target: number,
  money: MoneySettings,
  locale: Locale,
): string => {
  const shown =
    kind === 'share' ? target * 100 : kind === 'money' ? target / minorPerShownUnit(money) : target;
  return formatNumber(shown, locale, { useGrouping: false, maximumFractionDigits: 2 });
};

/** Minor units in one unit of what amounts are shown in: 10 Rial in a Toman, 100 pence in £1. */
export const minorPerShownUnit = (money: MoneySettings): number => {
  if (money.currency.toUpperCase() === 'IRR') return money.displayUnit === 'toman' ? 10 : 1;
  return 10 ** currencyMinorDigits(money.currency);
};
