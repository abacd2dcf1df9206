import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { referenceKpis } from '../../../tests/fixtures/kpi-reference.ts';
import type { ReferenceOrder } from '../../../tests/fixtures/kpi-reference.ts';
import { addDays, daysBetween } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { refreshCustomerStatsFor } from '../customers/customer-stats.ts';
import { mergeCustomers } from '../customers/customers.service.ts';
import { archiveOrder, createOrder, updateOrder } from '../orders/orders.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { rebuildKpiFacts, refreshPendingKpiFacts } from './kpi-facts.ts';
import { getKpis } from './kpis.service.ts';

/**
 * The engine against a from-the-definitions computation (tests/fixtures/kpi-reference.ts) on
 * random shops, and its incremental caches against a rebuild after random changes.
 */
let env: ReturnType<typeof makeTestContext>;
let ctx: CoreContext;
beforeEach(() => {
  env = makeTestContext('2026-06-01T09:00:00.000Z');
  ctx = env.ctx;
});
afterEach(() => env.remove());

const START = '2023-06-01';
const dayArb = fc.integer({ min: 0, max: 1000 }).map((n) => addDays(START, n));

type GeneratedOrder = {
  customer: number | null;
  day: string;
  total: number;
  refundShare: number;
  status: string;
};
type Query = { asOf: string; from: string; to: string; calendar: 'persian' | 'gregory' };

const orderArb = (customers: number): fc.Arbitrary<GeneratedOrder> =>
  fc.record({
    customer: fc.option(fc.nat({ max: Math.max(0, customers - 1) }), { freq: 6 }),
    day: dayArb,
    total: fc.integer({ min: 0, max: 5000 }),
    refundShare: fc.constantFrom(0, 0, 0, 0.5, 1),
    status: fc.constantFrom('completed', 'completed', 'completed', 'void', 'archived'),
  });

/** Writes the orders raw (as an import does), then refreshes their customers' figures. */
const writeShop = (customers: number, orders: GeneratedOrder[]) => {
  const { sqlite } = ctx.database;
  const ids = Array.from({ length: customers }, (_, i) => `c${String(i).padStart(4, '0')}`);
  const reference: ReferenceOrder[] = [];
  sqlite.transaction(() => {
    const addCustomer = sqlite.prepare(
      `INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, 'now', 'now')`,
    );
    for (const id of ids) addCustomer.run(id, id);
    const addOrder = sqlite.prepare(
      `INSERT INTO orders (id, source, customer_id, ordered_at, local_date, total, refunded, status,
         archived_at, created_at, updated_at) VALUES (?, 'test', ?, ?, ?, ?, ?, ?, ?, 'now', 'now')`,
    );
    orders.forEach((o, i) => {
      const customerId =
        o.customer === null || customers === 0 ? null : (ids[o.customer] as string);
      const refunded = Math.floor(o.total * o.refundShare);
      addOrder.run(
        `o${i}`,
        customerId,
        `${o.day}T08:00:00.000Z`,
        o.day,
        o.total,
        refunded,
        o.status === 'void' ? 'void' : 'completed',
        o.status === 'archived' ? 'now' : null,
      );
      reference.push({
        customerId,
        day: o.day,
        total: o.total,
        refunded,
        isLive: o.status === 'completed',
      });
    });
    refreshCustomerStatsFor(sqlite, ids);
  })();
  return reference;
};

const queryArb: fc.Arbitrary<Query> = fc
  .record({
    asOf: dayArb,
    from: dayArb,
    length: fc.integer({ min: 0, max: 500 }),
    calendar: fc.constantFrom('persian' as const, 'gregory' as const),
  })
  .map(({ asOf, from, length, calendar }) => ({
    asOf,
    from,
    to: addDays(from, length),
    calendar,
  }));

const compare = async (reference: ReferenceOrder[], q: Query) => {
  await updateSettings(ctx, { calendar: q.calendar });
  const kpis = await getKpis(ctx, { asOf: q.asOf, from: q.from, to: q.to });
  const want = referenceKpis(reference, q);
  const { cohorts, rfmMethod, ...figures } = want;
  for (const [key, value] of Object.entries(figures)) {
    const got = (kpis as Record<string, unknown>)[key];
    if (typeof value === 'number' && typeof got === 'number') {
      expect(got, key).toBeCloseTo(value, 9);
    } else {
      expect(got, key).toEqual(value);
    }
  }
  expect(kpis.rfm.method).toBe(rfmMethod);
  expect(kpis.cohorts.map(({ cohort, size, retention }) => ({ cohort, size, retention }))).toEqual(
    cohorts,
  );
  return kpis.rfm.method;
};

describe('retention figures against the definitions', () => {
  it('agree on random small shops (fixed RFM thresholds)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 0, max: 25 })
          .chain((customers) =>
            fc.tuple(
              fc.constant(customers),
              fc.array(orderArb(customers), { maxLength: 120 }),
              queryArb,
            ),
          ),
        async ([customers, orders, q]) => {
          await env.remove();
          env = makeTestContext('2026-06-01T09:00:00.000Z');
          ctx = env.ctx;
          await compare(writeShop(customers, orders), q);
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it('agree on random shops of more than 100 customers (RFM by quintiles)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArb(160), { minLength: 600, maxLength: 900 }),
        queryArb.map((q) => ({
          ...q,
          asOf: addDays(START, 900 + (daysBetween(START, q.asOf) % 100)),
        })),
        async (generated, q) => {
          await env.remove();
          env = makeTestContext('2026-06-01T09:00:00.000Z');
          ctx = env.ctx;
          // Every customer buys once before the as-of day; the rest is random.
          const orders = generated.map((o, i) =>
            i < 160
              ? { ...o, customer: i, total: o.total + 1, refundShare: 0, status: 'completed' }
              : o,
          );
          for (const o of orders.slice(0, 160)) {
            if (o.day > addDays(START, 899))
              o.day = addDays(START, daysBetween(START, o.day) % 900);
          }
          expect(await compare(writeShop(160, orders), q)).toBe('quintiles');
        },
      ),
      { numRuns: 8, endOnFailure: true },
    );
  });
});

const TABLES = {
  customer_days: 'SELECT * FROM customer_days ORDER BY customer_id, day',
  kpi_days: 'SELECT * FROM kpi_days ORDER BY day',
  walk_in_days: 'SELECT * FROM walk_in_days ORDER BY day',
};
const snapshot = () =>
  Object.fromEntries(
    Object.entries(TABLES).map(([name, sql]) => [name, ctx.database.sqlite.prepare(sql).all()]),
  );

type Step =
  | { kind: 'buy'; customer: number | null; day: string; total: number; refunded: number }
  | { kind: 'refund'; order: number; share: number }
  | { kind: 'archive'; order: number; archived: boolean }
  | { kind: 'move'; order: number; day: string }
  | { kind: 'merge'; keep: number; merge: number }
  | { kind: 'delete'; customer: number }
  | { kind: 'read' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('buy' as const),
      customer: fc.option(fc.nat({ max: 7 }), { freq: 5 }),
      day: dayArb,
      total: fc.integer({ min: 0, max: 900 }),
      refunded: fc.constantFrom(0, 0, 0, 100),
    }),
    weight: 6,
  },
  fc.record({
    kind: fc.constant('refund' as const),
    order: fc.nat(),
    share: fc.constantFrom(0.5, 1),
  }),
  fc.record({ kind: fc.constant('archive' as const), order: fc.nat(), archived: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), order: fc.nat(), day: dayArb }),
  fc.record({
    kind: fc.constant('merge' as const),
    keep: fc.nat({ max: 7 }),
    merge: fc.nat({ max: 7 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), customer: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('read' as const) }),
);

describe('the caches kept up incrementally', () => {
  it('equal a rebuild from the orders after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps) => {
        await env.remove();
        env = makeTestContext('2026-06-01T09:00:00.000Z');
        ctx = env.ctx;
        const { sqlite } = ctx.database;
        const customers: string[] = [];
        for (let i = 0; i < 8; i += 1) {
          customers.push(ctx.newId());
          sqlite
            .prepare(
              `INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, 'n', 'n')`,
            )
            .run(customers[i], `c${i}`);
        }
        const orders: { id: string; total: number }[] = [];
        const live = (i: number) =>
          sqlite
            .prepare('SELECT merged_into_id IS NULL FROM customers WHERE id = ?')
            .pluck()
            .get(customers[i]) === 1;
        for (const step of steps) {
          const pick = (n: number) => orders[n % Math.max(1, orders.length)];
          if (step.kind === 'buy') {
            const customerId = step.customer === null ? null : (customers[step.customer] as string);
            if (customerId && !live(step.customer as number)) continue;
            const total = step.total;
            const order = await createOrder(ctx, {
              customerId,
              orderedAt: `${step.day}T08:00:00.000Z`,
              total,
              refunded: Math.min(total, step.refunded),
            });
            orders.push({ id: order.id, total });
          } else if (step.kind === 'refund' && pick(step.order)) {
            const order = pick(step.order) as { id: string; total: number };
            await updateOrder(ctx, order.id, { refunded: Math.floor(order.total * step.share) });
          } else if (step.kind === 'archive' && pick(step.order)) {
            await archiveOrder(ctx, (pick(step.order) as { id: string }).id, step.archived);
          } else if (step.kind === 'move' && pick(step.order)) {
            await updateOrder(ctx, (pick(step.order) as { id: string }).id, {
              orderedAt: `${step.day}T08:00:00.000Z`,
            });
          } else if (step.kind === 'merge' && step.keep !== step.merge) {
            if (!live(step.keep) || !live(step.merge)) continue;
            await mergeCustomers(
              ctx,
              customers[step.keep] as string,
              customers[step.merge] as string,
            );
          } else if (step.kind === 'delete') {
            // As an import's undo does: a customer with nothing left is deleted outright.
            const id = customers[step.customer] as string;
            const sql = `DELETE FROM customers WHERE id = ? AND merged_into_id IS NULL
               AND NOT EXISTS (SELECT 1 FROM orders WHERE customer_id = customers.id)
               AND NOT EXISTS (SELECT 1 FROM customers m WHERE m.merged_into_id = customers.id)
               AND NOT EXISTS (SELECT 1 FROM interactions WHERE customer_id = customers.id)`;
            sqlite.prepare(sql).run(id);
          } else if (step.kind === 'read') {
            refreshPendingKpiFacts(sqlite);
          }
        }
        refreshPendingKpiFacts(sqlite);
        const incremental = snapshot();
        rebuildKpiFacts(sqlite);
        expect(snapshot()).toEqual(incremental);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
