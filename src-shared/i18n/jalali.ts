/**
 * Jalali (Solar Hijri) calendar arithmetic.
 *
 * This uses the 33-year arithmetic rule, the same one ICU implements for `calendar: 'persian'`,
 * so a date we compute always matches the date `Intl.DateTimeFormat` prints. The official
 * (astronomical) calendar differs from it only in rare years far outside the range a shop cares
 * about; matching what the UI displays matters more.
 */

export type CalendarDate = { year: number; month: number; day: number };

const DAYS_PER_33_YEARS = 33 * 365 + 8;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function gregorianToDayNumber(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of gregorianToDayNumber. */
export function dayNumberToGregorian(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isGregorianLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function gregorianMonthLength(y: number, m: number): number {
  if (m === 2) return isGregorianLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidGregorianDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= gregorianMonthLength(y, m)
  );
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/** ICU's rule: a year is leap iff (25·jy + 11) mod 33 < 8. */
export function isJalaliLeapYear(jy: number): boolean {
  return mod(25 * jy + 11, 33) < 8;
}

export function jalaliMonthLength(jy: number, jm: number): number {
  if (jm <= 6) return 31;
  if (jm <= 11) return 30;
  return isJalaliLeapYear(jy) ? 30 : 29;
}

export function isValidJalaliDate(jy: number, jm: number, jd: number): boolean {
  return (
    Number.isInteger(jy) &&
    Number.isInteger(jm) &&
    Number.isInteger(jd) &&
    jm >= 1 &&
    jm <= 12 &&
    jd >= 1 &&
    jd <= jalaliMonthLength(jy, jm)
  );
}

// Leap days before year jy, counted so that year starts step by 366 exactly after leap years.
function jalaliYearStartUncalibrated(jy: number): number {
  return 365 * (jy - 1) + Math.floor((8 * jy + 21) / 33);
}

// Calibrated on 1 Farvardin 1404 = 2025-03-21.
const JALALI_EPOCH = gregorianToDayNumber(2025, 3, 21) - jalaliYearStartUncalibrated(1404);

function jalaliYearStart(jy: number): number {
  return JALALI_EPOCH + jalaliYearStartUncalibrated(jy);
}

function jalaliMonthOffset(jm: number): number {
  return jm <= 7 ? 31 * (jm - 1) : 30 * (jm - 1) + 6;
}

/** Days from 1970-01-01 to a Jalali date. */
export function jalaliToDayNumber(jy: number, jm: number, jd: number): number {
  return jalaliYearStart(jy) + jalaliMonthOffset(jm) + jd - 1;
}

export function dayNumberToJalali(dayNumber: number): CalendarDate {
  let year = Math.floor(((dayNumber - JALALI_EPOCH) * 33) / DAYS_PER_33_YEARS) + 1;
  while (jalaliYearStart(year) > dayNumber) year -= 1;
  while (jalaliYearStart(year + 1) <= dayNumber) year += 1;
  const dayOfYear = dayNumber - jalaliYearStart(year);
  if (dayOfYear < 186) {
    return { year, month: Math.floor(dayOfYear / 31) + 1, day: (dayOfYear % 31) + 1 };
  }
  const rest = dayOfYear - 186;
  return { year, month: Math.floor(rest / 30) + 7, day: (rest % 30) + 1 };
}

/** @throws RangeError when the Gregorian date does not exist. */
export function gregorianToJalali(y: number, m: number, d: number): CalendarDate {
  if (!isValidGregorianDate(y, m, d)) throw new RangeError(`Invalid Gregorian date ${y}-${m}-${d}`);
  return dayNumberToJalali(gregorianToDayNumber(y, m, d));
}

/** @throws RangeError when the Jalali date does not exist (e.g. 1404/12/30). */
export function jalaliToGregorian(jy: number, jm: number, jd: number): CalendarDate {
  if (!isValidJalaliDate(jy, jm, jd)) throw new RangeError(`Invalid Jalali date ${jy}/${jm}/${jd}`);
  return dayNumberToGregorian(jalaliToDayNumber(jy, jm, jd));
}
