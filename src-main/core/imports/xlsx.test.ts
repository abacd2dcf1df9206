import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  formatExcelDate,
  isEncryptedOoxml,
  isXlsxEntries,
  readOle2StreamNames,
  readSheetNames,
  readXlsxSheet,
  readZipEntries,
} from './xlsx.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url));

const withHandle = async <T>(
  name: string,
  use: (handle: Awaited<ReturnType<typeof open>>, size: number) => Promise<T>,
): Promise<T> => {
  const handle = await open(fixture(name), 'r');
  try {
    return await use(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
};

describe('cellText', () => {
  it.each<[unknown, string]>([
    ['علی رضایی ', 'علی رضایی '],
    [1250000, '1250000'],
    [2450000.5, '2450000.5'],
    [-0.25, '-0.25'],
    [9121234567, '9121234567'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [null, ''],
    [undefined, ''],
    [new Date(Date.UTC(2024, 3, 3, 12, 30)), '2024-04-03 12:30:00'],
  ])('writes %j as %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });

  it('rounds an Excel date-time to the second', () => {
    expect(formatExcelDate(new Date(Date.UTC(2024, 2, 20, 12, 29, 59, 999)))).toBe(
      '2024-03-20 12:30:00',
    );
    expect(formatExcelDate(new Date(Date.UTC(2024, 11, 31, 23, 59, 59, 600)))).toBe(
      '2025-01-01 00:00:00',
    );
    expect(formatExcelDate(new Date(Number.NaN))).toBe('');
  });
});

describe('containers', () => {
  it('lists an .xlsx zip and its sheets in workbook order', async () => {
    await withHandle('sales.xlsx', async (handle, size) => {
      const entries = await readZipEntries(handle, size);
      expect(entries && isXlsxEntries(entries)).toBe(true);
      expect(await readSheetNames(handle, entries ?? [])).toEqual(['فروش', 'یادداشت']);
    });
  });

  it('tells a zip of CSV files from an .xlsx', async () => {
    await withHandle('not-xlsx.zip', async (handle, size) => {
      const entries = await readZipEntries(handle, size);
      expect(entries?.map((entry) => entry.name)).toEqual(['sales.csv']);
      expect(isXlsxEntries(entries ?? [])).toBe(false);
    });
  });

  it('returns null for a file with no zip directory', async () => {
    await withHandle('utf8.csv', async (handle, size) => {
      expect(await readZipEntries(handle, size)).toBeNull();
    });
  });

  it('reads the OLE2 directory of a legacy .xls and of an encrypted .xlsx', async () => {
    const legacy = await withHandle('legacy.xls', readOle2StreamNames);
    expect(legacy).toEqual(['Root Entry', 'Workbook', '\u0005SummaryInformation']);
    expect(isEncryptedOoxml(legacy)).toBe(false);
    // The encryption streams sit in the directory's second sector, reached through the FAT.
    const encrypted = await withHandle('encrypted.xlsx', readOle2StreamNames);
    expect(encrypted).toContain('EncryptedPackage');
    expect(isEncryptedOoxml(encrypted)).toBe(true);
  });
});

describe('readXlsxSheet', () => {
  it('reads cells as text with sheet row numbers, skipping the empty row', async () => {
    expect(await readXlsxSheet(fixture('sales.xlsx'), 1)).toEqual([
      { line: 1, fields: ['شماره فاکتور', 'تاریخ', 'نام مشتری', 'موبایل', 'مبلغ کل', 'تسویه'] },
      {
        line: 2,
        fields: ['1001', '2024-04-03 12:30:00', 'علی رضایی', '09121234567', '1250000', 'TRUE'],
      },
      {
        line: 3,
        fields: ['1002', '2024-04-03 18:05:00', 'مريم كاظمي', '09351234567', '2450000.5', 'FALSE'],
      },
      { line: 5, fields: ['1003', '2024-04-04 09:00:00', 'Sara Ahmadi', '', '380000', 'TRUE'] },
    ]);
  });

  it('reads another sheet by its number', async () => {
    expect(await readXlsxSheet(fixture('sales.xlsx'), 2)).toEqual([
      { line: 1, fields: ['این برگه فروش ندارد'] },
    ]);
  });
});
