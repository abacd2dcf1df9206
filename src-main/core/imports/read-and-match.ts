import type BetterSqlite3 from 'better-sqlite3';
import type { ImportPlan, RejectedRow } from '../../../src-shared/contract/types.ts';
import { createAssembler } from './receipts.ts';
import type { Assembler, ShopMoney } from './receipts.ts';
import type { MatchEnd, RowSink } from './row-sink.ts';
import { cancelled } from './run-signals.ts';
import { readRows } from './source.ts';
import type { RawRow } from './source.ts';
import type { DayOrder } from './values.ts';
import { createWriter, detach } from './writer.ts';
import type { WriterCounts } from './writer.ts';

/**
 * The reading half of a run: the file's rows, assembled into receipts and matched against the
 * shop's data, go to a RowSink in order. It runs on the import's own thread (the sink writes
 * straight to the run's connection) or on a thread of its own (read-thread.ts).
 */

export type FeedSettings = {
  path: string;
  plan: ImportPlan;
  shop: ShopMoney;
  dayOrder: DayOrder;
  isDayOrderAuto: boolean;
  /** How many rejected rows the report carries (the sink gets all of them). */
  rejectedLimit: number;
};

export type FeedProgress = { position: number; total: number; rowsRead: number };

export type FeedHooks = {
  newId: () => string;
  /** Checked between chunks of the file (every ~1 MiB). */
  isCancelled?: () => boolean;
  /** After each chunk of the file has gone to the sink. */
  onChunk?: (progress: FeedProgress) => void;
};

/** What the reading half reports once the file is read. */
export type FeedEnd = {
  headers: string[];
  rowsRead: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  counts: WriterCounts;
  hasDayOrderQuestion: boolean;
  amountsRounded: number;
  match: MatchEnd;
};

export const readAndMatch = async (
  /** Sees the database as it was when the run began. */
  lookups: BetterSqlite3.Database,
  sink: RowSink,
  settings: FeedSettings,
  hooks: FeedHooks,
): Promise<FeedEnd> => {
  const { plan } = settings;
  const rejected: RejectedRow[] = [];
  let rowsRejected = 0;
  let headers: string[] = [];
  const writer = createWriter({
    sqlite: lookups,
    sink,
    source: plan.options.source,
    newId: hooks.newId,
  });
  const reader = readRows(settings.path, {
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
      shop: settings.shop,
      headerLine: plan.read.headerLine,
      headerWidth,
      dayOrder: settings.dayOrder,
      isDayOrderAuto: settings.isDayOrderAuto,
      onReceipt: writer.write,
      onReject: (rows) => {
        writer.reject(rows);
        rowsRejected += rows.length;
        for (const row of rows) {
          if (rejected.length < settings.rejectedLimit)
            rejected.push({ ...row, fields: row.fields.map(detach) });
        }
      },
    });
  const progress = (): FeedProgress => ({
    position: reader.position(),
    total: reader.total,
    rowsRead: assembler?.rowsRead ?? 0,
  });

  for await (const batch of reader.batches) {
    if (hooks.isCancelled?.()) throw cancelled();
    if (assembler === null) {
      const header = findHeader(batch, plan.read.headerLine);
      if (header === null && plan.read.headerLine > 0) continue;
      headers = header?.fields ?? [];
      assembler = makeAssembler(header ? header.fields.length : Number.POSITIVE_INFINITY);
    }
    assembler.push(batch);
    hooks.onChunk?.(progress());
  }
  if (hooks.isCancelled?.()) throw cancelled();
  assembler ??= makeAssembler(Number.POSITIVE_INFINITY);
  assembler.finish();
  const match = writer.end(() => hooks.onChunk?.(progress()));
  return {
    headers,
    rowsRead: assembler.rowsRead,
    rowsRejected,
    rejected,
    counts: writer.counts(),
    hasDayOrderQuestion: assembler.hasDayOrderQuestion,
    amountsRounded: assembler.amountsRounded,
    match,
  };
};

/** The header row: the row on the header line (it may sit below a report title). */
const findHeader = (batch: readonly RawRow[], headerLine: number): RawRow | null => {
  if (headerLine <= 0) return null;
  return batch.find((row) => row.line === headerLine) ?? null;
};
