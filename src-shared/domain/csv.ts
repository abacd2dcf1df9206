/**
 * CSV for people who open it in Excel (DESIGN.md §6): UTF-8 with a byte-order mark so Persian shows
 * correctly, CRLF line ends, and every text cell that a spreadsheet would run as a formula (it
 * starts with = + - @, a tab or a line break) neutralised with a leading apostrophe. Numbers are
 * written as numbers, so a real negative amount stays a number.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START_RE = /^[=+\-@\t\r\n]/;
const NEGATIVE_NUMBER_RE = /^-\d+(?:\.\d+)?$/;
const NEEDS_QUOTES_RE = /[",\r\n]|^\s|\s$/;

export const csvCell = (value: CsvValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START_RE.test(text) && !NEGATIVE_NUMBER_RE.test(text)) text = `'${text}`;
  return NEEDS_QUOTES_RE.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csvLine = (cells: readonly CsvValue[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;

export const CSV_BOM = '\ufeff';

export const toCsv = (rows: readonly (readonly CsvValue[])[]): string =>
  CSV_BOM + rows.map(csvLine).join('');
