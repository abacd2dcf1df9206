import type BetterSqlite3 from 'better-sqlite3';

/**
 * For a big import into a small shop: the secondary indexes of orders, items and customers whose
 * keys arrive in no order are dropped inside the import's transaction and built again, from the
 * same SQL, once the rows are in. Building such an index by sorting is far cheaper than keeping it
 * up to date one row at a time, and the transaction covers both, so a crash or cancel restores
 * them with everything else. Only done when the new rows will outnumber the old (the rebuild
 * sorts both).
 *
 * Indexes whose keys come in the order a sales export is written (day, receipt number, the run's
 * own batch id) stay live: each new key goes at the end, which costs the writing thread little,
 * and it writes while the reading thread, the slower of the two, reads on. Built afterwards, they
 * were 0.3 s of a million-line run in which nothing else could happen.
 */
const SECONDARY = [
  'idx_orders_customer_id_ordered_at',
  // The customers' figures are written once per new customer at the end. The name index stays:
  // set aside too, its rebuild cost what the inserts saved (measured on the bench's file).
  'idx_customers_phone_e164',
  'idx_customers_email',
  'idx_customers_order_count',
  'idx_customers_total_spent',
  'idx_customers_first_purchase_at',
  'idx_customers_last_purchase_at',
  'idx_customers_import_batch_id',
  'idx_customers_first_purchase_day',
  'idx_customers_last_purchase_day',
  'idx_customers_live_figures',
];
/**
 * The content-hash index, for receipts without a number: looked up on every receipt when the
 * source already has orders, and kept live then; otherwise its keys (hashes) come in no order.
 * With a receipt-number column it gets hardly a row, and it is kept live too (rebuilding it
 * would scan every order for nothing).
 */
const BY_CONTENT = 'idx_orders_source_content_hash';

/**
 * Triggers that keep the KPI caches (migration 5) up to date row by row. A bulk load drops them
 * too and applies their effect to the batch's rows in one statement each when it builds the
 * indexes again (each cache is a function of the rows as they are, so once at the end equals
 * row by row). Deletes never happen in an import: their triggers stay.
 */
const TRIGGERS = {
  orders: ['orders_walk_in_insert', 'orders_walk_in_update'],
  customers: ['customers_kpi_pending_insert'],
} as const;

/** What the dropped triggers would have written, for the rows the batch added. */
const CATCH_UP = {
  orders: `INSERT INTO walk_in_days (day, revenue, gross, refunded, orders)
    SELECT local_date, sum(total - refunded), sum(total), sum(refunded), sum(total - refunded > 0)
    FROM orders WHERE import_batch_id = ? AND customer_id IS NULL AND archived_at IS NULL
      AND status <> 'void' AND (total <> 0 OR refunded <> 0)
    GROUP BY local_date
    ON CONFLICT (day) DO UPDATE SET revenue = revenue + excluded.revenue,
      gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      orders = orders + excluded.orders`,
  customers: `INSERT OR IGNORE INTO kpi_pending (customer_id)
    SELECT id FROM customers WHERE import_batch_id = ?`,
} as const;

/**
 * The page cache while the orders' indexes are built. SQLite sorts an index's keys in runs as
 * big as the cache, then merges them; 300,000 orders' keys overflow the run's 16 MiB anyway, and
 * runs of 4 MiB sort faster (they fit the processor's caches): the orders-by-customer index, the
 * longest statement of a big import, took about 320 ms instead of 420 on the bench's database.
 * The customers' indexes (50,000 rows) sort in memory at 16 MiB and stay there.
 */
const ORDERS_SORT_CACHE_SIZE = -4096;

/** Whether the database holds orders of this source (then each receipt is looked up). */
export const sourceHasOrders = (sqlite: BetterSqlite3.Database, source: string): boolean =>
  sqlite.prepare('SELECT 1 FROM orders WHERE source = ? LIMIT 1').get(source) !== undefined;

/** About what a line of a sales export weighs, to guess a file's rows from its size. */
const BYTES_PER_LINE = 100;
const MIN_BULK_BYTES = 16 * 1024 * 1024;

/**
 * Builds the dropped indexes of one group again: orders and items before returns are linked
 * (they look orders up), customers once their figures are written.
 */
export type BulkIndexes = {
  rebuild: (group: 'orders' | 'customers', afterEach?: () => void) => void;
};

export type BulkLoad = {
  fileSize: number;
  sourceHasOrders: boolean;
  /** Whether the file's receipts carry numbers (a receipt-number column is mapped). */
  hasReceiptNumbers: boolean;
  batchId: string;
};

export const suspendIndexesForBulkLoad = (
  sqlite: BetterSqlite3.Database,
  { fileSize, sourceHasOrders: hasOrders, hasReceiptNumbers, batchId }: BulkLoad,
): BulkIndexes => {
  const none: BulkIndexes = { rebuild: () => {} };
  if (fileSize < MIN_BULK_BYTES) return none;
  const existing = sqlite.prepare('SELECT count(*) FROM order_items').pluck().get() as number;
  if (fileSize / BYTES_PER_LINE < existing) return none;
  const names = hasOrders || hasReceiptNumbers ? SECONDARY : [...SECONDARY, BY_CONTENT];
  const definitions = definitionsOf(sqlite, 'index', names);
  for (const { name } of definitions) sqlite.exec(`DROP INDEX ${name}`);
  const triggers = {
    orders: definitionsOf(sqlite, 'trigger', TRIGGERS.orders),
    customers: definitionsOf(sqlite, 'trigger', TRIGGERS.customers),
  };
  for (const { name } of [...triggers.orders, ...triggers.customers]) {
    sqlite.exec(`DROP TRIGGER ${name}`);
  }
  const rebuilt = new Set<string>();
  return {
    rebuild: (group, afterEach) => {
      const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
      if (group === 'orders') sqlite.pragma(`cache_size = ${ORDERS_SORT_CACHE_SIZE}`);
      try {
        for (const { name, sql } of definitions) {
          if (rebuilt.has(name) || name.startsWith('idx_customers_') !== (group === 'customers')) {
            continue;
          }
          sqlite.exec(sql);
          rebuilt.add(name);
          afterEach?.();
        }
      } finally {
        sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
      }
      if (triggers[group].length > 0) {
        sqlite.prepare(CATCH_UP[group]).run(batchId);
        for (const { sql } of triggers[group]) sqlite.exec(sql);
        triggers[group] = [];
      }
    },
  };
};

/** The SQL that made each of these indexes or triggers (those that exist). */
const definitionsOf = (
  sqlite: BetterSqlite3.Database,
  type: 'index' | 'trigger',
  names: readonly string[],
): { name: string; sql: string }[] =>
  names.flatMap((name) => {
    const sql = sqlite
      .prepare('SELECT sql FROM sqlite_schema WHERE type = ? AND name = ?')
      .pluck()
      .get(type, name) as string | undefined;
    return sql ? [{ name, sql }] : [];
  });
