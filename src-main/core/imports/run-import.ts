import type BetterSqlite3 from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  ImportPlan,
  ImportReport,
  ImportWarning,
} from '../../../src-shared/contract/types.ts';
import { sourceHasOrders, suspendIndexesForBulkLoad } from './bulk-indexes.ts';
import { fieldsByHeader } from './mapping.ts';
import type { FeedProgress, FeedSettings } from './read-and-match.ts';
import { readOnThread } from './read-thread.ts';
import type { ShopMoney } from './receipts.ts';
import { createApplier } from './row-sink.ts';
import { cancelled, DayOrderFlip } from './run-signals.ts';
import type { DayOrder } from './values.ts';
import { startWalWriteback } from './wal-writeback.ts';

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
  /**
   * Gives a reading thread (read-thread-start.ts), to read and match the file on a second thread
   * with a connection of its own while this one only writes (read-thread.ts); without it, one
   * thread does both. Called once per attempt of the run.
   */
  readThread?: () => Worker;
};

const REPORT_REJECTED_LIMIT = 1000;
/**
 * 16 MiB of page cache (negative: KiB) while a run lasts; an index build sorts in as much again.
 * New rows go in key order (items by order, orders by id), so more cache does not make a big run
 * faster (measured at 32 and 64 MiB); it only holds more memory.
 */
const RUN_CACHE_SIZE = -16_384;

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
    const applier = createApplier(sqlite, { batchId, source: plan.options.source, now: nowIso });
    const indexes = suspendIndexesForBulkLoad(sqlite, {
      fileSize: input.fileSize,
      sourceHasOrders: sourceHasOrders(sqlite, plan.options.source),
      hasReceiptNumbers: plan.mapping.receiptId !== undefined,
      batchId,
    });

    let lastReport = 0;
    let read: FeedProgress = { position: 0, total: input.fileSize, rowsRead: 0 };
    const report = (phase: RunProgress['phase'], force = false) => {
      const at = performance.now();
      if (!force && at - lastReport < 200) return;
      lastReport = at;
      hooks.onProgress?.({ phase, ...read });
    };
    const onChunk = (progress: FeedProgress) => {
      read = progress;
      report('reading');
    };
    report('reading', true);
    const settings: FeedSettings = {
      path: input.path,
      plan,
      shop: input.shop,
      dayOrder,
      isDayOrderAuto,
      rejectedLimit: input.rejectedLimit ?? REPORT_REJECTED_LIMIT,
    };
    const fed = hooks.readThread
      ? await readOnThread(hooks.readThread(), applier, settings, {
          startedAt: started.getTime(),
          isCancelled: hooks.isCancelled ?? (() => false),
          onChunk,
        })
      : await (
          await import('./read-and-match.ts')
        ).readAndMatch(sqlite, applier, settings, {
          newId: hooks.newId,
          ...(hooks.isCancelled && { isCancelled: hooks.isCancelled }),
          onChunk,
        });
    read = { ...read, position: read.total, rowsRead: fed.rowsRead };
    applier.flush();
    if (!input.dryRun) startWalWriteback(sqlite.name);
    report('returns', true);
    indexes.rebuild('orders', () => report('returns', true));
    applier.finish(fed.match, (done, count) => {
      hooks.onProgress?.({ phase: done >= count ? 'finishing' : 'returns', ...read });
    });
    // And again for the indexes and refunds written since, before the customers' indexes.
    if (!input.dryRun) startWalWriteback(sqlite.name);
    report('finishing', true);
    indexes.rebuild('customers', () => report('finishing', true));
    if (hooks.isCancelled?.()) throw cancelled();

    const { counts, headers, rowsRejected } = fed;
    const durationMs = Math.round(performance.now() - startedMs);
    const settingsUsed = {
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
        JSON.stringify(settingsUsed),
        fed.rowsRead,
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
    // Everything but the commit is done: said now, as the commit itself (its fsync and the WAL's
    // checksums read back) is the longest step without a report.
    report('finishing', true);
    sqlite.exec(input.dryRun ? 'ROLLBACK' : 'COMMIT');
    return {
      batchId: input.dryRun ? null : batchId,
      dryRun: input.dryRun,
      rowsRead: fed.rowsRead,
      ...counts,
      rowsRejected,
      rejected: fed.rejected,
      warnings: [
        ...warningsOf(counts.ordersCreated, rowsRejected, fed.rowsRead),
        ...(fed.amountsRounded > 0
          ? [
              {
                code: 'amounts_rounded',
                params: { count: fed.amountsRounded, currency: input.shop.currency },
              },
            ]
          : []),
      ],
      durationMs,
      // Reported when it was decided here: an 'auto' plan with dates that could be read both ways
      // (a restart means one proved the first guess wrong).
      dayOrder:
        plan.options.dayOrder === 'auto' && (fed.hasDayOrderQuestion || !isDayOrderAuto)
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

const warningsOf = (created: number, rejected: number, read: number): ImportWarning[] => {
  const warnings: ImportWarning[] = [];
  if (read > 0 && rejected === read) warnings.push({ code: 'all_rejected', params: {} });
  if (read === 0) warnings.push({ code: 'no_rows', params: {} });
  if (created === 0 && read > 0 && rejected < read) {
    warnings.push({ code: 'nothing_new', params: {} });
  }
  return warnings;
};

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
