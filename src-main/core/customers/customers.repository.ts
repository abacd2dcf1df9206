import { sql } from 'kysely';
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { CustomerSort, CustomerRow, Customer } from '../../../src-shared/contract/types.ts';
import type { OpenDatabase } from '../../db/open.ts';
import type { CustomersTable, Database } from '../../db/schema.ts';
import { createSearchIndex } from './search-index.ts';
import type { SearchIndex } from './search-index.ts';

export type CustomerRecord = Selectable<CustomersTable>;

export type CustomerQuery = {
  fragments: string[];
  sort: CustomerSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  tag: string | undefined;
  /** Only the customers an import created. */
  importBatchId: string | undefined;
  /** Only these customers (rowids in ascending order): an RFM segment's, for instance. */
  rowids?: readonly number[] | undefined;
  archived: 'exclude' | 'only' | 'include';
};

const SORT_COLUMNS = {
  name: 'sort_name',
  phone: 'phone_e164',
  orders: 'order_count',
  totalSpent: 'total_spent',
  firstPurchaseAt: 'first_purchase_at',
  lastPurchaseAt: 'last_purchase_at',
  createdAt: 'created_at',
} as const satisfies Record<CustomerSort, keyof CustomersTable>;

const searchIndexes = new WeakMap<OpenDatabase['sqlite'], SearchIndex>();

const searchIndexFor = (database: OpenDatabase): SearchIndex => {
  let index = searchIndexes.get(database.sqlite);
  if (!index) {
    index = createSearchIndex(database.sqlite);
    searchIndexes.set(database.sqlite, index);
  }
  return index;
};

type CustomerFilter = Omit<CustomerQuery, 'offset' | 'limit'>;
type CustomersSelect = SelectQueryBuilder<Database, 'customers', object>;

/**
 * How a query is answered: nothing matches, the search index gives every match in order already
 * (name order), or SQL filters (and sorts) the rows.
 */
type CustomerPlan =
  | { kind: 'empty' }
  | { kind: 'ordered'; rowids: number[] }
  | { kind: 'sql'; base: CustomersSelect };

const planCustomers = (database: OpenDatabase, query: CustomerFilter): CustomerPlan => {
  // A filter nobody passes (an empty RFM segment): nothing to search, sort or count.
  if (query.rowids?.length === 0) return { kind: 'empty' };
  let base = database.db.selectFrom('customers').where('merged_into_id', 'is', null);
  if (query.archived === 'exclude') base = base.where('archived_at', 'is', null);
  if (query.archived === 'only') base = base.where('archived_at', 'is not', null);
  if (query.tag !== undefined) {
    const tag = query.tag;
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom(sql<{ value: string }>`json_each(customers.tags)`.as('t'))
          .select(sql`1`.as('one'))
          .where(sql.ref('t.value'), '=', tag),
      ),
    );
  }
  if (query.importBatchId !== undefined) {
    base = base.where('import_batch_id', '=', query.importBatchId);
  }
  const isNameOrder =
    query.sort === 'name' && query.tag === undefined && query.importBatchId === undefined;
  if (query.fragments.length > 0 || isNameOrder) {
    let matches = searchIndexFor(database).search(query.fragments, query.archived);
    if (query.rowids !== undefined) matches = keepOnly(matches, query.rowids);
    if (isNameOrder) {
      // The index is in name order already: page it without asking SQLite to sort or count.
      return { kind: 'ordered', rowids: query.direction === 'asc' ? matches : matches.reverse() };
    }
    base = base.where(
      sql.ref('customers.rowid'),
      'in',
      sql`(SELECT value FROM json_each(${JSON.stringify(matches)}))`,
    );
  } else if (query.rowids !== undefined) {
    base = base.where(
      sql.ref('customers.rowid'),
      'in',
      sql`(SELECT value FROM json_each(${JSON.stringify(query.rowids)}))`,
    );
  }
  return { kind: 'sql', base };
};

/** The rows in the query's order: unknown values (no phone, no purchase yet) last either way. */
const inOrder = <O>(
  select: SelectQueryBuilder<Database, 'customers', O>,
  query: CustomerFilter,
): SelectQueryBuilder<Database, 'customers', O> => {
  const column = SORT_COLUMNS[query.sort];
  const ordered = NULLABLE_SORTS.has(query.sort)
    ? select.orderBy(sql`${sql.ref(column)} IS NULL`)
    : select;
  return ordered.orderBy(sql.ref(column), query.direction).orderBy('customers.id', query.direction);
};

/** One page of customers and the count of all matches. */
export const findCustomers = async (
  database: OpenDatabase,
  query: CustomerQuery,
): Promise<{ rows: CustomerRecord[]; total: number }> => {
  const plan = planCustomers(database, query);
  if (plan.kind === 'empty') return { rows: [], total: 0 };
  if (plan.kind === 'ordered') {
    const page = plan.rowids.slice(query.offset, query.offset + query.limit);
    return { rows: findByRowids(database, page), total: plan.rowids.length };
  }
  const [{ total } = { total: 0 }] = await plan.base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await inOrder(plan.base.selectAll('customers'), query)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { rows, total };
};

/**
 * Every match of a query as rowids in the list's order (for an export, which then reads them a
 * page at a time with findByRowids instead of searching again for each page).
 */
export const findCustomerRowids = async (
  database: OpenDatabase,
  query: CustomerFilter,
): Promise<number[]> => {
  const plan = planCustomers(database, query);
  if (plan.kind === 'empty') return [];
  if (plan.kind === 'ordered') return plan.rowids;
  const rows = await inOrder(
    plan.base.select(sql<number>`customers.rowid`.as('rowid')),
    query,
  ).execute();
  return rows.map((row) => row.rowid);
};

const NULLABLE_SORTS = new Set<CustomerSort>(['phone', 'firstPurchaseAt', 'lastPurchaseAt']);

/** The matches (in their order) whose rowid is in `rowids` (ascending). */
const keepOnly = (matches: number[], rowids: readonly number[]): number[] => {
  const wanted = new Set(rowids);
  return matches.filter((rowid) => wanted.has(rowid));
};

/** Rows for a page of rowids, in the order given. */
export const findByRowids = (database: OpenDatabase, rowids: number[]): CustomerRecord[] => {
  if (rowids.length === 0) return [];
  const rows = database.sqlite
    .prepare(
      `SELECT rowid AS _rowid, * FROM customers WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(rowids)) as (CustomerRecord & { _rowid: number })[];
  const byRowid = new Map(rows.map(({ _rowid, ...row }) => [_rowid, row as CustomerRecord]));
  return rowids.flatMap((rowid) => byRowid.get(rowid) ?? []);
};

export const findCustomerById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();

export const findExternalIds = (db: Kysely<Database>, customerId: string) =>
  db
    .selectFrom('customer_external_ids')
    .select(['source', 'external_id as externalId'])
    .where('customer_id', '=', customerId)
    .orderBy('source')
    .execute();

export const toCustomerRow = (record: CustomerRecord): CustomerRow => ({
  id: record.id,
  name: record.name,
  phone: record.phone_e164,
  email: record.email,
  tags: parseTags(record.tags),
  orders: record.order_count,
  totalSpent: record.total_spent,
  firstPurchaseAt: record.first_purchase_at,
  lastPurchaseAt: record.last_purchase_at,
  doNotContact: record.do_not_contact === 1,
  archivedAt: record.archived_at,
});

export const toCustomer = (
  record: CustomerRecord,
  externalIds: Customer['externalIds'],
): Customer => ({
  ...toCustomerRow(record),
  phoneRaw: record.phone_raw,
  birthday: record.birthday,
  preferredChannel: record.preferred_channel,
  notes: record.notes,
  externalIds,
  mergedIntoId: record.merged_into_id,
  createdAt: record.created_at,
  updatedAt: record.updated_at,
});

export const parseTags = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((tag): tag is string => typeof tag === 'string')
      : [];
  } catch {
    return [];
  }
};
