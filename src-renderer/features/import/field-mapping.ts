import type { ColumnMapping, ImportField } from '../../../src-shared/domain/import-fields.ts';
import {
  CUSTOMER_FIELDS,
  ITEM_FIELDS,
  ORDER_FIELDS,
} from '../../../src-shared/domain/import-fields.ts';

/** The fields offered for a column, grouped as a shop owner thinks of a sale. */
export const FIELD_GROUPS: readonly {
  group: 'receipt' | 'customer' | 'item';
  fields: readonly ImportField[];
}[] = [
  {
    group: 'receipt',
    fields: ORDER_FIELDS.filter((field) => !(CUSTOMER_FIELDS as readonly string[]).includes(field)),
  },
  { group: 'customer', fields: CUSTOMER_FIELDS },
  { group: 'item', fields: ITEM_FIELDS },
];

const entriesOf = (mapping: ColumnMapping) =>
  Object.entries(mapping) as [ImportField, number | undefined][];

/** The field a column is imported as, or null when it is not imported. */
export function fieldOfColumn(mapping: ColumnMapping, column: number): ImportField | null {
  for (const [field, index] of entriesOf(mapping)) if (index === column) return field;
  return null;
}

/**
 * The mapping with `column` imported as `field` (or not at all for null). A field comes from one
 * column only, so choosing it here takes it off the column that had it; the field this column
 * had before is let go.
 */
export function assignField(
  mapping: ColumnMapping,
  column: number,
  field: ImportField | null,
): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [other, index] of entriesOf(mapping)) {
    if (index === undefined || index === column || other === field) continue;
    next[other] = index;
  }
  if (field !== null) next[field] = column;
  return next;
}

/**
 * The mapping as a preset saves it: each field by its column's header, so it fits the next file
 * with the same headers whatever their order. A column with no header, or with a header another
 * column shares (which the name alone would not tell apart), is named by position: '#3'.
 */
export function fieldsByHeader(
  headers: readonly string[],
  mapping: ColumnMapping,
): Partial<Record<ImportField, string>> {
  const counts = new Map<string, number>();
  for (const header of headers) {
    const key = header.trim().toLocaleLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const fields: Partial<Record<ImportField, string>> = {};
  for (const [field, column] of entriesOf(mapping)) {
    if (column === undefined) continue;
    const header = headers[column]?.trim() ?? '';
    const isUnique = header !== '' && counts.get(header.toLocaleLowerCase()) === 1;
    fields[field] = isUnique ? header : `#${column + 1}`;
  }
  return fields;
}

/** How many columns the preview shows: the header's, or the widest row's when that is wider. */
export function columnCount(
  headers: readonly string[],
  rows: readonly { fields: readonly string[] }[],
): number {
  return Math.max(headers.length, ...rows.map((row) => row.fields.length));
}

/** A sale needs at least a date and an amount (the total, a line total or a unit price). */
export function missingRequired(mapping: ColumnMapping): 'date' | 'amount' | null {
  if (mapping.orderedAt === undefined) return 'date';
  const hasAmount =
    mapping.total !== undefined ||
    mapping.lineTotal !== undefined ||
    mapping.unitPrice !== undefined;
  return hasAmount ? null : 'amount';
}
