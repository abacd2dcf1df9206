import type BetterSqlite3 from 'better-sqlite3';
import type { RejectedRow } from '../../../src-shared/contract/types.ts';
import {
  buildCustomerSearchText,
  customerSortKey,
} from '../../../src-shared/domain/customer-search.ts';
import { normaliseEmail } from '../../../src-shared/domain/email.ts';
import { normaliseForSearch } from '../../../src-shared/domain/persian-text.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import { batchInsert } from '../../db/batch-insert.ts';
import { refreshCustomerStatsFor } from '../customers/customer-stats.ts';
import type { Receipt, ReceiptCustomer, ReceiptItem } from './receipts.ts';

/**
 * Writes receipts inside the import's transaction: finds or creates each customer, skips receipts
 * already in the database (same source and receipt number, or same content), inserts orders and
 * items in multi-row statements, and links returns to the orders they refund once every sale of
 * the file is in. It never commits: the caller owns the transaction.
 */

export type WriterCounts = {
  ordersCreated: number;
  ordersAlreadyPresent: number;
  refundsRecorded: number;
  customersCreated: number;
  customersMatched: number;
};

export type Writer = {
  write: (receipt: Receipt) => void;
  reject: (rows: readonly RejectedRow[]) => void;
  /** Writes out the rows still waiting in the multi-row buffers. */
  flush: () => void;
  /** Whether the database held orders of this source before the run (then each is looked up). */
  readonly sourceHasOrders: boolean;
  /** Links or records the returns held back until all sales were written, then refreshes stats. */
  finish: (onProgress?: (done: number, total: number) => void) => void;
  counts: () => WriterCounts;
};

export type WriterOptions = {
  sqlite: BetterSqlite3.Database;
  batchId: string;
  source: string;
  now: string;
  newId: () => string;
};

type SeenReceipt = {
  orderId: string | null;
  customerId: string | null;
  hasTotalColumn: boolean;
  /** Item lines the order has so far. */
  lines: number;
};
type Figures = {
  count: number;
  spent: number;
  first: string | null;
  last: string | null;
  /** The local days with a purchase (DESIGN.md §3's purchase days). */
  days: Set<string>;
};
type OrderRow = { id: string; total: number; refunded: number; customer_id: string | null };

export const createWriter = (options: WriterOptions): Writer => {
  const { sqlite, batchId, source, now, newId } = options;
  // INSERTs with the run's constants (batch, source, times) written into the statements, and
  // items in groups of 64 rows per statement: a statement call and its bindings are most of the
  // cost of a row. (Measured: groups help order_items but slow the orders table, whose rows
  // go in one at a time.) Each table flushes its parents first: foreign keys are checked per
  // statement.
  const constants = { import_batch_id: batchId, created_at: now };
  const customers = batchInsert(
    sqlite,
    'customers',
    ['id', 'name', 'phone_e164', 'phone_raw', 'email', 'search_text', 'sort_name'],
    1,
    { ...constants, updated_at: now },
  );
  const externalIds = batchInsert(
    sqlite,
    'customer_external_ids',
    ['id', 'customer_id', 'external_id'],
    1,
    { ...constants, source },
    () => customers.flush(),
  );
  const orders = batchInsert(
    sqlite,
    'orders',
    [
      'id',
      'external_id',
      'content_hash',
      'customer_id',
      'ordered_at',
      'local_date',
      'total',
      'refunded',
      'status',
      'staff_id',
      'note',
    ],
    1,
    { ...constants, source, updated_at: now },
    () => {
      customers.flush();
      externalIds.flush();
    },
  );
  // Most receipts are a plain sale: the same INSERT with fewer values to bind.
  const plainOrders = batchInsert(
    sqlite,
    'orders',
    ['id', 'external_id', 'customer_id', 'ordered_at', 'local_date', 'total'],
    1,
    { ...constants, source, updated_at: now, refunded: 0, status: 'completed', note: '' },
  );
  const items = batchInsert(
    sqlite,
    'order_items',
    ['order_id', 'line', 'product_name', 'sku', 'category', 'quantity', 'unit_price', 'line_total'],
    64,
    {},
    () => orders.flush(),
  );
  const rejectedRows = batchInsert(
    sqlite,
    'import_rejected_rows',
    ['id', 'line', 'reason', 'params', 'fields'],
    32,
    { batch_id: batchId },
  );
  const flush = (): void => {
    customers.flush();
    externalIds.flush();
    orders.flush();
    items.flush();
    rejectedRows.flush();
  };

  const statements = {
    orderByKey: sqlite
      .prepare('SELECT id FROM orders WHERE source = ? AND external_id = ?')
      .pluck(),
    orderByHash: sqlite
      .prepare('SELECT id FROM orders WHERE source = ? AND content_hash = ?')
      .pluck(),
    refundByKey: sqlite
      .prepare('SELECT id FROM refunds WHERE source = ? AND external_id = ?')
      .pluck(),
    refundByHash: sqlite
      .prepare('SELECT id FROM refunds WHERE source = ? AND content_hash = ?')
      .pluck(),
    originalByKey: sqlite.prepare(
      `SELECT id, total, refunded, customer_id FROM orders
       WHERE source = ? AND external_id = ? AND archived_at IS NULL AND status <> 'void'`,
    ),
    // A return with no reference: the customer's latest earlier purchase of the same product
    // that still has that much left to refund.
    originalByProduct: sqlite.prepare(
      `SELECT o.id, o.total, o.refunded, o.customer_id FROM orders o
       WHERE o.customer_id = ? AND o.ordered_at <= ? AND o.archived_at IS NULL
         AND o.status <> 'void' AND o.total - o.refunded >= ?
         AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id
           AND (i.sku = ? OR i.product_name = ?))
       ORDER BY o.ordered_at DESC LIMIT 1`,
    ),
    customersBySortName: sqlite
      .prepare(
        `SELECT id FROM customers WHERE sort_name = ? AND merged_into_id IS NULL
         AND phone_e164 IS NULL AND email IS NULL LIMIT 2`,
      )
      .pluck(),
    insertRefund: sqlite.prepare(
      `INSERT INTO refunds (id, order_id, amount, refunded_at, local_date, source, external_id,
         content_hash, import_batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    applyRefund: sqlite.prepare(
      `UPDATE orders SET refunded = refunded + ?,
         status = CASE WHEN refunded + ? >= total THEN 'refunded' ELSE 'partially_refunded' END,
         updated_at = ? WHERE id = ?`,
    ),
    addToOrder: sqlite.prepare(`UPDATE orders SET total = total + ?, updated_at = ? WHERE id = ?`),
  };

  const staffByName = new Map<string, string>();
  for (const row of sqlite
    .prepare('SELECT id, name FROM staff WHERE archived_at IS NULL')
    .all() as { id: string; name: string }[]) {
    staffByName.set(normaliseForSearch(row.name), row.id);
  }

  const staffSeen = new Map<string, string | null>();
  const staffOf = (raw: string): string | null => {
    let id = staffSeen.get(raw);
    if (id === undefined) {
      id = staffByName.get(normaliseForSearch(raw)) ?? null;
      staffSeen.set(detach(raw), id);
    }
    return id;
  };

  let ordersCreated = 0;
  let ordersAlreadyPresent = 0;
  let refundsRecorded = 0;
  let customersCreated = 0;
  const matched = new Set<string>();
  const created = new Set<string>();
  // The cached figures of customer-stats.ts: for customers this run created, summed here as their
  // orders are written; customers who existed before, or whose written orders change later (a
  // refund, more lines of a receipt), are refreshed by its query at the end.
  const figures = new Map<string, Figures>();
  const stale = new Set<string>();
  const seen = new Map<string, SeenReceipt>();
  const returns: Receipt[] = [];
  const phones = new Map<string, string | null>();
  const emails = new Map<string, string | null>();
  // Receipts of a source never imported before cannot be in the database: skip the lookups.
  const hasOrders = sqlite.prepare('SELECT 1 FROM orders WHERE source = ? LIMIT 1').get(source);
  const hasRefunds = sqlite.prepare('SELECT 1 FROM refunds WHERE source = ? LIMIT 1').get(source);

  const phoneOf = (raw: string): string | null => {
    let phone = phones.get(raw);
    if (phone === undefined) {
      phone = normalisePhone(raw)?.e164 ?? null;
      phones.set(detach(raw), phone);
    }
    return phone;
  };
  const emailOf = (raw: string): string | null => {
    let email = emails.get(raw);
    if (email === undefined) {
      email = normaliseEmail(raw);
      email = email === null ? null : detach(email);
      emails.set(detach(raw), email);
    }
    return email;
  };

  // Every existing customer's keys, loaded once: a query per receipt would be hundreds of
  // thousands of them. Keys point at the customer a merge kept.
  const mergedInto = new Map(
    sqlite
      .prepare('SELECT id, merged_into_id FROM customers WHERE merged_into_id IS NOT NULL')
      .raw()
      .all() as [string, string][],
  );
  const live = (id: string): string => {
    let current = id;
    for (let hops = 0; hops < 20; hops += 1) {
      const next = mergedInto.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  };
  const byExternalId = new Map<string, string>();
  for (const [externalId, customerId] of sqlite
    .prepare('SELECT external_id, customer_id FROM customer_external_ids WHERE source = ?')
    .raw()
    .all(source) as [string, string][]) {
    byExternalId.set(externalId, live(customerId));
  }
  const byPhone = new Map<string, string>();
  const byEmail = new Map<string, string>();
  for (const [id, phone, email] of sqlite
    .prepare(
      `SELECT id, phone_e164, email FROM customers WHERE merged_into_id IS NULL
         AND (phone_e164 IS NOT NULL OR email IS NOT NULL)
       ORDER BY archived_at IS NOT NULL, created_at`,
    )
    .raw()
    .all() as [string, string | null, string | null][]) {
    if (phone !== null && !byPhone.has(phone)) byPhone.set(phone, id);
    if (email !== null && !byEmail.has(email)) byEmail.set(email, id);
  }
  const byName = new Map<string, string | undefined>();

  /** A name alone identifies someone only when exactly one customer without contact details has it. */
  const findByName = (name: string): string | undefined => {
    const key = customerSortKey(cleanName(name));
    if (!byName.has(key)) {
      const ids = statements.customersBySortName.all(key) as string[];
      byName.set(key, ids.length === 1 ? ids[0] : undefined);
    }
    return byName.get(key);
  };

  // The customer each combination of a receipt's customer fields resolved to: the same fields
  // again resolve to the same customer (the key maps only ever gain entries), so a regular
  // customer's later receipts skip the phone parsing and the lookups.
  const resolved = new Map<string, string>();
  const resolveCustomer = (customer: ReceiptCustomer): string => {
    const memo = `${customer.externalId ?? '\u0001'}\u0000${customer.phone ?? '\u0001'}\u0000${customer.email ?? '\u0001'}\u0000${customer.name ?? '\u0001'}`;
    const known = resolved.get(memo);
    if (known !== undefined) return known;
    const id = resolveAfresh(customer);
    resolved.set(detach(memo), id);
    return id;
  };

  const resolveAfresh = (customer: ReceiptCustomer): string => {
    const externalId = customer.externalId;
    const phone = customer.phone ? phoneOf(customer.phone) : null;
    const email = customer.email ? emailOf(customer.email) : null;
    let id =
      (externalId !== null ? byExternalId.get(externalId) : undefined) ??
      (phone !== null ? byPhone.get(phone) : undefined) ??
      (email !== null ? byEmail.get(email) : undefined);
    const isNameOnly = externalId === null && phone === null && email === null;
    if (id === undefined && isNameOnly && customer.name) id = findByName(customer.name);
    if (id === undefined) {
      id = createCustomer(customer, phone, email);
      if (isNameOnly && customer.name) byName.set(customerSortKey(cleanName(customer.name)), id);
    } else if (!created.has(id)) {
      matched.add(id);
    }
    if (externalId !== null && !byExternalId.has(externalId)) {
      byExternalId.set(detach(externalId), id);
      externalIds.add(newId(), id, externalId);
    }
    if (phone !== null && !byPhone.has(phone)) byPhone.set(phone, id);
    if (email !== null && !byEmail.has(email)) byEmail.set(email, id);
    return id;
  };

  const createCustomer = (
    customer: ReceiptCustomer,
    phone: string | null,
    email: string | null,
  ): string => {
    const id = newId();
    const name =
      cleanName(customer.name ?? customer.phone ?? customer.email ?? customer.code ?? '') || '—';
    customers.add(
      id,
      name,
      phone,
      customer.phone,
      email,
      buildCustomerSearchText({ name, phoneE164: phone, email }),
      customerSortKey(name),
    );
    created.add(id);
    figures.set(id, { count: 0, spent: 0, first: null, last: null, days: new Set() });
    customersCreated += 1;
    return id;
  };

  const identity = (receipt: Receipt): string =>
    receipt.key !== null ? `k${receipt.key}` : `h${receipt.contentHash ?? ''}`;

  const isInDatabase = (receipt: Receipt): boolean => {
    const [orderBy, refundBy, value] =
      receipt.key !== null
        ? [statements.orderByKey, statements.refundByKey, receipt.key]
        : [statements.orderByHash, statements.refundByHash, receipt.contentHash];
    return (
      (hasOrders !== undefined && orderBy.get(source, value) !== undefined) ||
      (hasRefunds !== undefined && refundBy.get(source, value) !== undefined)
    );
  };

  /** The receipt's items as lines `after + 1` onwards of the order. */
  const addItems = (orderId: string, list: readonly ReceiptItem[], after = 0): void => {
    let line = after;
    for (const item of list) {
      line += 1;
      items.add(
        orderId,
        line,
        item.productName,
        item.sku,
        item.category,
        item.quantity,
        item.unitPrice,
        item.lineTotal,
      );
    }
  };

  const insertOrder = (receipt: Receipt, total: number, refunded: number, status: string) => {
    const id = newId();
    const customerId = receipt.customer ? resolveCustomer(receipt.customer) : null;
    if (customerId) count(customerId, receipt, total - refunded, status);
    const staffId = receipt.staff ? staffOf(receipt.staff) : null;
    if (
      receipt.key !== null &&
      refunded === 0 &&
      status === 'completed' &&
      staffId === null &&
      receipt.note === ''
    ) {
      plainOrders.add(id, receipt.key, customerId, receipt.orderedAt, receipt.localDate, total);
    } else {
      orders.add(
        id,
        receipt.key,
        receipt.key === null ? receipt.contentHash : null,
        customerId,
        receipt.orderedAt,
        receipt.localDate,
        total,
        refunded,
        status,
        staffId,
        receipt.note,
      );
    }
    addItems(id, receipt.items);
    return { id, customerId };
  };

  /** DESIGN.md §3's purchase figures: live orders only; a purchase has a positive net amount. */
  const count = (customerId: string, receipt: Receipt, net: number, status: string): void => {
    const own = figures.get(customerId);
    if (!own || stale.has(customerId)) {
      stale.add(customerId);
      return;
    }
    if (status === 'void') return;
    own.spent += net;
    if (net <= 0) return;
    own.count += 1;
    const { orderedAt, localDate } = receipt;
    if (own.first === null || orderedAt < own.first) own.first = orderedAt;
    if (own.last === null || orderedAt > own.last) own.last = orderedAt;
    own.days.add(localDate);
  };

  const write = (receipt: Receipt): void => {
    const key = identity(receipt);
    const earlier = seen.get(key);
    if (earlier) {
      // The same receipt number again further down the file: more lines of that receipt.
      if (earlier.orderId !== null && !receipt.isReturn) {
        addItems(earlier.orderId, receipt.items, earlier.lines);
        earlier.lines += receipt.items.length;
        if (!earlier.hasTotalColumn) {
          flush();
          statements.addToOrder.run(receipt.total, now, earlier.orderId);
          if (earlier.customerId) stale.add(earlier.customerId);
        }
      }
      return;
    }
    if (isInDatabase(receipt)) {
      seen.set(key, {
        orderId: null,
        customerId: null,
        hasTotalColumn: receipt.hasTotalColumn,
        lines: 0,
      });
      ordersAlreadyPresent += 1;
      return;
    }
    if (receipt.isReturn) {
      seen.set(key, {
        orderId: null,
        customerId: null,
        hasTotalColumn: receipt.hasTotalColumn,
        lines: 0,
      });
      returns.push(detachReceipt(receipt));
      return;
    }
    const status = receipt.isVoid
      ? 'void'
      : receipt.refunded === 0
        ? 'completed'
        : receipt.refunded >= receipt.total
          ? 'refunded'
          : 'partially_refunded';
    const { id: orderId, customerId } = insertOrder(
      receipt,
      receipt.total,
      receipt.refunded,
      status,
    );
    seen.set(key, {
      orderId,
      customerId,
      hasTotalColumn: receipt.hasTotalColumn,
      lines: receipt.items.length,
    });
    ordersCreated += 1;
  };

  /**
   * The order a return refunds: the one it names (or whose number it carries after the return
   * prefix); else the customer's latest earlier purchase of a returned product.
   */
  const originalOf = (receipt: Receipt, customerId: string | null): OrderRow | undefined => {
    if (receipt.originalKey) {
      const named = statements.originalByKey.get(source, receipt.originalKey) as
        OrderRow | undefined;
      if (named) return named;
    }
    if (!customerId) return undefined;
    for (const item of receipt.items) {
      const found = statements.originalByProduct.get(
        customerId,
        receipt.orderedAt,
        receipt.total,
        item.sku,
        item.productName,
      ) as OrderRow | undefined;
      if (found) return found;
    }
    return undefined;
  };

  const recordReturn = (receipt: Receipt): void => {
    if (receipt.total === 0) return;
    const customerId = receipt.customer ? resolveCustomer(receipt.customer) : null;
    const original = originalOf(receipt, customerId);
    if (original && original.total - original.refunded >= receipt.total) {
      statements.insertRefund.run(
        newId(),
        original.id,
        receipt.total,
        receipt.orderedAt,
        receipt.localDate,
        source,
        receipt.key,
        receipt.key === null ? receipt.contentHash : null,
        batchId,
        now,
      );
      statements.applyRefund.run(receipt.total, receipt.total, now, original.id);
      if (original.customer_id) stale.add(original.customer_id);
    } else {
      // Nothing to attach it to: a refund of its own, so revenue still goes down by it.
      insertOrder(receipt, 0, receipt.total, 'refunded');
    }
    refundsRecorded += 1;
  };

  return {
    write,
    reject: (rows) => {
      for (const row of rows) {
        rejectedRows.add(
          newId(),
          row.line,
          row.reason,
          JSON.stringify(row.params),
          JSON.stringify(row.fields),
        );
      }
    },
    flush,
    sourceHasOrders: hasOrders !== undefined,
    finish: (onProgress) => {
      flush();
      returns.forEach((receipt, index) => {
        recordReturn(receipt);
        flush();
        if (index % 500 === 0) onProgress?.(index, returns.length);
      });
      flush();
      const update = sqlite.prepare(
        `UPDATE customers SET order_count = ?, total_spent = ?, first_purchase_at = ?,
           last_purchase_at = ?, first_purchase_day = ?, last_purchase_day = ?,
           purchase_days = ? WHERE id = ?`,
      );
      for (const [id, own] of figures) {
        if (stale.has(id) || (own.count === 0 && own.spent === 0)) continue;
        let firstDay: string | null = null;
        let lastDay: string | null = null;
        for (const day of own.days) {
          if (firstDay === null || day < firstDay) firstDay = day;
          if (lastDay === null || day > lastDay) lastDay = day;
        }
        update.run(own.count, own.spent, own.first, own.last, firstDay, lastDay, own.days.size, id);
      }
      refreshCustomerStatsFor(sqlite, [...stale]);
    },
    counts: () => ({
      ordersCreated,
      ordersAlreadyPresent,
      refundsRecorded,
      customersCreated,
      customersMatched: matched.size,
    }),
  };
};

/** A name as stored: Arabic ي/ك as the Persian letters, spaces collapsed. */
export const cleanName = (name: string): string =>
  name
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A copy of a string that does not keep the text it was cut from alive. Fields are slices of
 * the decoded file; one kept in a long-lived map would pin its whole chunk, and a few thousand
 * spread over a file pin all of it.
 */
export const detach = (text: string): string => ` ${text}`.slice(1);

const detachOrNull = (text: string | null): string | null => (text === null ? null : detach(text));

/** A receipt held until the end of the run (a return), with no strings into the file's text. */
const detachReceipt = (receipt: Receipt): Receipt => ({
  ...receipt,
  key: detachOrNull(receipt.key),
  originalKey: detachOrNull(receipt.originalKey),
  lines: [],
  staff: detachOrNull(receipt.staff),
  note: detach(receipt.note),
  customer: receipt.customer && {
    externalId: detachOrNull(receipt.customer.externalId),
    code: detachOrNull(receipt.customer.code),
    name: detachOrNull(receipt.customer.name),
    phone: detachOrNull(receipt.customer.phone),
    email: detachOrNull(receipt.customer.email),
  },
  items: receipt.items.map((item) => ({
    ...item,
    productName: detach(item.productName),
    sku: detachOrNull(item.sku),
    category: detachOrNull(item.category),
  })),
});
