import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { orderCreate, orderUpdate, ordersList } from '../../../src-shared/contract/schemas.ts';
import type { Order, Page } from '../../../src-shared/contract/types.ts';
import { localDateOf } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { refreshCustomerStats } from '../customers/customer-stats.ts';
import { getSettings } from '../settings/settings.service.ts';
import { findOrderById, findOrders } from './orders.repository.ts';

export type OrderCreateInput = z.output<typeof orderCreate>;
export type OrderPatch = z.output<typeof orderUpdate>['patch'];
type ItemInput = NonNullable<OrderCreateInput['items']>[number];

/** Orders entered by hand; imports use their own source so a re-import never collides. */
const MANUAL_SOURCE = 'manual';

export const listOrders = async (
  ctx: CoreContext,
  input: z.output<typeof ordersList>,
): Promise<Page<Order>> =>
  findOrders(ctx.database.db, {
    customerId: input.customerId,
    offset: input.offset ?? 0,
    limit: input.limit ?? 100,
  });

export const getOrder = async (ctx: CoreContext, id: string): Promise<Order> => {
  const order = await findOrderById(ctx.database.db, id);
  if (!order) throw new AppError('not_found', `No order with id ${id}.`, { id });
  return order;
};

export const createOrder = async (ctx: CoreContext, input: OrderCreateInput): Promise<Order> => {
  const { timeZone } = await getSettings(ctx);
  checkAmounts(input.total, input.refunded ?? 0);
  if (input.customerId) await requireLiveCustomer(ctx, input.customerId);
  const now = nowIso(ctx);
  const orderedAt = new Date(input.orderedAt);
  const id = ctx.newId(orderedAt);
  const { sqlite } = ctx.database;
  sqlite
    .transaction(() => {
      sqlite
        .prepare(
          `INSERT INTO orders (id, source, external_id, customer_id, ordered_at, local_date, total,
           refunded, status, staff_id, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          MANUAL_SOURCE,
          input.externalId ?? null,
          input.customerId ?? null,
          orderedAt.toISOString(),
          localDateOf(orderedAt.toISOString(), timeZone),
          input.total,
          input.refunded ?? 0,
          input.status ?? statusFor(input.total, input.refunded ?? 0),
          input.staffId ?? null,
          input.note ?? '',
          now,
          now,
        );
      insertItems(ctx, id, input.items ?? []);
      if (input.customerId) refreshCustomerStats(sqlite, [input.customerId]);
    })
    .immediate();
  return getOrder(ctx, id);
};

export const updateOrder = async (
  ctx: CoreContext,
  id: string,
  patch: OrderPatch,
): Promise<Order> => {
  const current = await getOrder(ctx, id);
  const { timeZone } = await getSettings(ctx);
  const total = patch.total ?? current.total;
  const refunded = patch.refunded ?? current.refunded;
  checkAmounts(total, refunded);
  if (patch.customerId) await requireLiveCustomer(ctx, patch.customerId);
  const orderedAt = patch.orderedAt ? new Date(patch.orderedAt).toISOString() : current.orderedAt;
  const customerId = patch.customerId === undefined ? current.customerId : patch.customerId;
  const now = nowIso(ctx);
  const { sqlite } = ctx.database;
  sqlite
    .transaction(() => {
      sqlite
        .prepare(
          `UPDATE orders SET customer_id = ?, ordered_at = ?, local_date = ?, total = ?, refunded = ?,
           status = ?, staff_id = ?, note = ?, external_id = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          customerId,
          orderedAt,
          localDateOf(orderedAt, timeZone),
          total,
          refunded,
          patch.status ?? (current.status === 'void' ? 'void' : statusFor(total, refunded)),
          patch.staffId === undefined ? current.staffId : patch.staffId,
          patch.note ?? current.note,
          patch.externalId === undefined ? current.externalId : patch.externalId,
          now,
          id,
        );
      if (patch.items !== undefined) {
        sqlite.prepare('DELETE FROM order_items WHERE order_id = ?').run(id);
        insertItems(ctx, id, patch.items);
      }
      refreshCustomerStats(
        sqlite,
        [current.customerId, customerId].filter((value): value is string => value !== null),
      );
    })
    .immediate();
  return getOrder(ctx, id);
};

/** An archived order no longer counts anywhere; restoring it brings it back as it was. */
export const archiveOrder = async (
  ctx: CoreContext,
  id: string,
  archived: boolean,
): Promise<Order> => {
  const current = await getOrder(ctx, id);
  const now = nowIso(ctx);
  const { sqlite } = ctx.database;
  sqlite
    .transaction(() => {
      sqlite
        .prepare('UPDATE orders SET archived_at = ?, updated_at = ? WHERE id = ?')
        .run(archived ? (current.archivedAt ?? now) : null, now, id);
      if (current.customerId) refreshCustomerStats(sqlite, [current.customerId]);
    })
    .immediate();
  return getOrder(ctx, id);
};

const insertItems = (ctx: CoreContext, orderId: string, items: ItemInput[]): void => {
  const insert = ctx.database.sqlite.prepare(
    `INSERT INTO order_items (order_id, line, product_name, sku, category, quantity, unit_price,
       line_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [index, item] of items.entries()) {
    insert.run(
      orderId,
      index + 1,
      item.productName,
      item.sku ?? null,
      item.category ?? null,
      item.quantity,
      item.unitPrice,
      Math.round(item.quantity * item.unitPrice),
    );
  }
};

const statusFor = (total: number, refunded: number): Order['status'] =>
  refunded === 0 ? 'completed' : refunded >= total ? 'refunded' : 'partially_refunded';

const checkAmounts = (total: number, refunded: number): void => {
  if (refunded > total) {
    throw new AppError('bad_input', 'The refunded amount is larger than the order total.', {
      field: 'refunded',
      reason: 'refund_exceeds_total',
    });
  }
};

const requireLiveCustomer = async (ctx: CoreContext, customerId: string): Promise<void> => {
  const customer = await ctx.database.db
    .selectFrom('customers')
    .select(['id', 'merged_into_id'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) {
    throw new AppError('not_found', `No customer with id ${customerId}.`, {
      field: 'customerId',
      id: customerId,
    });
  }
  if (customer.merged_into_id !== null) {
    throw new AppError('conflict', `Customer ${customerId} was merged into another.`, {
      field: 'customerId',
      reason: 'merged',
    });
  }
};
