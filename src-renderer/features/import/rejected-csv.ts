import type { RejectedRow } from '../../../src-shared/contract/index.ts';
import { toCsv } from '../../../src-shared/domain/csv.ts';

// The bidi isolates (U+2068, U+2069) that keep a value apart in a sentence on screen; a
// spreadsheet may show them as boxes, so a cell gets the plain text.
const ISOLATES_RE = /[\u2068\u2069]/g;

/**
 * A check's rejected rows as a CSV file of the same shape as a committed batch's download
 * (`rejectedCsv` in src-main/core/imports/batches.ts): the file's own columns under its headers
 * (`column N` where a row is wider than the header), then `line` and `reason`; UTF-8 with a BOM
 * and CRLF line ends for Excel. A check's report carries only its first rejected rows, so the
 * file holds those.
 */
export function rejectedRowsCsv<Row extends Pick<RejectedRow, 'line' | 'fields'>>(
  headers: readonly string[],
  rows: readonly Row[],
  reasonOf: (row: Row) => string,
): string {
  const width = rows.reduce((widest, row) => Math.max(widest, row.fields.length), 0);
  const header = [
    ...Array.from({ length: width }, (_, i) => headers[i] || `column ${i + 1}`),
    'line',
    'reason',
  ];
  return toCsv([
    header,
    ...rows.map((row) => [
      ...row.fields,
      ...new Array<string>(width - row.fields.length).fill(''),
      row.line,
      reasonOf(row).replace(ISOLATES_RE, ''),
    ]),
  ]);
}

/** "sales-rejected.csv" for "sales.csv", as the committed batch's download is named. */
export function rejectedFileName(fileName: string | null): string {
  const base = fileName?.replace(/\.[^.]+$/, '') || 'import';
  return `${base}-rejected.csv`;
}
