import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../src-shared/contract/types.ts';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../../tests/fixtures/temp-db.ts';
import { writeImportBenchFile } from '../../../tests/bench/import-data.ts';
import type { CoreContext } from '../context.ts';
import { listCustomers } from '../customers/customers.service.ts';
import { readLoyaltyState } from '../loyalty/loyalty-settings.ts';
import { createImportService } from './imports.service.ts';
import type { ImportService } from './imports.service.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'import');

let ctx: CoreContext;
let service: ImportService;
let temp: TempDir;
let remove: () => Promise<void>;
beforeEach(() => {
  const test = makeTestContext('2026-12-01T08:00:00.000Z');
  ctx = test.ctx;
  service = createImportService(ctx, 'test');
  temp = makeTempDir();
  remove = async () => {
    await service.close();
    await test.remove();
    temp.remove();
  };
});
afterEach(() => remove());

/** Hands a file over as the renderer does: in base64 chunks of at most 512 KiB. */
const upload = async (path: string, name = path.split('/').at(-1) ?? 'file') => {
  const bytes = readFileSync(path);
  const file = await service.uploadBegin({ name, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += 512 * 1024) {
    const data = bytes.subarray(offset, offset + 512 * 1024).toString('base64');
    await service.uploadChunk({ fileId: file.fileId, offset, data });
  }
  return service.uploadEnd(file.fileId);
};

const settle = async (job: ImportJob, onPoll?: (job: ImportJob) => void): Promise<ImportJob> => {
  let current = job;
  while (current.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    current = service.job(job.id);
    onPoll?.(current);
  }
  return current;
};

describe('the import service', () => {
  it('takes a file in chunks, previews it, checks it, imports it, lists and undoes it', async () => {
    const file = await upload(join(FIXTURES, 'pos-lines-fa.csv'));
    const preview = await service.preview({ fileId: file.fileId });
    expect(preview.detected).toMatchObject({ encoding: 'utf-8', delimiter: ',', shape: 'line' });
    expect(preview.plan.mapping).toMatchObject({
      receiptId: 0,
      orderedAt: 1,
      time: 2,
      quantity: 8,
    });
    expect(preview.samples.orderedAt?.[0]).toMatchObject({
      raw: '۱۴۰۳/۰۸/۱۵',
      parsed: '2024-11-05',
    });
    expect(preview.previousImport).toBeNull();

    const checked = await settle(await service.start(file.fileId, preview.plan, true));
    expect(checked).toMatchObject({ state: 'done', dryRun: true });
    expect(checked.report).toMatchObject({ batchId: null, ordersCreated: 4, refundsRecorded: 1 });
    expect(service.history()).toEqual([]);

    const imported = await settle(await service.start(file.fileId, preview.plan, false));
    expect(imported.report).toMatchObject({ ordersCreated: 4, customersCreated: 3 });
    const batchId = imported.report?.batchId ?? '';
    const created = await listCustomers(ctx, { importBatchId: batchId });
    expect(created.total).toBe(3);
    // The run's worker wrote the new sales' loyalty points and tiers (this service has no
    // afterCommit of its own): nothing is left pending for the app's thread.
    const { sqlite } = ctx.database;
    expect(sqlite.prepare('SELECT count(*) FROM loyalty_pending').pluck().get()).toBe(0);
    expect(readLoyaltyState(sqlite)).toMatchObject({ asOf: '2026-12-01' });
    expect(
      sqlite
        .prepare(
          `SELECT count(*) FROM points_ledger p JOIN orders o ON o.id = p.order_id
           WHERE o.import_batch_id = ? AND p.kind = 'earn'`,
        )
        .pluck()
        .get(batchId),
    ).toBeGreaterThan(0);
    expect(service.history()).toMatchObject([
      { id: batchId, status: 'committed', ordersCreated: 4 },
    ]);

    // The same file again is recognised on the preview.
    const again = await upload(join(FIXTURES, 'pos-lines-fa.csv'));
    expect((await service.preview({ fileId: again.fileId })).previousImport).toMatchObject({
      batchId,
      status: 'committed',
    });

    expect(service.undo(batchId)).toMatchObject({ status: 'undone' });
    expect((await listCustomers(ctx, {})).total).toBe(0);
  });

  it('waits for another connection’s write to end before undoing, instead of failing busy', async () => {
    const file = await upload(join(FIXTURES, 'pos-lines-fa.csv'));
    const preview = await service.preview({ fileId: file.fileId });
    const imported = await settle(await service.start(file.fileId, preview.plan, false));
    const batchId = imported.report?.batchId ?? '';
    // Another connection (as the import's thread, checkpointing after a run) holds the write
    // lock for 300 ms; the undo reads first, so a deferred transaction would fail at its first
    // write without waiting.
    const holder = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const Database = require(workerData.module);
       const db = new Database(workerData.path);
       db.exec('BEGIN IMMEDIATE');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('COMMIT');
       db.close();`,
      {
        eval: true,
        workerData: {
          module: createRequire(import.meta.url).resolve('better-sqlite3'),
          path: ctx.database.path,
        },
      },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    expect(service.undo(batchId)).toMatchObject({ status: 'undone' });
    await new Promise((resolve) => holder.once('exit', resolve));
  });

  it('keeps the rejected rows of a batch and gives them back as a CSV to fix', async () => {
    const file = await upload(join(FIXTURES, 'bad-values.csv'));
    const preview = await service.preview({ fileId: file.fileId });
    const job = await settle(await service.start(file.fileId, preview.plan, false));
    const batchId = job.report?.batchId ?? '';
    const page = service.rejected(batchId, 0, 2);
    expect(page.total).toBe(5);
    expect(page.rows.map((row) => row.line)).toEqual([3, 4]);
    const csv = service.rejectedCsv(batchId);
    expect(csv.fileName).toBe('bad-values-rejected.csv');
    const lines = csv.content.split('\r\n');
    expect(lines[0]).toBe('\ufeffreceipt,date,customer,phone,total,line,reason');
    expect(lines[1]).toBe(
      '2,1404/12/30,Reza,09121234568,200000,3,"""1404/12/30"" is not a real calendar day"',
    );
  });

  it('neutralises spreadsheet formulas in the rejected-rows CSV', async () => {
    const path = temp.file('evil.csv');
    writeFileSync(path, 'receipt,date,customer,total\n1,=HYPERLINK("x"),@SUM(A1),-5\n');
    const file = await upload(path);
    const preview = await service.preview({ fileId: file.fileId });
    const job = await settle(await service.start(file.fileId, preview.plan, false));
    const { content } = service.rejectedCsv(job.report?.batchId ?? '');
    expect(content.split('\r\n')[1]).toBe(
      `1,"'=HYPERLINK(""x"")",'@SUM(A1),-5,2,"""=HYPERLINK(""x"")"" is not a date"`,
    );
  });

  it('reports progress while it runs and stops within a second of a cancel, leaving nothing', async () => {
    const path = temp.file('big.csv');
    await writeImportBenchFile(path, 150_000, 5);
    const file = await upload(path);
    const preview = await service.preview({ fileId: file.fileId });
    const job = await service.start(file.fileId, preview.plan, false);
    const seen: number[] = [];
    let cancelledAt = 0;
    const final = await settle(job, (current) => {
      seen.push(current.position);
      if (cancelledAt === 0 && current.position > 0) {
        cancelledAt = performance.now();
        service.cancel(job.id);
      }
    });
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    expect(final).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    expect(seen.some((position) => position > 0)).toBe(true);
    expect(ctx.database.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 0 });
    expect(service.history()).toEqual([]);
  });

  it('refuses chunks out of order, a second run at once, and a plan without a date', async () => {
    const bytes = readFileSync(join(FIXTURES, 'week1.csv'));
    const file = await service.uploadBegin({ name: 'week1.csv', size: bytes.length });
    await expect(
      service.uploadChunk({ fileId: file.fileId, offset: 10, data: bytes.toString('base64') }),
    ).rejects.toMatchObject({ code: 'bad_input', details: { reason: 'out_of_order' } });
    await expect(service.preview({ fileId: file.fileId })).rejects.toMatchObject({
      details: { reason: 'incomplete_upload' },
    });
    const whole = await upload(join(FIXTURES, 'week1.csv'));
    const { plan } = await service.preview({ fileId: whole.fileId });
    const { orderedAt: _date, ...mapping } = plan.mapping;
    await expect(service.start(whole.fileId, { ...plan, mapping }, false)).rejects.toMatchObject({
      code: 'bad_input',
      details: { reason: 'incomplete_mapping' },
    });
    const first = await service.start(whole.fileId, plan, true);
    await expect(service.start(whole.fileId, plan, true)).rejects.toMatchObject({
      code: 'conflict',
    });
    await settle(first);
  });

  it('saves, applies and deletes presets; the built-in ones are always there', async () => {
    expect(service.presets().map((preset) => preset.id)).toEqual([
      'shopify',
      'fa-accounting',
      'generic-fa',
      'generic-en',
    ]);
    const saved = service.savePreset({
      name: 'Kasse',
      fields: { receiptId: 'Rechnung', orderedAt: 'Datum', customerName: 'Kunde', total: 'Betrag' },
      options: { decimalMark: ',', dayOrder: 'dmy' },
    });
    const file = await upload(join(FIXTURES, 'decimal-comma.csv'));
    const preview = await service.preview({ fileId: file.fileId, presetId: saved.id });
    expect(preview.plan.mapping).toEqual({ receiptId: 0, orderedAt: 1, customerName: 2, total: 3 });
    expect(preview.plan.options).toMatchObject({ decimalMark: ',', dayOrder: 'dmy' });
    // 1.234,50 Toman is 12,345 Rial.
    expect(preview.samples.total?.[0]?.parsed).toBe('12345');
    expect(service.deletePreset(saved.id).map((preset) => preset.name)).not.toContain('Kasse');
  });

  it('names the file as the user knows it in errors, not its staged copy', async () => {
    const file = await upload(join(FIXTURES, 'legacy.xls'));
    await expect(service.preview({ fileId: file.fileId })).rejects.toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/^legacy\.xls is an old-style Excel file/),
      details: { reason: 'legacy_xls', file: 'legacy.xls' },
    });
  });

  it('shows an instant in a date column as the instant it is', async () => {
    const file = await upload(join(FIXTURES, 'shopify-orders.csv'));
    const preview = await service.preview({ fileId: file.fileId });
    expect(preview.samples.orderedAt?.[0]?.parsed).toBe('2024-03-05T10:20:31.000Z');
  });

  it('finds the running import again, discards files it will not import, gives one batch', async () => {
    expect(service.current()).toBeNull();
    const file = await upload(join(FIXTURES, 'week1.csv'));
    const { plan } = await service.preview({ fileId: file.fileId });
    const job = await service.start(file.fileId, plan, false);
    expect(service.current()?.id).toBe(job.id);
    expect(() => service.discard(file.fileId)).toThrow(/being imported/);
    const done = await settle(job);
    expect(service.current()).toBeNull();
    expect(service.batch(done.report?.batchId ?? '')).toMatchObject({ fileName: 'week1.csv' });
    const other = await upload(join(FIXTURES, 'week2.csv'));
    expect(service.discard(other.fileId)).toBe(true);
    await expect(service.preview({ fileId: other.fileId })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
