import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, tehranNoon } from '../../../tests/fixtures/followup.ts';
import type { Kpis } from '../../../src-shared/contract/types.ts';
import type { CoreContext } from '../context.ts';
import { mergeCustomers } from '../customers/customers.service.ts';
import { archiveOrder, createOrder, updateOrder } from '../orders/orders.service.ts';
import { recordSurvey } from '../playbook/surveys.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { rebuildKpiFacts } from './kpi-facts.ts';
import { getKpis } from './kpis.service.ts';

/**
 * Every figure of DESIGN.md §3 on a small shop whose answers are worked out by hand below (shop in
 * Tehran, as of T = 2025-06-30, period P = 2025-01-01 … 2025-06-30).
 */
let env: ReturnType<typeof makeTestContext>;
let ctx: CoreContext;
beforeEach(() => {
  env = makeTestContext('2025-08-01T09:00:00.000Z');
  ctx = env.ctx;
});
afterEach(() => env.remove());

const T = '2025-06-30';
const P = { from: '2025-01-01', to: T };

const order = async (customerId: string | null, day: string, total: number, refunded = 0) =>
  (await createOrder(ctx, { customerId, orderedAt: tehranNoon(day), total, refunded })).id;

/** A follow-up task of `rule` for the customer and a call on it with `outcome` at `day` noon. */
const call = (customerId: string, rule: string, outcome: string, day: string) => {
  const { sqlite } = ctx.database;
  const taskId = ctx.newId();
  sqlite
    .prepare(
      `INSERT INTO tasks (id, customer_id, rule, anchor, dedupe_key, reason_key, due_date,
         priority, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'task.reason.checkin', ?, 'normal', ?, ?)`,
    )
    .run(taskId, customerId, rule, day, `${rule}:${customerId}:${day}`, day, day, day);
  sqlite
    .prepare(
      `INSERT INTO interactions (id, customer_id, channel, outcome, task_id, occurred_at,
         created_at) VALUES (?, ?, 'phone', ?, ?, ?, ?)`,
    )
    .run(ctx.newId(), customerId, outcome, taskId, new Date(tehranNoon(day)).toISOString(), day);
};

const answer = (customerId: string, kind: 'nps' | 'csat', score: number, day: string) =>
  recordSurvey(ctx, { customerId, kind, score, answeredAt: tehranNoon(day) });

type Shop = Record<string, string>;

const buildShop = async (): Promise<Shop> => {
  const ids: Shop = {};
  for (const name of ['Ali', 'Sara', 'Reza', 'Mina', 'Omid', 'Leila', 'Nima', 'Zara', 'Kian']) {
    ids[name] = await addCustomer(ctx, name);
  }
  const id = (name: string) => ids[name] as string;
  // Ali: a customer from before P; two receipts on 2025-02-10 are one visit.
  await order(id('Ali'), '2024-10-01', 1000);
  await order(id('Ali'), '2025-02-10', 2000);
  await order(id('Ali'), '2025-02-10', 500);
  await order(id('Sara'), '2025-01-15', 3000);
  await order(id('Sara'), '2025-03-01', 1000);
  await order(id('Sara'), '2025-06-01', 1200);
  // Reza: a second receipt the same day is no return.
  await order(id('Reza'), '2025-02-01', 4000);
  await order(id('Reza'), '2025-02-01', 600);
  // Mina: her only order is refunded later, in full: she never purchased.
  const mina = await order(id('Mina'), '2025-03-10', 5000);
  await updateOrder(ctx, mina, { refunded: 5000 });
  await order(id('Omid'), '2025-05-20', 900);
  await order(id('Omid'), '2025-06-10', 1100);
  // Leila: the order of 2025-02-05 is refunded to zero, so her first return is 2025-05-25.
  await order(id('Leila'), '2025-01-20', 1000);
  const refundedToZero = await order(id('Leila'), '2025-02-05', 800);
  await updateOrder(ctx, refundedToZero, { refunded: 800 });
  await order(id('Leila'), '2025-05-25', 700);
  // Nima: first purchase 2024-03-01; 2025-02-28 is the 365th day from it, 2025-03-01 is not.
  await order(id('Nima'), '2024-03-01', 2000);
  await order(id('Nima'), '2025-02-28', 1500);
  await order(id('Nima'), '2025-03-01', 800);
  await order(id('Zara'), '2024-01-10', 1000);
  await order(id('Zara'), '2024-05-01', 600, 200);
  // Kian: first purchase in Esfand 1403, return in Farvardin 1404 (across the Jalali year end).
  await order(id('Kian'), '2025-03-15', 400);
  await order(id('Kian'), '2025-03-25', 450);
  // Walk-ins: in revenue and order figures only.
  await order(null, '2025-03-03', 700);
  await order(null, '2025-04-04', 300, 100);
  await order(null, '2024-12-31', 5000);
  // A void order and an archived one count nowhere.
  await createOrder(ctx, {
    customerId: id('Reza'),
    orderedAt: tehranNoon('2025-06-15'),
    total: 9999,
    status: 'void',
  });
  await archiveOrder(ctx, await order(id('Omid'), '2025-06-20', 8888), true);

  for (const score of [10, 10, 9, 7, 0]) await answer(id('Sara'), 'nps', score, '2025-03-02');
  await answer(id('Sara'), 'nps', 0, '2024-12-31');
  for (const score of [5, 4, 2]) await answer(id('Omid'), 'csat', score, '2025-06-11');

  call(id('Sara'), 'post_purchase_checkin', 'reached', '2025-01-22');
  call(id('Reza'), 'post_purchase_checkin', 'no_answer', '2025-02-08');
  call(id('Kian'), 'churn_warning', 'reached', '2025-03-20');
  call(id('Omid'), 'post_purchase_checkin', 'reached', '2025-05-27');
  return ids;
};

/** The figures of the shop above, worked out by hand. */
const expected = {
  asOf: T,
  from: P.from,
  to: P.to,
  // Ali, Sara, Reza, Omid, Leila, Nima, Zara, Kian (not Mina: no order with a positive net).
  customers: 8,
  // First purchase in P: Sara 01-15, Leila 01-20, Reza 02-01, Kian 03-15, Omid 05-20.
  newCustomers: 5,
  // First purchase in P and by T − 90 = 2025-04-01: Sara, Leila, Reza, Kian. Sara (45 days)
  // and Kian (10) returned within 90 days; Reza never did, Leila after 125 days.
  churn90Customers: 4,
  newCustomerChurn90: 2 / 4,
  repeatRate90: 2 / 4,
  // All but Reza have ≥ 2 purchase days.
  repeatPurchaseRate: 7 / 8,
  // Bought in P: Ali, Sara, Reza, Omid, Leila, Nima, Kian; of them Ali and Nima bought before.
  activeCustomers: 7,
  returningCustomers: 2,
  returningCustomerRate: 2 / 7,
  // Net in P: Ali 2500, Sara 5200, Reza 4600, Mina 0, Omid 2000, Leila 1000 + 0 + 700,
  // Nima 1500 + 800, Kian 850, walk-ins 700 + 200.
  revenue: 2500 + 5200 + 4600 + 0 + 2000 + 1700 + 2300 + 850 + 900,
  // Positive net in P: Ali 2, Sara 3, Reza 2, Omid 2, Leila 2, Nima 2, Kian 2, walk-ins 2.
  orders: 17,
  averageOrderValue: 20_050 / 17,
  // Ali 1 (two receipts, one day), Sara 3, Reza 1, Omid 2, Leila 2, Nima 2, Kian 2.
  purchaseDays: 13,
  purchaseFrequency: 13 / 7,
  // First return − first purchase: Kian 10, Omid 21, Sara 45, Zara 112, Leila 125, Ali 132,
  // Nima 364: the middle one.
  medianDaysToSecondPurchase: 112,
  // First purchase by T − 365 = 2024-06-30: Nima 2000 + 1500, Zara 1000 + 400.
  clvCustomers: 2,
  historicClv12m: (3500 + 1400) / 2,
  // Refunded in P: Mina 5000, Leila 800, a walk-in 100; gross = net + refunded.
  refunded: 5900,
  grossSales: 20_050 + 5900,
  refundRate: 5900 / 25_950,
  // 10, 10, 9 promote, 0 detracts, of 5: 60 % − 20 %.
  nps: 40,
  npsResponses: 5,
  csat: 2 / 3,
  csatResponses: 3,
  // Fewer than 100 customers: fixed thresholds. R (days to T) and F per customer:
  // Ali 140/2 → R2 F2 hibernating; Sara 29/3 → R5 F3 others; Reza 149/1 → R2 F1 hibernating;
  // Omid 20/2 → R5 F2 others; Leila 36/2 → R4 F2 others; Nima 121/3 → R2 F3 at risk;
  // Zara 425/2 → R1 F2 hibernating; Kian 97/2 → R2 F2 hibernating.
  rfmSegments: {
    champions: 0,
    loyal: 0,
    promisingNew: 0,
    needsAttention: 0,
    atRisk: 1,
    hibernating: 4,
    others: 3,
  },
  // Of the churn cohort only Sara was reached by her post-purchase check-in (Reza's went
  // unanswered, Kian's reached call was a churn warning, Omid is not in the cohort).
  followUpEffect: {
    reached: { customers: 1, repeatRate90: 1 },
    notReached: { customers: 3, repeatRate90: 1 / 3 },
  },
};

/** Months 1403-10 … 1404-04: Dey, Bahman and Esfand 1403 (a leap year), then 1404. */
const jalaliCohorts = [
  // Sara: Dey, Esfand (03-01), Khordad (06-01).
  {
    cohort: '1403-10',
    start: '2024-12-21',
    end: '2025-01-19',
    size: 1,
    retention: [1, 0, 1, 0, 0, 1, 0],
  },
  // Leila (Bahman, then Khordad 05-25) and Reza (Bahman only).
  {
    cohort: '1403-11',
    start: '2025-01-20',
    end: '2025-02-18',
    size: 2,
    retention: [1, 0, 0, 0, 0.5, 0],
  },
  // Kian: Esfand 1403, back in Farvardin 1404.
  {
    cohort: '1403-12',
    start: '2025-02-19',
    end: '2025-03-20',
    size: 1,
    retention: [1, 1, 0, 0, 0],
  },
  {
    cohort: '1404-01',
    start: '2025-03-21',
    end: '2025-04-20',
    size: 0,
    retention: [null, null, null, null],
  },
  // Omid: Ordibehesht, back in Khordad.
  { cohort: '1404-02', start: '2025-04-21', end: '2025-05-21', size: 1, retention: [1, 1, 0] },
  { cohort: '1404-03', start: '2025-05-22', end: '2025-06-21', size: 0, retention: [null, null] },
  { cohort: '1404-04', start: '2025-06-22', end: '2025-07-22', size: 0, retention: [null] },
];

const closeTo = (actual: Kpis, wanted: Record<string, unknown>) => {
  for (const [key, value] of Object.entries(wanted)) {
    const got = (actual as Record<string, unknown>)[key];
    if (typeof value === 'number' && !Number.isInteger(value)) {
      expect(got, key).toBeCloseTo(value, 12);
    } else {
      expect(got, key).toEqual(value);
    }
  }
};

describe('retention figures (DESIGN.md §3)', () => {
  it('computes every figure of a hand-built shop, cohorts by Jalali month across a year end', async () => {
    await buildShop();
    const kpis = await getKpis(ctx, { asOf: T, ...P });
    closeTo(kpis, expected);
    expect(kpis.calendar).toBe('persian');
    expect(kpis.cohorts).toEqual(jalaliCohorts);
    expect(kpis.rfm.method).toBe('fixed');
    expect(kpis.rfm.customers).toBe(8);
    // grid[r − 1][f − 1]
    expect(kpis.rfm.grid[0]).toEqual([0, 1, 0, 0, 0]);
    expect(kpis.rfm.grid[1]).toEqual([1, 2, 1, 0, 0]);
    expect(kpis.rfm.grid[3]).toEqual([0, 1, 0, 0, 0]);
    expect(kpis.rfm.grid[4]).toEqual([0, 1, 1, 0, 0]);
  });

  it('gives the same figures from caches rebuilt from the orders', async () => {
    await buildShop();
    const incremental = await getKpis(ctx, { asOf: T, ...P });
    rebuildKpiFacts(ctx.database.sqlite);
    expect(await getKpis(ctx, { asOf: T, ...P })).toEqual(incremental);
  });

  it('groups cohorts by Gregorian month when the shop uses that calendar', async () => {
    await buildShop();
    await updateSettings(ctx, { calendar: 'gregory' });
    const kpis = await getKpis(ctx, { asOf: T, ...P });
    expect(kpis.cohorts).toEqual([
      // Sara (Jan, Mar, Jun) and Leila (Jan, May; her February order was refunded to zero).
      {
        cohort: '2025-01',
        start: '2025-01-01',
        end: '2025-01-31',
        size: 2,
        retention: [1, 0, 0.5, 0, 0.5, 0.5],
      },
      {
        cohort: '2025-02',
        start: '2025-02-01',
        end: '2025-02-28',
        size: 1,
        retention: [1, 0, 0, 0, 0],
      },
      // Kian's return is in his first month.
      {
        cohort: '2025-03',
        start: '2025-03-01',
        end: '2025-03-31',
        size: 1,
        retention: [1, 0, 0, 0],
      },
      {
        cohort: '2025-04',
        start: '2025-04-01',
        end: '2025-04-30',
        size: 0,
        retention: [null, null, null],
      },
      { cohort: '2025-05', start: '2025-05-01', end: '2025-05-31', size: 1, retention: [1, 1] },
      { cohort: '2025-06', start: '2025-06-01', end: '2025-06-30', size: 0, retention: [null] },
    ]);
  });

  it('ignores everything after the as-of day', async () => {
    const ids = await buildShop();
    // After T: a new customer, more purchases, a refund-free order of Reza's (his first return),
    // an answer and a reached check-in of Leila's.
    const late = await addCustomer(ctx, 'Pouya');
    await order(late, '2025-07-02', 3000);
    await order(ids.Sara as string, '2025-07-05', 999);
    await order(ids.Reza as string, '2025-07-01', 100);
    await order(null, '2025-07-03', 100);
    await answer(ids.Omid as string, 'csat', 1, '2025-07-04');
    call(ids.Leila as string, 'post_purchase_checkin', 'reached', '2025-07-05');
    const kpis = await getKpis(ctx, { asOf: T, from: P.from, to: '2025-07-31' });
    closeTo(kpis, { ...expected, to: '2025-07-31' });
    expect(kpis.cohorts).toEqual(jalaliCohorts);
  });

  it('moves with the as-of day: recency, the CLV and churn populations', async () => {
    await buildShop();
    // As of 2025-09-30 over the same P: the churn cohort is now every new customer of P with a
    // first purchase by 2025-07-02, i.e. all five; Omid (21 days) joins the returners.
    const kpis = await getKpis(ctx, { asOf: '2025-09-30', ...P });
    expect(kpis.churn90Customers).toBe(5);
    expect(kpis.newCustomerChurn90).toBeCloseTo(2 / 5, 12);
    // Nothing bought after T, so recency grows by 92 days: Sara 121 (F3), Omid 112, Leila 128
    // score R2, the rest R1: Sara and Nima (F3) at risk, everyone else hibernating.
    expect(kpis.rfmSegments).toMatchObject({ atRisk: 2, hibernating: 6, others: 0 });
    // CLV population: first purchase by 2024-09-30, still Nima and Zara.
    expect(kpis.historicClv12m).toBe(2450);
    // The cohort grid reaches the as-of month, Mehr 1404.
    expect(kpis.cohorts[0]?.retention).toHaveLength(10);
  });

  it('draws the 90- and 365-day lines inclusively', async () => {
    const customer = async (name: string, ...days: [string, number][]) => {
      const id = await addCustomer(ctx, name);
      for (const [day, total] of days) await order(id, day, total);
    };
    // T − 90 = 2025-04-01, T − 365 = 2024-06-30.
    await customer('first on T − 90, back on day 90', ['2025-04-01', 10], ['2025-06-30', 10]);
    await customer('back on day 90', ['2025-03-01', 10], ['2025-05-30', 10]);
    await customer('back on day 91', ['2025-03-02', 10], ['2025-06-01', 10]);
    await customer('first on T − 89', ['2025-04-02', 10]);
    await customer('first on T − 365', ['2024-06-30', 100], ['2025-06-29', 50], ['2025-06-30', 70]);
    await customer('first on T − 364', ['2024-07-01', 1000]);
    const kpis = await getKpis(ctx, { asOf: T, ...P });
    // Cohort: the first three; the third churned.
    expect(kpis.churn90Customers).toBe(3);
    expect(kpis.newCustomerChurn90).toBeCloseTo(1 / 3, 12);
    // The 365 days from 2024-06-30 end on 2025-06-29.
    expect(kpis.clvCustomers).toBe(1);
    expect(kpis.historicClv12m).toBe(150);
  });

  it('reports an empty shop as zero counts and null shares', async () => {
    const kpis = await getKpis(ctx, { asOf: T, ...P });
    expect(kpis).toMatchObject({
      customers: 0,
      newCustomers: 0,
      newCustomerChurn90: null,
      repeatRate90: null,
      repeatPurchaseRate: null,
      returningCustomerRate: null,
      revenue: 0,
      orders: 0,
      averageOrderValue: null,
      purchaseFrequency: null,
      medianDaysToSecondPurchase: null,
      historicClv12m: null,
      refundRate: null,
      nps: null,
      csat: null,
      rfmSegments: { champions: 0, others: 0, hibernating: 0 },
      followUpEffect: {
        reached: { customers: 0, repeatRate90: null },
        notReached: { customers: 0, repeatRate90: null },
      },
    });
    expect(kpis.cohorts.every((cohort) => cohort.size === 0)).toBe(true);
    expect(kpis.cohorts).toHaveLength(7);
  });

  it('counts a customer whose only order is refunded nowhere but in revenue and refunds', async () => {
    const id = await addCustomer(ctx, 'Mina');
    await order(id, '2025-03-10', 5000, 5000);
    await order(null, '2025-03-11', 1000);
    const kpis = await getKpis(ctx, { asOf: T, ...P });
    expect(kpis).toMatchObject({
      customers: 0,
      newCustomers: 0,
      activeCustomers: 0,
      revenue: 1000,
      orders: 1,
      averageOrderValue: 1000,
      refundRate: 5000 / 6000,
      purchaseFrequency: null,
      returningCustomerRate: null,
      rfm: { customers: 0 },
    });
  });

  it('keeps up with changed orders: a refund, a restored order, a merge', async () => {
    const ids = await buildShop();
    // Refunding Sara's 2025-03-01 order to zero moves her first return to 2025-06-01 (137 days):
    // she churns, and her purchase days in P fall to 2.
    const saraMarch = ctx.database.sqlite
      .prepare(`SELECT id FROM orders WHERE customer_id = ? AND local_date = '2025-03-01'`)
      .pluck()
      .get(ids.Sara) as string;
    await updateOrder(ctx, saraMarch, { refunded: 1000 });
    let kpis = await getKpis(ctx, { asOf: T, ...P });
    expect(kpis.newCustomerChurn90).toBeCloseTo(3 / 4, 12);
    expect(kpis.purchaseDays).toBe(12);
    expect(kpis.revenue).toBe(expected.revenue - 1000);
    expect(kpis.orders).toBe(16);
    // Merging Kian into Reza: Reza's days are 02-01, 03-15, 03-25; Kian is no customer.
    await mergeCustomers(ctx, ids.Reza as string, ids.Kian as string);
    kpis = await getKpis(ctx, { asOf: T, ...P });
    expect(kpis.customers).toBe(7);
    expect(kpis.rfm.customers).toBe(7);
    expect(kpis.newCustomers).toBe(4);
    // Churn cohort Sara, Leila, Reza: Reza returned after 42 days; Sara and Leila churned.
    expect(kpis.churn90Customers).toBe(3);
    expect(kpis.newCustomerChurn90).toBeCloseTo(2 / 3, 12);
    rebuildKpiFacts(ctx.database.sqlite);
    expect(await getKpis(ctx, { asOf: T, ...P })).toEqual(kpis);
  });

  it('defaults to today in the shop’s zone and the 12 months to it', async () => {
    // 2025-08-01T09:00Z is 12:30 in Tehran.
    const kpis = await getKpis(ctx);
    expect(kpis).toMatchObject({ asOf: '2025-08-01', from: '2024-08-02', to: '2025-08-01' });
  });
});
