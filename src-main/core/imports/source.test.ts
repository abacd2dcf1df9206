import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-shared/contract/errors.ts';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import { sheetXml, workbookZip } from '../../../tests/fixtures/xlsx-parts.ts';
import { writeXlsxTable } from '../exports/xlsx-writer.ts';
import { readRows, sniffFile } from './source.ts';
import type { Delimiter, EncodingName, RawRow, ReadSettings, Sniffed } from './source.ts';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url));

const temp = makeTempDir('bazgasht-source-');
afterAll(() => temp.remove());
let tempFiles = 0;
const tempFile = (bytes: Uint8Array | string, name = 'file.csv'): string => {
  tempFiles += 1;
  const path = temp.file(`${tempFiles}-${name}`);
  writeFileSync(path, bytes);
  return path;
};

const readAll = async (
  path: string,
  settings: ReadSettings,
  chunkBytes?: number,
): Promise<RawRow[]> => {
  const reader = readRows(path, settings, chunkBytes === undefined ? {} : { chunkBytes });
  const rows: RawRow[] = [];
  for await (const batch of reader.batches) rows.push(...batch);
  return rows;
};

const settingsOf = (sniffed: Sniffed): ReadSettings => ({
  format: sniffed.format,
  encoding: sniffed.encoding,
  delimiter: sniffed.delimiter,
  ...(sniffed.sheet !== null && { sheet: sniffed.sheet }),
});

/** The AppError a promise rejects with (or a function throws), as plain data. */
const failure = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, message: error.message, details: error.details };
  }
  throw new Error('expected an AppError');
};

const SALES_HEADER = ['شماره فاکتور', 'تاریخ', 'نام مشتری', 'موبایل', 'مبلغ کل'];

type Case = {
  name: string;
  sniffed: Partial<Sniffed>;
  /** The line of every row, in order. */
  lines: number[];
  /** The first rows' fields. */
  first: string[][];
};

const CASES: Case[] = [
  {
    name: 'utf8.csv',
    sniffed: { encoding: 'utf-8', hasBom: false, delimiter: ',' },
    lines: [1, 2, 3, 4],
    first: [
      SALES_HEADER,
      ['1001', '1403/01/15', 'علی رضایی', '09121234567', '1250000'],
      ['1002', '1403/01/15', 'مريم كاظمي', '09351234567', '2,450,000'],
    ],
  },
  {
    name: 'utf8-bom.csv',
    sniffed: { encoding: 'utf-8', hasBom: true, delimiter: ',' },
    lines: [1, 2, 3, 4],
    first: [SALES_HEADER, ['1001', '1403/01/15', 'علی رضایی', '09121234567', '1250000']],
  },
  {
    name: 'utf16le-bom.txt',
    sniffed: { encoding: 'utf-16le', hasBom: true, delimiter: '\t' },
    lines: [1, 2, 3],
    first: [SALES_HEADER, ['1001', '1403/01/15', 'علی رضایی', '09121234567', '1250000']],
  },
  {
    name: 'utf16be-bom.txt',
    sniffed: { encoding: 'utf-16be', hasBom: true, delimiter: '\t' },
    lines: [1, 2, 3],
    first: [SALES_HEADER, ['1001', '1403/01/15', 'علی رضایی', '09121234567', '1250000']],
  },
  {
    // Windows-1256 has no Persian ی: Windows wrote Arabic ي, and that is what comes back.
    name: 'windows-1256.csv',
    sniffed: { encoding: 'windows-1256', hasBom: false, delimiter: ',' },
    lines: [1, 2, 3, 4],
    first: [
      ['شماره فاکتور', 'تاريخ', 'نام مشتري', 'موبايل', 'مبلغ کل'],
      ['1001', '1403/01/15', 'علي رضايي', '09121234567', '1250000'],
      ['1002', '1403/01/16', 'پرويز چگيني', '09351234567', '870000'],
      ['1003', '1403/01/16', 'ژاله کريمي', '09191234567', '45000'],
    ],
  },
  {
    name: 'windows-1252.csv',
    sniffed: { encoding: 'windows-1252', delimiter: ',' },
    lines: [1, 2, 3, 4],
    first: [
      ['Order', 'Date', 'Customer', 'Phone', 'Total'],
      ['5001', '2024-03-01', 'José Müller', '+4915112345678', '49.90'],
      ['5002', '2024-03-02', 'François Côté', '+33612345678', '120.00'],
      ['5003', '2024-03-02', 'Zoë Ångström', '+46701234567', '15.50'],
    ],
  },
  {
    name: 'semicolon.csv',
    sniffed: { encoding: 'utf-8', delimiter: ';' },
    lines: [1, 2, 3, 4],
    first: [
      ['invoice', 'date', 'customer', 'mobile', 'amount'],
      ['7001', '01.03.2024', 'Anna Schmidt', '+491701234567', '12,50'],
    ],
  },
  {
    name: 'tab.tsv',
    sniffed: { delimiter: '\t' },
    lines: [1, 2, 3],
    first: [SALES_HEADER, ['1001', '1403/01/15', 'علی رضایی', '09121234567', '1250000']],
  },
  {
    name: 'pipe.txt',
    sniffed: { delimiter: '|' },
    lines: [1, 2, 3],
    first: [['invoice', 'date', 'customer', 'mobile', 'total']],
  },
  {
    name: 'sep-line.csv',
    sniffed: { delimiter: ';', sepLine: true },
    lines: [2, 3, 4],
    first: [
      ['شماره فاکتور', 'تاریخ', 'نام مشتری', 'مبلغ کل'],
      ['1001', '1403/02/01', 'علی رضایی', '1250000'],
    ],
  },
  {
    name: 'multiline-quoted.csv',
    sniffed: { delimiter: ',', warnings: [] },
    lines: [1, 2, 4, 7],
    first: [
      ['invoice', 'customer', 'mobile', 'address', 'total'],
      ['2001', 'علی رضایی', '09121234567', 'تهران، خیابان ولیعصر\nکوچه ۱۲، پلاک ۴', '1250000'],
      [
        '2002',
        'Sara Ahmadi',
        '09351234567',
        'Unit 5, "Green" Tower\nLine two\nLine three',
        '380000',
      ],
      ['2003', 'مريم كاظمي', '09191234567', '', '99000'],
    ],
  },
  {
    name: 'ragged.csv',
    sniffed: { delimiter: ',' },
    lines: [1, 2, 3, 4, 5],
    first: [
      ['invoice', 'date', 'customer', 'total'],
      ['3001', '1403/03/01', 'علی رضایی', '150000'],
      ['3002', '1403/03/01'],
      ['3003', '1403/03/02', 'Sara Ahmadi', '80000', 'extra', 'more'],
    ],
  },
  {
    name: 'header-only.csv',
    sniffed: { delimiter: ',' },
    lines: [1],
    first: [['invoice', 'date', 'customer', 'mobile', 'total']],
  },
  {
    name: 'nul-bytes.csv',
    sniffed: { delimiter: ',', warnings: ['nul_bytes'] },
    lines: [1, 2, 3, 4],
    first: [
      ['invoice', 'date', 'customer', 'mobile', 'total'],
      ['4001', '1403/04/01', 'Ali\0Rezaei', '09121234567', '50000'],
      ['4002', '1403/04/01', 'Sara Ahmadi', '09351234567', '75000\0'],
    ],
  },
  {
    name: 'title-rows.csv',
    sniffed: { encoding: 'utf-8', hasBom: true, delimiter: ',' },
    lines: [1, 3, 4, 5],
    first: [
      ['گزارش فروش فروشگاه - از 1403/01/01 تا 1403/01/31'],
      ['ردیف', 'شماره فاکتور', 'تاریخ', 'نام مشتری', 'موبایل', 'مبلغ کل'],
      ['1', '1001', '1403/01/15', 'علی رضایی', '09121234567', '1,250,000'],
    ],
  },
  {
    name: 'sales.xlsx',
    sniffed: { format: 'xlsx', delimiter: ',', sheets: ['فروش', 'یادداشت'], sheet: 'فروش' },
    lines: [1, 2, 3, 5],
    first: [
      ['شماره فاکتور', 'تاریخ', 'نام مشتری', 'موبایل', 'مبلغ کل', 'تسویه'],
      ['1001', '2024-04-03 12:30:00', 'علی رضایی', '09121234567', '1250000', 'TRUE'],
    ],
  },
];

describe('sniffFile on the fixtures', () => {
  it.each(CASES)('$name', async ({ name, sniffed, lines, first }) => {
    const result = await sniffFile(fixture(name));
    expect(result).toMatchObject({
      format: 'delimited',
      sepLine: false,
      truncated: false,
      warnings: [],
      totalBytes: statSync(fixture(name)).size,
      ...sniffed,
    });
    expect(result.rows.map((row) => row.line)).toEqual(lines);
    expect(result.rows.slice(0, first.length).map((row) => row.fields)).toEqual(first);
  });
});

describe('readRows on the fixtures', () => {
  it.each(CASES)('$name: every row, whatever the chunk size', async ({ name }) => {
    const path = fixture(name);
    const sniffed = await sniffFile(path);
    const rows = await readAll(path, settingsOf(sniffed));
    expect(rows).toEqual(sniffed.rows);
    if (sniffed.format === 'xlsx') return;
    // Chunk boundaries inside BOMs, multi-byte characters, CRLFs and quoted fields.
    for (const chunkBytes of [1, 2, 3, 7, 64]) {
      expect(await readAll(path, settingsOf(sniffed), chunkBytes)).toEqual(rows);
    }
  });

  it('reports progress in bytes for text and in compressed bytes for a sheet', async () => {
    const csv = readRows(fixture('utf8.csv'), {
      format: 'delimited',
      encoding: 'utf-8',
      delimiter: ',',
    });
    expect(csv.total).toBe(statSync(fixture('utf8.csv')).size);
    expect(csv.position()).toBe(0);
    for await (const _ of csv.batches) expect(csv.position()).toBeGreaterThan(0);
    expect(csv.position()).toBe(csv.total);

    const sheet = readRows(fixture('sales.xlsx'), {
      format: 'xlsx',
      encoding: 'utf-8',
      delimiter: ',',
    });
    let seen = 0;
    for await (const batch of sheet.batches) {
      seen += batch.length;
      expect(sheet.position()).toBeGreaterThan(0);
    }
    // The sheet's compressed bytes: smaller than the file, all of them read at the end.
    expect(seen).toBe(4);
    expect(sheet.total).toBeGreaterThan(0);
    expect(sheet.total).toBeLessThan(statSync(fixture('sales.xlsx')).size);
    expect(sheet.position()).toBe(sheet.total);
  });

  it('reads a named sheet', async () => {
    const rows = await readAll(fixture('sales.xlsx'), {
      format: 'xlsx',
      encoding: 'utf-8',
      delimiter: ',',
      sheet: 'یادداشت',
    });
    expect(rows).toEqual([{ line: 1, fields: ['این برگه فروش ندارد'] }]);
  });

  it('hands out batches of at most 1,000 rows and reads again when iterated again', async () => {
    const text = 'id,name\n' + Array.from({ length: 5000 }, (_, i) => `${i},علی ${i}\n`).join('');
    const path = tempFile(text);
    const reader = readRows(path, { format: 'delimited', encoding: 'utf-8', delimiter: ',' });
    const sizes: number[] = [];
    for await (const batch of reader.batches) sizes.push(batch.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(5001);
    expect(Math.max(...sizes)).toBe(1000);
    let again = 0;
    for await (const batch of reader.batches) again += batch.length;
    expect(again).toBe(5001);
  });

  it('skips a sep= line even when the delimiter is overridden', async () => {
    const rows = await readAll(fixture('sep-line.csv'), {
      format: 'delimited',
      encoding: 'utf-8',
      delimiter: ',',
    });
    expect(rows[0]).toEqual({ line: 2, fields: ['شماره فاکتور;تاریخ;نام مشتری;مبلغ کل'] });
  });
});

describe('sniffFile errors', () => {
  it.each([
    ['empty.csv', 'empty_file'],
    ['legacy.xls', 'legacy_xls'],
    ['encrypted.xlsx', 'encrypted_xlsx'],
    ['not-a-table.pdf', 'not_a_table'],
    ['not-xlsx.zip', 'not_a_table'],
  ])('%s: %s', async (name, reason) => {
    const error = await failure(() => sniffFile(fixture(name)));
    expect(error.code).toBe('bad_input');
    expect(error.details).toEqual({ file: name, reason });
    expect(error.message).toContain(name);
    expect(error.message).not.toContain('fixtures');
    expect(error.message).not.toContain('\n');
  });

  it('tells the user how to get from .xls to something readable', async () => {
    const { message } = await failure(() => sniffFile(fixture('legacy.xls')));
    expect(message).toMatch(/open it in Excel and save it as \.xlsx or "CSV UTF-8"/);
  });

  it('decides by content, not by name: an .xls that is a CSV is read as one', async () => {
    const path = tempFile(readFileSync(fixture('utf8.csv')), 'export.xls');
    expect((await sniffFile(path)).rows[0]?.fields).toEqual(SALES_HEADER);
    const pdf = tempFile(readFileSync(fixture('not-a-table.pdf')), 'sales.csv');
    expect((await failure(() => sniffFile(pdf))).details).toMatchObject({ reason: 'not_a_table' });
  });

  it('refuses other binary files and web pages saved as .xls', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const bin = await failure(() => sniffFile(tempFile(binary, 'data.bin')));
    expect(bin.details).toMatchObject({ reason: 'not_a_table' });
    const page = '<html><body><table><tr><td>1001</td></tr></table></body></html>';
    const html = await failure(() => sniffFile(tempFile(page, 'report.xls')));
    expect(html.details).toMatchObject({ reason: 'not_a_table' });
  });

  it('names a missing file and a folder', async () => {
    const missing = await failure(() => sniffFile(temp.file('nowhere.csv')));
    expect(missing.details).toEqual({ file: 'nowhere.csv', reason: 'file_not_found' });
    const folder = await failure(() => sniffFile(temp.dir));
    expect(folder.details).toMatchObject({ reason: 'unreadable_file' });
    const read = await failure(() =>
      readRows(temp.file('nowhere.csv'), {
        format: 'delimited',
        encoding: 'utf-8',
        delimiter: ',',
      }),
    );
    expect(read.details).toEqual({ file: 'nowhere.csv', reason: 'file_not_found' });
  });

  it('names an unknown sheet and lists the real ones', async () => {
    const error = await failure(() => sniffFile(fixture('sales.xlsx'), { sheet: 'Sheet1' }));
    expect(error.details).toEqual({ file: 'sales.xlsx', reason: 'sheet_not_found' });
    expect(error.message).toContain('"فروش", "یادداشت"');
  });
});

describe('sniffFile overrides, limits and warnings', () => {
  it('lets overrides replace detection', async () => {
    const byComma = await sniffFile(fixture('semicolon.csv'), { delimiter: ',' });
    expect(byComma.delimiter).toBe(',');
    expect(byComma.rows[1]?.fields).toEqual([
      '7001;01.03.2024;Anna Schmidt;+491701234567;12',
      '50',
    ]);
    const sheet = await sniffFile(fixture('sales.xlsx'), { sheet: 'یادداشت' });
    expect(sheet.sheet).toBe('یادداشت');
    expect(sheet.rows).toEqual([{ line: 1, fields: ['این برگه فروش ندارد'] }]);
  });

  it('shows what a wrong encoding does, with a warning', async () => {
    const asUtf8 = await sniffFile(fixture('windows-1256.csv'), { encoding: 'utf-8' });
    expect(asUtf8.encoding).toBe('utf-8');
    expect(asUtf8.warnings).toContain('decoding_errors');
    const as1252 = await sniffFile(fixture('windows-1256.csv'), { encoding: 'windows-1252' });
    expect(as1252.rows[1]?.fields[2]).toBe('Úáí ÑÖÇíí');
  });

  it('stops at maxRows and maxBytes and says the sample is cut', async () => {
    const byRows = await sniffFile(fixture('utf8.csv'), {}, { maxRows: 2 });
    expect(byRows.rows.map((row) => row.line)).toEqual([1, 2]);
    expect(byRows.truncated).toBe(true);
    const exact = await sniffFile(fixture('utf8.csv'), {}, { maxRows: 4 });
    expect(exact.truncated).toBe(false);
    // 100 bytes end inside the second data row: only whole rows are shown.
    const byBytes = await sniffFile(fixture('utf8.csv'), {}, { maxBytes: 100 });
    expect(byBytes.rows.map((row) => row.line)).toEqual([1]);
    expect(byBytes.truncated).toBe(true);
    expect(byBytes.totalBytes).toBe(statSync(fixture('utf8.csv')).size);
    const sheet = await sniffFile(fixture('sales.xlsx'), {}, { maxRows: 1 });
    expect([sheet.rows.length, sheet.truncated]).toEqual([1, true]);
  });

  it('warns about mixed line ends and an unterminated quote', async () => {
    const mixed = await sniffFile(tempFile('a,b\r\n1,2\n3,4\r\n'));
    expect(mixed.warnings).toEqual(['mixed_line_endings']);
    const open = await sniffFile(tempFile('a,b\n1,"open\n2,3\n'));
    expect(open.warnings).toEqual(['unterminated_quote']);
    expect(open.rows.at(-1)).toEqual({ line: 2, fields: ['1', 'open\n2,3\n'] });
  });

  it('finds UTF-16 without a BOM', async () => {
    const text = 'invoice\tcustomer\r\n1001\tعلی رضایی\r\n1002\tSara\r\n';
    const le = await sniffFile(tempFile(Buffer.from(text, 'utf16le'), 'le.txt'));
    expect([le.encoding, le.hasBom, le.delimiter]).toEqual(['utf-16le', false, '\t']);
    expect(le.rows[1]?.fields).toEqual(['1001', 'علی رضایی']);
    const be = await sniffFile(tempFile(Buffer.from(text, 'utf16le').swap16(), 'be.txt'));
    expect([be.encoding, be.rows[1]?.fields]).toEqual(['utf-16be', ['1001', 'علی رضایی']]);
  });
});

describe('readRows property', () => {
  const encodings: { encoding: EncodingName; bom: number[]; encode: (text: string) => Buffer }[] = [
    { encoding: 'utf-8', bom: [], encode: (text) => Buffer.from(text, 'utf8') },
    { encoding: 'utf-8', bom: [0xef, 0xbb, 0xbf], encode: (text) => Buffer.from(text, 'utf8') },
    { encoding: 'utf-16le', bom: [0xff, 0xfe], encode: (text) => Buffer.from(text, 'utf16le') },
    {
      encoding: 'utf-16be',
      bom: [0xfe, 0xff],
      encode: (text) => Buffer.from(text, 'utf16le').swap16(),
    },
  ];
  const quote = (field: string, delimiter: Delimiter): string =>
    /["\r\n]/.test(field) || field.includes(delimiter) || field === ''
      ? `"${field.replaceAll('"', '""')}"`
      : field;
  const char = fc.oneof(
    fc.constantFrom(',', ';', '\t', '"', '\r', '\n', 'ی', 'ك', '😀', 'é'),
    fc.string({ minLength: 1, maxLength: 1 }),
  );
  const table = fc.array(
    fc.array(
      fc.array(char, { maxLength: 8 }).map((chars) => chars.join('')),
      { minLength: 1, maxLength: 4 },
    ),
    { minLength: 1, maxLength: 8 },
  );

  it('reads back a written table in any encoding and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(...encodings),
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.integer({ min: 1, max: 20 }),
        async (rows, { encoding, bom, encode }, delimiter, chunkBytes) => {
          const text = rows
            .map((row) => row.map((field) => quote(field, delimiter)).join(delimiter))
            .join('\r\n');
          // A first line `sep=;` is Excel's hint, not data, by design.
          fc.pre(!/^"?sep=/i.test(text));
          const path = tempFile(Buffer.concat([Buffer.from(bom), encode(text)]));
          const settings: ReadSettings = { format: 'delimited', encoding, delimiter };
          const read = await readAll(path, settings, chunkBytes);
          expect(read.map((row) => row.fields)).toEqual(rows);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('xlsx sheets, streamed', () => {
  const XLSX: ReadSettings = { format: 'xlsx', encoding: 'utf-8', delimiter: ',' };

  it('says a sheet with damaged compressed data is unreadable, naming the file', async () => {
    const zip = workbookZip({
      sheet: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50)),
    });
    // The first byte of the sheet's deflate data: BFINAL with the reserved block type 3.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const header = Buffer.from(zip).indexOf(name) - 30;
    const bytes = Buffer.from(zip);
    bytes[header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28)] = 0xff;
    const path = temp.file('damaged.xlsx');
    writeFileSync(path, bytes);
    for (const run of [() => sniffFile(path), () => readAll(path, XLSX)]) {
      const error = await failure(run);
      expect(error.details).toEqual({ file: 'damaged.xlsx', reason: 'unreadable_xlsx' });
      expect(error.message).toMatch(
        /^damaged\.xlsx could not be read .*compressed data is damaged/,
      );
    }
  });

  it('reads a 200,000-row sheet to the end and previews only its first rows', async () => {
    const count = 200_000;
    const path = temp.file('big.xlsx');
    const out = createWriteStream(path);
    await writeXlsxTable(out, {
      title: 'Sales',
      headers: ['Invoice', 'Customer', 'Total'],
      rows: (function* () {
        for (let n = 1; n <= count; n += 1) yield [`INV-${n}`, `Customer ${n % 997}`, n / 4];
      })(),
      total: count,
      locale: 'en',
    });
    out.end();
    await finished(out);

    const preview = await sniffFile(path, {}, { maxRows: 3 });
    expect(preview.rows).toEqual([
      { line: 1, fields: ['Invoice', 'Customer', 'Total'] },
      { line: 2, fields: ['INV-1', 'Customer 1', '0.25'] },
      { line: 3, fields: ['INV-2', 'Customer 2', '0.5'] },
    ]);
    expect([preview.sheet, preview.truncated]).toEqual(['Sales', true]);

    const reader = readRows(path, XLSX);
    let rows = 0;
    let largest = 0;
    let last: RawRow | undefined;
    for await (const batch of reader.batches) {
      rows += batch.length;
      largest = Math.max(largest, batch.length);
      last = batch.at(-1);
    }
    expect(rows).toBe(count + 1);
    expect(last).toEqual({ line: count + 1, fields: [`INV-${count}`, 'Customer 600', '50000'] });
    // Handed on in batches as it is read, not as one array at the end.
    expect(largest).toBeLessThan(5000);
    expect(reader.position()).toBe(reader.total);
  });
});
