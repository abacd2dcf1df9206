import type { Writable } from 'node:stream';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { CSV_BOM, csvLine } from '../../../src-shared/domain/csv.ts';
import { writeChunk } from './atomic-file.ts';
import { PROGRESS_EVERY } from './table.ts';
import type { ExportTable, WriteOptions } from './table.ts';

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Streams a table as CSV for Excel (src-shared/domain/csv.ts: BOM, CRLF, RFC 4180 quoting,
 * formula-injection neutralising) with bounded memory: one chunk at a time, waiting for the
 * stream to drain.
 */
export const writeCsvTable = async (
  out: Writable,
  table: ExportTable,
  options: WriteOptions = {},
): Promise<number> => {
  const csv = { persianDigits: options.persianDigits ?? false };
  let chunk = CSV_BOM + csvLine(table.headers, csv);
  let rows = 0;
  for await (const row of table.rows) {
    chunk += csvLine(row, csv);
    rows += 1;
    if (chunk.length >= CHUNK_CHARS) {
      await writeChunk(out, chunk);
      chunk = '';
    }
    if (rows % PROGRESS_EVERY === 0) {
      throwIfAborted(options.signal);
      options.onProgress?.({ rows, total: table.total });
    }
  }
  throwIfAborted(options.signal);
  await writeChunk(out, chunk);
  options.onProgress?.({ rows, total: table.total });
  return rows;
};

export const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw new AppError('cancelled', 'The export was cancelled.');
};
