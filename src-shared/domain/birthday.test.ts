import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gregorianToJalali, isJalaliLeapYear, jalaliToGregorian } from '../i18n/jalali.ts';
import { addDays } from '../i18n/locale.ts';
import { birthdayMonthDays, nextBirthday } from './birthday.ts';

const iso = (g: { year: number; month: number; day: number }) =>
  `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
const parts = (day: string) => day.split('-').map(Number) as [number, number, number];

describe('nextBirthday', () => {
  it.each([
    ['1990-01-01', '2026-12-29', '2027-01-01'],
    ['1990-12-29', '2026-12-29', '2026-12-29'],
    ['1990-12-28', '2026-12-29', '2027-12-28'],
    ['1992-02-29', '2027-01-10', '2027-02-28'],
    ['1992-02-29', '2028-01-10', '2028-02-29'],
  ])('gregory: born %s, from %s → %s', (born, from, next) => {
    expect(nextBirthday(born, from, 'gregory')).toBe(next);
  });

  it('persian: keeps the Jalali month and day across the Jalali year end', () => {
    const born = iso(jalaliToGregorian(1370, 1, 1));
    const from = iso(jalaliToGregorian(1405, 12, 27));
    expect(nextBirthday(born, from, 'persian')).toBe(iso(jalaliToGregorian(1406, 1, 1)));
  });

  it('persian: a 30 Esfand birthday falls on 29 Esfand in a common year', () => {
    const born = iso(jalaliToGregorian(1403, 12, 30));
    expect(nextBirthday(born, iso(jalaliToGregorian(1405, 12, 1)), 'persian')).toBe(
      iso(jalaliToGregorian(1405, 12, 29)),
    );
    const leap = [1406, 1407, 1408, 1409, 1410].find(isJalaliLeapYear)!;
    expect(nextBirthday(born, iso(jalaliToGregorian(leap, 12, 1)), 'persian')).toBe(
      iso(jalaliToGregorian(leap, 12, 30)),
    );
  });

  const day = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays('1950-01-01', n));

  it('is on or after the start, within a year, and on the birthday in the chosen calendar', () => {
    fc.assert(
      fc.property(
        day,
        day,
        fc.constantFrom('gregory', 'persian' as const),
        (born, from, calendar) => {
          const next = nextBirthday(born, from, calendar as 'gregory' | 'persian');
          expect(next >= from).toBe(true);
          expect(next <= addDays(from, 366)).toBe(true);
          if (calendar === 'persian') {
            const b = gregorianToJalali(...parts(born));
            const n = gregorianToJalali(...parts(next));
            expect(n.month).toBe(b.month);
            if (!(b.month === 12 && b.day === 30)) expect(n.day).toBe(b.day);
          } else if (born.slice(5) !== '02-29') {
            expect(next.slice(5)).toBe(born.slice(5));
          }
          // The SQL prefilter never misses it.
          expect(birthdayMonthDays(next, next)).toContain(born.slice(5));
        },
      ),
    );
  });
});
