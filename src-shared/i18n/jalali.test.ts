import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumberToGregorian,
  dayNumberToJalali,
  gregorianToDayNumber,
  gregorianToJalali,
  isJalaliLeapYear,
  isValidJalaliDate,
  jalaliMonthLength,
  jalaliToDayNumber,
  jalaliToGregorian,
} from './jalali.ts';

const DAY_MS = 86_400_000;

describe('gregorianToJalali agrees with ICU for every day 1925-03-21 … 2100-12-31', () => {
  const icu = new Intl.DateTimeFormat('en-US-u-ca-persian', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });

  it('matches Intl and round-trips', () => {
    let days = 0;
    for (let t = Date.UTC(1925, 2, 21); t <= Date.UTC(2100, 11, 31); t += DAY_MS) {
      const date = new Date(t);
      const g = {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
      };
      const parts = icu.formatToParts(date);
      const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      const expected = { year: part('year'), month: part('month'), day: part('day') };
      const j = gregorianToJalali(g.year, g.month, g.day);
      // Compare cheaply first; a failing expect per day would be far too slow to build.
      if (j.year !== expected.year || j.month !== expected.month || j.day !== expected.day) {
        expect({ gregorian: g, jalali: j }).toEqual({ gregorian: g, jalali: expected });
      }
      const back = jalaliToGregorian(j.year, j.month, j.day);
      if (back.year !== g.year || back.month !== g.month || back.day !== g.day) {
        expect(back).toEqual(g);
      }
      days += 1;
    }
    expect(days).toBe(64_204);
  });
});

describe('Nowruz and the last day of Esfand', () => {
  it.each([
    [1403, 12, 30, '2025-03-20'],
    [1404, 1, 1, '2025-03-21'],
    [1404, 12, 29, '2026-03-20'],
    [1405, 1, 1, '2026-03-21'],
    [1399, 12, 30, '2021-03-20'],
    [1400, 1, 1, '2021-03-21'],
    [1403, 1, 1, '2024-03-20'],
    [1402, 12, 29, '2024-03-19'],
    [1403, 8, 15, '2024-11-05'],
    [1304, 1, 1, '1925-03-21'],
    [1479, 10, 10, '2100-12-31'],
    [1400, 6, 31, '2021-09-22'],
    [1400, 7, 1, '2021-09-23'],
  ])('%i/%i/%i = %s', (jy, jm, jd, iso) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(jalaliToGregorian(jy, jm, jd)).toEqual({ year: y, month: m, day: d });
    expect(gregorianToJalali(y, m, d)).toEqual({ year: jy, month: jm, day: jd });
  });

  it.each([
    [1399, true],
    [1400, false],
    [1402, false],
    [1403, true],
    [1404, false],
    [1407, false],
    [1408, true],
    [1370, true],
    [1375, true],
  ])('leap(%i) = %s', (jy, leap) => {
    expect(isJalaliLeapYear(jy)).toBe(leap);
    expect(jalaliMonthLength(jy, 12)).toBe(leap ? 30 : 29);
    expect(isValidJalaliDate(jy, 12, 30)).toBe(leap);
  });

  it('1404/12/30 does not exist', () => {
    expect(isValidJalaliDate(1404, 12, 30)).toBe(false);
    expect(() => jalaliToGregorian(1404, 12, 30)).toThrow(RangeError);
  });
});

describe('validation', () => {
  it.each([
    [1404, 0, 1],
    [1404, 13, 1],
    [1404, 1, 0],
    [1404, 1, 32],
    [1404, 7, 31],
    [1404, 1.5, 1],
  ])('jalaliToGregorian(%i, %i, %i) throws', (jy, jm, jd) => {
    expect(() => jalaliToGregorian(jy, jm, jd)).toThrow(RangeError);
  });

  it.each([
    [2025, 2, 29],
    [2024, 2, 30],
    [1900, 2, 29],
    [2024, 4, 31],
    [2024, 13, 1],
    [2024, 0, 10],
  ])('gregorianToJalali(%i, %i, %i) throws', (y, m, d) => {
    expect(() => gregorianToJalali(y, m, d)).toThrow(RangeError);
  });

  it.each([
    [1, 31],
    [6, 31],
    [7, 30],
    [11, 30],
  ])('month %i has %i days', (jm, days) => {
    expect(jalaliMonthLength(1404, jm)).toBe(days);
  });
});

describe('properties over a wide range', () => {
  const dayNumber = fc.integer({ min: -400_000, max: 400_000 });

  it('day numbers round-trip through both calendars', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        const g = dayNumberToGregorian(n);
        expect(gregorianToDayNumber(g.year, g.month, g.day)).toBe(n);
        const j = dayNumberToJalali(n);
        expect(isValidJalaliDate(j.year, j.month, j.day)).toBe(true);
        expect(jalaliToDayNumber(j.year, j.month, j.day)).toBe(n);
      }),
    );
  });

  it('Gregorian day numbers match Date.UTC', () => {
    fc.assert(
      fc.property(dayNumber, (n) => {
        const date = new Date(n * DAY_MS);
        expect(dayNumberToGregorian(n)).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
      }),
    );
  });

  it('a Jalali year is 366 days long exactly when it is a leap year', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 3000 }), (jy) => {
        const length = jalaliToDayNumber(jy + 1, 1, 1) - jalaliToDayNumber(jy, 1, 1);
        expect(length).toBe(isJalaliLeapYear(jy) ? 366 : 365);
      }),
    );
  });
});
