import type { ImportSampleCell } from '../../../src-shared/contract/index.ts';
import { MONEY_FIELDS } from '../../../src-shared/domain/import-fields.ts';
import type { ImportField } from '../../../src-shared/domain/import-fields.ts';
import { toPersianDigits } from '../../../src-shared/domain/persian-text.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import type { Formatter } from '../../app/i18n/format.ts';

/**
 * A parsed sample value as the rest of the app will show it: a date in the shop's calendar, an
 * amount in its currency (the core sends minor units), a phone in the usual form; text as is.
 */
export function sampleDisplay(
  field: ImportField,
  parsed: string,
  fmt: Formatter,
  locale: Locale,
): string {
  if (field === 'orderedAt') return fmt.dateTime(parsed);
  if (field === 'time') return locale === 'fa' ? toPersianDigits(parsed) : parsed;
  if (MONEY_FIELDS.has(field)) {
    const minor = Number(parsed);
    return Number.isFinite(minor) ? fmt.money(minor) : parsed;
  }
  if (field === 'quantity') {
    const quantity = Number(parsed);
    return Number.isFinite(quantity) ? fmt.number(quantity) : parsed;
  }
  if (field === 'phone') return fmt.phone(parsed);
  return parsed;
}

/** The first few cells with something in them: blank cells say nothing about a column. */
export function filledCells(cells: readonly ImportSampleCell[], count: number): ImportSampleCell[] {
  return cells.filter((cell) => cell.raw !== '').slice(0, count);
}

/** The first few values of a column as read from the file. */
export function columnValues(
  rows: readonly { fields: readonly string[] }[],
  column: number,
  count: number,
): string[] {
  const values: string[] = [];
  for (const row of rows) {
    const value = (row.fields[column] ?? '').trim();
    if (value !== '') values.push(value);
    if (values.length === count) break;
  }
  return values;
}
