/**
 * The one locale module: every date, number and amount that the UI, the CLI or an export shows
 * goes through here, so Persian digits, the Jalali calendar and Toman look the same everywhere
 * (DESIGN.md §8). Formatting is delegated to Intl (ICU); the Jalali arithmetic in jalali.ts
 * follows ICU's rule, so parsing and display agree.
 */
import { normaliseDigits } from '../domain/persian-text.ts';
import {
  dayNumberToGregorian,
  gregorianToDayNumber,
  isValidGregorianDate,
  isValidJalaliDate,
  jalaliToGregorian,
} from './jalali.ts';

export type Locale = 'fa' | 'en';
export type CalendarKind = 'persian' | 'gregory';
export type FormatContext = { locale: Locale; calendar: CalendarKind; timeZone: string };
/**
 * `currency` is an ISO 4217 code. Iranian shops store amounts in Rial ('IRR') and choose to show
 * them in Toman (Rial / 10) or Rial; `displayUnit` is ignored for other currencies.
 */
export type MoneySettings = { currency: string; displayUnit: 'toman' | 'rial' | null };
export type DateStyle = 'short' | 'medium' | 'long' | 'full';
export type ParseDateResult =
  { ok: true; date: string } | { ok: false; reason: 'empty' | 'format' | 'invalid-date' };

export const DEFAULT_TIME_ZONE = 'Asia/Tehran';

/** BCP-47 tag for Intl: Persian digits for fa, day-month-year and 24-hour clock for en. */
export function intlLocale(ctx: Pick<FormatContext, 'locale' | 'calendar'>): string {
  return ctx.locale === 'fa'
    ? `fa-IR-u-nu-arabext-ca-${ctx.calendar}`
    : `en-GB-u-ca-${ctx.calendar}`;
}

function numberLocale(locale: Locale): string {
  return locale === 'fa' ? 'fa-IR-u-nu-arabext' : 'en-GB';
}

// Intl constructors cost far more than format calls, and lists format thousands of cells.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDate(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

type ParsedDateTime =
  /** A calendar day, or a wall-clock time with no offset: shown as written, in no zone. */
  | { kind: 'wall'; date: Date; hasTime: boolean }
  /** A real instant: shown in the shop's time zone. */
  | { kind: 'instant'; date: Date };

function utcDate(y: number, m: number, d: number, h = 0, min = 0, s = 0): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(h, min, s, 0);
  return date;
}

// 'Z', '+03:30', '+0330' or '+03' as minutes east of UTC.
function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return sign * (hours * 60 + minutes);
}

function parseDateTime(value: string): ParsedDateTime {
  const match = DATE_TIME_RE.exec(value.trim());
  if (!match) throw new RangeError(`Not an ISO date or date-time: ${value}`);
  const [, ys, ms, ds, hs, mins, ss, zone] = match;
  const y = Number(ys);
  const m = Number(ms);
  const d = Number(ds);
  if (!isValidGregorianDate(y, m, d)) throw new RangeError(`Invalid date: ${value}`);
  if (hs === undefined) {
    // Noon UTC, formatted in UTC: the same calendar day whatever the zone.
    return { kind: 'wall', date: utcDate(y, m, d, 12), hasTime: false };
  }
  const h = Number(hs);
  const min = Number(mins);
  const s = Number(ss ?? 0);
  if (h > 23 || min > 59 || s > 59) throw new RangeError(`Invalid time: ${value}`);
  const wall = utcDate(y, m, d, h, min, s);
  if (zone === undefined) return { kind: 'wall', date: wall, hasTime: true };
  return { kind: 'instant', date: new Date(wall.getTime() - offsetMinutes(zone) * 60_000) };
}

const DATE_STYLE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  // Numeric with two-digit month and day, e.g. ۱۴۰۳/۰۸/۱۵ or 05/11/2024: columns line up.
  short: { year: 'numeric', month: '2-digit', day: '2-digit' },
  medium: { dateStyle: 'medium' },
  long: { dateStyle: 'long' },
  // Built from the weekday and the long date in formatDate: ICU's own full Persian pattern
  // reads "۱۴۰۵ آذر ۱۴, شنبه", year first and with a Latin comma.
  full: { dateStyle: 'long' },
};

/**
 * Formats a calendar day ('YYYY-MM-DD') as that day, or an ISO date-time as its day in
 * ctx.timeZone. A date-time without an offset is a wall-clock time and is shown as written.
 * @throws RangeError for anything else.
 */
export function formatDate(value: string, ctx: FormatContext, style: DateStyle = 'medium'): string {
  const parsed = parseDateTime(value);
  const timeZone = parsed.kind === 'instant' ? ctx.timeZone : 'UTC';
  const locale = intlLocale(ctx);
  const date = dateFormat(locale, { ...DATE_STYLE_OPTIONS[style], timeZone }).format(parsed.date);
  if (style !== 'full') return date;
  // With the weekday, for the day a list is about: "Saturday, 5 December 2026", "شنبه، ۱۴ آذر ۱۴۰۵".
  const weekday = dateFormat(locale, { weekday: 'long', timeZone }).format(parsed.date);
  return ctx.locale === 'fa' ? `${weekday}، ${date}` : `${weekday}, ${date}`;
}

/** Medium date and 24-hour hh:mm in ctx.timeZone; a bare calendar day is shown without a time. */
export function formatDateTime(iso: string, ctx: FormatContext): string {
  const parsed = parseDateTime(iso);
  if (parsed.kind === 'wall' && !parsed.hasTime) return formatDate(iso, ctx);
  const timeZone = parsed.kind === 'instant' ? ctx.timeZone : 'UTC';
  const locale = intlLocale(ctx);
  const date = dateFormat(locale, { dateStyle: 'medium', timeZone }).format(parsed.date);
  // Built apart from the date because fa's own time pattern drops the hour's leading zero.
  const time = dateFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(parsed.date);
  return ctx.locale === 'fa' ? `${date}، ${time}` : `${date}, ${time}`;
}

/**
 * A time of day ('HH:MM', 24-hour, in no zone) as the locale writes it: 09:30, ۰۹:۳۰. The same
 * two-digit 24-hour pattern formatDateTime uses.
 * @throws RangeError for anything else.
 */
export function formatTimeOfDay(time: string, locale: Locale): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new RangeError(`Not a time of day: ${time}`);
  return dateFormat(numberLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(utcDate(2000, 1, 1, hour, minute));
}

/** Locale digits and grouping: ۱٬۲۳۴٫۵ in fa, 1,234.5 in en. */
export function formatNumber(n: number, locale: Locale, opts?: Intl.NumberFormatOptions): string {
  return numberFormat(numberLocale(locale), opts).format(n);
}

/** A fraction (0.25) as a percentage; null (no data, e.g. an empty cohort) shows as a dash. */
export function formatPercent(fraction: number | null, locale: Locale, fractionDigits = 0): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return formatNumber(fraction, locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}

const minorDigitsCache = new Map<string, number>();

/**
 * Digits of the currency's minor unit as ICU (CLDR) knows them: 2 for GBP, 0 for JPY and for
 * IRR (CLDR's cash practice, which is how Iranian shops count).
 * @throws RangeError for a malformed currency code.
 */
export function currencyMinorDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = minorDigitsCache.get(code);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    minorDigitsCache.set(code, digits);
  }
  return digits;
}

const UNIT_NAMES: Record<'toman' | 'rial', Record<Locale, string>> = {
  toman: { fa: 'تومان', en: 'Toman' },
  rial: { fa: 'ریال', en: 'Rial' },
};

/**
 * An amount held in integer minor units. Rial amounts show in Toman or Rial with the unit as a
 * word after the number; other currencies use Intl's currency style. In fa, Intl puts a
 * left-to-right mark before a negative number, so the minus stays on the number's left in
 * right-to-left text instead of jumping to its end.
 */
export function formatMoney(minor: number, money: MoneySettings, locale: Locale): string {
  const currency = money.currency.toUpperCase();
  if (currency === 'IRR') {
    // A missing choice shows Rial, the unit the amounts are stored in.
    const unit = money.displayUnit ?? 'rial';
    const amount = unit === 'toman' ? minor / 10 : minor;
    // A Rial amount that is not a whole number of Toman keeps its last digit, not rounded away.
    const text = formatNumber(amount, locale, { maximumFractionDigits: unit === 'toman' ? 1 : 0 });
    return `${text} ${UNIT_NAMES[unit][locale]}`;
  }
  const digits = currencyMinorDigits(currency);
  return formatNumber(minor / 10 ** digits, locale, {
    style: 'currency',
    currency,
    // A shop shows one currency, so '$' is clear where en-GB would write 'US$'.
    currencyDisplay: 'narrowSymbol',
  });
}

/**
 * An amount in minor units as a plain number in the unit formatMoney shows (Toman, Rial, or the
 * currency's major unit), for a spreadsheet column whose header names the unit (moneyUnit).
 */
export function moneyAmount(minor: number, money: MoneySettings): number {
  const currency = money.currency.toUpperCase();
  if (currency === 'IRR') return (money.displayUnit ?? 'rial') === 'toman' ? minor / 10 : minor;
  return minor / 10 ** currencyMinorDigits(currency);
}

/** The unit moneyAmount counts in: "Toman", "ریال", or the ISO code ("GBP"). */
export function moneyUnit(money: MoneySettings, locale: Locale): string {
  const currency = money.currency.toUpperCase();
  return currency === 'IRR' ? UNIT_NAMES[money.displayUnit ?? 'rial'][locale] : currency;
}

const DATE_INPUT_SEPARATORS_RE = /[\s/\\\-.\u060d\u066b]+/;

/**
 * Reads a typed date in either calendar: year first (1403/8/15, 2024-11-05) or day first with
 * the year last (15/8/1403, 05/11/2024), in any digits. The year decides the calendar: 1200–1599
 * is Jalali, 1800–2200 Gregorian. Two-digit years are refused as ambiguous, so `_preferred` is
 * unused for now; it stays in the signature for when they are supported.
 */
export function parseDateInput(text: string, _preferred: CalendarKind): ParseDateResult {
  const cleaned = normaliseDigits(text)
    .replace(/\p{Cf}/gu, '')
    .trim();
  if (cleaned === '') return { ok: false, reason: 'empty' };
  const parts = cleaned.split(DATE_INPUT_SEPARATORS_RE);
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) {
    return { ok: false, reason: 'format' };
  }
  const [a = '', b = '', c = ''] = parts;
  let ys: string;
  let ds: string;
  if (a.length === 4 && c.length <= 2) {
    ys = a;
    ds = c;
  } else if (c.length === 4 && a.length <= 2) {
    ys = c;
    ds = a;
  } else {
    return { ok: false, reason: 'format' };
  }
  if (b.length > 2) return { ok: false, reason: 'format' };
  const y = Number(ys);
  const m = Number(b);
  const d = Number(ds);
  if (y >= 1200 && y <= 1599) {
    if (!isValidJalaliDate(y, m, d)) return { ok: false, reason: 'invalid-date' };
    const g = jalaliToGregorian(y, m, d);
    return { ok: true, date: isoDate(g.year, g.month, g.day) };
  }
  if (y >= 1800 && y <= 2200) {
    if (!isValidGregorianDate(y, m, d)) return { ok: false, reason: 'invalid-date' };
    return { ok: true, date: isoDate(y, m, d) };
  }
  return { ok: false, reason: 'format' };
}

/**
 * The calendar day ('YYYY-MM-DD') of an instant in a time zone. A bare day, or a date-time
 * without an offset (already local), is its own day.
 */
export function localDateOf(isoInstant: string, timeZone: string): string {
  const parsed = parseDateTime(isoInstant);
  const parts = dateFormat('en-US-u-ca-gregory-nu-latn', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: parsed.kind === 'instant' ? timeZone : 'UTC',
  }).formatToParts(parsed.date);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return isoDate(part('year'), part('month'), part('day'));
}

/** Today's calendar day in the shop's zone; `now` is a parameter so callers and tests control it. */
export function todayIn(now: Date, timeZone: string): string {
  return localDateOf(now.toISOString(), timeZone);
}

function dayNumberOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const y = Number(match?.[1]);
  const m = Number(match?.[2]);
  const d = Number(match?.[3]);
  if (!match || !isValidGregorianDate(y, m, d)) throw new RangeError(`Not a date: ${date}`);
  return gregorianToDayNumber(y, m, d);
}

/** b − a in calendar days, for 'YYYY-MM-DD' days. @throws RangeError for malformed days. */
export function daysBetween(a: string, b: string): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

/** The 'YYYY-MM-DD' day `days` after (or before, if negative) the given day. */
export function addDays(date: string, days: number): string {
  const g = dayNumberToGregorian(dayNumberOf(date) + days);
  return isoDate(g.year, g.month, g.day);
}

/**
 * The month of the shop's calendar that a day ('YYYY-MM-DD') falls in, for chart labels: "مهر
 * ۱۴۰۴", "Mehr 1404", "Oct 2025". Without the era ICU writes after a Jalali month in English.
 */
export function formatMonth(day: string, ctx: Pick<FormatContext, 'locale' | 'calendar'>): string {
  const parsed = parseDateTime(day);
  return dateFormat(intlLocale(ctx), { year: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(parsed.date)
    .replace(/\s*AP$/, '');
}

/**
 * An amount in minor units shortened for a chart's axis, in the unit formatMoney shows: "۱۲٫۵
 * میلیون تومان", "12.5M Toman", "£13k".
 */
export function formatMoneyCompact(minor: number, money: MoneySettings, locale: Locale): string {
  const currency = money.currency.toUpperCase();
  const compact = { notation: 'compact', maximumFractionDigits: 1 } as const;
  if (currency === 'IRR') {
    const unit = money.displayUnit ?? 'rial';
    const amount = unit === 'toman' ? minor / 10 : minor;
    return `${formatNumber(amount, locale, compact)} ${UNIT_NAMES[unit][locale]}`;
  }
  return formatNumber(minor / 10 ** currencyMinorDigits(currency), locale, {
    ...compact,
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  });
}
