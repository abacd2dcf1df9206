import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  ImportPlan,
  ImportReport,
  ImportWarning,
  RejectedRow,
} from '../../../src-shared/contract/types.ts';
import { suspendIndexesForBulkLoad } from './bulk-indexes.ts';
import { fieldsByHeader } from './mapping.ts';
import { createAssembler, DayOrderFlip } from './receipts.ts';
import type { Assembler, ShopMoney } from './receipts.ts';
import { readRows } from './source.ts';
import type { RawRow } from './source.ts';
import type { DayOrder } from './values.ts';
import { createWriter, detach } from './writer.ts';
import type { Writer } from './writer.ts';

/**
 * One import run: reads the file, writes its receipts and records the batch, all inside one write
 * transaction, so a crash, a kill or a cancel at any moment leaves the database exactly as before
 * (SQLite's journal) or exactly as after. A dry run is the same run rolled back at the end, so its
 * figures are the real ones.
 */

export type RunInput = {
  path: string;
  fileName: string;
  fileSize: number;
  contentHash: string;
  plan: ImportPlan;
  shop: ShopMoney;
  dryRun: boolean;
  createdBy: string;
  /** The order the preview saw, for a plan whose day order is 'auto'. */
  dayOrderHint?: DayOrder | null;
  /** How many rejected rows the report carries (all of them are kept with the batch). */
  rejectedLimit?: number;
};

export type RunProgress = {
  phase: 'reading' | 'returns' | 'finishing';
  position: number;
  total: number;
  rowsRead: number;
};

export type RunHooks = {
  now?: () => Date;
  newId: () => string;
  onProgress?: (progress: RunProgress) => void;
  /** Checked between chunks of the file (every ~1 MiB). */
  isCancelled?: () => boolean;
};

const REPORT_REJECTED_LIMIT = 1000;
/**
 * 32 MiB of page cache (negative: KiB) while a run lasts; an index build sorts in as much again.
 * New rows go in key order (items by order, orders by id), so more cache does not make a big run
 * faster (measured at 64 MiB); it only holds more memory.
 */
const RUN_CACHE_SIZE = -32_768;

export const runImport = async (
  sqlite: BetterSqlite3.Database,
  input: RunInput,
  hooks: RunHooks,
): Promise<ImportReport> => {
  const isAuto = input.plan.options.dayOrder === 'auto';
  let dayOrder: DayOrder = isAuto
    ? (input.dayOrderHint ?? 'dmy')
    : (input.plan.options.dayOrder as DayOrder);
  // An 'auto' order is assumed until a date proves it wrong; then the run starts again once.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await attemptRun(sqlite, input, hooks, dayOrder, isAuto && attempt === 0);
    } catch (error) {
      if (error instanceof DayOrderFlip && attempt === 0) {
        dayOrder = error.order;
        continue;
      }
      throw error;
    }
  }
};

const attemptRun = async (
  sqlite: BetterSqlite3.Database,
  input: RunInput,
  hooks: RunHooks,
  dayOrder: DayOrder,
  isDayOrderAuto: boolean,
): Promise<ImportReport> => {
  const now = hooks.now ?? (() => new Date());
  const started = now();
  const startedMs = performance.now();
  const nowIso = started.toISOString();
  const batchId = hooks.newId();
  const { plan } = input;
  const rejected: RejectedRow[] = [];
  const rejectedLimit = input.rejectedLimit ?? REPORT_REJECTED_LIMIT;
  let rowsRejected = 0;
  let headers: string[] = [];

  // A long write transaction whose pages spill out of a small cache reads them back from the WAL
  // for every lookup; a bigger cache for the run's length keeps the new rows' indexes in memory.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${RUN_CACHE_SIZE}`);
  // The commit makes the import durable; copying the WAL back into the database file (seconds
  // for a big file) is left to checkpointAfterRun, once the result has been reported.
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  // The writer makes every row it refers to (customers before their orders, orders before their
  // items) in the same transaction, so SQLite's per-row foreign-key lookups (a second of a big
  // run) only repeat what is true by construction; the tests check foreign_key_check after every
  // import. The setting belongs to this connection and cannot change inside a transaction.
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
  sqlite.pragma('foreign_keys = OFF');
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    sqlite
      .prepare(
        `INSERT INTO import_batches (id, source, file_name, file_size, content_hash, settings,
           status, created_by, started_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '{}', 'committed', ?, ?, ?, ?)`,
      )
      .run(
        batchId,
        plan.options.source,
        input.fileName,
        input.fileSize,
        input.contentHash,
        input.createdBy,
        nowIso,
        nowIso,
        nowIso,
      );
    const writer = createWriter({
      sqlite,
      batchId,
      source: plan.options.source,
      now: nowIso,
      newId: hooks.newId,
    });
    const indexes = suspendIndexesForBulkLoad(
      sqlite,
      input.fileSize,
      writer.sourceHasOrders,
      batchId,
    );
    const reader = readRows(input.path, {
      format: plan.read.format,
      encoding: plan.read.encoding,
      delimiter: plan.read.delimiter,
      ...(plan.read.sheet !== null && { sheet: plan.read.sheet }),
    });
    let assembler: Assembler | null = null;
    const makeAssembler = (headerWidth: number): Assembler =>
      createAssembler({
        mapping: plan.mapping,
        options: plan.options,
        shop: input.shop,
        headerLine: plan.read.headerLine,
        headerWidth,
        dayOrder,
        isDayOrderAuto,
        onReceipt: writer.write,
        onReject: (rows) => {
          writer.reject(rows);
          rowsRejected += rows.length;
          for (const row of rows) {
            if (rejected.length < rejectedLimit)
              rejected.push({ ...row, fields: row.fields.map(detach) });
          }
        },
      });

    let lastReport = 0;
    const report = (phase: RunProgress['phase'], force = false) => {
      const at = performance.now();
      if (!force && at - lastReport < 200) return;
      lastReport = at;
      hooks.onProgress?.({
        phase,
        position: reader.position(),
        total: reader.total,
        rowsRead: assembler?.rowsRead ?? 0,
      });
    };

    report('reading', true);
    for await (const batch of reader.batches) {
      if (hooks.isCancelled?.()) throw cancelled();
      if (assembler === null) {
        const header = findHeader(batch, plan.read.headerLine);
        if (header === null && plan.read.headerLine > 0) continue;
        headers = header?.fields ?? [];
        assembler = makeAssembler(header ? header.fields.length : Number.POSITIVE_INFINITY);
      }
      assembler.push(batch);
      report('reading');
    }
    if (hooks.isCancelled?.()) throw cancelled();
    assembler ??= makeAssembler(Number.POSITIVE_INFINITY);
    assembler.finish();
    writer.flush();
    report('returns', true);
    indexes.rebuild('orders', () => report('returns', true));
    finishWriter(writer, hooks, reader.total, assembler.rowsRead);
    report('finishing', true);
    indexes.rebuild('customers', () => report('finishing', true));
    if (hooks.isCancelled?.()) throw cancelled();

    const counts = writer.counts();
    const durationMs = Math.round(performance.now() - startedMs);
    const settings = {
      read: plan.read,
      headers,
      mapping: plan.mapping,
      fields: fieldsByHeader(headers, plan.mapping),
      options: { ...plan.options, dayOrder: isDayOrderAuto ? 'auto' : dayOrder },
      dayOrderUsed: dayOrder,
    };
    sqlite
      .prepare(
        `UPDATE import_batches SET settings = ?, rows_read = ?, orders_created = ?,
           orders_already_present = ?, refunds_recorded = ?, customers_created = ?,
           customers_matched = ?, rows_rejected = ?, duration_ms = ?, finished_at = ?,
           updated_at = ? WHERE id = ?`,
      )
      .run(
        JSON.stringify(settings),
        assembler.rowsRead,
        counts.ordersCreated,
        counts.ordersAlreadyPresent,
        counts.refundsRecorded,
        counts.customersCreated,
        counts.customersMatched,
        rowsRejected,
        durationMs,
        now().toISOString(),
        nowIso,
        batchId,
      );
    sqlite.exec(input.dryRun ? 'ROLLBACK' : 'COMMIT');
    return {
      batchId: input.dryRun ? null : batchId,
      dryRun: input.dryRun,
      rowsRead: assembler.rowsRead,
      ...counts,
      rowsRejected,
      rejected,
      warnings: warningsOf(counts.ordersCreated, rowsRejected, assembler.rowsRead),
      durationMs,
      // Reported when it was decided here: an 'auto' plan with dates that could be read both ways
      // (a restart means one proved the first guess wrong).
      dayOrder:
        plan.options.dayOrder === 'auto' && (assembler.hasDayOrderQuestion || !isDayOrderAuto)
          ? dayOrder
          : null,
    };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw toRunError(error, input.fileName);
  } finally {
    sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
    sqlite.pragma(`wal_autocheckpoint = ${Math.trunc(autoCheckpoint)}`);
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
};

/**
 * Copies a run's pages from the WAL into the database file and empties the WAL, as SQLite's
 * automatic checkpoint would have done inside the commit. Other connections keep reading and
 * writing meanwhile; if one holds it up, SQLite's next automatic checkpoint finishes the job.
 */
export const checkpointAfterRun = (sqlite: BetterSqlite3.Database): void => {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
};

const finishWriter = (writer: Writer, hooks: RunHooks, total: number, rowsRead: number) => {
  writer.finish((done, count) => {
    hooks.onProgress?.({
      phase: done >= count ? 'finishing' : 'returns',
      position: total,
      total,
      rowsRead,
    });
  });
};

/** The header row: the row on the header line (it may sit below a report title). */
const findHeader = (batch: readonly RawRow[], headerLine: number): RawRow | null => {
  if (headerLine <= 0) return null;
  return batch.find((row) => row.line === headerLine) ?? null;
};

const warningsOf = (created: number, rejected: number, read: number): ImportWarning[] => {
  const warnings: ImportWarning[] = [];
  if (read > 0 && rejected === read) warnings.push({ code: 'all_rejected', params: {} });
  if (read === 0) warnings.push({ code: 'no_rows', params: {} });
  if (created === 0 && read > 0 && rejected < read) {
    warnings.push({ code: 'nothing_new', params: {} });
  }
  return warnings;
};

const cancelled = () =>
  new AppError('cancelled', 'The import was cancelled; nothing was written.', {
    reason: 'cancelled',
  });

/** SQLite's "disk full" and friends as clear messages; everything is rolled back by then. */
const toRunError = (error: unknown, fileName: string): unknown => {
  if (error instanceof DayOrderFlip || error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL') {
    return new AppError(
      'disk_full',
      `Importing ${fileName} stopped: the disk is full. Nothing was written; free some space and try again.`,
      { file: fileName, reason: 'disk_full' },
    );
  }
  if (code === 'SQLITE_BUSY') {
    return new AppError(
      'db_busy',
      `Importing ${fileName} could not start: the database is busy with another import or program.`,
      { file: fileName, reason: 'busy' },
    );
  }
  return error;
};
