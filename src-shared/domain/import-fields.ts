/**
 * The fields a sales file's columns can be mapped to (DESIGN.md §5). Order-level fields describe
 * the receipt and are taken from the first line of a receipt that has them (Shopify repeats them
 * only on the first line); item-level fields describe one line of a receipt.
 */
export const ORDER_FIELDS = [
  'receiptId',
  'orderedAt',
  'time',
  'total',
  'discount',
  'refundedAmount',
  'invoiceType',
  'originalReceiptId',
  'status',
  'cancelledAt',
  'customerId',
  'customerName',
  'firstName',
  'lastName',
  'phone',
  'email',
  'staff',
  'note',
] as const;

export const ITEM_FIELDS = [
  'productName',
  'sku',
  'category',
  'quantity',
  'unitPrice',
  'lineTotal',
  'lineDiscount',
] as const;

export type OrderField = (typeof ORDER_FIELDS)[number];
export type ItemField = (typeof ITEM_FIELDS)[number];
export type ImportField = OrderField | ItemField;

export const IMPORT_FIELDS: readonly ImportField[] = [...ORDER_FIELDS, ...ITEM_FIELDS];

/** The order-level fields that say who bought: a receipt with none of them is a walk-in sale. */
export const CUSTOMER_FIELDS = [
  'customerId',
  'customerName',
  'firstName',
  'lastName',
  'phone',
  'email',
] as const satisfies readonly OrderField[];

/** Columns a sale's amount can be worked out from: a total, line totals, or unit prices. */
export const hasAmountColumn = (mapping: ColumnMapping): boolean =>
  mapping.total !== undefined || mapping.lineTotal !== undefined || mapping.unitPrice !== undefined;

/** Fields holding an amount of money (read into minor units of the shop currency). */
export const MONEY_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>([
  'total',
  'discount',
  'refundedAmount',
  'unitPrice',
  'lineTotal',
  'lineDiscount',
]);

const ITEM_FIELD_SET = new Set<string>(ITEM_FIELDS);
export const isItemField = (field: ImportField): field is ItemField => ITEM_FIELD_SET.has(field);

/** Column index (0-based) of each mapped field. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export type AmountUnit = 'toman' | 'rial' | 'major';
export type DayOrderChoice = 'auto' | 'dmy' | 'mdy';
export type CalendarChoice = 'auto' | 'persian' | 'gregory';

/** How values are read; detected on the preview, shown to the user and overridable. */
export type ImportOptions = {
  calendar: CalendarChoice;
  dayOrder: DayOrderChoice;
  decimalMark: '.' | ',';
  /**
   * The unit the file's amounts are written in. For a Rial (IRR) shop: 'toman' or 'rial'; for
   * other currencies 'major' (12.50 means 12 pounds 50 pence).
   */
  amountUnit: AmountUnit;
  /** Names where the receipts come from, so the same receipt number is never imported twice. */
  source: string;
  /** Receipt numbers that start with this (e.g. 'C') are returns; '' for none. */
  returnPrefix: string;
};

/** Why a row was not imported: a stable code, rendered in the user's language. */
export const REJECT_REASONS = [
  'nul_bytes',
  'extra_fields',
  'missing_date',
  'bad_date',
  'impossible_date',
  'bad_time',
  'ambiguous_year',
  'missing_amount',
  'bad_amount',
  'bad_quantity',
  'bad_price',
  'bad_discount',
  'receipt_rejected',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
