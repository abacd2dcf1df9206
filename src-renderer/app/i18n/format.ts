import { formatPhone } from '../../../src-shared/domain/phone.ts';
import type { DateStyle, FormatContext, MoneySettings } from '../../../src-shared/i18n/locale.ts';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
} from '../../../src-shared/i18n/locale.ts';

/** The shop's formats bound once, so components never pass the context around. */
export type Formatter = {
  date: (value: string | null, style?: DateStyle) => string;
  dateTime: (iso: string | null) => string;
  number: (n: number) => string;
  money: (minor: number) => string;
  phone: (e164: string) => string;
};

const EMPTY = '—';

// A value the core sent that the formatter cannot read is shown as it came rather than crashing.
const safely = (format: () => string, fallback: string): string => {
  try {
    return format();
  } catch {
    return fallback;
  }
};

export function createFormatter(ctx: FormatContext, money: MoneySettings): Formatter {
  return {
    date: (value, style = 'medium') =>
      value === null ? EMPTY : safely(() => formatDate(value, ctx, style), value),
    dateTime: (iso) => (iso === null ? EMPTY : safely(() => formatDateTime(iso, ctx), iso)),
    number: (n) => formatNumber(n, ctx.locale),
    money: (minor) => safely(() => formatMoney(minor, money, ctx.locale), String(minor)),
    phone: (e164) => safely(() => formatPhone(e164, ctx.locale), e164),
  };
}
