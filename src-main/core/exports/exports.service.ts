import type { TaskRule } from '../../../src-shared/contract/types.ts';
import type { CoreContext } from '../context.ts';
import type { OpenSink } from './atomic-file.ts';
import {
  cohortsTable,
  customersTable,
  ordersTable,
  rejectedRowsTable,
  rfmTable,
  todayTable,
} from './datasets.ts';
import type { CustomerExportInput, ExportLook } from './datasets.ts';
import { exportTableToFile, formatOfPath } from './export-file.ts';
import type { ExportFormat, ExportTable, WriteOptions } from './table.ts';

/** What to export: a list of the app, with the filters its screen has. */
export type ExportRequest =
  | { dataset: 'customers'; filters?: CustomerExportInput }
  | { dataset: 'orders' }
  | { dataset: 'today'; date?: string; assigneeId?: string; rule?: TaskRule }
  | { dataset: 'cohorts'; asOf?: string; from?: string; to?: string }
  | { dataset: 'rfm' }
  | { dataset: 'rejected'; batchId: string };

export type ExportOptions = ExportLook & WriteOptions & { openSink?: OpenSink };

export const tableOf = async (
  ctx: CoreContext,
  request: ExportRequest,
  look: ExportLook,
): Promise<ExportTable> => {
  switch (request.dataset) {
    case 'customers':
      return customersTable(ctx, request.filters ?? {}, look);
    case 'orders':
      return ordersTable(ctx, look);
    case 'today':
      return todayTable(ctx, request, look);
    case 'cohorts':
      return cohortsTable(ctx, request, look);
    case 'rfm':
      return rfmTable(ctx, look);
    case 'rejected':
      return rejectedRowsTable(ctx, request.batchId);
  }
};

/**
 * Exports a list to `path` (.csv or .xlsx by its extension) through a temporary file renamed into
 * place when complete (DESIGN.md §6). Progress and cancellation through `options`.
 */
export const exportToFile = async (
  ctx: CoreContext,
  request: ExportRequest,
  path: string,
  options: ExportOptions = {},
): Promise<{ path: string; format: ExportFormat; rows: number }> => {
  formatOfPath(path);
  const table = await tableOf(ctx, request, options);
  return exportTableToFile(path, table, options);
};
