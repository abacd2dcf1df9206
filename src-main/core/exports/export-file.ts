import { extname } from 'node:path';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { writeFileAtomically } from './atomic-file.ts';
import type { OpenSink } from './atomic-file.ts';
import { writeCsvTable } from './csv-writer.ts';
import type { ExportFormat, ExportTable, WriteOptions } from './table.ts';
import { writeXlsxTable } from './xlsx-writer.ts';

/** .csv or .xlsx by the file's extension (case-insensitive); anything else is bad input. */
export const formatOfPath = (path: string): ExportFormat => {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw new AppError('bad_input', `${path}: an export is a .csv or an .xlsx file.`, {
    field: 'path',
    reason: 'bad_extension',
  });
};

/** Writes a table to `path` as CSV or xlsx (by its extension), atomically; returns the row count. */
export const exportTableToFile = async (
  path: string,
  table: ExportTable,
  options: WriteOptions & { openSink?: OpenSink } = {},
): Promise<{ path: string; format: ExportFormat; rows: number }> => {
  const format = formatOfPath(path);
  let rows = 0;
  await writeFileAtomically(
    path,
    async (out) => {
      rows =
        format === 'csv'
          ? await writeCsvTable(out, table, options)
          : await writeXlsxTable(out, table, options);
    },
    options.openSink,
  );
  return { path, format, rows };
};
