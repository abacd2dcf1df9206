import { describe, expect, it } from 'vitest';
import { focusWindow, monthStartBefore, presetPeriod, yearStart } from './period.ts';

describe('Insights periods in the shop’s calendar', () => {
  // 2025-11-05 is 14 Aban 1404.
  const today = '2025-11-05';

  it.each([
    ['thisMonth', 'persian', '2025-10-23'], // 1 Aban 1404
    ['last3Months', 'persian', '2025-08-23'], // 1 Shahrivar 1404
    ['last12Months', 'persian', '2024-11-21'], // 1 Azar 1403: Azar 1403 … Aban 1404
    ['thisYear', 'persian', '2025-03-21'], // 1 Farvardin 1404
    ['thisMonth', 'gregory', '2025-11-01'],
    ['last3Months', 'gregory', '2025-09-01'],
    ['last12Months', 'gregory', '2024-12-01'],
    ['thisYear', 'gregory', '2025-01-01'],
  ] as const)('%s (%s) starts on %s and ends today', (preset, calendar, from) => {
    expect(presetPeriod(preset, today, calendar)).toEqual({ preset, from, to: today });
  });

  it('steps back across the Jalali year end, Esfand’s leap day included', () => {
    // 1 Farvardin 1404 is 2025-03-21; Esfand 1403 had 30 days, from 2025-02-19.
    expect(monthStartBefore('2025-03-21', 1, 'persian')).toBe('2025-02-19');
    expect(monthStartBefore('2025-04-01', 0, 'persian')).toBe('2025-03-21');
    expect(yearStart('2025-03-20', 'persian')).toBe('2024-03-20');
    expect(yearStart('2025-03-21', 'persian')).toBe('2025-03-21');
    expect(yearStart('2024-01-01', 'gregory')).toBe('2024-01-01');
  });

  it('follows the focus figure over the six months to today', () => {
    expect(focusWindow(today, 'gregory')).toEqual({ from: '2025-06-01', to: today });
    expect(focusWindow(today, 'persian')).toEqual({ from: '2025-05-22', to: today });
  });
});
