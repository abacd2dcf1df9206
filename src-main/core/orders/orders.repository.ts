import type { Kysely, Selectable } from 'kysely';
import type { Order, OrderItem } from '../../../src-shared/contract/types.ts';
import type { Database, OrderItemsTable, OrdersTable } from '../../db/schema.ts';

export type OrderRecord = Selectable<OrdersTable>;

/** Orders with their items, newest first; one query for the items of the whole page. */
export const findOrders = async (
  db: Kysely<Database>,
  filter: { customerId?: string | undefined; offset: number; limit: number },
): Promise<{ rows: Order[]; total: number }> => {
  let base = db.selectFrom('orders');
  if (filter.customerId !== undefined) base = base.where('customer_id', '=', filter.customerId);
  const [{ total } = { total: 0 }] = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const records = await base
    .selectAll()
    .orderBy('ordered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows: await withItems(db, records), total };
};

export const findOrderById = async (
  db: Kysely<Database>,
  id: string,
): Promise<Order | undefined> => {
  const record = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!record) return undefined;
  const [order] = await withItems(db, [record]);
  return order;
};

const withItems = async (db: Kysely<Database>, records: OrderRecord[]): Promise<Order[]> => {
  if (records.length === 0) return [];
  const items = await db
    .selectFrom('order_items')
    .selectAll()
    .where(
      'order_id',
      'in',
      records.map((record) => record.id),
    )
    .orderBy('order_id')
    .orderBy('line')
    .execute();
  const byOrder = new Map<string, OrderItem[]>();
  for (const item of items) {
    const list = byOrder.get(item.order_id) ?? [];
    list.push(toOrderItem(item));
    byOrder.set(item.order_id, list);
  }
  return records.map((record) => toOrder(record, byOrder.get(record.id) ?? []));
};

const toOrderItem = (item: Selectable<OrderItemsTable>): OrderItem => ({
  line: item.line,
  productName: item.product_name,
  sku: item.sku,
  category: item.category,
  quantity: item.quantity,
  unitPrice: item.unit_price,
  lineTotal: item.line_total,
});

export const toOrder = (record: OrderRecord, items: OrderItem[]): Order => ({
  id: record.id,
  source: record.source,
  externalId: record.external_id,
  customerId: record.customer_id,
  orderedAt: record.ordered_at,
  localDate: record.local_date,
  total: record.total,
  refunded: record.refunded,
  status: record.status,
  staffId: record.staff_id,
  note: record.note,
  archivedAt: record.archived_at,
  items,
});
