import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../i18n/locale.ts';
import {
  calendarMonthOf,
  calendarMonthsBetween,
  defaultPeriod,
  fixedFrequencyScore,
  fixedRecencyScore,
  monthKeyOf,
  npsScore,
  quintileScores,
  rfmSegmentOf,
  rfmSegments,
} from './kpis.ts';

describe('calendar months for cohorts', () => {
  it.each([
    // Esfand 1403 is a leap month (30 days), Esfand 1404 is not (29).
    ['2025-03-20', 'persian', { label: '1403-12', start: '2025-02-19', end: '2025-03-20' }],
    ['2025-03-21', 'persian', { label: '1404-01', start: '2025-03-21', end: '2025-04-20' }],
    ['2026-03-20', 'persian', { label: '1404-12', start: '2026-02-20', end: '2026-03-20' }],
    ['2025-09-22', 'persian', { label: '1404-06', start: '2025-08-23', end: '2025-09-22' }],
    ['2025-09-23', 'persian', { label: '1404-07', start: '2025-09-23', end: '2025-10-22' }],
    ['2024-02-29', 'gregory', { label: '2024-02', start: '2024-02-01', end: '2024-02-29' }],
    ['2025-12-31', 'gregory', { label: '2025-12', start: '2025-12-01', end: '2025-12-31' }],
  ] as const)('%s in the %s calendar', (day, calendar, month) => {
    expect(calendarMonthOf(day, calendar)).toEqual(month);
  });

  it('agrees with Intl’s Persian calendar on every day, and months tile the timeline', () => {
    const format = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
      year: 'numeric',
      month: 'numeric',
      timeZone: 'UTC',
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const day = addDays('1950-01-01', n);
        const parts = format.formatToParts(new Date(`${day}T00:00:00Z`));
        const month = calendarMonthOf(day, 'persian');
        const year = parts.find((part) => part.type === 'year')?.value;
        const number = parts.find((part) => part.type === 'month')?.value;
        expect(month.label).toBe(`${year}-${number?.padStart(2, '0')}`);
        expect(month.start <= day && day <= month.end).toBe(true);
        expect(calendarMonthOf(addDays(month.end, 1), 'persian').start).toBe(addDays(month.end, 1));
      }),
    );
  });

  it.each([
    ['2025-03-20', 'persian', 1403 * 12 + 11],
    ['2025-03-21', 'persian', 1404 * 12],
    ['2025-09-23', 'persian', 1404 * 12 + 6],
    ['2025-01-31', 'gregory', 2025 * 12],
    ['2025-12-01', 'gregory', 2025 * 12 + 11],
  ] as const)('numbers the month of %s (%s) %i', (day, calendar, key) => {
    expect(monthKeyOf(day, calendar)).toBe(key);
    expect(monthKeyOf(calendarMonthOf(day, calendar).start, calendar)).toBe(key);
  });

  it('lists the months a range touches, across the Jalali year end', () => {
    expect(
      calendarMonthsBetween('2025-03-01', '2025-04-01', 'persian').map((m) => m.label),
    ).toEqual(['1403-12', '1404-01']);
    expect(
      calendarMonthsBetween('2025-01-31', '2025-03-01', 'gregory').map((m) => m.label),
    ).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(calendarMonthsBetween('2025-03-02', '2025-03-01', 'gregory')).toEqual([]);
  });
});

describe('the default period', () => {
  it.each([
    ['2026-11-01', '2025-11-02'],
    ['2025-01-01', '2024-01-02'],
    // No 29 February a year before: from 1 March.
    ['2024-02-29', '2023-03-01'],
  ])('the 12 months to %s start on %s', (asOf, from) => {
    expect(defaultPeriod(asOf)).toEqual({ from, to: asOf });
  });
});

describe('NPS', () => {
  it.each([
    [3, 1, 5, 40],
    [0, 0, 3, 0],
    [10, 0, 10, 100],
    [0, 7, 7, -100],
    // 12.5 and −12.5 round away from zero; 33.33… to 33.
    [1, 0, 8, 13],
    [0, 1, 8, -13],
    [1, 0, 3, 33],
    [2, 0, 3, 67],
  ])('%i promoters, %i detractors of %i answers: %i', (promoters, detractors, answers, score) => {
    expect(npsScore(promoters, detractors, answers)).toBe(score);
  });

  it('is null with no answers', () => {
    expect(npsScore(0, 0, 0)).toBeNull();
  });
});

describe('RFM', () => {
  it('scores distinct values in exact fifths and equal values alike', () => {
    const counts = new Map(Array.from({ length: 10 }, (_, i) => [i + 1, 1]));
    const scores = quintileScores(counts, (a, b) => a > b);
    expect([...scores.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
    // 60 % bought on one day only: all of them score 1; 2 days: 60 % are worse, so 4.
    const frequency = quintileScores(
      new Map([
        [1, 60],
        [2, 20],
        [3, 20],
      ]),
      (a, b) => a > b,
    );
    expect(Object.fromEntries(frequency)).toEqual({ 1: 1, 2: 4, 3: 5 });
    // Recency: fewer days is better.
    const recency = quintileScores(
      new Map([
        [10, 1],
        [400, 1],
      ]),
      (a, b) => a < b,
    );
    expect(Object.fromEntries(recency)).toEqual({ 10: 3, 400: 1 });
  });

  it.each([
    [5, 5, 'champions'],
    [4, 4, 'champions'],
    [3, 4, 'loyal'],
    [1, 5, 'loyal'],
    [4, 1, 'promisingNew'],
    [5, 1, 'promisingNew'],
    [3, 1, 'needsAttention'],
    [3, 3, 'needsAttention'],
    [2, 3, 'atRisk'],
    [1, 3, 'atRisk'],
    [2, 2, 'hibernating'],
    [1, 1, 'hibernating'],
    [4, 2, 'others'],
    [5, 3, 'others'],
  ] as const)('R %i F %i is %s', (r, f, segment) => {
    expect(rfmSegmentOf(r, f)).toBe(segment);
  });

  it.each([
    [0, 5],
    [30, 5],
    [31, 4],
    [60, 4],
    [90, 3],
    [91, 2],
    [180, 2],
    [181, 1],
  ])('a fixed recency of %i days scores %i', (days, score) => {
    expect(fixedRecencyScore(days)).toBe(score);
  });

  it.each([
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 4],
    [6, 5],
    [40, 5],
  ])('a fixed frequency of %i purchase days scores %i', (days, score) => {
    expect(fixedFrequencyScore(days)).toBe(score);
  });

  it('uses fixed thresholds below 100 customers and quintiles from 100', () => {
    const few = rfmSegments([{ recencyDays: 10, purchaseDays: 6, customers: 99 }]);
    expect(few).toMatchObject({ method: 'fixed', customers: 99, segments: { champions: 99 } });
    expect(few.grid[4]?.[4]).toBe(99);
    // 100 customers on 100 distinct recencies, each with 1 purchase day: all F = 1 (no one is
    // worse); the 40 most recent score R 4–5 (promising new), the next 20 R 3, the rest R ≤ 2.
    const many = rfmSegments(
      Array.from({ length: 100 }, (_, i) => ({ recencyDays: i, purchaseDays: 1, customers: 1 })),
    );
    expect(many.method).toBe('quintiles');
    expect(many.segments).toMatchObject({ promisingNew: 40, needsAttention: 20, hibernating: 40 });
  });
});
