import {
  dayNumberToGregorian,
  gregorianToDayNumber,
  gregorianToJalali,
  isGregorianLeapYear,
  jalaliMonthLength,
  jalaliToGregorian,
} from '../i18n/jalali.ts';
import type { CalendarKind } from '../i18n/locale.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

const parts = (day: string): [number, number, number] => {
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  return [y, m, d];
};

/**
 * The next birthday on or after `from` (both 'YYYY-MM-DD', Gregorian), as the shop counts
 * birthdays: on the same day and month of its calendar, so a Persian shop greets on 5 Dey
 * whichever Gregorian day that falls on. A 29 February birthday is kept on 28 February in
 * common years, a 30 Esfand one on 29 Esfand: the greeting comes a day early, never late.
 */
export const nextBirthday = (birthday: string, from: string, calendar: CalendarKind): string => {
  const [by, bm, bd] = parts(birthday);
  const [fy, fm, fd] = parts(from);
  if (calendar === 'persian') {
    const born = gregorianToJalali(by, bm, bd);
    const start = gregorianToJalali(fy, fm, fd).year;
    for (let year = start; ; year += 1) {
      const day = Math.min(born.day, jalaliMonthLength(year, born.month));
      const g = jalaliToGregorian(year, born.month, day);
      const text = iso(g.year, g.month, g.day);
      if (text >= from) return text;
    }
  }
  for (let year = fy; ; year += 1) {
    const day = bm === 2 && bd === 29 && !isGregorianLeapYear(year) ? 28 : bd;
    const text = iso(year, bm, day);
    if (text >= from) return text;
  }
};

/**
 * Gregorian month-days ('MM-DD') on which a birthday falling in [from, to] can be stored, for a
 * prefilter in SQL: in the Jalali calendar the same birthday moves a day or two between
 * Gregorian years, so the span is widened; the exact test is nextBirthday.
 */
export const birthdayMonthDays = (from: string, to: string): string[] => {
  const first = gregorianToDayNumber(...parts(from)) - 3;
  const last = gregorianToDayNumber(...parts(to)) + 3;
  const keys = new Set<string>();
  for (let n = first; n <= last; n += 1) {
    const g = dayNumberToGregorian(n);
    keys.add(`${pad(g.month)}-${pad(g.day)}`);
  }
  // 29 February birthdays are greeted on 28 February in common years.
  if (keys.has('02-28')) keys.add('02-29');
  return [...keys].sort();
};
