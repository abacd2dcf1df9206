import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../app/i18n/format.ts';
import { columnValues, filledCells, sampleDisplay } from './sample-value.ts';

const faFmt = createFormatter(
  { locale: 'fa', calendar: 'persian', timeZone: 'Asia/Tehran' },
  { currency: 'IRR', displayUnit: 'toman' },
);
const enFmt = createFormatter(
  { locale: 'en', calendar: 'gregory', timeZone: 'Europe/London' },
  { currency: 'GBP', displayUnit: null },
);

describe('sampleDisplay', () => {
  it('shows a date and time in the shop’s calendar', () => {
    expect(sampleDisplay('orderedAt', '2024-11-05T14:30', faFmt, 'fa')).toBe('۱۵ آبان ۱۴۰۳، ۱۴:۳۰');
    expect(sampleDisplay('orderedAt', '2010-12-01', enFmt, 'en')).toBe('1 Dec 2010');
  });

  it('shows amounts from minor units in the shop’s currency', () => {
    expect(sampleDisplay('unitPrice', '8500000', faFmt, 'fa')).toBe('۸۵۰٬۰۰۰ تومان');
    expect(sampleDisplay('unitPrice', '255', enFmt, 'en')).toBe('£2.55');
  });

  it('shows quantities, times and phones the way the app does', () => {
    expect(sampleDisplay('quantity', '-1', enFmt, 'en')).toBe('-1');
    expect(sampleDisplay('time', '09:10', faFmt, 'fa')).toBe('۰۹:۱۰');
    expect(sampleDisplay('phone', '+989121234567', enFmt, 'en')).toContain('912');
  });

  it('keeps text as it is', () => {
    expect(sampleDisplay('customerName', 'علی رضایی', faFmt, 'fa')).toBe('علی رضایی');
  });
});

describe('filledCells and columnValues', () => {
  it('skip blank cells', () => {
    const cell = (raw: string) => ({ line: 1, raw, parsed: raw || null, problem: null });
    expect(filledCells([cell(''), cell('a'), cell('b'), cell('c')], 2).map((c) => c.raw)).toEqual([
      'a',
      'b',
    ]);
    const rows = [{ fields: ['1', ''] }, { fields: ['2', ' x '] }, { fields: ['3'] }];
    expect(columnValues(rows, 1, 3)).toEqual(['x']);
    expect(columnValues(rows, 0, 2)).toEqual(['1', '2']);
  });
});
