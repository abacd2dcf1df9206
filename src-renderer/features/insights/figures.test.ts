import { describe, expect, it } from 'vitest';
import type { Kpis, KpiSeries } from '../../../src-shared/contract/index.ts';
import { HEADLINES, changeOf, formatChangeNumber, formatValue, previousValue } from './figures.ts';
import { loyaltyComparisonOf } from './loyalty.ts';
import { rfmGridCells } from './rfm.ts';

const toman = { currency: 'IRR', displayUnit: 'toman' } as const;

describe('headline changes against the previous period', () => {
  it('gives shares and NPS in points, other figures as a relative change', () => {
    expect(changeOf('repeatPurchaseRate', 'share', 0.34, 0.3)).toEqual({
      delta: expect.closeTo(4, 9) as number,
      unit: 'points',
      direction: 'up',
      tone: 'good',
    });
    expect(changeOf('nps', 'nps', 12, 20)).toMatchObject({
      delta: -8,
      unit: 'points',
      tone: 'bad',
    });
    expect(changeOf('revenue', 'money', 1500, 1200)).toMatchObject({
      delta: 0.25,
      unit: 'relative',
      direction: 'up',
    });
  });

  it('counts a fall in churn or refunds as good news', () => {
    expect(changeOf('newCustomerChurn90', 'share', 0.5, 0.6)).toMatchObject({
      direction: 'down',
      tone: 'good',
    });
    expect(changeOf('refundRate', 'share', 0.08, 0.05)).toMatchObject({
      direction: 'up',
      tone: 'bad',
    });
  });

  it('has no change without both values, or from nothing, and none below what is shown', () => {
    expect(changeOf('csat', 'share', null, 0.5)).toBeNull();
    expect(changeOf('csat', 'share', 0.5, null)).toBeNull();
    expect(changeOf('newCustomers', 'count', 12, 0)).toBeNull();
    expect(changeOf('newCustomers', 'count', 12, 12)).toMatchObject({
      delta: 0,
      direction: 'flat',
      tone: 'neutral',
    });
    expect(changeOf('csat', 'share', 0.5004, 0.5)).toMatchObject({ direction: 'flat' });
  });

  it('writes changes and values with the locale’s digits and signs', () => {
    const up = changeOf('revenue', 'money', 1500, 1200);
    const down = changeOf('repeatPurchaseRate', 'share', 0.3, 0.345);
    if (!up || !down) throw new Error('expected changes');
    expect(formatChangeNumber(up, 'en')).toBe('+25%');
    expect(formatChangeNumber(down, 'en')).toBe('-4.5');
    expect(formatChangeNumber(up, 'fa')).toBe('\u200e+۲۵٪');
    expect(formatValue('share', 0.3456, 'fa', toman)).toBe('۳۴٫۶٪');
    expect(formatValue('money', 12_345.4, 'en', toman)).toBe('1,234.5 Toman');
    expect(formatValue('nps', 12, 'en', toman)).toBe('+12');
    expect(formatValue('ratio', 1.8461, 'en', toman)).toBe('1.85');
    expect(formatValue('count', null, 'en', toman)).toBe('—');
  });

  it('compares a figure of the whole history with the day before the period', () => {
    const series = {
      beforePeriod: { repeatPurchaseRate: 0.25 },
      previous: { figures: { repeatPurchaseRate: 0.2, revenue: 900, nps: null } },
    } as KpiSeries;
    const byKey = (key: string) => HEADLINES.find((h) => h.key === key)!;
    expect(previousValue(byKey('repeatPurchaseRate'), series)).toBe(0.25);
    expect(previousValue(byKey('revenue'), series)).toBe(900);
    expect(previousValue(byKey('nps'), series)).toBeNull();
  });
});

describe('loyalty members vs others', () => {
  it('shows nothing until the figures carry it', () => {
    expect(loyaltyComparisonOf({} as Kpis)).toBeNull();
    expect(loyaltyComparisonOf({ loyaltyMembers: 3 } as unknown as Kpis)).toBeNull();
  });

  it('reads the groups’ sizes and both repeat rates', () => {
    const kpis = {
      loyaltyMembers: {
        members: { customers: 4, allCustomers: 40, repeatRate90: 0.6, repeatPurchaseRate: 0.8 },
        others: { customers: 30, allCustomers: 160, repeatRate90: null, repeatPurchaseRate: 0.3 },
      },
    } as unknown as Kpis;
    expect(loyaltyComparisonOf(kpis)).toEqual({
      members: { customers: 40, repeatRate90: 0.6, repeatPurchaseRate: 0.8 },
      others: { customers: 160, repeatRate90: null, repeatPurchaseRate: 0.3 },
      measures: ['repeatRate90', 'repeatPurchaseRate'],
    });
  });

  it('shows only the rates both groups carry', () => {
    const kpis = {
      loyaltyMembers: {
        members: { customers: 4, repeatPurchaseRate: 0.5 },
        nonMembers: { customers: 6, repeatPurchaseRate: 0.25 },
      },
    } as unknown as Kpis;
    expect(loyaltyComparisonOf(kpis)).toMatchObject({
      members: { customers: 4, repeatRate90: null, repeatPurchaseRate: 0.5 },
      measures: ['repeatPurchaseRate'],
    });
  });
});

describe('the RFM grid as drawn', () => {
  it('puts recent buyers on top and names each cell’s segment', () => {
    const grid = [
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12, 13, 14, 15],
      [16, 17, 18, 19, 20],
      [21, 22, 23, 24, 25],
    ];
    const cells = rfmGridCells(grid);
    expect(cells[0]?.map((cell) => cell.customers)).toEqual([21, 22, 23, 24, 25]);
    expect(cells[0]?.[0]).toEqual({ r: 5, f: 1, customers: 21, segment: 'promisingNew' });
    expect(cells[0]?.[4]?.segment).toBe('champions');
    expect(cells[2]?.[1]).toMatchObject({ r: 3, f: 2, segment: 'needsAttention' });
    expect(cells[4]?.[2]).toMatchObject({ r: 1, f: 3, segment: 'atRisk' });
    expect(cells[4]?.[0]).toMatchObject({ r: 1, f: 1, segment: 'hibernating', customers: 1 });
  });
});
