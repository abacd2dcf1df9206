import { statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src-shared/contract/types.ts';
import type { ImportOptions } from '../../../src-shared/domain/import-fields.ts';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import type { CoreContext } from '../context.ts';
import { rebuildAllCustomerStats } from '../customers/customer-stats.ts';
import { rebuildKpiFacts } from '../kpis/kpi-facts.ts';
import { getSettings, updateSettings } from '../settings/settings.service.ts';
import { undoBatch } from './batches.ts';
import { createMonotonicIds } from './ids.ts';
import { mappingFromPreset } from './mapping.ts';
import { buildPreview } from './preview.ts';
import type { PreviewRequest } from './preview.ts';
import { startReadThread } from './read-thread-start.ts';
import { runImport } from './run-import.ts';
import type { RunHooks } from './run-import.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'import');
const fixture = (name: string) => (isAbsolute(name) ? name : join(FIXTURES, name));

let ctx: CoreContext;
let remove: () => Promise<void>;
/** Whether runs read and match the file on a thread of their own (read-thread.ts). */
let onReadThread = false;

/** Each group runs twice: matching on the run's own thread, and on a reading thread of its own. */
const describeBoth = (name: string, body: () => void) => {
  for (const threads of ['one thread', 'two threads'] as const) {
    describe(`${name} (${threads})`, () => {
      beforeEach(() => {
        onReadThread = threads === 'two threads';
      });
      body();
    });
  }
};
beforeEach(() => {
  const test = makeTestContext('2026-12-01T08:00:00.000Z');
  ctx = test.ctx;
  remove = test.remove;
});
afterEach(async () => {
  // Whatever a test imported or undid, the customers' cached figures equal a rebuild from the
  // orders (STYLE.md: derived numbers are caches that a rebuild must reproduce).
  const figures = () =>
    all(
      `SELECT id, order_count, total_spent, first_purchase_at, last_purchase_at,
         first_purchase_day, last_purchase_day, purchase_days FROM customers ORDER BY id`,
    );
  const cached = figures();
  rebuildAllCustomerStats(ctx.database.sqlite);
  expect(figures()).toEqual(cached);
  // The run writes with SQLite's foreign-key checks off: every reference must hold all the same.
  expect(all('PRAGMA foreign_key_check')).toEqual([]);
  expect(ctx.database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  await remove();
});

type ImportOptionsArg = {
  request?: PreviewRequest;
  fields?: Record<string, string>;
  dryRun?: boolean;
  hooks?: Partial<RunHooks>;
};

/** What the app does for a file: preview with detection, then a run of that plan. */
const importFile = async (name: string, options: ImportOptionsArg = {}): Promise<ImportReport> => {
  const path = fixture(name);
  const settings = await getSettings(ctx);
  const shop = { currency: settings.currency, displayUnit: settings.displayUnit };
  const file = { fileId: 'test', name: basename(path), size: statSync(path).size };
  let preview = await buildPreview(path, file, options.request ?? {}, shop, []);
  if (options.fields) {
    const mapping = mappingFromPreset(preview.headers, options.fields, { withSynonyms: false });
    preview = await buildPreview(path, file, { ...options.request, mapping }, shop, []);
  }
  return runImport(
    ctx.database.sqlite,
    {
      path,
      fileName: file.name,
      fileSize: file.size,
      contentHash: name,
      plan: preview.plan,
      shop: { currency: settings.currency, timeZone: settings.timeZone },
      dryRun: options.dryRun ?? false,
      createdBy: 'test',
      dayOrderHint: preview.detected.dayOrder,
    },
    {
      now: ctx.now,
      newId: createMonotonicIds(() => ctx.now().getTime()),
      ...(onReadThread && { readThread: () => startReadThread(ctx.database.sqlite.name) }),
      ...options.hooks,
    },
  );
};

/** Imports a file of these lines (the header first), written to a temporary folder. */
const importLines = async (
  name: string,
  lines: readonly string[],
  options?: ImportOptionsArg,
): Promise<ImportReport> => {
  const temp = makeTempDir();
  try {
    writeFileSync(temp.file(name), `${lines.join('\n')}\n`);
    return await importFile(temp.file(name), options);
  } finally {
    temp.remove();
  }
};

const all = <T>(sql: string, ...params: unknown[]): T[] =>
  ctx.database.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]): T =>
  ctx.database.sqlite.prepare(sql).get(...params) as T;
const count = (table: string): number => one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;

/** Items are stored by (order, line), with no rowid. */
const orderOf = (table: string) => (table === 'order_items' ? 'order_id, line' : 'rowid');

/** Every table an import writes, with a digest of the rows, to prove "exactly as before". */
const snapshot = () =>
  Object.fromEntries(
    [
      'customers',
      'customer_external_ids',
      'orders',
      'order_items',
      'refunds',
      'import_batches',
      'import_rejected_rows',
    ].map((table) => [table, all(`SELECT * FROM ${table} ORDER BY ${orderOf(table)}`)]),
  );

type OrderRow = {
  external_id: string | null;
  customer_id: string | null;
  local_date: string;
  ordered_at: string;
  total: number;
  refunded: number;
  status: string;
};
const orderByReceipt = (receipt: string) =>
  one<OrderRow>('SELECT * FROM orders WHERE external_id = ?', receipt);
const customerByName = (name: string) =>
  one<{ id: string; order_count: number; total_spent: number; phone_e164: string | null }>(
    'SELECT * FROM customers WHERE name = ?',
    name,
  );

describeBoth('importing receipts', () => {
  it('reads a Persian receipt-level export: Jalali dates, Toman to Rial, Arabic letters folded', async () => {
    const report = await importFile('utf8.csv');
    expect(report).toMatchObject({
      rowsRead: 3,
      ordersCreated: 3,
      customersCreated: 3,
      rowsRejected: 0,
      dryRun: false,
    });
    // 1403/01/15 is 2024-04-03 in Tehran; 1,250,000 Toman is 12,500,000 Rial.
    expect(orderByReceipt('1001')).toMatchObject({ local_date: '2024-04-03', total: 12_500_000 });
    expect(orderByReceipt('1002')).toMatchObject({ total: 24_500_000 });
    const maryam = customerByName('مریم کاظمی');
    expect(maryam).toMatchObject({ phone_e164: '+989351234567', order_count: 1 });
  });

  it('groups Shopify line items by order, with order fields only on the first line', async () => {
    await updateSettings(ctx, { currency: 'GBP', displayUnit: null });
    const report = await importFile('shopify-orders.csv');
    expect(report).toMatchObject({ rowsRead: 6, ordersCreated: 4, customersCreated: 3 });
    expect(orderByReceipt('#1001')).toMatchObject({
      total: 5000,
      refunded: 0,
      status: 'completed',
    });
    const items = all<{ product_name: string; quantity: number; unit_price: number }>(
      `SELECT product_name, quantity, unit_price FROM order_items
       WHERE order_id = (SELECT id FROM orders WHERE external_id = '#1001') ORDER BY product_name`,
    );
    expect(items).toEqual([
      { product_name: 'Blue scarf', quantity: 2, unit_price: 1500 },
      { product_name: 'Wool hat, grey', quantity: 1, unit_price: 1500 },
    ]);
    expect(orderByReceipt('#1002')).toMatchObject({
      total: 2000,
      refunded: 2000,
      status: 'refunded',
    });
    expect(orderByReceipt('#1003')).toMatchObject({
      total: 5400,
      refunded: 1500,
      status: 'partially_refunded',
    });
    expect(orderByReceipt('#1004')).toMatchObject({ status: 'void' });
    // The same email in capitals is the same customer.
    expect(customerByName('Jane Doe')).toMatchObject({ order_count: 2, total_spent: 5000 + 3900 });
    // "2024-04-01 08:00:00 +0100" is an instant.
    expect(orderByReceipt('#1003').ordered_at).toBe('2024-04-01T07:00:00.000Z');
  });

  it('reads a Persian POS line-item export: continuation lines, walk-ins, a negative-quantity return', async () => {
    const report = await importFile('pos-lines-fa.csv');
    expect(report).toMatchObject({
      rowsRead: 6,
      ordersCreated: 4,
      refundsRecorded: 1,
      customersCreated: 3,
      rowsRejected: 0,
    });
    // ۲۰۱ has a second line with no receipt number: 850,000 + 2 × 1,200,000 Toman.
    const first = orderByReceipt('201');
    expect(first.total).toBe(32_500_000);
    expect(first.local_date).toBe('2024-11-05');
    expect(count('order_items')).toBe(5);
    // The return of one bag on ۲۰۴ is linked to ۲۰۱, bought by the same customer.
    expect(first).toMatchObject({ refunded: 12_000_000, status: 'partially_refunded' });
    expect(all('SELECT amount FROM refunds')).toEqual([{ amount: 12_000_000 }]);
    expect(orderByReceipt('203').customer_id).toBeNull();
    // علي رضايي (Arabic letters) and علی رضایی (Persian) with the same code and phone: one person.
    expect(customerByName('علی رضایی')).toMatchObject({ order_count: 1, total_spent: 20_500_000 });
  });

  it('numbers the lines of a receipt that comes back further down the file after its first ones', async () => {
    const rows = [
      'receipt,date,product,quantity,price,total',
      'R1,2024-05-01,Scarf,1,1000,4000',
      'R1,2024-05-01,Hat,1,1000,4000',
      'R2,2024-05-01,Pen,1,500,500',
      'R1,2024-05-01,Bag,2,1000,4000',
    ];
    await importLines('scattered.csv', rows);
    const lines = all<{ external_id: string; line: number; product_name: string }>(
      `SELECT o.external_id, i.line, i.product_name FROM order_items i
       JOIN orders o ON o.id = i.order_id ORDER BY o.external_id, i.line`,
    );
    expect(lines).toEqual([
      { external_id: 'r1', line: 1, product_name: 'Scarf' },
      { external_id: 'r1', line: 2, product_name: 'Hat' },
      { external_id: 'r1', line: 3, product_name: 'Bag' },
      { external_id: 'r2', line: 1, product_name: 'Pen' },
    ]);
    // Receipt numbers are matched case-insensitively (stored as their key); the receipt's total
    // is counted once: 4,000 Toman in Rial.
    expect(orderByReceipt('r1').total).toBe(40_000);
  });

  it('adds up a return or a sale split over the file as if its lines were together, each line with its sign', async () => {
    const rows = [
      'InvoiceNo,InvoiceDate,StockCode,Description,Quantity,UnitPrice,CustomerID',
      '500,2024-05-01 10:00,A1,Scarf,2,100,C1',
      '500,2024-05-01 10:00,A2,Hat,3,200,C1',
      'C501,2024-05-02 11:00,A1,Scarf,-2,100,C1',
      '502,2024-05-02 12:00,B1,Pen,1,50,C2',
      'C501,2024-05-02 11:00,A2,Hat,-3,200,C1',
      '500,2024-05-01 10:00,A3,Bag,1,400,C1',
      '500,2024-05-01 10:00,A2,Hat,-1,200,C1',
    ];
    const report = await importLines('split.csv', rows);
    expect(report).toMatchObject({ ordersCreated: 2, refundsRecorded: 1, rowsRejected: 0 });
    // Sale 500: 200 + 600, then 400 and −200 further down: 1,000 Toman; C501 refunds all of its
    // two parts (200 + 600) from the sale holding those products.
    expect(orderByReceipt('500')).toMatchObject({ total: 10_000, refunded: 8_000 });
    expect(
      all<{ line: number; quantity: number }>(
        `SELECT i.line, i.quantity FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE o.external_id = '500' ORDER BY i.line`,
      ).map((row) => row.quantity),
    ).toEqual([2, 3, 1, -1]);
    expect(one<{ amount: number }>('SELECT amount FROM refunds').amount).toBe(8_000);
    expect(customerByName('C1')).toMatchObject({ order_count: 1, total_spent: 2_000 });
  });

  it('reads a line-item file’s مبلغ کل as each line’s amount when the lines give it different values or quantity × price', async () => {
    const rows = [
      'شماره فاکتور,تاریخ,کد کالا,تعداد,فی,مبلغ کل',
      '101,1403/05/01,K1,2,1000,2000',
      '101,1403/05/01,K2,1,3000,3000',
      // Equal lines: told apart by quantity × price.
      '102,1403/05/02,K1,1,500,500',
      '102,1403/05/02,K1,1,500,500',
      // The receipt's own total on each line (not quantity × price): counted once.
      '103,1403/05/03,K1,1,700,1500',
      '103,1403/05/03,K2,1,800,1500',
    ];
    await importLines('lines-fa.csv', rows);
    // Toman, stored as Rial.
    expect(orderByReceipt('101').total).toBe(50_000);
    expect(orderByReceipt('102').total).toBe(10_000);
    expect(orderByReceipt('103').total).toBe(15_000);
  });

  it('keeps return invoices numbered in a series of their own apart from the sales of the same number', async () => {
    const rows = [
      'شماره فاکتور,تاریخ,نوع فاکتور,فاکتور مرجع,کد مشتری,کد کالا,تعداد,فی',
      '1,1403/05/01,فروش,,1001,K1,2,1000',
      '2,1403/05/02,فروش,,1002,K2,1,3000',
      '3,1403/05/03,فروش,,1003,K3,5,1000',
      '1,1403/05/10,برگشت از فروش,3,1003,K3,1,1000',
      '1,1403/05/10,,,,K3,1,1000',
    ];
    const report = await importLines('series-fa.csv', rows);
    expect(report).toMatchObject({ ordersCreated: 3, refundsRecorded: 1, rowsRejected: 0 });
    // Again: nothing new, the return included.
    const again = await importLines('series-fa.csv', rows);
    expect(again).toMatchObject({ ordersCreated: 0, refundsRecorded: 0 });
    expect(orderByReceipt('1')).toMatchObject({ total: 20_000, refunded: 0 });
    expect(orderByReceipt('3')).toMatchObject({ total: 50_000, refunded: 20_000 });
    expect(one<{ external_id: string }>('SELECT external_id FROM refunds').external_id).toBe(
      'برگشت از فروش: 1',
    );
  });

  it('takes an expired (Shopify) or failed (WooCommerce) payment as void: no money came in', async () => {
    const rows = [
      'Email,Financial Status,Total,Created at',
      'a@example.com,expired,30.00,2024-03-05 10:00:00 +0000',
      'a@example.com,paid,20.00,2024-03-06 10:00:00 +0000',
      'a@example.com,failed,25.00,2024-03-07 10:00:00 +0000',
    ];
    await importLines('expired.csv', rows);
    const statuses = all<{ status: string }>('SELECT status FROM orders ORDER BY ordered_at');
    expect(statuses.map((row) => row.status)).toEqual(['void', 'completed', 'void']);
  });

  it('links return invoices to the invoice they name, or keeps them as refunds of their own', async () => {
    const report = await importFile('accounting-fa.csv');
    expect(report).toMatchObject({ ordersCreated: 2, refundsRecorded: 3, rowsRejected: 0 });
    // The header says Rial: amounts are stored as written.
    expect(orderByReceipt('1001')).toMatchObject({ total: 12_500_000, refunded: 2_500_000 });
    // A return invoice's identity carries its type (return invoices may have numbers of their own).
    expect(orderByReceipt('برگشت از فروش: 1004')).toMatchObject({
      total: 0,
      refunded: 3_000_000,
      status: 'refunded',
    });
    expect(orderByReceipt('1005')).toMatchObject({ total: 0, refunded: 1_000_000 });
    const revenue = one<{ net: number }>('SELECT sum(total - refunded) AS net FROM orders').net;
    expect(revenue).toBe(12_500_000 + 8_000_000 - 2_500_000 - 3_000_000 - 1_000_000);
  });

  it('reads the Online Retail shape: C-prefixed cancellations, and a month-first date column', async () => {
    await updateSettings(ctx, { currency: 'GBP', displayUnit: null, timeZone: 'Europe/London' });
    const report = await importFile('online-retail.csv');
    expect(report).toMatchObject({
      rowsRead: 9,
      ordersCreated: 6,
      refundsRecorded: 2,
      rowsRejected: 0,
      dayOrder: 'mdy',
    });
    expect(orderByReceipt('536600').local_date).toBe('2010-12-13');
    expect(orderByReceipt('536365')).toMatchObject({ total: 1530 + 2034, refunded: 510 });
    // C536383: nothing of that customer's to refund, so a refund of its own.
    expect(orderByReceipt('c536383')).toMatchObject({ total: 0, refunded: 465 });
    expect(orderByReceipt('536371').customer_id).toBeNull();
    expect(customerByName('17850')).toBeTruthy();
  });

  it('rejects what cannot be read, with the file line and the reason, and imports the rest', async () => {
    const report = await importFile('bad-values.csv');
    expect(report.rowsRejected).toBe(5);
    expect(report.rejected.map((row) => [row.line, row.reason])).toEqual([
      [3, 'impossible_date'],
      [4, 'impossible_date'],
      [6, 'impossible_date'],
      [7, 'bad_amount'],
      [8, 'missing_date'],
    ]);
    expect(report.rejected[0]?.message).toBe('"1404/12/30" is not a real calendar day');
    // 1403 is a leap year: 1403/12/30 exists (2025-03-20).
    expect(orderByReceipt('1').local_date).toBe('2025-03-20');
    // "900000-": a trailing minus is a negative amount, so a refund.
    expect(orderByReceipt('9')).toMatchObject({ total: 0, refunded: 9_000_000 });
    // A phone that is not a number is kept as written, not matched on.
    expect(one('SELECT phone_e164, phone_raw FROM customers WHERE name = ?', 'Parsa')).toEqual({
      phone_e164: null,
      phone_raw: 'not a phone',
    });
    expect(count('import_rejected_rows')).toBe(5);
  });

  it('keeps the line where a multi-line quoted record starts', async () => {
    const report = await importFile('multiline-notes.csv');
    expect(report.rejected.map((row) => [row.line, row.reason])).toEqual([[6, 'bad_amount']]);
    const note = one<{ note: string }>("SELECT note FROM orders WHERE external_id = 'm1'").note;
    expect(note).toBe('Leave at the door.\nRing twice,\nthen wait');
    expect(customerByName('Ali').order_count).toBe(2);
  });

  it('rejects rows with NUL bytes and rows with more fields than the header', async () => {
    expect((await importFile('nul-bytes.csv')).rejected.map((row) => row.reason)).toContain(
      'nul_bytes',
    );
    const ragged = await importFile('ragged.csv');
    expect(ragged.rejected.map((row) => row.reason)).toContain('extra_fields');
  });

  it('reads Excel serial dates, brackets as negatives and emails in any case', async () => {
    await updateSettings(ctx, { currency: 'USD', displayUnit: null, timeZone: 'UTC' });
    const report = await importFile('excel-serial.csv');
    expect(report).toMatchObject({ ordersCreated: 2, refundsRecorded: 1, customersCreated: 2 });
    expect(orderByReceipt('a1')).toMatchObject({
      ordered_at: '2023-03-15T12:00:00.000Z',
      total: 1250,
    });
    expect(orderByReceipt('a2').total).toBe(123_450);
    expect(customerByName('Kim')).toMatchObject({ total_spent: 1250 - 300 });
  });

  it('reads a decimal comma and a day-first date through a saved mapping', async () => {
    await updateSettings(ctx, { currency: 'EUR', displayUnit: null, timeZone: 'Europe/Berlin' });
    const report = await importFile('decimal-comma.csv', {
      fields: { receiptId: 'Rechnung', orderedAt: 'Datum', customerName: 'Kunde', total: 'Betrag' },
      request: { options: { decimalMark: ',', dayOrder: 'dmy', source: 'kasse' } },
    });
    expect(report).toMatchObject({ ordersCreated: 3, rowsRejected: 0 });
    expect(orderByReceipt('9001')).toMatchObject({ total: 123_450, local_date: '2024-11-05' });
    expect(customerByName('Müller').total_spent).toBe(123_450 + 1000);
  });

  it('imports an .xlsx sheet', async () => {
    const report = await importFile('sales.xlsx');
    expect(report.rowsRejected).toBe(0);
    expect(report.ordersCreated).toBeGreaterThan(0);
  });

  it.each([
    ['utf8-bom.csv', 3],
    ['utf16le-bom.txt', 2],
    ['utf16be-bom.txt', 2],
    ['windows-1256.csv', 3],
  ])('reads %s: every row, Persian names intact', async (name, rows) => {
    const report = await importFile(name);
    expect(report).toMatchObject({ rowsRead: rows, ordersCreated: rows, rowsRejected: 0 });
    expect(customerByName('علی رضایی')).toMatchObject({ order_count: 1 });
    expect(all("SELECT name FROM customers WHERE name LIKE '%\uFFFD%'")).toEqual([]);
  });

  it('matches customers by code and by name after Persian normalisation', async () => {
    const report = await importFile('names-only.csv');
    expect(report).toMatchObject({ ordersCreated: 4, customersCreated: 2 });
    expect(customerByName('علی').order_count).toBe(2);
    expect(customerByName('مریم').order_count).toBe(2);
  });
});

describeBoth('progress', () => {
  it('reports from the start, phase by phase, and last when only the commit is left', async () => {
    const seen: { phase: string; position: number; total: number; rowsRead: number }[] = [];
    let finishedAtLastReport: unknown = null;
    const report = await importFile('online-retail.csv', {
      hooks: {
        onProgress: (progress) => {
          seen.push(progress);
          // Read on the run's own connection, inside its transaction.
          finishedAtLastReport = ctx.database.sqlite
            .prepare('SELECT finished_at FROM import_batches ORDER BY rowid DESC LIMIT 1')
            .pluck()
            .get();
        },
      },
    });
    expect(seen[0]).toMatchObject({ phase: 'reading', position: 0, rowsRead: 0 });
    const order = ['reading', 'returns', 'finishing'];
    for (let i = 1; i < seen.length; i += 1) {
      const [before, now] = [seen[i - 1]!, seen[i]!];
      expect(order.indexOf(now.phase)).toBeGreaterThanOrEqual(order.indexOf(before.phase));
      expect(now.rowsRead).toBeGreaterThanOrEqual(before.rowsRead);
      expect(now.position).toBeLessThanOrEqual(now.total);
    }
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ phase: 'finishing', rowsRead: report.rowsRead });
    expect(last.position).toBe(last.total);
    // The batch was already written up: the commit was all that followed the last report.
    expect(finishedAtLastReport).toEqual(expect.any(String));
  });
});

describeBoth('never twice', () => {
  it('adds nothing when the same file is imported again', async () => {
    const first = await importFile('pos-lines-fa.csv');
    const before = snapshot();
    const again = await importFile('pos-lines-fa.csv');
    expect(again).toMatchObject({
      ordersCreated: 0,
      ordersAlreadyPresent: first.ordersCreated + first.refundsRecorded,
      refundsRecorded: 0,
      customersCreated: 0,
    });
    const after = snapshot();
    // Only the new batch's own row is added.
    expect({ ...after, import_batches: [] }).toEqual({ ...before, import_batches: [] });
  });

  it('imports only the new receipts of an overlapping later export', async () => {
    await importFile('week1.csv');
    const week2 = await importFile('week2.csv');
    expect(week2).toMatchObject({
      ordersCreated: 2,
      ordersAlreadyPresent: 1,
      customersCreated: 1,
      customersMatched: 1,
    });
    expect(customerByName('Sara Nouri')).toMatchObject({ order_count: 2 });
  });

  it('records a refund a later export shows on an order imported before, once, and undoes it', async () => {
    const header = 'Order,Email,Financial Status,Total,Refunded Amount,Created at';
    await importLines('orders-1.csv', [
      header,
      '#1,a@example.com,paid,4000,0,2024-03-05 10:00:00 +0000',
      '#2,b@example.com,paid,3000,0,2024-03-06 10:00:00 +0000',
    ]);
    const later = [
      header,
      '#1,a@example.com,partially_refunded,4000,1500,2024-03-05 10:00:00 +0000',
      '#2,b@example.com,paid,3000,0,2024-03-06 10:00:00 +0000',
      '#3,a@example.com,paid,2000,0,2024-03-09 10:00:00 +0000',
    ];
    const second = await importLines('orders-2.csv', later);
    expect(second).toMatchObject({ ordersCreated: 1, ordersAlreadyPresent: 2, refundsRecorded: 1 });
    // Toman, stored as Rial.
    expect(orderByReceipt('#1')).toMatchObject({ refunded: 15_000, status: 'partially_refunded' });
    expect(customerByName('a@example.com')).toMatchObject({ total_spent: 25_000 + 20_000 });
    const again = await importLines('orders-2.csv', later);
    expect(again).toMatchObject({ ordersCreated: 0, ordersAlreadyPresent: 3, refundsRecorded: 0 });
    expect(count('refunds')).toBe(1);
    undoBatch(ctx.database.sqlite, second.batchId ?? '', ctx.now().toISOString());
    expect(orderByReceipt('#1')).toMatchObject({ refunded: 0, status: 'completed' });
  });

  it('tells identical receipts without numbers apart, and still never imports them twice', async () => {
    expect(await importFile('receipts-no-number.csv')).toMatchObject({ ordersCreated: 4 });
    expect(customerByName('Ali').order_count).toBe(2);
    expect(await importFile('receipts-no-number.csv')).toMatchObject({
      ordersCreated: 0,
      ordersAlreadyPresent: 4,
    });
  });
});

describeBoth('all or nothing', () => {
  it('a dry run reports the real figures and writes nothing', async () => {
    await importFile('week1.csv');
    const before = snapshot();
    const dry = await importFile('week2.csv', { dryRun: true });
    expect(snapshot()).toEqual(before);
    expect(dry.batchId).toBeNull();
    const real = await importFile('week2.csv');
    const figures = (report: ImportReport) => ({
      ...report,
      batchId: null,
      dryRun: null,
      durationMs: 0,
    });
    expect(figures(dry)).toEqual(figures(real));
  });

  it('a cancel at any chunk leaves the database exactly as before', async () => {
    await importFile('week1.csv');
    const before = snapshot();
    await expect(
      importFile('pos-lines-fa.csv', { hooks: { isCancelled: () => true } }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(snapshot()).toEqual(before);
  });

  it('a big file (the bulk path: indexes and cache triggers set aside, then restored) leaves the schema and the KPI caches as row-by-row writes would', async () => {
    await importFile('week1.csv');
    const schema = () => all('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name');
    const before = schema();
    const temp = makeTempDir();
    try {
      // Over 16 MB: about 190,000 receipts, one in five a walk-in, some on the same day.
      const lines: string[] = ['receipt,date,customer,mobile,total,padding'];
      for (let i = 0; i < 190_000; i += 1) {
        const day = `2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const isWalkIn = i % 5 === 0;
        const who = isWalkIn
          ? ','
          : `Customer number ${i % 20_000},0912${String(3_000_000 + (i % 20_000))}`;
        lines.push(`B${i},${day},${who},${1000 + (i % 7) * 250},${'x'.repeat(40)}`);
      }
      writeFileSync(temp.file('big.csv'), `${lines.join('\n')}\n`);
      expect(statSync(temp.file('big.csv')).size).toBeGreaterThan(16 * 1024 * 1024);
      const report = await importFile(temp.file('big.csv'));
      expect(report).toMatchObject({ ordersCreated: 190_000, rowsRejected: 0 });
    } finally {
      temp.remove();
    }
    expect(schema()).toEqual(before);
    // The indexes built again hold exactly the rows.
    expect(ctx.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every customer the batch made waits for its KPI rows; the walk-in days equal a rebuild.
    expect(
      one<{ n: number }>(
        `SELECT count(*) AS n FROM customers WHERE import_batch_id IS NOT NULL
         AND id NOT IN (SELECT customer_id FROM kpi_pending)
         AND id NOT IN (SELECT customer_id FROM customer_days)`,
      ).n,
    ).toBe(0);
    const walkIns = () => all('SELECT * FROM walk_in_days ORDER BY day');
    const written = walkIns();
    expect(written.length).toBeGreaterThan(200);
    rebuildKpiFacts(ctx.database.sqlite);
    expect(walkIns()).toEqual(written);
  });

  it('a full disk rolls everything back with a clear message', async () => {
    await importFile('week1.csv');
    const before = snapshot();
    const temp = makeTempDir();
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `X${i},2024-05-01,Customer ${i},0912${String(1_000_000 + i)},${1000 + i}`,
    );
    writeFileSync(
      temp.file('big.csv'),
      `receipt,date,customer,mobile,total\n${lines.join('\n')}\n`,
    );
    const pages = one<{ n: number }>('SELECT page_count AS n FROM pragma_page_count').n;
    ctx.database.sqlite.pragma(`max_page_count = ${pages + 2}`);
    try {
      await expect(importFile(temp.file('big.csv'))).rejects.toMatchObject({
        code: 'disk_full',
        message: expect.stringMatching(/big\.csv.*disk is full.*Nothing was written/),
      });
    } finally {
      ctx.database.sqlite.pragma('max_page_count = 4294967294');
      temp.remove();
    }
    expect(snapshot()).toEqual(before);
    expect(ctx.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describeBoth('undo', () => {
  it('restores the exact previous state, batch by batch', async () => {
    const empty = snapshot();
    const week1 = await importFile('week1.csv');
    const afterWeek1 = snapshot();
    const week2 = await importFile('week2.csv');
    undoBatch(ctx.database.sqlite, week2.batchId ?? '', ctx.now().toISOString());
    const undone = snapshot();
    expect({ ...undone, import_batches: [] }).toEqual({ ...afterWeek1, import_batches: [] });
    undoBatch(ctx.database.sqlite, week1.batchId ?? '', ctx.now().toISOString());
    expect({ ...snapshot(), import_batches: [], import_rejected_rows: [] }).toEqual({
      ...empty,
      import_batches: [],
    });
    expect(all('SELECT status FROM import_batches')).toEqual([
      { status: 'undone' },
      { status: 'undone' },
    ]);
    expect(() =>
      undoBatch(ctx.database.sqlite, week1.batchId ?? '', ctx.now().toISOString()),
    ).toThrow(/already undone/);
  });

  it('takes a refund back off an order an earlier import created', async () => {
    await importFile('sales-before-returns.csv');
    const before = orderByReceipt('s-1');
    const returns = await importFile('returns-later.csv');
    expect(returns.refundsRecorded).toBe(1);
    expect(orderByReceipt('s-1')).toMatchObject({
      refunded: 1_000_000,
      status: 'partially_refunded',
    });
    expect(customerByName('Ali Karimi').total_spent).toBe(5_000_000 - 1_000_000);
    undoBatch(ctx.database.sqlite, returns.batchId ?? '', ctx.now().toISOString());
    expect(orderByReceipt('s-1')).toEqual(before);
    expect(customerByName('Ali Karimi').total_spent).toBe(5_000_000);
  });

  it('keeps a customer the import created once something else refers to them', async () => {
    const report = await importFile('week1.csv');
    const ali = customerByName('Ali Karimi');
    ctx.database.sqlite
      .prepare(
        `INSERT INTO interactions (id, customer_id, channel, occurred_at, created_at)
         VALUES ('i1', ?, 'phone', '2024-07-05T10:00:00Z', '2024-07-05T10:00:00Z')`,
      )
      .run(ali.id);
    undoBatch(ctx.database.sqlite, report.batchId ?? '', ctx.now().toISOString());
    expect(all('SELECT name, order_count FROM customers')).toEqual([
      { name: 'Ali Karimi', order_count: 0 },
    ]);
    expect(count('orders')).toBe(0);
  });
});

describeBoth('options', () => {
  it('reads amounts in Rial when the user says so', async () => {
    const options: Partial<ImportOptions> = { amountUnit: 'rial' };
    await importFile('utf8.csv', { request: { options } });
    expect(orderByReceipt('1001').total).toBe(1_250_000);
  });

  it('says when amounts are finer than the shop’s currency keeps, before and after the import', async () => {
    const preview = async () => {
      const path = fixture('online-retail.csv');
      const settings = await getSettings(ctx);
      const file = { fileId: 'test', name: 'online-retail.csv', size: statSync(path).size };
      return buildPreview(path, file, {}, settings, []);
    };
    // The default shop keeps whole Rial: £2.55 read as 2.55 Toman is 25.5 Rial.
    const rounded = { code: 'amounts_rounded', params: { currency: 'IRR' } };
    expect((await preview()).warnings).toContainEqual(rounded);
    const report = await importFile('online-retail.csv');
    expect(report.warnings).toContainEqual({
      code: 'amounts_rounded',
      params: { count: 9, currency: 'IRR' },
    });
    expect(orderByReceipt('536365').total).toBe(26 * 6 + 34 * 6);

    undoBatch(ctx.database.sqlite, report.batchId ?? '', ctx.now().toISOString());
    await updateSettings(ctx, { currency: 'GBP', displayUnit: null });
    expect((await preview()).warnings.map((warning) => warning.code)).not.toContain(
      'amounts_rounded',
    );
    const exact = await importFile('online-retail.csv');
    expect(exact.warnings.map((warning) => warning.code)).not.toContain('amounts_rounded');
  });
});
