import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import type { CoreContext } from '../context.ts';
import { createCustomer, listCustomers } from '../customers/customers.service.ts';
import { getSettings, updateSettings } from '../settings/settings.service.ts';
import { clearDemoShop, createDemoShop } from './demo.service.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(() => {
  ({ ctx, remove } = makeTestContext('2026-11-01T08:00:00.000Z'));
});
afterEach(() => remove());

describe('demo shop', () => {
  it('fills an empty database and marks the shop as a demo in the chosen language', async () => {
    const summary = await createDemoShop(ctx, { customers: 100, locale: 'en' });
    expect(summary.customers).toBe(100);
    expect((await listCustomers(ctx, {})).total).toBe(100);
    expect(await getSettings(ctx)).toMatchObject({
      isDemo: true,
      isOnboarded: true,
      locale: 'en',
      currency: 'GBP',
      calendar: 'gregory',
      timeZone: 'Europe/London',
    });
  });

  it('never mixes a demo into a database that holds data', async () => {
    await createCustomer(ctx, { name: 'Real customer' });
    await expect(createDemoShop(ctx, { customers: 100, locale: 'fa' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await listCustomers(ctx, {})).total).toBe(1);
  });

  it('clears a demo back to the first run, keeping only the chosen language', async () => {
    await createDemoShop(ctx, { customers: 100, locale: 'en' });
    const settings = await clearDemoShop(ctx);
    expect(settings).toMatchObject({
      isDemo: false,
      isOnboarded: false,
      locale: 'en',
      shopName: '',
      currency: 'IRR',
      timeZone: 'Asia/Tehran',
    });
    expect((await listCustomers(ctx, { archived: 'include' })).total).toBe(0);
    const counts = ctx.database.sqlite
      .prepare('SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM order_items) AS n')
      .get();
    expect(counts).toEqual({ n: 0 });
  });

  it('refuses to clear a shop that is not a demo', async () => {
    await updateSettings(ctx, { isOnboarded: true });
    await createCustomer(ctx, { name: 'Keep me' });
    await expect(clearDemoShop(ctx)).rejects.toMatchObject({ code: 'conflict' });
    expect((await listCustomers(ctx, {})).total).toBe(1);
  });
});
