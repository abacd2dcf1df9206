import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase } from '../../../tests/fixtures/temp-db.ts';
import { suspendIndexesForBulkLoad } from './bulk-indexes.ts';

let database: ReturnType<typeof openTempDatabase>;
beforeEach(() => {
  database = openTempDatabase();
});
afterEach(() => database.remove());

const BIG = 64 * 1024 * 1024;
const orderIndexes = () =>
  database.sqlite
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL ORDER BY name",
    )
    .pluck()
    .all() as string[];
const pragma = (name: string) => Number(database.sqlite.pragma(name, { simple: true }));

describe('indexes set aside for a bulk load', () => {
  it('sets aside only the indexes whose keys come in no order, and builds them again as they were', () => {
    const all = orderIndexes();
    const { sqlite } = database;
    sqlite.exec('BEGIN IMMEDIATE');
    const withNumbers = suspendIndexesForBulkLoad(sqlite, {
      fileSize: BIG,
      sourceHasOrders: false,
      hasReceiptNumbers: true,
      batchId: 'b1',
    });
    // Days, the batch and receipt numbers come in order: those indexes stay live. So does the
    // content-hash one, which receipts with numbers hardly use.
    expect(orderIndexes()).toEqual([
      'idx_orders_import_batch_id',
      'idx_orders_local_date',
      'idx_orders_source_content_hash',
      'idx_orders_source_external_id',
    ]);
    const cacheSize = pragma('cache_size');
    // Each build sorts with a smaller page cache (bulk-indexes.ts says why).
    const cacheDuringBuilds: number[] = [];
    withNumbers.rebuild('orders', () => cacheDuringBuilds.push(pragma('cache_size')));
    expect(orderIndexes()).toEqual(all);
    expect(cacheDuringBuilds).toEqual([-4096]);
    // The builds' page cache was theirs only.
    expect(pragma('cache_size')).toBe(cacheSize);
    sqlite.exec('ROLLBACK');

    sqlite.exec('BEGIN IMMEDIATE');
    const withoutNumbers = suspendIndexesForBulkLoad(sqlite, {
      fileSize: BIG,
      sourceHasOrders: false,
      hasReceiptNumbers: false,
      batchId: 'b2',
    });
    // Without numbers, receipts are told apart by their content's hash: in no order.
    expect(orderIndexes()).toEqual([
      'idx_orders_import_batch_id',
      'idx_orders_local_date',
      'idx_orders_source_external_id',
    ]);
    withoutNumbers.rebuild('orders');
    expect(orderIndexes()).toEqual(all);
    sqlite.exec('ROLLBACK');

    // A source imported before keeps both of its look-up indexes, numbers or not.
    sqlite.exec('BEGIN IMMEDIATE');
    suspendIndexesForBulkLoad(sqlite, {
      fileSize: BIG,
      sourceHasOrders: true,
      hasReceiptNumbers: false,
      batchId: 'b3',
    });
    expect(orderIndexes()).toEqual([
      'idx_orders_import_batch_id',
      'idx_orders_local_date',
      'idx_orders_source_content_hash',
      'idx_orders_source_external_id',
    ]);
    sqlite.exec('ROLLBACK');
    expect(orderIndexes()).toEqual(all);
  });
});
