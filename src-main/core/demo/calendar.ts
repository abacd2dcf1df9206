/**
 * The demo shop's days: for each calendar day of the generated span, its local date, where its
 * local midnight falls in UTC, how busy the shop is and when it is open. Everything per order is
 * then a table look-up, which is what lets a million orders be written in seconds.
 */
import { AppError } from '../../../src-shared/contract/errors.ts';
import {
  dayNumberToGregorian,
  gregorianToDayNumber,
  isValidGregorianDate,
  jalaliToDayNumber,
} from '../../../src-shared/i18n/jalali.ts';
import type { DemoLocale, Season } from './catalogue.ts';
import { cumulativeWeights } from './rng.ts';
import { zoneOffsetReader } from '../zoned-time.ts';

const DAY_MS = 86_400_000;

/** Index 0 is 'normal' (no season); the others match Product.season. */
export const SEASONS: readonly (Season | null)[] = [null, 'nowruz', 'yalda', 'christmas'];

export type DemoCalendar = {
  /** Number of days; day k is firstDayNumber + k. */
  length: number;
  /** Days since 1970-01-01 of the first day. */
  firstDayNumber: number;
  /** 'YYYY-MM-DD' of each day in the shop's time zone. */
  localDates: readonly string[];
  /** UTC milliseconds of each day's local 00:00, using the offset in force at local noon. */
  localMidnightUtc: Float64Array;
  /** Relative busyness (weekday × season); 0 when the shop is closed. Mean 1 over the span. */
  busyness: Float64Array;
  /** Index into SEASONS: which seasonal products sell that day. */
  season: Uint8Array;
  /** Index into openingHours: the day's hourly pattern (a short day or a full one). */
  hoursKind: Uint8Array;
  /** Per hours kind, cumulative weights over the 24 hours of the day (0 outside opening hours). */
  openingHours: readonly Float64Array[];
};

export const parseIsoDate = (value: string): { year: number; month: number; day: number } => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  if (year === undefined || month === undefined || day === undefined) {
    throw new AppError('bad_input', `asOf must be a date as YYYY-MM-DD, not '${value}'.`);
  }
  if (!isValidGregorianDate(year, month, day)) {
    throw new AppError('bad_input', `asOf ${value} is not a real date.`);
  }
  return { year, month, day };
};

export const formatDayNumber = (dayNumber: number): string => {
  const { year, month, day } = dayNumberToGregorian(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Offset (local − UTC, in ms) of a time zone at an instant. */
const zoneOffsetMsReader = (timeZone: string): ((utcMs: number) => number) => {
  let minutesAt: (utcMs: number) => number;
  try {
    minutesAt = zoneOffsetReader(timeZone);
  } catch {
    throw new AppError('bad_input', `Unknown time zone '${timeZone}'.`, { timeZone });
  }
  return (utcMs) => minutesAt(utcMs) * 60_000;
};

// 0 = Sunday … 6 = Saturday. Iranian shops are quiet on Friday and busiest on Thursday, the eve of
// the weekend; English ones peak on Saturday and trade short hours on Sunday.
const WEEKDAY_FACTOR: Readonly<Record<DemoLocale, readonly number[]>> = {
  fa: [0.95, 0.95, 1.0, 1.05, 1.3, 0.45, 1.05],
  en: [0.6, 0.85, 0.9, 0.95, 1.0, 1.15, 1.4],
};

// Weights of the hours 10:00–20:59; the shop is open 10:00–21:00.
const HOURS: Readonly<Record<DemoLocale, { full: number[]; short: number[]; shortDay: number }>> = {
  // Afternoon and evening trade, a lull after lunch; Friday opens only in the evening.
  fa: {
    full: [0.5, 0.8, 0.9, 0.7, 0.4, 0.5, 0.9, 1.2, 1.4, 1.5, 1.2],
    short: [0, 0, 0, 0, 0, 0, 1.0, 1.2, 1.4, 1.4, 1.1],
    shortDay: 5,
  },
  // Midday peak; Sunday trading is 10:00–16:00.
  en: {
    full: [0.7, 1.0, 1.3, 1.3, 1.1, 1.0, 0.9, 0.9, 0.6, 0.4, 0.25],
    short: [0.8, 1.1, 1.3, 1.3, 1.1, 0.9, 0, 0, 0, 0, 0],
    shortDay: 0,
  },
};

const hourTable = (weights: readonly number[]): Float64Array => {
  const day = new Array<number>(24).fill(0);
  weights.forEach((weight, i) => (day[10 + i] = weight));
  return cumulativeWeights(day);
};

type DayInfo = { dayNumber: number; year: number; month: number; day: number; weekday: number };
type SeasonRule = { factor: number; season: number };

/** Nowruz, Yalda and Sepandarmazgan for an Iranian shop: gift and new-year buying. */
const persianSeason = (info: DayInfo): SeasonRule => {
  // 1 Farvardin of the Jalali year that starts in this Gregorian year.
  const jalaliYear = info.year - 621;
  const nowruz = jalaliToDayNumber(jalaliYear, 1, 1);
  const beforeNowruz = nowruz - info.dayNumber;
  if (beforeNowruz >= 1 && beforeNowruz <= 15)
    return { factor: 3.0 - beforeNowruz * 0.1, season: 1 };
  if (beforeNowruz >= 16 && beforeNowruz <= 25) return { factor: 1.2, season: 1 };
  const afterNowruz = info.dayNumber - nowruz;
  // Most shops close for the first days of the new year and for Sizdah Bedar (13 Farvardin).
  if (afterNowruz >= 0 && afterNowruz <= 3) return { factor: 0.15, season: 0 };
  if (afterNowruz === 12) return { factor: 0.1, season: 0 };
  if (afterNowruz >= 4 && afterNowruz <= 11) return { factor: 0.6, season: 0 };
  // Yalda is the night after 30 Azar, which falls in December of the same Gregorian year.
  const yalda = jalaliToDayNumber(jalaliYear, 9, 30);
  const beforeYalda = yalda - info.dayNumber;
  if (beforeYalda >= 0 && beforeYalda <= 10) return { factor: 2.2 - beforeYalda * 0.09, season: 2 };
  if (beforeYalda >= 11 && beforeYalda <= 14) return { factor: 1.1, season: 2 };
  // 29 Bahman falls in February, in the Jalali year that began the previous spring.
  const sepandarmazgan = jalaliToDayNumber(jalaliYear - 1, 11, 29);
  const beforeSepandarmazgan = sepandarmazgan - info.dayNumber;
  if (beforeSepandarmazgan >= 0 && beforeSepandarmazgan <= 4) return { factor: 1.4, season: 0 };
  if (info.month === 7 || info.month === 8) return { factor: 0.85, season: 0 };
  return { factor: 1, season: 0 };
};

/** Black Friday, Christmas, the January lull and Valentine's Day for an English shop. */
const englishSeason = (info: DayInfo): SeasonRule => {
  const { year, month, day } = info;
  if (month === 12) {
    if (day <= 23) return { factor: 1.3 + (day - 1) * 0.06, season: 3 };
    if (day === 24) return { factor: 1.4, season: 3 };
    if (day === 25) return { factor: 0, season: 0 };
    if (day === 26) return { factor: 1.7, season: 0 };
    return { factor: 1.0, season: 0 };
  }
  if (month === 1) return { factor: day === 1 ? 0 : 0.75, season: 0 };
  if (month === 11) {
    const firstOfNovember = gregorianToDayNumber(year, 11, 1);
    const firstFriday = firstOfNovember + ((5 - weekdayOf(firstOfNovember) + 7) % 7);
    const fromBlackFriday = info.dayNumber - (firstFriday + 21);
    if (fromBlackFriday >= -7 && fromBlackFriday <= -1) return { factor: 0.85, season: 3 };
    if (fromBlackFriday >= 0 && fromBlackFriday <= 3) {
      return { factor: [3.0, 2.0, 1.6, 1.5][fromBlackFriday] ?? 1, season: 3 };
    }
    return { factor: 1, season: day >= 15 ? 3 : 0 };
  }
  if (month === 2 && day >= 7 && day <= 14) return { factor: 1.3, season: 0 };
  if (month === 7 || month === 8) return { factor: 0.9, season: 0 };
  return { factor: 1, season: 0 };
};

const weekdayOf = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

/**
 * The days from three years before asOf up to the day before asOf. The shop's "today" has not
 * been traded yet: a demo created in the morning must not hold sales from this evening.
 */
export const buildCalendar = (asOf: string, timeZone: string, locale: DemoLocale): DemoCalendar => {
  const { year, month, day } = parseIsoDate(asOf);
  const asOfDay = gregorianToDayNumber(year, month, day);
  // 29 February three years earlier does not exist: start on the 28th.
  const startDay = gregorianToDayNumber(year - 3, month, Math.min(day, month === 2 ? 28 : day));
  const length = asOfDay - startDay;
  const offsetAt = zoneOffsetMsReader(timeZone);
  const hours = HOURS[locale];
  const weekdayFactor = WEEKDAY_FACTOR[locale];
  const seasonOf = locale === 'fa' ? persianSeason : englishSeason;

  const localDates: string[] = [];
  const localMidnightUtc = new Float64Array(length);
  const busyness = new Float64Array(length);
  const season = new Uint8Array(length);
  const hoursKind = new Uint8Array(length);
  let sum = 0;
  let previousOffset = Number.NaN;
  for (let k = 0; k < length; k += 1) {
    const dayNumber = startDay + k;
    const date = dayNumberToGregorian(dayNumber);
    const weekday = weekdayOf(dayNumber);
    localDates.push(formatDayNumber(dayNumber));
    // Offsets change at night (DST), never during opening hours, so local noon's offset holds
    // for the whole trading day. Two reads: the first finds local noon, the second confirms it.
    const noonUtc = dayNumber * DAY_MS + 12 * 3_600_000;
    const guess = Number.isNaN(previousOffset) ? offsetAt(noonUtc) : previousOffset;
    const offset = offsetAt(noonUtc - guess);
    previousOffset = offset;
    localMidnightUtc[k] = dayNumber * DAY_MS - offset;
    const rule = seasonOf({ dayNumber, ...date, weekday });
    const factor = (weekdayFactor[weekday] ?? 1) * rule.factor;
    busyness[k] = factor;
    season[k] = rule.season;
    hoursKind[k] = weekday === hours.shortDay ? 1 : 0;
    sum += factor;
  }
  const mean = sum / length;
  for (let k = 0; k < length; k += 1) busyness[k] = (busyness[k] ?? 0) / mean;

  return {
    length,
    firstDayNumber: startDay,
    localDates,
    localMidnightUtc,
    busyness,
    season,
    hoursKind,
    openingHours: [hourTable(hours.full), hourTable(hours.short)],
  };
};
