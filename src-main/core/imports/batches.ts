import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { ImportBatch, RejectedRow } from '../../../src-shared/contract/types.ts';
import { toCsv } from '../../../src-shared/domain/csv.ts';
import type { RejectReason } from '../../../src-shared/domain/import-fields.ts';
import type { ImportBatchesTable } from '../../db/schema.ts';
import { refreshCustomerStatsFor } from '../customers/customer-stats.ts';
import { rejectMessage } from './reject-reasons.ts';

/** Import history: the batches, their rejected rows, and undo. */

type BatchRecord = Selectable<ImportBatchesTable>;

const toBatch = (record: BatchRecord): ImportBatch => ({
  id: record.id,
  source: record.source,
  fileName: record.file_name,
  fileSize: record.file_size,
  status: record.status,
  rowsRead: record.rows_read,
  ordersCreated: record.orders_created,
  ordersAlreadyPresent: record.orders_already_present,
  refundsRecorded: record.refunds_recorded,
  customersCreated: record.customers_created,
  customersMatched: record.customers_matched,
  rowsRejected: record.rows_rejected,
  durationMs: record.duration_ms,
  createdBy: record.created_by,
  startedAt: record.started_at,
  undoneAt: record.undone_at,
});

export const listBatches = (sqlite: BetterSqlite3.Database, limit = 200): ImportBatch[] =>
  (
    sqlite
      .prepare('SELECT * FROM import_batches ORDER BY started_at DESC, id DESC LIMIT ?')
      .all(limit) as BatchRecord[]
  ).map(toBatch);

const requireBatch = (sqlite: BetterSqlite3.Database, batchId: string): BatchRecord => {
  const record = sqlite.prepare('SELECT * FROM import_batches WHERE id = ?').get(batchId) as
    BatchRecord | undefined;
  if (!record) throw new AppError('not_found', `No import with id ${batchId}.`, { id: batchId });
  return record;
};

export const getBatch = (sqlite: BetterSqlite3.Database, batchId: string): ImportBatch =>
  toBatch(requireBatch(sqlite, batchId));

/** The latest batch of a file with this content, so the preview can say it was imported before. */
export const findBatchByContent = (
  sqlite: BetterSqlite3.Database,
  contentHash: string,
): { batchId: string; startedAt: string; status: 'committed' | 'undone' } | null => {
  const row = sqlite
    .prepare(
      `SELECT id, started_at, status FROM import_batches WHERE content_hash = ?
       ORDER BY started_at DESC LIMIT 1`,
    )
    .get(contentHash) as
    { id: string; started_at: string; status: 'committed' | 'undone' } | undefined;
  return row ? { batchId: row.id, startedAt: row.started_at, status: row.status } : null;
};

/**
 * Undoes a batch in one transaction: its refunds are taken back off the orders they reduced, its
 * orders (with their items) are deleted, the customer codes it linked are unlinked, and the
 * customers it created are deleted when nothing else refers to them. The batch stays in the
 * history, marked undone.
 */
export const undoBatch = (
  sqlite: BetterSqlite3.Database,
  batchId: string,
  now: string,
): ImportBatch => {
  const batch = requireBatch(sqlite, batchId);
  if (batch.status === 'undone') {
    throw new AppError('conflict', `The import of ${batch.file_name} was already undone.`, {
      reason: 'already_undone',
    });
  }
  sqlite
    .transaction(() => {
      const affected = sqlite
        .prepare(
          `SELECT customer_id FROM orders WHERE import_batch_id = ? AND customer_id IS NOT NULL
         UNION SELECT o.customer_id FROM refunds r JOIN orders o ON o.id = r.order_id
         WHERE r.import_batch_id = ? AND o.customer_id IS NOT NULL`,
        )
        .pluck()
        .all(batchId, batchId) as string[];
      sqlite
        .prepare(
          `UPDATE orders SET
           refunded = max(0, refunded - r.amount),
           status = CASE WHEN orders.status = 'void' THEN 'void'
             WHEN refunded - r.amount <= 0 THEN 'completed' ELSE 'partially_refunded' END,
           updated_at = ?
         FROM (SELECT order_id, sum(amount) AS amount FROM refunds WHERE import_batch_id = ?
               GROUP BY order_id) AS r
         WHERE orders.id = r.order_id`,
        )
        .run(now, batchId);
      sqlite.prepare('DELETE FROM refunds WHERE import_batch_id = ?').run(batchId);
      sqlite
        .prepare(
          `DELETE FROM order_items WHERE order_id IN
           (SELECT id FROM orders WHERE import_batch_id = ?)`,
        )
        .run(batchId);
      sqlite.prepare('DELETE FROM orders WHERE import_batch_id = ?').run(batchId);
      sqlite.prepare('DELETE FROM customer_external_ids WHERE import_batch_id = ?').run(batchId);
      sqlite
        .prepare(
          `DELETE FROM customers WHERE import_batch_id = ?
           AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM survey_responses s WHERE s.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM customer_external_ids x WHERE x.customer_id = customers.id)
           AND NOT EXISTS (SELECT 1 FROM customers m WHERE m.merged_into_id = customers.id)`,
        )
        .run(batchId);
      const remaining = sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').pluck();
      refreshCustomerStatsFor(
        sqlite,
        affected.filter((id) => remaining.get(id) !== undefined),
      );
      sqlite
        .prepare(
          `UPDATE import_batches SET status = 'undone', undone_at = ?, updated_at = ? WHERE id = ?`,
        )
        .run(now, now, batchId);
    })
    .immediate();
  return getBatch(sqlite, batchId);
};

type RejectedRecord = { line: number; reason: RejectReason; params: string; fields: string };

const toRejected = (record: RejectedRecord): RejectedRow => {
  const params = JSON.parse(record.params) as Record<string, string | number>;
  return {
    line: record.line,
    reason: record.reason,
    params,
    message: rejectMessage(record.reason, params),
    fields: JSON.parse(record.fields) as string[],
  };
};

export const listRejected = (
  sqlite: BetterSqlite3.Database,
  batchId: string,
  offset: number,
  limit: number,
): { rows: RejectedRow[]; total: number } => {
  requireBatch(sqlite, batchId);
  const total = sqlite
    .prepare('SELECT count(*) FROM import_rejected_rows WHERE batch_id = ?')
    .pluck()
    .get(batchId) as number;
  const rows = (
    sqlite
      .prepare(
        `SELECT line, reason, params, fields FROM import_rejected_rows WHERE batch_id = ?
         ORDER BY line LIMIT ? OFFSET ?`,
      )
      .all(batchId, limit, offset) as RejectedRecord[]
  ).map(toRejected);
  return { rows, total };
};

/**
 * The rejected rows to fix and import again: the file's own columns first (under its header),
 * then the line they came from and why they were rejected.
 */
/**
 * A batch's rejected rows as a table: the file's own columns under its headers (`column N` where
 * a row is wider than the header), then `line` and `reason`; for the CSV below and the exports.
 */
export const rejectedTable = (
  sqlite: BetterSqlite3.Database,
  batchId: string,
): { fileName: string; headers: string[]; rows: (string | number)[][] } => {
  const batch = requireBatch(sqlite, batchId);
  const settings = JSON.parse(batch.settings) as { headers?: string[] };
  const records = sqlite
    .prepare(
      'SELECT line, reason, params, fields FROM import_rejected_rows WHERE batch_id = ? ORDER BY line',
    )
    .all(batchId) as RejectedRecord[];
  const rows = records.map(toRejected);
  const width = Math.max(0, ...rows.map((row) => row.fields.length));
  const headers = [
    ...Array.from({ length: width }, (_, i) => settings.headers?.[i] || `column ${i + 1}`),
    'line',
    'reason',
  ];
  const base = batch.file_name.replace(/\.[^.]+$/, '');
  return {
    fileName: `${base}-rejected.csv`,
    headers,
    rows: rows.map((row) => [
      ...row.fields,
      ...new Array<string>(width - row.fields.length).fill(''),
      row.line,
      row.message,
    ]),
  };
};

export const rejectedCsv = (
  sqlite: BetterSqlite3.Database,
  batchId: string,
): { fileName: string; content: string } => {
  const { fileName, headers, rows } = rejectedTable(sqlite, batchId);
  return { fileName, content: toCsv([headers, ...rows]) };
};
