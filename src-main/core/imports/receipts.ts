import { createHash } from 'node:crypto';
import type { RejectedRow } from '../../../src-shared/contract/types.ts';
import { CUSTOMER_FIELDS, isItemField } from '../../../src-shared/domain/import-fields.ts';
import type {
  ColumnMapping,
  ImportField,
  ImportOptions,
  RejectReason,
} from '../../../src-shared/domain/import-fields.ts';
import { currencyMinorDigits } from '../../../src-shared/i18n/locale.ts';
import { rejectMessage } from './reject-reasons.ts';
import type { RawRow } from './source.ts';
import { dateShapeOf, idKey, parseDateTimeValue, parseDecimal, parseTimeOfDay } from './values.ts';
import type { DateTimeValue, DayOrder } from './values.ts';
import { createZonedClock } from '../zoned-time.ts';
import { DayOrderFlip } from './run-signals.ts';

/**
 * Turns a file's rows into receipts: groups line items by receipt number, reads every value
 * (dates in either calendar, amounts in any digits), works out totals, returns and the customer's
 * fields, and rejects what cannot be read with the line and the reason. Pure of the database: the
 * writer decides what is new.
 */

export type ReceiptCustomer = {
  /** idKey of the shop's own customer code, or null. */
  externalId: string | null;
  /** The code as written, to name a customer the file gives no name for. */
  code: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
};

export type ReceiptItem = {
  productName: string;
  sku: string | null;
  category: string | null;
  quantity: number;
  /** Minor units of the shop currency. */
  unitPrice: number;
  lineTotal: number;
};

export type Receipt = {
  /** idKey of the receipt number, or null when the file has none for it. */
  key: string | null;
  /** Stable identity for a receipt without a number: a hash of its content. */
  contentHash: string | null;
  firstLine: number;
  lines: RawRow[];
  orderedAt: string;
  localDate: string;
  /** Minor units; for a return, the amount given back (positive). */
  total: number;
  refunded: number;
  isReturn: boolean;
  isVoid: boolean;
  /** Whether `total` came from the file's total column (else it is the sum of the lines). */
  hasTotalColumn: boolean;
  /** For a return: idKey of the receipt it returns, when the file says. */
  originalKey: string | null;
  customer: ReceiptCustomer | null;
  items: ReceiptItem[];
  staff: string | null;
  note: string;
};

export type ShopMoney = { currency: string; timeZone: string };

export type AssemblerOptions = {
  mapping: ColumnMapping;
  options: ImportOptions;
  shop: ShopMoney;
  headerLine: number;
  headerWidth: number;
  /** The order to read year-last dates in; with isDayOrderAuto the run may flip it once. */
  dayOrder: DayOrder;
  isDayOrderAuto: boolean;
  onReceipt: (receipt: Receipt) => void;
  onReject: (rows: RejectedRow[]) => void;
};

export type Assembler = {
  push: (rows: readonly RawRow[]) => void;
  finish: () => void;
  readonly rowsRead: number;
  /** Some date was written day and month first or last (1/2/2024), so the order was a question. */
  readonly hasDayOrderQuestion: boolean;
  /** Amounts written with more decimals than the shop's currency keeps (pence in a Rial shop). */
  readonly amountsRounded: number;
};

const RETURN_TYPE_RE = /return|refund|credit|برگشت|مرجوع|استرداد|عودت/i;
/** Joins a return invoice's type and number in its identity: "برگشت از فروش: 12". */
const RETURN_KEY_MARK = ': ';
// Shopify's "expired" (an authorisation never captured) and WooCommerce's "failed" (a payment
// that did not go through): no money came in.
const VOID_STATUS_RE = /void|cancel|expired|failed|لغو|باطل|ابطال/i;
const REFUNDED_STATUS_RE = /^\s*refunded\s*$/i;

type Problem = { reason: RejectReason; params: Record<string, string | number> };

class RowProblem extends Error {
  readonly problem: Problem;
  /** The line at fault when it is not the receipt's first. */
  line: number | null = null;
  constructor(reason: RejectReason, params: Record<string, string | number> = {}) {
    super(reason);
    this.problem = { reason, params };
  }
}

export const createAssembler = (config: AssemblerOptions): Assembler => {
  const { mapping, options, shop } = config;
  const col = (field: ImportField): number => mapping[field] ?? -1;
  const c = {
    receiptId: col('receiptId'),
    orderedAt: col('orderedAt'),
    time: col('time'),
    total: col('total'),
    discount: col('discount'),
    refundedAmount: col('refundedAmount'),
    invoiceType: col('invoiceType'),
    originalReceiptId: col('originalReceiptId'),
    status: col('status'),
    cancelledAt: col('cancelledAt'),
    customerId: col('customerId'),
    customerName: col('customerName'),
    firstName: col('firstName'),
    lastName: col('lastName'),
    phone: col('phone'),
    email: col('email'),
    staff: col('staff'),
    note: col('note'),
    productName: col('productName'),
    sku: col('sku'),
    category: col('category'),
    quantity: col('quantity'),
    unitPrice: col('unitPrice'),
    lineTotal: col('lineTotal'),
    lineDiscount: col('lineDiscount'),
  };
  const isLineLevel = (Object.keys(mapping) as ImportField[]).some(isItemField);
  const hasCustomerFields = CUSTOMER_FIELDS.some((field) => mapping[field] !== undefined);
  const minorFactor = minorUnitFactor(shop.currency, options.amountUnit);
  const clock = createZonedClock(shop.timeZone);
  const returnPrefix = options.returnPrefix.trim().toLowerCase();
  const dayOrder = config.dayOrder;
  let isDayOrderSettled = !config.isDayOrderAuto;
  let hasDayOrderQuestion = false;
  const hashCounts = new Map<string, number>();

  let rowsRead = 0;
  let group: RawRow[] = [];
  let groupKey: string | null = null;

  const cell = (row: RawRow, index: number): string => {
    if (index < 0) return '';
    const value = row.fields[index];
    return value === undefined ? '' : value.trim();
  };
  /** The first non-empty value of an order-level field among the receipt's lines. */
  const first = (rows: readonly RawRow[], index: number): string => {
    if (index < 0) return '';
    for (const row of rows) {
      const value = cell(row, index);
      if (value !== '') return value;
    }
    return '';
  };

  let amountsRounded = 0;
  const amount = (text: string, reason: RejectReason): number => {
    const parsed = parseDecimal(text, options.decimalMark);
    if (!parsed.ok) throw new RowProblem(reason, { value: text });
    const exact = parsed.value * minorFactor;
    const rounded = Math.round(exact);
    if (isRounding(exact, rounded)) amountsRounded += 1;
    return rounded;
  };

  const readDate = (row: RawRow): DateTimeValue => {
    const text = cell(row, c.orderedAt);
    if (text === '') throw new RowProblem('missing_date');
    if (!isDayOrderSettled) {
      const shape = dateShapeOf(text);
      if (shape.order !== null) hasDayOrderQuestion = true;
      if (shape.order === dayOrder) isDayOrderSettled = true;
      else if (shape.order === 'dmy' || shape.order === 'mdy') throw new DayOrderFlip(shape.order);
    }
    const parsed = parseDateTimeValue(text, { calendar: options.calendar, order: dayOrder });
    if (!parsed.ok) {
      const reason: RejectReason =
        parsed.problem === 'impossible_date'
          ? 'impossible_date'
          : parsed.problem === 'bad_time'
            ? 'bad_time'
            : parsed.problem === 'ambiguous_year'
              ? 'ambiguous_year'
              : 'bad_date';
      throw new RowProblem(reason, { value: text });
    }
    const value = parsed.value;
    const timeText = cell(row, c.time);
    if (timeText !== '' && !value.hasTime) {
      const time = parseTimeOfDay(timeText);
      if (!time.ok) throw new RowProblem('bad_time', { value: timeText });
      return { ...value, ...time.value, hasTime: true };
    }
    return value;
  };

  /** `lineAmount`: the column holding the line's amount (the line total's, or see below). */
  const readItem = (row: RawRow, lineAmount: number): ReceiptItem | null => {
    const name = cell(row, c.productName);
    const sku = cell(row, c.sku);
    const quantityText = cell(row, c.quantity);
    const priceText = cell(row, c.unitPrice);
    const lineTotalText = cell(row, lineAmount);
    if (name === '' && sku === '' && priceText === '' && lineTotalText === '') return null;
    let quantity = 1;
    if (quantityText !== '') {
      const parsed = parseDecimal(quantityText, options.decimalMark);
      if (!parsed.ok) throw new RowProblem('bad_quantity', { value: quantityText });
      quantity = parsed.value;
    }
    const unitPrice = priceText === '' ? null : amount(priceText, 'bad_price');
    const discountText = cell(row, c.lineDiscount);
    const discount = discountText === '' ? 0 : amount(discountText, 'bad_discount');
    let lineTotal: number;
    if (lineTotalText !== '') {
      lineTotal = amount(lineTotalText, 'bad_amount');
      // A return line written with a negative quantity and a positive line amount is negative.
      if (quantity < 0 && lineTotal > 0) lineTotal = -lineTotal;
    } else {
      lineTotal = Math.round(quantity * (unitPrice ?? 0)) - Math.sign(quantity || 1) * discount;
    }
    return {
      productName: name !== '' ? name : sku,
      sku: sku === '' ? null : sku,
      category: cell(row, c.category) || null,
      quantity,
      unitPrice: unitPrice ?? (quantity === 0 ? 0 : Math.round(lineTotal / quantity)),
      lineTotal,
    };
  };

  /**
   * Whether a line-item file's total column holds each line's amount rather than the receipt's:
   * Persian programs head either one مبلغ کل. It does when a receipt's lines give it different
   * values, or each line's equals its quantity × unit price. (A receipt's total repeated on every
   * line, or given on its first line only, as Shopify does, is the receipt's.)
   */
  const holdsLineAmounts = (rows: readonly RawRow[]): boolean => {
    if (c.total < 0 || rows.length < 2) return false;
    let given = 0;
    let firstText: string | null = null;
    let differs = false;
    let eachIsQuantityTimesPrice = true;
    for (const row of rows) {
      const text = cell(row, c.total);
      if (text === '') continue;
      given += 1;
      if (firstText === null) firstText = text;
      else if (text !== firstText) differs = true;
      if (eachIsQuantityTimesPrice) eachIsQuantityTimesPrice = isQuantityTimesPrice(row, text);
    }
    return given > 1 && (differs || eachIsQuantityTimesPrice);
  };
  const isQuantityTimesPrice = (row: RawRow, totalText: string): boolean => {
    const quantity = parseDecimal(cell(row, c.quantity) || '1', options.decimalMark);
    const price = parseDecimal(cell(row, c.unitPrice), options.decimalMark);
    const total = parseDecimal(totalText, options.decimalMark);
    if (!quantity.ok || !price.ok || !total.ok) return false;
    const product = Math.abs(quantity.value * price.value);
    return Math.abs(product - Math.abs(total.value)) <= 1e-9 * Math.max(1, product);
  };

  const customerOf = (rows: readonly RawRow[]): ReceiptCustomer | null => {
    if (!hasCustomerFields) return null;
    const externalText = first(rows, c.customerId);
    let name = first(rows, c.customerName);
    if (name === '') {
      name = [first(rows, c.firstName), first(rows, c.lastName)]
        .filter((part) => part !== '')
        .join(' ');
    }
    const phone = first(rows, c.phone);
    const email = first(rows, c.email);
    const externalId = externalText === '' ? null : idKey(externalText);
    if (!externalId && name === '' && phone === '' && email === '') return null;
    return {
      externalId,
      code: externalText === '' ? null : externalText,
      name: name === '' ? null : name,
      phone: phone === '' ? null : phone,
      email: email === '' ? null : email,
    };
  };

  const build = (rows: RawRow[], key: string | null): Receipt => {
    const head = rows[0] as RawRow;
    const date = readDate(rows.find((row) => cell(row, c.orderedAt) !== '') ?? head);
    const instant =
      date.offsetMinutes === null
        ? clock.toInstant(date.year, date.month, date.day, date.hour, date.minute, date.second)
        : Date.UTC(date.year, date.month - 1, date.day, date.hour, date.minute, date.second) -
          date.offsetMinutes * 60_000;
    const items: ReceiptItem[] = [];
    const totalIsPerLine = isLineLevel && holdsLineAmounts(rows);
    if (isLineLevel) {
      const lineAmount = totalIsPerLine && c.lineTotal < 0 ? c.total : c.lineTotal;
      for (const row of rows) {
        try {
          const item = readItem(row, lineAmount);
          if (item) items.push(item);
        } catch (error) {
          if (error instanceof RowProblem) error.line = row.line;
          throw error;
        }
      }
    }
    const totalText = totalIsPerLine ? '' : first(rows, c.total);
    const hasTotalColumn = totalText !== '';
    let total: number;
    if (hasTotalColumn) {
      total = amount(totalText, 'bad_amount');
    } else if (items.length > 0) {
      const discountText = first(rows, c.discount);
      total = items.reduce((sum, item) => sum + item.lineTotal, 0);
      if (discountText !== '')
        total -= Math.sign(total || 1) * amount(discountText, 'bad_discount');
    } else {
      throw new RowProblem('missing_amount');
    }

    const receiptText = first(rows, c.receiptId);
    const typeText = first(rows, c.invoiceType);
    const isPrefixed =
      returnPrefix !== '' &&
      receiptText.toLowerCase().startsWith(returnPrefix) &&
      receiptText.length > returnPrefix.length;
    const isReturn = total < 0 || isPrefixed || (typeText !== '' && RETURN_TYPE_RE.test(typeText));
    const magnitude = Math.abs(total);
    const originalText = first(rows, c.originalReceiptId);
    const originalKey =
      originalText !== ''
        ? idKey(originalText)
        : isPrefixed
          ? idKey(receiptText.slice(returnPrefix.length))
          : null;

    const statusText = first(rows, c.status);
    const isVoid = first(rows, c.cancelledAt) !== '' || VOID_STATUS_RE.test(statusText);
    let refunded = 0;
    if (!isReturn) {
      const refundedText = first(rows, c.refundedAmount);
      if (refundedText !== '') refunded = Math.abs(amount(refundedText, 'bad_amount'));
      else if (REFUNDED_STATUS_RE.test(statusText)) refunded = magnitude;
      refunded = Math.min(refunded, magnitude);
    }

    const customer = customerOf(rows);
    const orderedAt = new Date(instant).toISOString();
    let contentHash: string | null = null;
    if (key === null) {
      const content = [
        orderedAt,
        customer?.externalId ?? '',
        idKey(customer?.phone ?? ''),
        idKey(customer?.email ?? ''),
        idKey(customer?.name ?? ''),
        String(total),
        ...items.map((item) => `${idKey(item.productName)}:${item.quantity}:${item.lineTotal}`),
      ].join('\u001f');
      // Identical receipts in one file are real (two coffees, two tickets): the n-th copy gets
      // its own identity, the same one on every re-import of the file.
      const seen = (hashCounts.get(content) ?? 0) + 1;
      hashCounts.set(content, seen);
      contentHash = createHash('sha1').update(`${content}\u001f${seen}`).digest('base64url');
    }

    return {
      key,
      contentHash,
      firstLine: head.line,
      lines: rows,
      orderedAt,
      localDate: clock.localDate(instant),
      total: magnitude,
      refunded,
      isReturn,
      isVoid,
      hasTotalColumn,
      originalKey,
      customer,
      items,
      staff: first(rows, c.staff) || null,
      note: first(rows, c.note),
    };
  };

  const reject = (rows: readonly RawRow[], badLine: number, problem: Problem): void => {
    config.onReject(
      rows.map((row) =>
        row.line === badLine || rows.length === 1
          ? rejected(row, problem.reason, problem.params)
          : rejected(row, 'receipt_rejected', { line: badLine, reason: problem.reason }),
      ),
    );
  };

  const flush = (): void => {
    if (group.length === 0) return;
    const rows = group;
    const key = groupKey;
    group = [];
    groupKey = null;
    let receipt: Receipt;
    try {
      receipt = build(rows, key);
    } catch (error) {
      if (error instanceof RowProblem) {
        const line = error.line ?? (rows[0] as RawRow).line;
        reject(rows, line, error.problem);
        return;
      }
      throw error;
    }
    config.onReceipt(receipt);
  };

  const pushRow = (row: RawRow): void => {
    if (row.line <= config.headerLine) return;
    let isBlank = true;
    for (const field of row.fields) {
      if (field.trim() !== '') {
        isBlank = false;
        break;
      }
    }
    if (isBlank) return;
    rowsRead += 1;
    if (row.fields.some((field) => field.includes('\u0000'))) {
      flush();
      config.onReject([rejected(row, 'nul_bytes', {})]);
      return;
    }
    if (row.fields.length > config.headerWidth) {
      const extra = row.fields.slice(config.headerWidth).filter((field) => field.trim() !== '');
      if (extra.length > 0) {
        flush();
        config.onReject([
          rejected(row, 'extra_fields', {
            count: row.fields.length,
            expected: config.headerWidth,
          }),
        ]);
        return;
      }
    }
    const receiptText = cell(row, c.receiptId);
    if (isLineLevel) {
      // A line with no receipt number continues the receipt above it (merged cells in exports).
      const key = receiptText === '' ? groupKey : receiptKeyOf(row, receiptText);
      if (receiptText !== '' && (group.length === 0 || key !== groupKey)) {
        flush();
        groupKey = key;
      } else if (receiptText === '' && group.length === 0) {
        groupKey = null;
      } else if (receiptText === '' && groupKey === null) {
        // No numbers at all: lines of one sale share the date-time and the customer.
        const head = group[0] as RawRow;
        if (!sameSale(head, row)) flush();
      }
      group.push(row);
      return;
    }
    flush();
    groupKey = receiptText === '' ? null : receiptKeyOf(row, receiptText);
    group.push(row);
    flush();
  };

  /**
   * A receipt's identity: its number, and for an invoice whose type says it is a return, that
   * type too. Accounting programs number return invoices in a series of their own (return 1 is
   * not sale 1). A line with no type continues the receipt above it, as with no number.
   */
  const receiptKeyOf = (row: RawRow, receiptText: string): string => {
    const key = idKey(receiptText);
    if (c.invoiceType < 0) return key;
    const typeText = cell(row, c.invoiceType);
    if (typeText === '') {
      return groupKey !== null && groupKey.endsWith(`${RETURN_KEY_MARK}${key}`) ? groupKey : key;
    }
    return RETURN_TYPE_RE.test(typeText) ? `${idKey(typeText)}${RETURN_KEY_MARK}${key}` : key;
  };

  const sameSale = (a: RawRow, b: RawRow): boolean =>
    cell(a, c.orderedAt) === cell(b, c.orderedAt) &&
    cell(a, c.time) === cell(b, c.time) &&
    [c.customerId, c.customerName, c.phone, c.email].every(
      (index) => cell(a, index) === cell(b, index),
    );

  return {
    push: (rows) => {
      for (const row of rows) pushRow(row);
    },
    finish: flush,
    get rowsRead() {
      return rowsRead;
    },
    get hasDayOrderQuestion() {
      return hasDayOrderQuestion;
    },
    get amountsRounded() {
      return amountsRounded;
    },
  };
};

export const rejected = (
  row: RawRow,
  reason: RejectReason,
  params: Record<string, string | number>,
): RejectedRow => ({
  line: row.line,
  reason,
  params,
  message: rejectMessage(reason, params),
  fields: row.fields,
});

/**
 * Whether storing an amount as a whole number of minor units loses part of it (3.39 Toman is
 * 33.9 Rial). The tolerance covers binary fractions: 0.29 × 100 is 28.999999999999996.
 */
export const isRounding = (exact: number, rounded: number): boolean =>
  Math.abs(exact - rounded) > 1e-6 * Math.max(1, Math.abs(exact));

/**
 * Minor units per unit written in the file: a Rial shop stores Rial, so Toman ×10; other
 * currencies store their minor unit (pence), so ×100 for GBP.
 */
export const minorUnitFactor = (currency: string, unit: ImportOptions['amountUnit']): number => {
  if (currency.toUpperCase() === 'IRR') return unit === 'toman' ? 10 : 1;
  return 10 ** currencyMinorDigits(currency);
};
