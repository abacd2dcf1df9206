import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCustomer, tehranNoon } from '../../tests/fixtures/followup.ts';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { createContext } from '../core/context.ts';
import type { CoreContext } from '../core/context.ts';
import { createOrder } from '../core/orders/orders.service.ts';
import { openDatabase } from '../db/open.ts';
import { cliAt } from '../../tests/fixtures/cli.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const NOW = '2025-07-01T06:30:00.000Z';

const run = cliAt(NOW);

/**
 * A shop in Tehran: A buys twice on 2025-01-10 (one visit) and again on 2025-03-01; B's only order
 * is refunded in full; C bought on 2024-05-01 and again on 2025-05-01; a walk-in on 2025-04-01.
 */
const makeShop = async () => {
  const path = temp.file('shop.db');
  const database = openDatabase(path, { create: true });
  try {
    const ctx: CoreContext = createContext(database, { now: () => new Date(NOW) });
    const buy = (customerId: string | null, day: string, total: number, refunded = 0) =>
      createOrder(ctx, { customerId, orderedAt: tehranNoon(day), total, refunded });
    const a = await addCustomer(ctx, 'A');
    const b = await addCustomer(ctx, 'B');
    const c = await addCustomer(ctx, 'C');
    await buy(a, '2025-01-10', 1000);
    await buy(a, '2025-01-10', 500);
    await buy(a, '2025-03-01', 2000);
    await buy(b, '2025-02-01', 3000, 3000);
    await buy(c, '2024-05-01', 700);
    await buy(c, '2025-05-01', 300);
    await buy(null, '2025-04-01', 1000);
  } finally {
    await database.close();
  }
  return path;
};

const REQUIRED_KEYS = [
  'customers',
  'newCustomers',
  'newCustomerChurn90',
  'repeatPurchaseRate',
  'returningCustomerRate',
  'revenue',
  'orders',
  'averageOrderValue',
  'purchaseFrequency',
  'medianDaysToSecondPurchase',
  'historicClv12m',
  'refundRate',
  'nps',
  'csat',
  'cohorts',
  'rfmSegments',
];

describe('bazgasht kpis', () => {
  it('prints every figure as one JSON object with camelCase keys', async () => {
    const db = await makeShop();
    const result = await run(
      '--db',
      db,
      'kpis',
      '--as-of',
      '2025-06-30',
      '--from',
      '2025-01-01',
      '--to',
      '2025-06-30',
      '--json',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const kpis = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const key of REQUIRED_KEYS) expect(kpis).toHaveProperty(key);
    expect(kpis).toMatchObject({
      asOf: '2025-06-30',
      from: '2025-01-01',
      to: '2025-06-30',
      // A and C; B never purchased (her only order is refunded).
      customers: 2,
      newCustomers: 1,
      // A is the churn cohort; back after 50 days: no churn, which is 0, not null.
      newCustomerChurn90: 0,
      repeatRate90: 1,
      repeatPurchaseRate: 1,
      // A and C bought in the period; C had bought before it.
      returningCustomerRate: 0.5,
      // A 1500 + 2000, B 0, C 300, the walk-in 1000.
      revenue: 4800,
      orders: 5,
      averageOrderValue: 960,
      // A 2 purchase days, C 1, over 2 customers.
      purchaseFrequency: 1.5,
      // A 50 days, C 365: the mean of the two.
      medianDaysToSecondPurchase: 207.5,
      // C (first purchase by 2024-06-30): 700; 2025-05-01 is the 366th day.
      historicClv12m: 700,
      refundRate: 3000 / 7800,
      nps: null,
      csat: null,
      rfmSegments: expect.objectContaining({ champions: 0 }) as unknown,
    });
    const cohorts = kpis.cohorts as { cohort: string; size: number; retention: unknown[] }[];
    // The shop's calendar is Jalali: Dey 1403 (A, back in Esfand) … Tir 1404.
    expect(cohorts[0]).toMatchObject({
      cohort: '1403-10',
      size: 1,
      retention: [1, 0, 1, 0, 0, 0, 0],
    });
    expect(cohorts.map((cohort) => cohort.cohort)).toEqual([
      '1403-10',
      '1403-11',
      '1403-12',
      '1404-01',
      '1404-02',
      '1404-03',
      '1404-04',
    ]);
  });

  it('defaults to the 12 months to the as-of day, and to today', async () => {
    const db = await makeShop();
    const asOf = JSON.parse(
      (await run('--db', db, 'kpis', '--as-of', '2025-06-30', '--json')).stdout,
    ) as Record<string, unknown>;
    expect(asOf).toMatchObject({ from: '2024-07-01', to: '2025-06-30', newCustomers: 1 });
    // Now is 2025-07-01 10:00 in Tehran.
    const today = JSON.parse((await run('--db', db, 'kpis', '--json')).stdout) as Record<
      string,
      unknown
    >;
    expect(today).toMatchObject({ asOf: '2025-07-01', from: '2024-07-02', to: '2025-07-01' });
  });

  it('prints a readable summary without --json', async () => {
    const db = await makeShop();
    const result = await run('--db', db, 'kpis', '--as-of', '2025-06-30');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Retention as of 2025-06-30, period 2024-07-01 to 2025-06-30/);
    expect(result.stdout).toMatch(/repeat purchase rate\s+100\.0 %/);
    expect(result.stdout).toMatch(/NPS\s+— \(0 answers\)/);
  });

  it("counts cohort months in --calendar for one report, default the shop's", async () => {
    // A first buys on 2025-01-10 (21 Dey 1403) and is back on 2025-03-01 (11 Esfand); D first
    // buys on 2025-01-25 (5 Bahman) and is back on 2025-02-10 (22 Bahman): one Gregorian month,
    // two Jalali ones.
    const path = temp.file('boundary.db');
    const database = openDatabase(path, { create: true });
    try {
      const ctx = createContext(database, { now: () => new Date(NOW) });
      const buy = (customerId: string, day: string) =>
        createOrder(ctx, { customerId, orderedAt: tehranNoon(day), total: 1000 });
      const a = await addCustomer(ctx, 'A');
      const d = await addCustomer(ctx, 'D');
      await buy(a, '2025-01-10');
      await buy(a, '2025-03-01');
      await buy(d, '2025-01-25');
      await buy(d, '2025-02-10');
    } finally {
      await database.close();
    }
    const cohortsIn = async (...calendar: string[]) => {
      const result = await run(
        '--db',
        path,
        'kpis',
        '--as-of',
        '2025-03-31',
        '--from',
        '2025-01-01',
        '--to',
        '2025-03-31',
        ...calendar,
        '--json',
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const kpis = JSON.parse(result.stdout) as {
        calendar: string;
        cohorts: { cohort: string; size: number; retention: (number | null)[] }[];
      };
      return {
        calendar: kpis.calendar,
        cohorts: kpis.cohorts.map(({ cohort, size, retention }) => ({ cohort, size, retention })),
      };
    };
    const gregorian = {
      calendar: 'gregory',
      cohorts: [
        // A and D; D back in February, A in March.
        { cohort: '2025-01', size: 2, retention: [1, 0.5, 0.5] },
        { cohort: '2025-02', size: 0, retention: [null, null] },
        { cohort: '2025-03', size: 0, retention: [null] },
      ],
    };
    const jalali = {
      calendar: 'persian',
      cohorts: [
        // A alone, back in Esfand; D's return is in her first month.
        { cohort: '1403-10', size: 1, retention: [1, 0, 1, 0] },
        { cohort: '1403-11', size: 1, retention: [1, 0, 0] },
        { cohort: '1403-12', size: 0, retention: [null, null] },
        { cohort: '1404-01', size: 0, retention: [null] },
      ],
    };
    expect(await cohortsIn('--calendar', 'gregory')).toEqual(gregorian);
    expect(await cohortsIn('--calendar', 'persian')).toEqual(jalali);
    // The shop's own calendar (Jalali) is the default, and an override does not change it.
    expect(await cohortsIn()).toEqual(jalali);
  });

  it.each([
    [['--calendar', 'julian'], 'kpis: --calendar "julian" must be gregory or persian'],
    [['--as-of', '2025-02-30'], 'kpis: --as-of "2025-02-30" is not a date (YYYY-MM-DD)'],
    [['--from', '2025-01-01'], 'kpis: give both --from and --to, or neither'],
    [['--to', '2025-01-01'], 'kpis: give both --from and --to, or neither'],
    [['--from', '1/1/2025', '--to', '2025-02-01'], 'kpis: --from "1/1/2025" is not a date'],
    [['--from', '2025-03-01', '--to', '2025-02-01'], 'kpis: --from 2025-03-01 is after --to'],
    [['--period', '12m'], 'kpis: unknown or malformed option --period'],
    [['extra'], 'kpis: unexpected argument "extra"'],
  ])('refuses %j with exit code 2 and one line', async (args, message) => {
    const db = await makeShop();
    const result = await run('--db', db, 'kpis', ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`bazgasht: ${message}`);
  });

  it('refuses a database that does not exist, creating nothing', async () => {
    const result = await run('--db', temp.file('missing.db'), 'kpis', '--json');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });

  it('is documented in --help', async () => {
    const help = await run('--help');
    expect(help.stdout).toContain('kpis [--as-of YYYY-MM-DD] [--from YYYY-MM-DD --to YYYY-MM-DD]');
    expect(help.stdout).toContain('[--calendar gregory|persian] [--json]');
  });
});
