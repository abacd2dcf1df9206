import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../src-shared/domain/import-fields.ts';
import {
  assignField,
  columnCount,
  FIELD_GROUPS,
  fieldOfColumn,
  fieldsByHeader,
  missingRequired,
} from './field-mapping.ts';

describe('assignField', () => {
  it('maps an unmapped column', () => {
    expect(assignField({ orderedAt: 1 }, 3, 'total')).toEqual({ orderedAt: 1, total: 3 });
  });

  it('takes the field off the column that had it', () => {
    expect(assignField({ orderedAt: 1, total: 2 }, 4, 'total')).toEqual({
      orderedAt: 1,
      total: 4,
    });
  });

  it('lets go of the field the column had before', () => {
    expect(assignField({ orderedAt: 1, total: 2 }, 2, 'lineTotal')).toEqual({
      orderedAt: 1,
      lineTotal: 2,
    });
  });

  it('unmaps a column for null', () => {
    expect(assignField({ orderedAt: 1, total: 2 }, 2, null)).toEqual({ orderedAt: 1 });
  });

  it('does not change the mapping it was given', () => {
    const mapping = { orderedAt: 1 };
    assignField(mapping, 1, 'total');
    expect(mapping).toEqual({ orderedAt: 1 });
  });

  it('leaves every field on one column and every column with one field', () => {
    let mapping = {};
    const moves = [
      [0, 'orderedAt'],
      [1, 'orderedAt'],
      [1, 'total'],
      [0, 'total'],
      [2, 'phone'],
      [0, null],
    ] as const;
    for (const [column, field] of moves) mapping = assignField(mapping, column, field);
    expect(mapping).toEqual({ phone: 2 });
  });
});

describe('fieldOfColumn', () => {
  it('names the field of a mapped column and null for the rest', () => {
    expect(fieldOfColumn({ orderedAt: 1, total: 3 }, 3)).toBe('total');
    expect(fieldOfColumn({ orderedAt: 1, total: 3 }, 2)).toBeNull();
  });
});

describe('fieldsByHeader', () => {
  it('names each field by its column’s header', () => {
    expect(fieldsByHeader(['تاریخ', ' مبلغ کل ', 'نام'], { orderedAt: 0, total: 1 })).toEqual({
      orderedAt: 'تاریخ',
      total: 'مبلغ کل',
    });
  });

  it('names a column with no header by its position, counted from 1', () => {
    expect(fieldsByHeader(['Date', '', 'Total'], { orderedAt: 0, note: 1 })).toEqual({
      orderedAt: 'Date',
      note: '#2',
    });
  });

  it('names a column by position when another column has the same header', () => {
    expect(fieldsByHeader(['Date', 'Amount', 'amount'], { orderedAt: 0, total: 2 })).toEqual({
      orderedAt: 'Date',
      total: '#3',
    });
  });
});

describe('columnCount', () => {
  it('is the wider of the header and the rows', () => {
    expect(columnCount(['a', 'b'], [{ fields: ['1', '2', '3'] }])).toBe(3);
    expect(columnCount(['a', 'b', 'c'], [{ fields: ['1'] }])).toBe(3);
    expect(columnCount([], [])).toBe(0);
  });
});

describe('missingRequired', () => {
  it('asks for a date first, then an amount', () => {
    expect(missingRequired({})).toBe('date');
    expect(missingRequired({ orderedAt: 0 })).toBe('amount');
    expect(missingRequired({ orderedAt: 0, unitPrice: 2 })).toBeNull();
    expect(missingRequired({ orderedAt: 0, lineTotal: 2 })).toBeNull();
    expect(missingRequired({ orderedAt: 0, total: 2 })).toBeNull();
  });
});

describe('FIELD_GROUPS', () => {
  it('offers every field exactly once', () => {
    const offered = FIELD_GROUPS.flatMap((group) => group.fields);
    expect([...offered].sort()).toEqual([...IMPORT_FIELDS].sort());
  });
});
