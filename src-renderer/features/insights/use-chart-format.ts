import { useMemo } from 'react';
import type { KpiMonth } from '../../../src-shared/contract/index.ts';
import {
  formatMoney,
  formatMoneyCompact,
  formatMonth,
  formatNumber,
  formatPercent,
} from '../../../src-shared/i18n/locale.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';

/** How the Insights charts write values and months in the shop's language and money. */
export type ChartFormat = {
  month: (month: Pick<KpiMonth, 'start'>) => string;
  percent: (fraction: number) => string;
  percentTick: (fraction: number) => string;
  money: (minor: number) => string;
  moneyTick: (minor: number) => string;
  number: (n: number) => string;
  signed: (n: number) => string;
};

export function useChartFormat(): ChartFormat {
  const { locale, calendar } = useLocale();
  const { settings } = useSettings();
  const { currency, displayUnit } = settings;
  return useMemo(() => {
    const money = { currency, displayUnit };
    return {
      month: (month) => formatMonth(month.start, { locale, calendar }),
      percent: (fraction) => formatPercent(fraction, locale, 1),
      percentTick: (fraction) => formatPercent(fraction, locale, 0),
      money: (minor) => formatMoney(Math.round(minor), money, locale),
      moneyTick: (minor) => formatMoneyCompact(minor, money, locale),
      number: (n) => formatNumber(n, locale),
      signed: (n) => formatNumber(n, locale, { signDisplay: 'exceptZero' }),
    };
  }, [locale, calendar, currency, displayUnit]);
}
