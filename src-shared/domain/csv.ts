import { toPersianDigits } from './persian-text.ts';

/**
 * CSV for people who open it in Excel (DESIGN.md §6): UTF-8 with a byte-order mark so Persian shows
 * correctly, CRLF line ends, and every text cell that a spreadsheet would run as a formula (it
 * starts with = + - @, a tab or a line break) neutralised with a leading apostrophe. Numbers are
 * written as numbers, so a real negative amount stays a number. The one implementation: the
 * renderer's downloads and the core's streamed exports (src-main/core/exports/) both use it.
 */
export type CsvValue = string | number | null | undefined;

export type CsvOptions = {
  /**
   * Numbers in Persian digits (۱۲۳۴). A spreadsheet then reads them as text, so a negative one
   * takes the minus sign U+2212, which no spreadsheet runs as a formula.
   */
  persianDigits?: boolean;
};

const FORMULA_START_RE = /^[=+\-@\t\r\n]/;
const NEGATIVE_NUMBER_RE = /^-\d+(?:\.\d+)?$/;
const NEEDS_QUOTES_RE = /[",\r\n]|^\s|\s$/;

const persianNumber = (value: number): string =>
  (value < 0 ? '\u2212' : '') + toPersianDigits(String(Math.abs(value)));

export const csvCell = (value: CsvValue, options?: CsvOptions): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return options?.persianDigits ? persianNumber(value) : String(value);
  }
  let text = value;
  if (FORMULA_START_RE.test(text) && !NEGATIVE_NUMBER_RE.test(text)) text = `'${text}`;
  return NEEDS_QUOTES_RE.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLine = (cells: readonly CsvValue[], options?: CsvOptions): string =>
  `${cells.map((cell) => csvCell(cell, options)).join(',')}\r\n`;

export const CSV_BOM = '\ufeff';

export const toCsv = (rows: readonly (readonly CsvValue[])[]): string =>
  CSV_BOM + rows.map((row) => csvLine(row)).join('');
