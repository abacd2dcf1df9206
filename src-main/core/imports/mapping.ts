import type { ImportPreset } from '../../../src-shared/contract/types.ts';
import { IMPORT_FIELDS } from '../../../src-shared/domain/import-fields.ts';
import type { ColumnMapping, ImportField } from '../../../src-shared/domain/import-fields.ts';
import { normaliseForSearch } from '../../../src-shared/domain/persian-text.ts';

/**
 * Column mapping: header names in English and Persian to fields, the built-in presets for known
 * exports, and resolving a saved mapping (columns by header name) against a file's header row.
 */

/** A header as compared: Persian-normalised, lower case, without spaces or punctuation. */
export const headerKey = (header: string): string =>
  normaliseForSearch(header).replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * Names each field goes by in exports, most specific first. Ambiguous words ('name', 'total')
 * are here in their usual sense; presets override them for exports that use them otherwise
 * (Shopify's "Name" is the order number).
 */
// prettier-ignore
const SYNONYMS: Record<ImportField, readonly string[]> = {
  receiptId: [
    'InvoiceNo', 'Invoice No', 'Invoice', 'Invoice Number', 'Invoice ID', 'Receipt', 'Receipt number',
    'Receipt No', 'Receipt ID', 'Order', 'Order ID', 'Order Number', 'Order No', 'Transaction ID',
    'Bill No', 'Bill Number', 'Document Number', 'Sale ID', 'Ticket',
    'شماره فاکتور', 'ش فاکتور', 'شماره فاکتور فروش', 'شماره رسید', 'شماره سفارش', 'شماره سند',
    'کد فاکتور', 'فاکتور', 'شماره صورتحساب', 'شماره قبض',
  ],
  orderedAt: [
    'InvoiceDate', 'Invoice Date', 'Date', 'Order Date', 'Created at', 'Created', 'Sale Date',
    'Transaction Date', 'Receipt Date', 'Datetime', 'Date Time', 'Timestamp', 'Paid at',
    'تاریخ', 'تاریخ فاکتور', 'تاریخ فروش', 'تاریخ سفارش', 'تاریخ و ساعت', 'تاریخ سند', 'زمان',
  ],
  time: ['Time', 'Hour', 'Sale Time', 'ساعت', 'ساعت فروش', 'ساعت فاکتور'],
  total: [
    'Total', 'Amount', 'Grand Total', 'Total Amount', 'Invoice Total', 'Net Total', 'Order Total',
    'Sum', 'Total Sales', 'Receipt Total', 'Net Amount', 'Sales', 'Order Total Amount', 'Net Sales',
    'N. Revenue',
    'مبلغ کل', 'جمع کل', 'مبلغ', 'جمع', 'مبلغ فاکتور', 'جمع فاکتور', 'مبلغ نهایی', 'قابل پرداخت',
    'مبلغ قابل پرداخت', 'خالص فاکتور', 'جمع نهایی', 'مبلغ خالص', 'جمع مبلغ',
  ],
  discount: [
    'Discount', 'Discount Amount', 'Order Discount', 'Total Discount',
    'تخفیف', 'مبلغ تخفیف', 'تخفیف فاکتور', 'جمع تخفیف',
  ],
  refundedAmount: [
    'Refunded Amount', 'Refunded', 'Refund Amount', 'Order Refund Amount', 'مبلغ برگشتی',
    'مبلغ مرجوعی',
  ],
  invoiceType: [
    'Invoice Type', 'Type', 'Transaction Type', 'Document Type', 'Sale Type', 'Receipt Type',
    'نوع فاکتور', 'نوع', 'نوع سند', 'نوع معامله', 'نوع فروش',
  ],
  originalReceiptId: [
    'Original Invoice', 'Original Receipt', 'Original Order', 'Reference', 'Reference Invoice',
    'Return Of', 'Refund Of', 'فاکتور مرجع', 'شماره فاکتور مرجع', 'مرجع', 'فاکتور اصلی',
  ],
  status: [
    'Financial Status', 'Status', 'Payment Status', 'Order Status', 'وضعیت', 'وضعیت فاکتور',
  ],
  cancelledAt: ['Cancelled at', 'Canceled at', 'Voided at', 'تاریخ ابطال'],
  customerId: [
    'CustomerID', 'Customer ID', 'Customer Code', 'Customer No', 'Customer Number', 'Client ID',
    'Client Code', 'Account', 'Account Code', 'Member ID', 'Loyalty ID',
    'کد مشتری', 'شماره مشتری', 'کد طرف حساب', 'کد شخص', 'شناسه مشتری', 'کد اشتراک', 'کد حساب',
  ],
  customerName: [
    'Customer', 'Customer Name', 'Name', 'Client', 'Client Name', 'Billing Name', 'Buyer',
    'Full Name', 'Member', 'Member Name',
    'نام مشتری', 'مشتری', 'نام و نام خانوادگی', 'نام خریدار', 'خریدار', 'طرف حساب',
    'نام طرف حساب', 'نام شخص', 'نام کامل',
  ],
  firstName: ['First Name', 'Given Name', 'Firstname', 'نام'],
  lastName: ['Last Name', 'Surname', 'Family Name', 'Lastname', 'نام خانوادگی', 'فامیلی'],
  phone: [
    'Phone', 'Mobile', 'Mobile Number', 'Cell', 'Cellphone', 'Telephone', 'Tel', 'Phone Number',
    'Billing Phone', 'Customer Phone', 'Contact Number',
    'موبایل', 'تلفن همراه', 'شماره موبایل', 'تلفن', 'شماره تماس', 'همراه', 'شماره همراه',
    'شماره تلفن', 'موبایل مشتری', 'تلفن مشتری',
  ],
  email: ['Email', 'E-mail', 'Email Address', 'Mail', 'Customer Email', 'ایمیل', 'پست الکترونیک'],
  staff: [
    'Employee', 'Staff', 'Cashier', 'Salesperson', 'Seller', 'Sales Rep', 'User',
    'فروشنده', 'صندوقدار', 'کاربر', 'ویزیتور', 'بازاریاب',
  ],
  note: ['Note', 'Notes', 'Comment', 'Description of Order', 'توضیحات', 'یادداشت', 'شرح فاکتور'],
  productName: [
    'Product Name', 'Item Name', 'Lineitem name', 'Product Title', 'Article Name', 'Description',
    'Product', 'Item', 'Title', 'Goods', 'Service',
    'نام کالا', 'کالا', 'شرح کالا', 'شرح', 'نام محصول', 'محصول', 'عنوان کالا', 'نام کالا خدمات',
    'کالا خدمات', 'شرح کالا خدمات',
  ],
  sku: [
    'SKU', 'StockCode', 'Stock Code', 'Item Code', 'Product Code', 'Product ID', 'Barcode',
    'Lineitem sku', 'Article', 'Article Number', 'Code',
    'کد کالا', 'کد محصول', 'بارکد', 'شناسه کالا', 'کد',
  ],
  category: [
    'Category', 'Product Category', 'Product Type', 'Department', 'Group', 'Item Group',
    'دسته', 'دسته بندی', 'گروه کالا', 'گروه', 'دسته کالا',
  ],
  quantity: [
    'Quantity', 'Qty', 'Lineitem quantity', 'Units', 'Count', 'Pieces',
    'تعداد', 'مقدار', 'تعداد کالا', 'تعداد مقدار',
  ],
  unitPrice: [
    'UnitPrice', 'Unit Price', 'Price', 'Lineitem price', 'Rate', 'Price Each', 'Sale Price',
    'Item Cost', 'Item Price',
    'فی', 'قیمت واحد', 'قیمت', 'مبلغ واحد', 'فی واحد', 'فی فروش', 'قیمت فروش',
  ],
  lineTotal: [
    'Line Total', 'Line Amount', 'Extended Price', 'Item Total', 'Row Total', 'Lineitem total',
    'جمع ردیف', 'مبلغ ردیف', 'قیمت کل', 'مبلغ کل ردیف', 'جمع قیمت',
  ],
  lineDiscount: [
    'Lineitem discount', 'Line Discount', 'Item Discount', 'تخفیف ردیف', 'تخفیف کالا',
  ],
};

/** Each name's field, and its place in the field's list (0: the most specific name). */
const SYNONYM_INDEX: ReadonlyMap<string, { field: ImportField; rank: number }> = (() => {
  const index = new Map<string, { field: ImportField; rank: number }>();
  for (const field of IMPORT_FIELDS) {
    SYNONYMS[field].forEach((name, rank) => {
      const key = headerKey(name);
      if (!index.has(key)) index.set(key, { field, rank });
    });
  }
  return index;
})();

/**
 * Built-in presets for exports whose headers are known. `signature` headers must all be present
 * for the preset to be detected; `fields` map by header name (missing headers are skipped).
 */
type BuiltInPreset = ImportPreset & { signature: readonly string[] };

export const BUILT_IN_PRESETS: readonly BuiltInPreset[] = [
  {
    id: 'shopify',
    name: 'Shopify orders export',
    builtIn: true,
    signature: ['Name', 'Created at', 'Lineitem quantity', 'Lineitem name'],
    fields: {
      receiptId: 'Name',
      orderedAt: 'Created at',
      total: 'Total',
      discount: 'Discount Amount',
      refundedAmount: 'Refunded Amount',
      status: 'Financial Status',
      cancelledAt: 'Cancelled at',
      customerName: 'Billing Name',
      phone: 'Billing Phone',
      email: 'Email',
      staff: 'Employee',
      note: 'Notes',
      productName: 'Lineitem name',
      sku: 'Lineitem sku',
      quantity: 'Lineitem quantity',
      unitPrice: 'Lineitem price',
      lineDiscount: 'Lineitem discount',
    },
    options: { source: 'shopify', amountUnit: 'major', calendar: 'gregory' },
  },
  {
    id: 'fa-accounting',
    name: 'نرم‌افزار حسابداری (فاکتور فروش)',
    builtIn: true,
    signature: ['شماره فاکتور', 'تاریخ', 'نوع فاکتور'],
    fields: {
      receiptId: 'شماره فاکتور',
      orderedAt: 'تاریخ',
      time: 'ساعت',
      customerId: 'کد مشتری',
      customerName: 'نام مشتری',
      phone: 'موبایل',
      total: 'جمع کل',
      discount: 'تخفیف',
      invoiceType: 'نوع فاکتور',
      originalReceiptId: 'فاکتور مرجع',
      productName: 'نام کالا',
      sku: 'کد کالا',
      quantity: 'تعداد',
      unitPrice: 'فی',
      note: 'توضیحات',
    },
    options: { source: 'accounting', calendar: 'persian' },
  },
  {
    id: 'generic-fa',
    name: 'سرستون‌های فارسی',
    builtIn: true,
    signature: [],
    fields: {},
    options: {},
  },
  {
    id: 'generic-en',
    name: 'English headers',
    builtIn: true,
    signature: [],
    fields: {},
    options: {},
  },
];

const PERSIAN_LETTER_RE = /[\u0600-\u06ff]/;

/** The built-in preset a header row looks like: a known export, or generic fa/en by script. */
export const detectPreset = (headers: readonly string[]): BuiltInPreset => {
  const keys = new Set(headers.map(headerKey));
  const known = BUILT_IN_PRESETS.find(
    (preset) =>
      preset.signature.length > 0 && preset.signature.every((name) => keys.has(headerKey(name))),
  );
  if (known) return known;
  const persian = headers.filter((header) => PERSIAN_LETTER_RE.test(header)).length;
  return findBuiltIn(persian * 2 >= headers.length && persian > 0 ? 'generic-fa' : 'generic-en');
};

const findBuiltIn = (id: string): BuiltInPreset => {
  const preset = BUILT_IN_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`No built-in preset ${id}`);
  return preset;
};

/**
 * Columns by synonym: each field takes the column whose header is its most specific name (the
 * earliest in its list), the first such column on a tie: "Item Name" is the product beside an
 * "Item #". When a file has both a first-name and a last-name column, a lone "نام" is a first
 * name; otherwise it is the customer's whole name.
 */
export const autoMap = (headers: readonly string[]): ColumnMapping => {
  const mapping: ColumnMapping = {};
  const ranks = new Map<ImportField, number>();
  headers.forEach((header, column) => {
    // 'جمع کل (ریال)', 'Total [GBP]': the unit in brackets is not part of the name.
    const match =
      SYNONYM_INDEX.get(headerKey(header)) ??
      SYNONYM_INDEX.get(headerKey(header.replace(/[([{].*?[)\]}]/gu, '')));
    if (match === undefined || match.rank >= (ranks.get(match.field) ?? Infinity)) return;
    mapping[match.field] = column;
    ranks.set(match.field, match.rank);
  });
  if (mapping.firstName !== undefined && mapping.lastName === undefined) {
    if (mapping.customerName === undefined) mapping.customerName = mapping.firstName;
    delete mapping.firstName;
  }
  return mapping;
};

/**
 * A preset's fields (by header name) against this file's headers, on top of the synonym mapping
 * so columns the preset does not name are still found.
 */
export const mappingFromPreset = (
  headers: readonly string[],
  fields: ImportPreset['fields'],
  { withSynonyms = true } = {},
): ColumnMapping => {
  const mapping: ColumnMapping = withSynonyms ? autoMap(headers) : {};
  const columns = new Map<string, number>();
  headers.forEach((header, column) => {
    const key = headerKey(header);
    if (!columns.has(key)) columns.set(key, column);
  });
  const named = Object.entries(fields) as [ImportField, string][];
  if (named.length > 0) {
    // A preset decides its own fields: a column it names is not also left under a synonym.
    for (const [field, header] of named) {
      const column = columnOf(header, columns, headers.length);
      if (column === undefined) continue;
      for (const [other, index] of Object.entries(mapping) as [ImportField, number][]) {
        if (index === column && other !== field) delete mapping[other];
      }
      mapping[field] = column;
    }
  }
  return mapping;
};

/** A header name, or '#3' for the third column. */
const columnOf = (
  name: string,
  columns: ReadonlyMap<string, number>,
  width: number,
): number | undefined => {
  const numbered = /^#(\d+)$/.exec(name.trim());
  if (numbered) {
    const index = Number(numbered[1]) - 1;
    return index >= 0 && index < width ? index : undefined;
  }
  return columns.get(headerKey(name));
};

/** The mapping as saved in a preset: each field by its column's header (or '#n' when blank). */
export const fieldsByHeader = (
  headers: readonly string[],
  mapping: ColumnMapping,
): ImportPreset['fields'] => {
  const fields: ImportPreset['fields'] = {};
  for (const [field, column] of Object.entries(mapping) as [ImportField, number][]) {
    const header = headers[column]?.trim();
    fields[field] = header ? header : `#${column + 1}`;
  }
  return fields;
};
