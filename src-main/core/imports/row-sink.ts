import type BetterSqlite3 from 'better-sqlite3';
import { batchInsert } from '../../db/batch-insert.ts';
import { refreshCustomerStatsFor } from '../customers/customer-stats.ts';
import type { ReceiptItem } from './receipts.ts';

/**
 * The rows a run writes, split from the matching that decides them (writer.ts): the matcher calls
 * a RowSink in order, and an applier turns the calls into INSERTs on the import's connection. In
 * the app the two run on different threads (read-thread.ts), the calls travelling as encoded
 * batches; in the CLI and the tests the matcher calls the applier directly.
 */
export type RowSink = {
  /** A customer the run creates, written once the file is read, with its orders' figures. */
  customer: (
    id: string,
    name: string,
    phoneE164: string | null,
    phoneRaw: string | null,
    email: string | null,
    searchText: string,
    sortName: string,
    orderCount: number,
    totalSpent: number,
    firstPurchaseAt: string | null,
    lastPurchaseAt: string | null,
    firstPurchaseDay: string | null,
    lastPurchaseDay: string | null,
    purchaseDays: number,
  ) => void;
  externalId: (id: string, customerId: string, externalId: string) => void;
  order: (
    id: string,
    externalId: string | null,
    contentHash: string | null,
    customerId: string | null,
    orderedAt: string,
    localDate: string,
    total: number,
    refunded: number,
    status: string,
    staffId: string | null,
    note: string,
  ) => void;
  /** A completed sale with a receipt number, nothing refunded, no staff and no note. */
  plainOrder: (
    id: string,
    externalId: string,
    customerId: string | null,
    orderedAt: string,
    localDate: string,
    total: number,
  ) => void;
  item: (
    orderId: string,
    line: number,
    productName: string,
    sku: string | null,
    category: string | null,
    quantity: number,
    unitPrice: number,
    lineTotal: number,
  ) => void;
  rejected: (id: string, line: number, reason: string, params: string, fields: string) => void;
  /** More lines of a receipt already written, whose total is the sum of its lines. */
  addToOrder: (amount: number, orderId: string) => void;
};

/** A return held until every sale is in, with everything the matcher decided about it. */
export type PreparedReturn = {
  /** The refund's id if it is linked to the order it returns. */
  refundId: string;
  /** The order's id if it is recorded as a refund of its own. */
  orderId: string;
  customerId: string | null;
  staffId: string | null;
  key: string | null;
  contentHash: string | null;
  originalKey: string | null;
  orderedAt: string;
  localDate: string;
  /** The amount given back (positive). */
  total: number;
  note: string;
  items: ReceiptItem[];
};

/** What the matcher hands over once the file is read. */
export type MatchEnd = {
  returns: PreparedReturn[];
  /** Customers whose figures the database must recompute (they existed, or changed later). */
  stale: string[];
};

export type Applier = RowSink & {
  /** Writes out the rows still waiting in the multi-row buffers. */
  flush: () => void;
  /** Links or records the returns, then writes the customers' cached figures. */
  finish: (end: MatchEnd, onProgress?: (done: number, total: number) => void) => void;
};

type OrderRow = { id: string; total: number; refunded: number; customer_id: string | null };

export const createApplier = (
  sqlite: BetterSqlite3.Database,
  run: { batchId: string; source: string; now: string },
): Applier => {
  const { batchId, source, now } = run;
  // INSERTs with the run's constants (batch, source, times) written into the statements, and
  // items in groups of 64 rows per statement: a statement call and its bindings are most of the
  // cost of a row. (Measured: groups help order_items but slow customers and orders, at 16 and
  // 32 rows a statement, so their rows go in one at a time; measured again with migration 10's
  // cheaper CHECK constraints, 16 orders a statement still made a big import's writing slower.)
  const constants = { import_batch_id: batchId, created_at: now };
  const customers = batchInsert(
    sqlite,
    'customers',
    [
      'id',
      'name',
      'phone_e164',
      'phone_raw',
      'email',
      'search_text',
      'sort_name',
      'order_count',
      'total_spent',
      'first_purchase_at',
      'last_purchase_at',
      'first_purchase_day',
      'last_purchase_day',
      'purchase_days',
    ],
    1,
    { ...constants, updated_at: now },
  );
  const externalIds = batchInsert(
    sqlite,
    'customer_external_ids',
    ['id', 'customer_id', 'external_id'],
    1,
    { ...constants, source },
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
    plainOrders.flush();
    items.flush();
    rejectedRows.flush();
  };

  const statements = {
    // A later part of a receipt adds its signed amount; returns outweighing the sale leave 0.
    addToOrder: sqlite.prepare(
      `UPDATE orders SET total = max(0, total + ?), updated_at = ? WHERE id = ?`,
    ),
    originalByKey: sqlite.prepare(
      `SELECT id, total, refunded, customer_id FROM orders
       WHERE source = ? AND external_id = ? AND archived_at IS NULL AND status <> 'void'`,
    ),
    // A return with no reference: the customer's earlier purchases that still have that much
    // left to refund, latest first, with their products.
    candidates: sqlite.prepare(
      `SELECT o.id, o.total, o.refunded, o.customer_id, i.sku, i.product_name
       FROM orders o
       JOIN order_items i ON i.order_id = o.id
       WHERE o.customer_id = ? AND o.ordered_at <= ? AND o.archived_at IS NULL
         AND o.status <> 'void' AND o.total - o.refunded >= ?
       ORDER BY o.ordered_at DESC`,
    ),
    insertRefund: sqlite.prepare(
      `INSERT INTO refunds (id, order_id, amount, refunded_at, local_date, source, external_id,
         content_hash, import_batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    lowerSpent: sqlite.prepare(
      'UPDATE customers SET total_spent = total_spent - ? WHERE id = ? AND import_batch_id = ?',
    ),
    applyRefund: sqlite.prepare(
      `UPDATE orders SET refunded = refunded + ?,
         status = CASE WHEN refunded + ? >= total THEN 'refunded' ELSE 'partially_refunded' END,
         updated_at = ? WHERE id = ?`,
    ),
  };

  const addItems = (orderId: string, list: readonly ReceiptItem[]): void => {
    list.forEach((item, index) =>
      items.add(
        orderId,
        index + 1,
        item.productName,
        item.sku,
        item.category,
        item.quantity,
        item.unitPrice,
        item.lineTotal,
      ),
    );
  };

  /**
   * The order a return refunds: the one it names (or whose number it carries after the return
   * prefix); else the customer's latest earlier purchase of a returned product.
   */
  const originalOf = (prepared: PreparedReturn): OrderRow | undefined => {
    if (prepared.originalKey) {
      const named = statements.originalByKey.get(source, prepared.originalKey) as
        OrderRow | undefined;
      if (named) return named;
    }
    if (!prepared.customerId || prepared.items.length === 0) return undefined;
    const candidates = statements.candidates.all(
      prepared.customerId,
      prepared.orderedAt,
      prepared.total,
    ) as (OrderRow & { sku: string | null; product_name: string })[];
    // The first returned product that an earlier purchase holds: its latest such purchase.
    for (const item of prepared.items) {
      const found = candidates.find(
        (row) =>
          (item.sku !== null && row.sku === item.sku) || row.product_name === item.productName,
      );
      if (found) return found;
    }
    return undefined;
  };

  return {
    customer: customers.add,
    externalId: externalIds.add,
    order: orders.add,
    plainOrder: plainOrders.add,
    item: items.add,
    rejected: rejectedRows.add,
    addToOrder: (amount, orderId) => {
      flush();
      statements.addToOrder.run(amount, now, orderId);
    },
    flush,
    finish: (end, onProgress) => {
      flush();
      const stale = new Set(end.stale);
      end.returns.forEach((prepared, index) => {
        const original = originalOf(prepared);
        if (original && original.total - original.refunded >= prepared.total) {
          statements.insertRefund.run(
            prepared.refundId,
            original.id,
            prepared.total,
            prepared.orderedAt,
            prepared.localDate,
            source,
            prepared.key,
            prepared.key === null ? prepared.contentHash : null,
            batchId,
            now,
          );
          statements.applyRefund.run(prepared.total, prepared.total, now, original.id);
          if (original.customer_id) stale.add(original.customer_id);
        } else {
          // Nothing to attach it to: a refund of its own, so revenue still goes down by it.
          orders.add(
            prepared.orderId,
            prepared.key,
            prepared.key === null ? prepared.contentHash : null,
            prepared.customerId,
            prepared.orderedAt,
            prepared.localDate,
            0,
            prepared.total,
            'refunded',
            prepared.staffId,
            prepared.note,
          );
          addItems(prepared.orderId, prepared.items);
          // Its customer's net spend goes down by it: in the figures the run wrote for a customer
          // it created, else by the database's recount.
          const { customerId } = prepared;
          if (
            customerId !== null &&
            !stale.has(customerId) &&
            statements.lowerSpent.run(prepared.total, customerId, batchId).changes === 0
          ) {
            stale.add(customerId);
          }
        }
        flush();
        if (index % 500 === 0) onProgress?.(index, end.returns.length);
      });
      refreshCustomerStatsFor(sqlite, [...stale]);
    },
  };
};
