import { describe, expect, it } from 'vitest';
import type { KpiMonth } from '../../../src-shared/contract/index.ts';
import { focusProgress, parseTarget, targetText } from './focus.ts';

const month = (label: string, start: string, end: string, fields: Partial<KpiMonth>) =>
  ({ month: label, start, end, ...fields }) as KpiMonth;

const months = [
  month('2025-05', '2025-05-01', '2025-05-31', {
    repeatPurchaseRate: 0.3,
    newCustomerChurn90: 0.6,
  }),
  month('2025-06', '2025-06-01', '2025-06-30', {
    repeatPurchaseRate: 0.32,
    newCustomerChurn90: 0.5,
  }),
  month('2025-07', '2025-07-01', '2025-07-31', {
    repeatPurchaseRate: 0.31,
    newCustomerChurn90: 0.4,
  }),
  month('2025-08', '2025-08-01', '2025-08-31', {
    repeatPurchaseRate: 0.35,
    newCustomerChurn90: null,
  }),
  month('2025-09', '2025-09-01', '2025-09-30', {
    repeatPurchaseRate: 0.36,
    newCustomerChurn90: null,
  }),
  month('2025-10', '2025-10-01', '2025-10-31', {
    repeatPurchaseRate: null,
    newCustomerChurn90: null,
  }),
];

describe('the focus figure’s three-month progress', () => {
  it('follows the last three months and judges the latest known value', () => {
    const progress = focusProgress(
      { figure: 'repeatPurchaseRate', target: 0.35 },
      months,
      '2025-10-31',
    );
    expect(progress.points.map((p) => p.month.month)).toEqual(['2025-08', '2025-09', '2025-10']);
    expect(progress.latest?.month.month).toBe('2025-09');
    expect(progress.isMet).toBe(true);
    expect(
      focusProgress({ figure: 'repeatPurchaseRate', target: 0.4 }, months, '2025-10-31').isMet,
    ).toBe(false);
  });

  it('shows churn for the latest months whose cohort is 90 days old, lower being better', () => {
    // As of 2025-10-31, T − 90 = 2025-08-02: May, June and July are known.
    const progress = focusProgress(
      { figure: 'newCustomerChurn90', target: 0.45 },
      months,
      '2025-10-31',
    );
    expect(progress.points.map((p) => p.value)).toEqual([0.6, 0.5, 0.4]);
    expect(progress.isMet).toBe(true);
  });

  it('cannot judge without a value', () => {
    const progress = focusProgress({ figure: 'nps', target: 30 }, months, '2025-10-31');
    expect(progress.latest).toBeNull();
    expect(progress.isMet).toBeNull();
  });
});

describe('focus targets as typed', () => {
  const toman = { currency: 'IRR', displayUnit: 'toman' } as const;
  const pounds = { currency: 'GBP', displayUnit: null } as const;

  it.each([
    ['share', '۳۵', toman, 0.35],
    ['share', '12.5', toman, 0.125],
    ['money', '۱٬۵۰۰٬۰۰۰', toman, 15_000_000],
    ['money', '24.99', pounds, 2499],
    ['nps', '−20', toman, -20],
    ['count', '40', toman, 40],
    ['share', 'abc', toman, null],
    ['count', '', toman, null],
  ] as const)('%s "%s" is %s', (kind, text, money, value) => {
    expect(parseTarget(kind, text, money)).toBe(value);
  });

  it('shows a stored target back as it was typed', () => {
    expect(targetText('share', 0.35, toman, 'fa')).toBe('۳۵');
    expect(targetText('money', 15_000_000, toman, 'en')).toBe('1500000');
    expect(targetText('money', 2499, pounds, 'en')).toBe('24.99');
    expect(parseTarget('share', targetText('share', 0.125, toman, 'fa'), toman)).toBe(0.125);
  });
});
