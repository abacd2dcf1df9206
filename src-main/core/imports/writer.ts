import type BetterSqlite3 from 'better-sqlite3';
import type { RejectedRow } from '../../../src-shared/contract/types.ts';
import {
  buildCustomerSearchText,
  customerSortKey,
} from '../../../src-shared/domain/customer-search.ts';
import { normaliseEmail } from '../../../src-shared/domain/email.ts';
import { normaliseForSearch } from '../../../src-shared/domain/persian-text.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import { sourceHasOrders } from './bulk-indexes.ts';
import type { Receipt, ReceiptCustomer, ReceiptItem } from './receipts.ts';
import type { MatchEnd, PreparedReturn, RowSink } from './row-sink.ts';

/**
 * Matches receipts against the shop's data: finds or creates each customer, skips receipts
 * already in the database (same source and receipt number, or same content), numbers the lines
 * of receipts split over the file, and holds returns back until every sale of the file is in.
 * What it decides goes to a RowSink (row-sink.ts) in order; it reads the database only for what
 * was there before the run, so it can run on a thread and a connection of its own.
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
  /**
   * Once every receipt is written: the new customers go to the sink, with their figures
   * (`onBatch` after each few thousand, for the sink to pass them on), and the held returns come
   * back, matched.
   */
  end: (onBatch?: () => void) => MatchEnd;
  counts: () => WriterCounts;
};

export type WriterOptions = {
  /** A connection that sees the database as it was when the run began (the run's own or another). */
  sqlite: BetterSqlite3.Database;
  sink: RowSink;
  source: string;
  newId: () => string;
};

/** A customer the run creates, with the figures its orders add up to so far. */
type Pending = {
  id: string;
  name: string;
  phoneE164: string | null;
  phoneRaw: string | null;
  email: string | null;
  searchText: string;
  sortName: string;
  /** Orders with a positive net amount. */
  count: number;
  /** Net spend. */
  spent: number;
  first: string | null;
  last: string | null;
  /**
   * The local days with a purchase (DESIGN.md §3's purchase days), each once unless the file
   * goes back in time (then purchaseDaysOf sorts them out): a file runs in date order, so a
   * day is almost always the last one or a new one, and an array is a quarter of a Set's size.
   */
  days: string[];
};

const CUSTOMERS_PER_BATCH = 5000;

export const createWriter = (options: WriterOptions): Writer => {
  const { sqlite, sink, source, newId } = options;

  const statements = {
    orderByKey: sqlite.prepare(
      'SELECT refunded, status FROM orders WHERE source = ? AND external_id = ?',
    ),
    orderByHash: sqlite.prepare(
      'SELECT refunded, status FROM orders WHERE source = ? AND content_hash = ?',
    ),
    refundByKey: sqlite
      .prepare('SELECT id FROM refunds WHERE source = ? AND external_id = ?')
      .pluck(),
    refundByHash: sqlite
      .prepare('SELECT id FROM refunds WHERE source = ? AND content_hash = ?')
      .pluck(),
    customersBySortName: sqlite
      .prepare(
        `SELECT id FROM customers WHERE sort_name = ? AND merged_into_id IS NULL
         AND phone_e164 IS NULL AND email IS NULL LIMIT 2`,
      )
      .pluck(),
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
  const figures = new Map<string, Pending>();
  const stale = new Set<string>();
  // Every receipt met so far, by identity, as an index into three columns (no object per
  // receipt: a big file has hundreds of thousands): the order written for it (null when it was
  // already in the database or is a return), its customer, and its item lines × 2, plus 1 when
  // its total came from the file's total column.
  const seen = new Map<string, number>();
  const seenOrder: (string | null)[] = [];
  const seenCustomer: (string | null)[] = [];
  const seenLines: number[] = [];
  const see = (
    key: string,
    orderId: string | null,
    customerId: string | null,
    lines: number,
    hasTotalColumn: boolean,
  ) => {
    seen.set(key, seenOrder.length);
    seenOrder.push(orderId);
    seenCustomer.push(customerId);
    seenLines.push(lines * 2 + (hasTotalColumn ? 1 : 0));
  };
  // Purchase days as one string per distinct day, shared by every customer's set of days.
  const days = new Map<string, string>();
  const dayOf = (localDate: string): string => {
    let day = days.get(localDate);
    if (day === undefined) {
      day = detach(localDate);
      days.set(day, day);
    }
    return day;
  };
  const returns: Receipt[] = [];
  /** Where each held return is in `returns`, by its index among the receipts seen. */
  const heldReturns = new Map<number, number>();
  // Receipts of a source never imported before cannot be in the database: skip the lookups.
  const hasOrders = sourceHasOrders(sqlite, source);
  const hasRefunds =
    sqlite.prepare('SELECT 1 FROM refunds WHERE source = ? LIMIT 1').get(source) !== undefined;

  // Each distinct set of customer fields is resolved once (resolveCustomer), so a phone or an
  // email is read once per customer: no cache of their own (it would hold 50,000 more strings).
  const phoneOf = (raw: string): string | null => {
    const phone = normalisePhone(raw)?.e164 ?? null;
    return phone === null ? null : detach(phone);
  };
  const emailOf = (raw: string): string | null => {
    const email = normaliseEmail(raw);
    return email === null ? null : detach(email);
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
  // customer's later receipts skip the phone parsing and the lookups. Combinations are found by
  // their first field (code, else phone, email, name) and the other three compared, which spares
  // building and hashing a joined key for each of hundreds of thousands of receipts; one that
  // differs from the first one met under its first field goes to a map under the joined key.
  const resolvedByLead = new Map<string, Resolved>();
  const resolvedByAll = new Map<string, string>();
  const resolveCustomer = (customer: ReceiptCustomer): string => {
    const lead = customer.externalId ?? customer.phone ?? customer.email ?? customer.name ?? '';
    const first = resolvedByLead.get(lead);
    if (first !== undefined && isSameCustomerFields(first, customer)) return first.id;
    const memo = `${customer.externalId ?? '\u0001'}\u0000${customer.phone ?? '\u0001'}\u0000${customer.email ?? '\u0001'}\u0000${customer.name ?? '\u0001'}`;
    if (first !== undefined) {
      const known = resolvedByAll.get(memo);
      if (known !== undefined) return known;
    }
    const id = resolveAfresh(customer);
    if (first === undefined) {
      resolvedByLead.set(detach(lead), {
        externalId: detachOrNull(customer.externalId),
        phone: detachOrNull(customer.phone),
        email: detachOrNull(customer.email),
        name: detachOrNull(customer.name),
        id,
      });
    } else {
      resolvedByAll.set(detach(memo), id);
    }
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
      sink.externalId(newId(), id, externalId);
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
    // Written once the file is read, with its figures (no second pass to update them); its
    // orders refer to it meanwhile, as foreign keys are checked at the end of the run.
    figures.set(id, {
      id,
      name: detach(name),
      phoneE164: phone,
      phoneRaw: detachOrNull(customer.phone),
      email,
      searchText: buildCustomerSearchText({ name, phoneE164: phone, email }),
      sortName: customerSortKey(name),
      count: 0,
      spent: 0,
      first: null,
      last: null,
      days: [],
    });
    created.add(id);
    customersCreated += 1;
    return id;
  };

  const identity = (receipt: Receipt): string =>
    receipt.key !== null ? `k${receipt.key}` : `h${receipt.contentHash ?? ''}`;

  /** The order an earlier import made of this receipt (same source and number, or content). */
  const storedOrderOf = (receipt: Receipt): StoredOrder | undefined => {
    if (!hasOrders) return undefined;
    return (
      receipt.key !== null
        ? statements.orderByKey.get(source, receipt.key)
        : statements.orderByHash.get(source, receipt.contentHash)
    ) as StoredOrder | undefined;
  };

  /** Whether an earlier import recorded this receipt as a refund of another order. */
  const isRefundInDatabase = (receipt: Receipt): boolean =>
    hasRefunds &&
    (receipt.key !== null
      ? statements.refundByKey.get(source, receipt.key)
      : statements.refundByHash.get(source, receipt.contentHash)) !== undefined;

  /** The receipt's items as lines `after + 1` onwards of the order. */
  const addItems = (orderId: string, list: readonly ReceiptItem[], after = 0): void => {
    let line = after;
    for (const item of list) {
      line += 1;
      sink.item(
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
      sink.plainOrder(id, receipt.key, customerId, receipt.orderedAt, receipt.localDate, total);
    } else {
      sink.order(
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
    if (own.days[own.days.length - 1] !== localDate) own.days.push(dayOf(localDate));
  };

  /**
   * The same receipt number again further down the file: more lines of the receipt met first,
   * which ends up as if its lines had been together. Its amount counts with its sign (a return
   * line of a sale lowers the sale; a sale line of a held return lowers the refund), unless the
   * first part's total came from the file's total column, which is already the whole receipt's.
   */
  const writeLaterPart = (earlier: number, part: Receipt): void => {
    const packed = seenLines[earlier] ?? 0;
    seenLines[earlier] = packed + 2 * part.items.length;
    const hasWholeTotal = (packed & 1) === 1;
    const held = heldReturns.get(earlier);
    if (held !== undefined) {
      const first = returns[held] as Receipt;
      const total = hasWholeTotal
        ? first.total
        : Math.max(0, first.total + (part.isReturn ? part.total : -part.total));
      returns[held] = { ...first, total, items: [...first.items, ...detachReceipt(part).items] };
      return;
    }
    const orderId = seenOrder[earlier] ?? null;
    // Already in the database (a re-import): nothing of it is written again.
    if (orderId === null) return;
    addItems(orderId, part.items, packed >> 1);
    if (!hasWholeTotal) {
      sink.addToOrder(part.isReturn ? -part.total : part.total, orderId);
      const customerId = seenCustomer[earlier] ?? null;
      if (customerId) stale.add(customerId);
    }
  };

  /**
   * A sale imported before that this file shows refunded further: an online store's later
   * export, where a refund is a field of the order's own row. The difference is held as a return
   * of that order, recorded once: after it the stored refund is the file's, and the same file
   * again adds nothing. (A sale voided since is not undone here; the file is read as it was.)
   */
  const holdLaterRefund = (receipt: Receipt, stored: StoredOrder): void => {
    if (receipt.key === null || receipt.isReturn || receipt.isVoid || stored.status === 'void') {
      return;
    }
    if (receipt.refunded <= stored.refunded) return;
    returns.push(
      detachReceipt({
        ...receipt,
        key: null,
        contentHash: `refunded:${receipt.key}:${receipt.refunded}`,
        originalKey: receipt.key,
        total: receipt.refunded - stored.refunded,
        refunded: 0,
        isReturn: true,
        items: [],
      }),
    );
  };

  const write = (receipt: Receipt): void => {
    const key = identity(receipt);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      writeLaterPart(earlier, receipt);
      return;
    }
    const stored = storedOrderOf(receipt);
    if (stored !== undefined || isRefundInDatabase(receipt)) {
      see(key, null, null, 0, receipt.hasTotalColumn);
      ordersAlreadyPresent += 1;
      if (stored !== undefined) holdLaterRefund(receipt, stored);
      return;
    }
    if (receipt.isReturn) {
      heldReturns.set(seenOrder.length, returns.length);
      see(key, null, null, 0, receipt.hasTotalColumn);
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
    see(key, orderId, customerId, receipt.items.length, receipt.hasTotalColumn);
    ordersCreated += 1;
  };

  /** A held return, its customer and staff resolved and its ids minted, for the applier. */
  const prepareReturn = (receipt: Receipt): PreparedReturn => ({
    refundId: newId(),
    orderId: newId(),
    customerId: receipt.customer ? resolveCustomer(receipt.customer) : null,
    staffId: receipt.staff ? staffOf(receipt.staff) : null,
    key: receipt.key,
    contentHash: receipt.contentHash,
    originalKey: receipt.originalKey,
    orderedAt: receipt.orderedAt,
    localDate: receipt.localDate,
    total: receipt.total,
    note: receipt.note,
    items: receipt.items,
  });

  return {
    write,
    reject: (rows) => {
      for (const row of rows) {
        sink.rejected(
          newId(),
          row.line,
          row.reason,
          JSON.stringify(row.params),
          JSON.stringify(row.fields),
        );
      }
    },
    end: (onBatch) => {
      // A return of nothing changes nothing: it is neither recorded nor counted.
      const prepared = returns.filter((receipt) => receipt.total !== 0).map(prepareReturn);
      refundsRecorded += prepared.length;
      // The new customers, last (a return may have made one), with their figures; a stale one's
      // are the database's to work out from all its orders.
      let written = 0;
      for (const own of figures.values()) {
        const known = !stale.has(own.id);
        const days = purchaseDaysOf(own.days);
        sink.customer(
          own.id,
          own.name,
          own.phoneE164,
          own.phoneRaw,
          own.email,
          own.searchText,
          own.sortName,
          known ? own.count : 0,
          known ? own.spent : 0,
          known ? own.first : null,
          known ? own.last : null,
          known ? days.first : null,
          known ? days.last : null,
          known ? days.count : 0,
        );
        written += 1;
        if (written % CUSTOMERS_PER_BATCH === 0) onBatch?.();
      }
      figures.clear();
      return { returns: prepared, stale: [...stale] };
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

/** The first and last of a customer's purchase days and how many there are (see Pending.days). */
const purchaseDaysOf = (
  days: readonly string[],
): { first: string | null; last: string | null; count: number } => {
  let distinct = days;
  for (let i = 1; i < days.length; i += 1) {
    if ((days[i] as string) <= (days[i - 1] as string)) {
      distinct = [...new Set(days)].sort();
      break;
    }
  }
  return { first: distinct[0] ?? null, last: distinct.at(-1) ?? null, count: distinct.length };
};

/** What a later import needs of an order already in the database. */
type StoredOrder = { refunded: number; status: string };

/** The customer fields a receipt resolved to a customer with, and that customer. */
type Resolved = Pick<ReceiptCustomer, 'externalId' | 'phone' | 'email' | 'name'> & { id: string };

const isSameCustomerFields = (resolved: Resolved, customer: ReceiptCustomer): boolean =>
  resolved.externalId === customer.externalId &&
  resolved.phone === customer.phone &&
  resolved.email === customer.email &&
  resolved.name === customer.name;

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
