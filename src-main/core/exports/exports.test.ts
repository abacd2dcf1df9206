import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src-shared/contract/errors.ts';
import type { ChannelName, InputOf, OutputOf } from '../../../src-shared/contract/channels.ts';
import { csvCell } from '../../../src-shared/domain/csv.ts';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, buy } from '../../../tests/fixtures/followup.ts';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../../tests/fixtures/temp-db.ts';
import type { CoreContext } from '../context.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { readRows } from '../imports/source.ts';
import { formatPhone } from '../../../src-shared/domain/phone.ts';
import { formatDate, localDateOf } from '../../../src-shared/i18n/locale.ts';
import { dayFormatter, phoneText } from './datasets.ts';
import { exportTableToFile } from './export-file.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from '../handlers.ts';
import { createImportService } from '../imports/imports.service.ts';
import { exportToFile } from './exports.service.ts';
import type { ExportCell, ExportTable } from './table.ts';
import { columnName } from './xlsx-writer.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const table = (rows: ExportCell[][], headers = ['نام', 'تلفن', 'مبلغ']): ExportTable => ({
  title: 'test',
  headers,
  rows,
  total: rows.length,
  locale: 'fa',
});

/** Every row of a CSV we wrote, through the import's own reader. */
const readCsv = async (path: string): Promise<string[][]> => {
  const rows: string[][] = [];
  const reader = readRows(path, { format: 'delimited', encoding: 'utf-8', delimiter: ',' });
  for await (const batch of reader.batches) rows.push(...batch.map((row) => row.fields));
  return rows;
};

describe('formula injection (csvCell)', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+989121234567', "'+989121234567"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['\n=HYPERLINK("x")', `"'\n=HYPERLINK(""x"")"`],
    ['-', "'-"],
    ['-5', '-5'],
    ['-1250.5', '-1250.5'],
    ['a-b', 'a-b'],
    ['علی = رضا', 'علی = رضا'],
    ['say "hi", then', '"say ""hi"", then"'],
  ])('%j is written %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('keeps real numbers, negative ones included, as numbers', () => {
    expect(csvCell(-42)).toBe('-42');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(1250)).toBe('1250');
  });

  it('writes Persian digits on request, a negative with a minus no spreadsheet runs', () => {
    expect(csvCell(-1250, { persianDigits: true })).toBe('\u2212۱۲۵۰');
    expect(csvCell(305, { persianDigits: true })).toBe('۳۰۵');
  });
});

describe('CSV files', () => {
  it('start with a BOM, end lines with CRLF and read back as written (Persian too)', async () => {
    const path = temp.file('out.csv');
    const rows: ExportCell[][] = [
      ['زهرا احمدی‌نژاد', '0912 123 4567', -1250],
      ['=cmd|"/c calc"!A1', null, 3],
      ['خط اول\nخط دوم', '-1+2', 0],
    ];
    const result = await exportTableToFile(path, table(rows));
    expect(result).toEqual({ path, format: 'csv', rows: 3 });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffنام,تلفن,مبلغ');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(await readCsv(path)).toEqual([
      ['نام', 'تلفن', 'مبلغ'],
      ['زهرا احمدی‌نژاد', '0912 123 4567', '-1250'],
      ['\'=cmd|"/c calc"!A1', '', '3'],
      ['خط اول\nخط دوم', "'-1+2", '0'],
    ]);
  });
});

/** A file stream that fails after `limit` bytes, as a full disk would. */
const failingAfter =
  (limit: number) =>
  (path: string): Writable => {
    let written = 0;
    const chunks: Buffer[] = [];
    return new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        if (written > limit) {
          callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
          return;
        }
        chunks.push(chunk);
        writeFileSync(path, Buffer.concat(chunks));
        callback();
      },
    });
  };

const manyRows = (count: number): ExportCell[][] =>
  Array.from({ length: count }, (_, i) => [`مشتری ${i}`, `0912${String(i).padStart(7, '0')}`, i]);

describe('temporary file and rename', () => {
  it.each(['csv', 'xlsx'])(
    'a %s write that fails half-way leaves no file under the final name',
    async (ext) => {
      const path = temp.file(`out.${ext}`);
      const failure = exportTableToFile(path, table(manyRows(20_000)), {
        openSink: failingAfter(100_000),
      });
      await expect(failure).rejects.toThrow(/ENOSPC/);
      expect(existsSync(path)).toBe(false);
      expect(readdirSync(temp.dir)).toEqual([]);
    },
  );

  it('a failed write leaves an existing file as it was', async () => {
    const path = temp.file('out.csv');
    writeFileSync(path, 'old content');
    await expect(
      exportTableToFile(path, table(manyRows(20_000)), { openSink: failingAfter(100_000) }),
    ).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(temp.dir)).toEqual(['out.csv']);
  });

  it('a cancelled export leaves the old file, and a finished one replaces it', async () => {
    const path = temp.file('out.xlsx');
    writeFileSync(path, 'old content');
    const controller = new AbortController();
    const progress: number[] = [];
    const cancelled = exportTableToFile(path, table(manyRows(20_000)), {
      signal: controller.signal,
      onProgress: ({ rows }) => {
        progress.push(rows);
        if (rows >= 4000) controller.abort();
      },
    });
    await expect(cancelled).rejects.toSatisfy(
      (error: unknown) => isAppError(error) && error.code === 'cancelled',
    );
    expect(progress).toEqual([2000, 4000]);
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(temp.dir)).toEqual(['out.xlsx']);

    await exportTableToFile(path, table(manyRows(10)));
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a file that is neither .csv nor .xlsx', async () => {
    await expect(exportTableToFile(temp.file('out.txt'), table([]))).rejects.toSatisfy(
      (error: unknown) => isAppError(error) && error.code === 'bad_input',
    );
    expect(readdirSync(temp.dir)).toEqual([]);
  });
});

describe('xlsx files', () => {
  it('keep a phone as text with its leading 0, numbers as numbers, Persian as written', async () => {
    const path = temp.file('out.xlsx');
    await exportTableToFile(
      path,
      table([
        ['زهرا <&> "احمدی"', '09121234567', -1250.5],
        ['=1+2', '0098 21 1234', 7],
      ]),
    );
    const { readSheet } = await import('read-excel-file/node');
    const data = await readSheet(path, 1, { trim: false });
    expect(data).toEqual([
      ['نام', 'تلفن', 'مبلغ'],
      ['زهرا <&> "احمدی"', '09121234567', -1250.5],
      ['=1+2', '0098 21 1234', 7],
    ]);
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('exporting the lists', () => {
  let ctx: CoreContext;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    const made = makeTestContext('2025-07-01T06:30:00.000Z');
    ctx = made.ctx;
    remove = made.remove;
    await updateSettings(ctx, { currency: 'IRR', displayUnit: 'toman' });
    const zahra = await addCustomer(ctx, 'زهرا', { phone: '09121234567' });
    const ali = await addCustomer(ctx, 'Ali', { phone: '09351112222', doNotContact: true });
    await addCustomer(ctx, 'Sara');
    await buy(ctx, zahra, '2025-03-01', 125_000, ['روسری آبی']);
    await buy(ctx, zahra, '2025-05-01', 50_000);
    await buy(ctx, ali, '2025-04-01', 10_000);
  });
  afterEach(() => remove());

  it('customers: the list’s columns in the user’s language, filtered like the list', async () => {
    const path = temp.file('customers.csv');
    const result = await exportToFile(ctx, { dataset: 'customers' }, path, { locale: 'en' });
    expect(result.rows).toBe(3);
    const rows = await readCsv(path);
    expect(rows[0]).toEqual([
      'Name',
      'Phone',
      'Email',
      'Purchases',
      'Total spent (Toman)',
      'First purchase',
      'Last purchase',
      'Tier',
      'Tags',
      'Do not contact',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[3], row[4], row[9]])).toEqual([
      ['Ali', '0935 111 2222', '1', '1000', 'Yes'],
      ['Sara', '', '0', '0', 'No'],
      ['زهرا', '0912 123 4567', '2', '17500', 'No'],
    ]);
    // The shop's calendar (Jalali here), as the list shows it, without ICU's era.
    expect(rows[3]?.[6]).toBe('11/02/1404');

    const fa = temp.file('zahra.xlsx');
    await exportToFile(ctx, { dataset: 'customers', filters: { search: '0912' } }, fa, {
      locale: 'fa',
    });
    const { readSheet } = await import('read-excel-file/node');
    const sheet = await readSheet(fa, 1, { trim: false });
    expect(sheet[0]?.slice(0, 2)).toEqual(['نام', 'تلفن']);
    expect(sheet.slice(1).map((row) => row.slice(0, 2))).toEqual([['زهرا', '0912 123 4567']]);
    // A Jalali date, in Latin digits unless Persian ones are asked for.
    expect(sheet[1]?.[6]).toBe('1404/02/11');
  });

  it('orders, newest first, with their customer and items', async () => {
    const path = temp.file('orders.csv');
    await exportToFile(ctx, { dataset: 'orders' }, path, { locale: 'fa', persianDigits: true });
    const rows = await readCsv(path);
    expect(rows).toHaveLength(4);
    expect(rows[3]?.slice(1, 5)).toEqual(['۱۴۰۳/۱۲/۱۱', 'زهرا', '۰۹۱۲ ۱۲۳ ۴۵۶۷', '۱۲۵۰۰']);
    expect(rows[3]?.[8]).toBe('روسری آبی × 1');
  });

  it('exports:start writes in the background; exports:take hands the file over once', async () => {
    const imports = createImportService(ctx, 'test');
    const handlers = createHandlers(
      ctx,
      { version: '9.9.9', host: 'browser', systemLocale: 'fa' },
      imports,
    );
    const dispatch = createDispatch(handlers, { databasePath: '/tmp/shop.db' });
    const call = async <C extends ChannelName>(channel: C, input: InputOf<C>) => {
      const result = await dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.data as OutputOf<C>;
    };
    try {
      let job = await call('exports:start', {
        dataset: 'customers',
        filters: { search: 'زهرا' },
        format: 'xlsx',
        locale: 'fa',
      });
      expect(job).toMatchObject({ state: 'running', fileName: 'customers-2025-07-01.xlsx' });
      while (job.state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 5));
        job = await call('exports:job', { jobId: job.id });
      }
      expect(job).toMatchObject({ state: 'done', rows: 1, total: 1, error: null });
      const file = await call('exports:take', { jobId: job.id });
      expect(file).toMatchObject({
        fileName: 'customers-2025-07-01.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        rows: 1,
      });
      expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
      // Taken once: the job and its file are gone.
      expect(await dispatch('exports:take', { jobId: job.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(
        await dispatch('exports:start', { dataset: 'customers', format: 'pdf' }),
      ).toMatchObject({ ok: false, error: { code: 'bad_input' } });

      // Cancelled before it could finish: no file to take.
      const cancelled = await call('exports:start', { dataset: 'orders', format: 'csv' });
      expect(await call('exports:cancel', { jobId: cancelled.id })).toMatchObject({
        state: 'cancelled',
      });
      expect(await dispatch('exports:take', { jobId: cancelled.id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    } finally {
      await imports.close();
    }
  });

  it('the Insights tables: cohorts and RFM segments', async () => {
    const path = temp.file('rfm.csv');
    await exportToFile(ctx, { dataset: 'rfm' }, path, { locale: 'en' });
    const rows = await readCsv(path);
    expect(rows[0]).toEqual(['Segment', 'Customers']);
    expect(rows.slice(1).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(2);
    const cohorts = temp.file('cohorts.xlsx');
    const result = await exportToFile(ctx, { dataset: 'cohorts' }, cohorts, { locale: 'en' });
    expect(result.rows).toBeGreaterThan(0);
  });
});

describe('fast paths (the same text as the locale module)', () => {
  it.each(['Asia/Tehran', 'Europe/London', 'America/New_York', 'Asia/Kathmandu', 'UTC'])(
    'an instant’s day in %s, DST days included',
    (timeZone) => {
      const format = dayFormatter((day) => day, timeZone);
      const start = Date.parse('2021-01-01T00:00:00Z');
      // Every 37 minutes for two years: across every DST change and midnight of those zones.
      for (let ms = start; ms < start + 2 * 366 * 86_400_000; ms += 37 * 60_000) {
        const iso = new Date(ms).toISOString();
        expect(format(iso)).toBe(localDateOf(iso, timeZone));
      }
      expect(format('2025-03-01')).toBe('2025-03-01');
      expect(format('2025-03-01T23:30:00+03:30')).toBe(
        localDateOf('2025-03-01T23:30:00+03:30', timeZone),
      );
      expect(format(null)).toBeNull();
    },
  );

  it('formats a day once as formatDate does', () => {
    const ctx = { locale: 'fa', calendar: 'persian', timeZone: 'Asia/Tehran' } as const;
    const format = dayFormatter((day) => formatDate(day, ctx, 'short'), ctx.timeZone);
    expect(format('2025-03-20T21:00:00.000Z')).toBe(
      formatDate('2025-03-20T21:00:00.000Z', ctx, 'short'),
    );
  });

  it.each(['+989121234567', '+989350000001', '+989901234567', '+982112345678', '+447911123456'])(
    'writes %s as formatPhone does',
    (e164) => {
      expect(phoneText(e164)).toBe(formatPhone(e164, 'en'));
    },
  );
});
