import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, tehranNoon } from '../../../tests/fixtures/followup.ts';
import type { KpiMonth } from '../../../src-shared/contract/types.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { createOrder } from '../orders/orders.service.ts';
import { recordSurvey } from '../playbook/surveys.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { createStaff } from '../staff/staff.service.ts';
import { rebuildKpiFacts } from './kpi-facts.ts';
import { getKpiSeries } from './kpi-series.ts';
import { getKpis } from './kpis.service.ts';

/**
 * The Insights screen's monthly series on a small shop in Tehran whose answers are worked out by
 * hand below: as of T = 2025-06-30, period P = 2025-03-01 … 2025-06-30, Gregorian months.
 */
let env: ReturnType<typeof makeTestContext>;
let ctx: CoreContext;
beforeEach(async () => {
  env = makeTestContext('2025-08-01T09:00:00.000Z');
  ctx = env.ctx;
  await updateSettings(ctx, { calendar: 'gregory' });
});
afterEach(() => env.remove());

const T = '2025-06-30';
const P = { from: '2025-03-01', to: T };

const order = async (customerId: string | null, day: string, total: number, refunded = 0) =>
  (await createOrder(ctx, { customerId, orderedAt: tehranNoon(day), total, refunded })).id;

const answer = (
  customerId: string,
  kind: 'nps' | 'csat',
  score: number,
  day: string,
  staffId: string | null,
) => recordSurvey(ctx, { customerId, kind, score, answeredAt: tehranNoon(day), staffId });

const buildShop = async () => {
  const ali = await addCustomer(ctx, 'Ali');
  const bita = await addCustomer(ctx, 'Bita');
  const cyrus = await addCustomer(ctx, 'Cyrus');
  const dara = await addCustomer(ctx, 'Dara');
  const elham = await addCustomer(ctx, 'Elham');
  const farid = await addCustomer(ctx, 'Farid');
  // Ali: first purchase before P, back in March and May.
  await order(ali, '2025-01-10', 1000);
  await order(ali, '2025-03-05', 2000);
  await order(ali, '2025-05-20', 500);
  // Bita: two receipts on 03-10 are one visit; back on 04-15 (36 days).
  await order(bita, '2025-03-10', 3000);
  await order(bita, '2025-03-10', 1000);
  await order(bita, '2025-04-15', 1500);
  // Cyrus never returns.
  await order(cyrus, '2025-03-20', 800);
  // Dara: first purchase on 04-02, one day too late for the churn cohort (T − 90 = 04-01); his
  // return is after T.
  await order(dara, '2025-04-02', 1200);
  await order(dara, '2025-07-15', 900);
  // Elham: her April order is refunded in full, so her first purchase is 05-05.
  await order(elham, '2025-04-30', 600, 600);
  await order(elham, '2025-05-05', 700);
  await order(farid, '2025-06-10', 400);
  await order(farid, '2025-06-20', 300);
  // Walk-ins count in revenue and orders only.
  await order(null, '2025-03-15', 500);
  await order(null, '2025-06-01', 250, 50);

  const sima = (await createStaff(ctx, { name: 'Sima' })).id;
  const omid = (await createStaff(ctx, { name: 'Omid' })).id;
  for (const score of [10, 9, 3]) await answer(ali, 'nps', score, '2025-03-25', sima);
  await answer(bita, 'nps', 7, '2025-04-16', omid);
  for (const score of [5, 2]) await answer(cyrus, 'csat', score, '2025-05-02', sima);
  // Before P and after T: in no month and no staff member's scores.
  await answer(ali, 'nps', 0, '2025-02-27', omid);
  await answer(ali, 'nps', 0, '2025-07-02', omid);
  return { sima, omid };
};

const month = (fields: Partial<KpiMonth>) => expect.objectContaining(fields) as unknown;

describe('the monthly series (kpis:series)', () => {
  it('computes each month of a hand-built shop', async () => {
    const { sima, omid } = await buildShop();
    const series = await getKpiSeries(ctx, { asOf: T, ...P });
    expect(series).toMatchObject({ asOf: T, from: P.from, to: P.to, calendar: 'gregory' });
    // As of 02-28: only Ali had bought, once.
    expect(series.beforePeriod).toEqual({
      asOf: '2025-02-28',
      customers: 1,
      repeatPurchaseRate: 0,
    });
    expect(series.months).toEqual([
      month({
        month: '2025-03',
        start: '2025-03-01',
        end: '2025-03-31',
        // Bita and Cyrus.
        newCustomers: 2,
        // Ali 2000, Bita 3000 + 1000, Cyrus 800, a walk-in 500; five receipts.
        revenue: 7300,
        orders: 5,
        averageOrderValue: 7300 / 5,
        // As of 03-31: Ali, Bita, Cyrus; Ali has two purchase days.
        customers: 3,
        repeatPurchaseRate: 1 / 3,
        // Ali, Bita and Cyrus bought; Ali had bought before March.
        activeCustomers: 3,
        returningCustomers: 1,
        returningCustomerRate: 1 / 3,
        // 10 and 9 promote, 3 detracts: 67 % − 33 % = 33.
        nps: 33,
        npsResponses: 3,
        csat: null,
        csatResponses: 0,
        // Bita returned within 90 days, Cyrus did not.
        churn90Customers: 2,
        newCustomerChurn90: 1 / 2,
        repeatRate90: 1 / 2,
      }),
      month({
        month: '2025-04',
        // Dara; Elham's refunded order is no purchase.
        newCustomers: 1,
        // Bita 1500, Dara 1200, Elham 600 − 600.
        revenue: 2700,
        orders: 2,
        averageOrderValue: 1350,
        customers: 4,
        repeatPurchaseRate: 2 / 4,
        // Bita (back from March) and Dara.
        activeCustomers: 2,
        returningCustomers: 1,
        returningCustomerRate: 1 / 2,
        nps: 0,
        npsResponses: 1,
        // Dara's first purchase is after T − 90: nobody's churn is known yet.
        churn90Customers: 0,
        newCustomerChurn90: null,
        repeatRate90: null,
      }),
      month({
        month: '2025-05',
        newCustomers: 1,
        revenue: 1200,
        orders: 2,
        averageOrderValue: 600,
        customers: 5,
        repeatPurchaseRate: 2 / 5,
        // Ali (back) and Elham (new: her April order did not count).
        activeCustomers: 2,
        returningCustomers: 1,
        returningCustomerRate: 1 / 2,
        nps: null,
        npsResponses: 0,
        csat: 1 / 2,
        csatResponses: 2,
        churn90Customers: 0,
        newCustomerChurn90: null,
      }),
      month({
        month: '2025-06',
        end: '2025-06-30',
        newCustomers: 1,
        // Farid 400 + 300, a walk-in 250 − 50.
        revenue: 900,
        orders: 3,
        averageOrderValue: 300,
        customers: 6,
        repeatPurchaseRate: 3 / 6,
        // Only Farid bought, and not before June.
        activeCustomers: 1,
        returningCustomers: 0,
        returningCustomerRate: 0,
        nps: null,
        csat: null,
      }),
    ]);
    // The previous period: the 122 days before P, 2024-10-30 … 2025-02-28. Only Ali bought
    // (first purchase, so no returner) and Omid recorded one 0.
    expect(series.previous).toMatchObject({
      from: '2024-10-30',
      to: '2025-02-28',
      figures: {
        newCustomers: 1,
        revenue: 1000,
        orders: 1,
        activeCustomers: 1,
        returningCustomerRate: 0,
        nps: -100,
        npsResponses: 1,
        csat: null,
        refundRate: 0,
      },
    });
    expect(series.staff).toEqual([
      { staffId: sima, name: 'Sima', nps: 33, npsResponses: 3, csat: 0.5, csatResponses: 2 },
      { staffId: omid, name: 'Omid', nps: 0, npsResponses: 1, csat: null, csatResponses: 0 },
    ]);
  });

  it('agrees with kpis:get month by month, by Jalali month, from the rebuilt caches too', async () => {
    await buildShop();
    await updateSettings(ctx, { calendar: 'persian' });
    const period = { from: '2025-01-01', to: T };
    const series = await getKpiSeries(ctx, { asOf: T, ...period });
    // Dey 1403 (from 2024-12-21) to Tir 1404 (to 2025-07-22), the last one up to T.
    expect(series.months.map((m) => m.month)).toEqual([
      '1403-10',
      '1403-11',
      '1403-12',
      '1404-01',
      '1404-02',
      '1404-03',
      '1404-04',
    ]);
    for (const m of series.months) {
      const asOfMonth = m.end < T ? m.end : T;
      const kpis = await getKpis(ctx, { asOf: asOfMonth, from: m.start, to: m.end });
      expect(m, m.month).toMatchObject({
        newCustomers: kpis.newCustomers,
        revenue: kpis.revenue,
        orders: kpis.orders,
        averageOrderValue: kpis.averageOrderValue,
        customers: kpis.customers,
        repeatPurchaseRate: kpis.repeatPurchaseRate,
        activeCustomers: kpis.activeCustomers,
        returningCustomers: kpis.returningCustomers,
        returningCustomerRate: kpis.returningCustomerRate,
        nps: kpis.nps,
        npsResponses: kpis.npsResponses,
        csat: kpis.csat,
        csatResponses: kpis.csatResponses,
      });
      // Churn: the month's cohort judged as of T itself.
      const judged = await getKpis(ctx, { asOf: T, from: m.start, to: m.end });
      expect(m.churn90Customers, m.month).toBe(judged.churn90Customers);
      expect(m.newCustomerChurn90, m.month).toBe(judged.newCustomerChurn90);
    }
    // The previous period's figures are kpis:get's for it.
    const { previous } = series;
    const before = await getKpis(ctx, { asOf: T, from: previous.from, to: previous.to });
    expect(previous).toMatchObject({ from: '2024-07-04', to: '2024-12-31' });
    expect(before).toMatchObject(previous.figures);
    rebuildKpiFacts(ctx.database.sqlite);
    expect(await getKpiSeries(ctx, { asOf: T, ...period })).toEqual(series);
  });

  it('ignores what happens after the as-of day and stops at its month', async () => {
    await buildShop();
    const series = await getKpiSeries(ctx, { asOf: '2025-05-10', from: '2025-04-20', to: T });
    expect(series.months.map((m) => m.month)).toEqual(['2025-04', '2025-05']);
    // May up to 05-10: Elham only, no Ali (05-20), no CSAT before 05-02… which is in.
    expect(series.months[1]).toMatchObject({
      newCustomers: 1,
      revenue: 700,
      orders: 1,
      customers: 5,
      csatResponses: 2,
    });
    // The day before the period: Ali, Bita, Cyrus, Dara; Ali and Bita returned.
    expect(series.beforePeriod).toEqual({
      asOf: '2025-04-19',
      customers: 4,
      repeatPurchaseRate: 2 / 4,
    });
    // Staff scores over [04-20, 05-10]: Sima's two CSAT answers.
    expect(series.staff).toHaveLength(1);
    expect(series.staff[0]).toMatchObject({ name: 'Sima', csat: 0.5, npsResponses: 0 });
  });

  it('reports an empty shop as zero counts and null shares, month by month', async () => {
    const series = await getKpiSeries(ctx, { asOf: T, ...P });
    expect(series.months).toHaveLength(4);
    for (const m of series.months) {
      expect(m).toMatchObject({
        newCustomers: 0,
        revenue: 0,
        orders: 0,
        averageOrderValue: null,
        customers: 0,
        repeatPurchaseRate: null,
        returningCustomerRate: null,
        nps: null,
        csat: null,
        newCustomerChurn90: null,
      });
    }
    expect(series.staff).toEqual([]);
    expect(series.beforePeriod).toEqual({
      asOf: '2025-02-28',
      customers: 0,
      repeatPurchaseRate: null,
    });
  });

  it('has no months for a period after the as-of day', async () => {
    await buildShop();
    const series = await getKpiSeries(ctx, { asOf: T, from: addDays(T, 1), to: addDays(T, 40) });
    expect(series.months).toEqual([]);
    expect(series.staff).toEqual([]);
    expect(series.beforePeriod).toMatchObject({ asOf: T, customers: 6 });
  });
});
