import type { Locale } from '../../../src-shared/contract/types.ts';

/** A cell: text stays text (a phone's leading 0 survives in .xlsx), a number stays a number. */
export type ExportCell = string | number | null;

/**
 * A table to export: headers in the user's language and rows produced a page at a time, so a
 * 100,000-customer export never holds the whole list.
 */
export type ExportTable = {
  /** Used as the worksheet's name. */
  title: string;
  headers: string[];
  rows: AsyncIterable<ExportCell[]> | Iterable<ExportCell[]>;
  /** How many rows there will be, when known (for progress). */
  total: number | null;
  /** The language the headers and formatted cells are in (fa: right-to-left worksheet). */
  locale: Locale;
  /** The saved file's name without its extension, when the list has its own (else the list's). */
  fileStem?: string;
};

export type ExportProgress = { rows: number; total: number | null };

export type ExportFormat = 'csv' | 'xlsx';

export type WriteOptions = {
  /** CSV only: numbers in Persian digits (the formatted dates follow the dataset's option). */
  persianDigits?: boolean;
  /** Called every few thousand rows and once at the end. */
  onProgress?: (progress: ExportProgress) => void;
  /** Aborting stops the export: the final file is left as it was. */
  signal?: AbortSignal;
};

/** Rows between progress reports and cancellation checks. */
export const PROGRESS_EVERY = 2000;
