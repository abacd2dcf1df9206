import { describe, expect, it } from 'vitest';
import type { RejectedRow } from '../../../src-shared/contract/index.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import { rejectReasonText } from './import-text.ts';
import { rejectedFileName, rejectedRowsCsv } from './rejected-csv.ts';

const row = (line: number, fields: string[], value = 'abc'): RejectedRow => ({
  line,
  reason: 'bad_amount',
  params: { value },
  message: `"${value}" is not an amount.`,
  fields,
});

const BOM = '\ufeff';

describe('rejectedRowsCsv', () => {
  it('writes the file’s columns, then line and reason, with a BOM and CRLF line ends', () => {
    const csv = rejectedRowsCsv(
      ['receipt', 'date', 'total'],
      [row(3, ['2', '2024-05-01', 'abc']), row(7, ['6', '2024-05-02', 'x'], 'x')],
      (rejected) => rejected.message,
    );
    expect(csv).toBe(
      `${BOM}receipt,date,total,line,reason\r\n` +
        `2,2024-05-01,abc,3,"""abc"" is not an amount."\r\n` +
        `6,2024-05-02,x,7,"""x"" is not an amount."\r\n`,
    );
  });

  it('names columns past the header and pads shorter rows, as the batch download does', () => {
    const csv = rejectedRowsCsv(['a', ''], [row(2, ['1']), row(3, ['1', '2', '3'])], () => 'no');
    expect(csv.split('\r\n')).toEqual([
      `${BOM}a,column 2,column 3,line,reason`,
      '1,,,2,no',
      '1,2,3,3,no',
      '',
    ]);
  });

  it('keeps a cell that looks like a formula from running in a spreadsheet', () => {
    const csv = rejectedRowsCsv(['total'], [row(2, ['=1+2'])], () => 'no');
    expect(csv).toContain(`'=1+2,2,no`);
  });

  it('gives the translated reason as plain text, without the on-screen isolates', () => {
    const fa = createTranslator('fa');
    const csv = rejectedRowsCsv(['total'], [row(2, ['abc'])], (rejected) =>
      rejectReasonText(fa, rejected),
    );
    expect(rejectReasonText(fa, row(2, ['abc']))).toContain(isolate('abc'));
    expect(csv).toBe(`${BOM}total,line,reason\r\nabc,2,«abc» مبلغ نیست.\r\n`);
  });

  it('is only the header when no row was rejected', () => {
    expect(rejectedRowsCsv(['a', 'b'], [], () => '')).toBe(`${BOM}line,reason\r\n`);
  });
});

describe('rejectedFileName', () => {
  it('names the file after the one imported', () => {
    expect(rejectedFileName('bad-values.csv')).toBe('bad-values-rejected.csv');
    expect(rejectedFileName('فروش.۱۴۰۳.xlsx')).toBe('فروش.۱۴۰۳-rejected.csv');
    expect(rejectedFileName(null)).toBe('import-rejected.csv');
  });
});
