import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import { NS, sheetXml, workbookZip } from '../../../tests/fixtures/xlsx-parts.ts';
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
import {
  createSharedStrings,
  isDateFormatCode,
  parseDateStyles,
  readSheetRows,
} from './xlsx-sheet.ts';

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

// --- workbooks built in the test ---------------------------------------------------------------

const temp = makeTempDir('bazgasht-xlsx-');
afterAll(() => temp.remove());

let workbooks = 0;
const workbookFile = (zip: Uint8Array): string => {
  workbooks += 1;
  const path = temp.file(`book-${workbooks}.xlsx`);
  writeFileSync(path, zip);
  return path;
};

// cellXfs: 0 General, 1 built-in 14 (m/d/yyyy), 2 custom yyyy/mm/dd hh:mm, 3 built-in 2 (0.00),
// 4 a custom number format with a colour and quoted text, which is not a date.
const STYLES =
  `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/mm/dd\\ hh:mm"/>` +
  '<numFmt numFmtId="165" formatCode="[Red]#,##0.00&quot; days&quot;"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>' +
  '<xf numFmtId="164"/><xf numFmtId="2"/><xf numFmtId="165"/></cellXfs></styleSheet>';

describe('readXlsxSheet on generated workbooks', () => {
  it('reads shared strings, inline strings, styled dates, numbers, booleans and entities', async () => {
    const sharedStrings =
      `<sst ${NS} count="3"><si><t>Invoice</t></si>` +
      // Rich text: the runs join up; the phonetic guide is not part of the text.
      '<si><r><rPr><b/></rPr><t>Ali </t></r><r><t xml:space="preserve">Rezaei </t></r>' +
      '<rPh sb="0" eb="1"><t>ALI</t></rPh></si>' +
      '<si><t>Tom &amp; Jerry &lt;3 &#1587;&#x644;&#x627;&#x645;</t></si></sst>';
    const sheet = sheetXml(
      '<row r="1"><c r="B1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>' +
        '<row r="2">' +
        '<c r="A2" s="1"><v>45385</v></c>' +
        '<c r="B2" s="2"><v>45385.5208333333</v></c>' +
        '<c r="C2" s="3"><v>1250000.50</v></c>' +
        '<c r="D2" s="4"><v>7</v></c>' +
        '<c r="E2" t="b"><v>1</v></c>' +
        '<c r="F2" t="inlineStr"><is><t>0912 &quot;x&quot; &apos;y&apos;</t></is></c>' +
        '<c r="G2" t="s"><v>2</v></c>' +
        '</row>' +
        '<row r="3"><c r="A3" t="str"><f>A1&amp;B1</f><v>formula text</v></c>' +
        '<c t="e"><v>#DIV/0!</v></c><c r="C3" t="b"><v>0</v></c><c r="D3"/><c r="E3" s="1"/></row>' +
        // An empty row (cells without values) and a row element without cells are skipped.
        '<row r="4"><c r="A4" s="1"/></row><row r="5"/>' +
        '<row r="6"><c r="A6" t="inlineStr"><is><r><t>rich </t></r><r><t>inline</t></r></is></c></row>',
    );
    const path = workbookFile(workbookZip({ sheet, sharedStrings, styles: STYLES }));
    expect(await readXlsxSheet(path, 1)).toEqual([
      { line: 1, fields: ['', 'Invoice', '', 'Ali Rezaei '] },
      {
        line: 2,
        fields: [
          '2024-04-03 00:00:00',
          '2024-04-03 12:30:00',
          '1250000.5',
          '7',
          'TRUE',
          '0912 "x" \'y\'',
          'Tom & Jerry <3 سلام',
        ],
      },
      { line: 3, fields: ['formula text', '#DIV/0!', 'FALSE'] },
      { line: 6, fields: ['rich inline'] },
    ]);
  });

  it('shifts serial dates in a 1904 workbook and reads x:-prefixed tags', async () => {
    const sheet = sheetXml(
      '<x:row r="2"><x:c r="A2" s="1"><x:v>43923</x:v></x:c>' +
        '<x:c r="B2" t="inlineStr"><x:is><x:t>Mac</x:t></x:is></x:c></x:row>',
      'x:',
    );
    const path = workbookFile(
      workbookZip({ sheet, styles: STYLES, workbookPr: '<workbookPr date1904="1"/>' }),
    );
    // 43,923 days after 1904-01-01 (day 0 there) is 2024-04-03.
    expect(await readXlsxSheet(path, 1)).toEqual([
      { line: 2, fields: ['2024-04-03 00:00:00', 'Mac'] },
    ]);
  });

  it('finds the sheet through an absolute relationship target in a stored zip', async () => {
    const sheet = sheetXml('<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>');
    const path = workbookFile(
      workbookZip({ sheet, target: '/xl/worksheets/sheet1.xml', level: 0 }),
    );
    // Without r attributes, rows and cells follow one another.
    expect(await readXlsxSheet(path, 1)).toEqual([
      { line: 1, fields: ['1', '2'] },
      { line: 2, fields: ['3'] },
    ]);
  });

  it('pads rows to the sheet dimension, so an untitled column lines up with the header', async () => {
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>9</v></c></row>',
    ).replace('<sheetData>', '<dimension ref="A1:C2"/><sheetData>');
    expect(await readXlsxSheet(workbookFile(workbookZip({ sheet })), 1)).toEqual([
      { line: 1, fields: ['id', '', ''] },
      { line: 2, fields: ['1', '', '9'] },
    ]);
  });

  it('fails on a shared string that does not exist and on a sheet that stops early', async () => {
    const missing = sheetXml('<row r="1"><c r="A1" t="s"><v>3</v></c></row>');
    await expect(readXlsxSheet(workbookFile(workbookZip({ sheet: missing })), 1)).rejects.toThrow(
      /shared string 3/,
    );
    const cut = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -30);
    await expect(readXlsxSheet(workbookFile(workbookZip({ sheet: cut })), 1)).rejects.toThrow(
      /ends/,
    );
  });
});

describe('the sheet scanner', () => {
  const chunked = async function* (text: string, size: number): AsyncGenerator<string> {
    for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
  };

  it('gives the same rows wherever the chunks split', async () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>a&amp;b</t></is></c>' +
        '<!-- a <comment> --><c r="C1" t="inlineStr"><is><t><![CDATA[<raw> & ]]></t></is></c></row>' +
        '<row r="3"><c r="AA3"><v>1.5E3</v></c></row>',
    );
    const strings = '<sst><si><t>x</t></si><si><t>y&#233;</t></si></sst>';
    const expected = [
      { line: 1, fields: ['yé', 'a&b', '<raw> & '] },
      { line: 3, fields: [...new Array<string>(26).fill(''), '1500'] },
    ];
    for (const size of [1, 2, 3, 7, 64, xml.length]) {
      const rows: unknown[] = [];
      const shared = createSharedStrings(chunked(strings, size));
      for await (const batch of readSheetRows(chunked(xml, size), shared, CONTEXT, 1)) {
        rows.push(...batch);
      }
      expect(rows).toEqual(expected);
    }
  });

  it.each<[string, boolean]>([
    ['yyyy/mm/dd hh:mm', true],
    ['[$-409]d-mmm-yy;@', true],
    ['[h]:mm:ss', true],
    ['0.00', false],
    ['General', false],
    ['#,##0.00 "days"', false],
    ['[Red]#,##0_);(#,##0)', false],
    ['0.00\\ \\m', false],
  ])('takes %j for a date format: %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });

  it('marks the cell styles that format dates', () => {
    expect(parseDateStyles(STYLES)).toEqual([false, true, true, false, false]);
  });
});

const CONTEXT = { dateStyles: [], is1904: false };
