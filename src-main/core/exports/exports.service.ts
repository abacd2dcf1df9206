import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { exportFile } from '../../../src-shared/contract/schemas.ts';
import type { ExportedFile, TaskRule } from '../../../src-shared/contract/types.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { getSettings } from '../settings/settings.service.ts';
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

const MIME_TYPES = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * exports:file: the list written as exportToFile writes it, to a temporary folder, and handed
 * back as bytes for the renderer to save (a browser page cannot be given a path to write to).
 */
export const exportForDownload = async (
  ctx: CoreContext,
  input: z.output<typeof exportFile>,
  options: WriteOptions = {},
): Promise<ExportedFile> => {
  const { format, locale, persianDigits, ...request } = input;
  const { timeZone } = await getSettings(ctx);
  const fileName = `${request.dataset}-${todayIn(ctx.now(), timeZone)}.${format}`;
  const dir = await mkdtemp(join(tmpdir(), 'bazgasht-export-'));
  try {
    const path = join(dir, fileName);
    const { rows } = await exportToFile(ctx, request, path, { ...options, locale, persianDigits });
    const bytes = await readFile(path);
    return { fileName, mimeType: MIME_TYPES[format], base64: bytes.toString('base64'), rows };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
