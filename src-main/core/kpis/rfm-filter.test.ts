import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, tehranNoon } from '../../../tests/fixtures/followup.ts';
import { RFM_SEGMENTS } from '../../../src-shared/domain/kpis.ts';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { archiveCustomer, listCustomers } from '../customers/customers.service.ts';
import { createOrder } from '../orders/orders.service.ts';
import { getKpis } from './kpis.service.ts';

/**
 * The Customers list's RFM segment filter: each customer's segment as of today (the shop's zone),
 * scored as the Insights screen's grid scores them. Today is 2025-08-01 in Tehran.
 */
let env: ReturnType<typeof makeTestContext>;
let ctx: CoreContext;
beforeEach(() => {
  env = makeTestContext('2025-08-01T09:00:00.000Z');
  ctx = env.ctx;
});
afterEach(() => env.remove());

const TODAY = '2025-08-01';

/** A customer who bought on the days given, `daysAgo` before today each. */
const customer = async (name: string, ...daysAgo: number[]) => {
  const id = await addCustomer(ctx, name);
  for (const ago of daysAgo) {
    await createOrder(ctx, {
      customerId: id,
      orderedAt: tehranNoon(addDays(TODAY, -ago)),
      total: 1000,
    });
  }
  return id;
};

const namesIn = async (rfmSegment: RfmSegment, extra: Parameters<typeof listCustomers>[1] = {}) =>
  (await listCustomers(ctx, { rfmSegment, limit: 500, ...extra })).rows.map((row) => row.name);

describe('the RFM segment filter of the Customers list', () => {
  it('lists each segment of a small shop (fixed thresholds)', async () => {
    // R: ≤ 30 / 60 / 90 / 180 days score 5 / 4 / 3 / 2, older 1; F: 1, 2, 3, 4–5, ≥ 6 days.
    await customer('Champion', 12, 40, 70, 100); // R5 F4
    await customer('Loyal', 92, 120, 150, 200, 250); // R2 F4
    await customer('Promising', 22); // R5 F1
    await customer('Attention', 78, 200); // R3 F2
    await customer('At risk', 153, 160, 170); // R2 F3
    await customer('Hibernating', 500); // R1 F1
    await customer('Other', 7, 9); // R5 F2
    await customer('Second other', 45, 46, 47); // R4 F3
    await addCustomer(ctx, 'Never bought');
    // Archived customers stay in the figures; the list shows them only when asked.
    const archived = await customer('Archived champion', 1, 2, 3, 4, 5, 6);
    await archiveCustomer(ctx, archived, true);

    expect(await namesIn('champions')).toEqual(['Champion']);
    expect(await namesIn('champions', { archived: 'include' })).toEqual([
      'Archived champion',
      'Champion',
    ]);
    expect(await namesIn('loyal')).toEqual(['Loyal']);
    expect(await namesIn('promisingNew')).toEqual(['Promising']);
    expect(await namesIn('needsAttention')).toEqual(['Attention']);
    expect(await namesIn('atRisk')).toEqual(['At risk']);
    expect(await namesIn('hibernating')).toEqual(['Hibernating']);
    expect(await namesIn('others')).toEqual(['Other', 'Second other']);

    // The Insights grid counts the same customers (archived ones too).
    const { rfmSegments, rfm } = await getKpis(ctx);
    expect(rfm.method).toBe('fixed');
    for (const segment of RFM_SEGMENTS) {
      expect((await namesIn(segment, { archived: 'include' })).length, segment).toBe(
        rfmSegments[segment],
      );
    }
  });

  it('works with search, other sorts, tags and paging', async () => {
    await customer('Sara Champion', 3, 20, 33, 50);
    await customer('Sam Champion', 10, 11, 12, 13, 14, 15, 16);
    await customer('Sara Sleeper', 400);
    expect(await namesIn('champions', { search: 'sara' })).toEqual(['Sara Champion']);
    expect(await namesIn('champions', { sort: 'orders', direction: 'desc' })).toEqual([
      'Sam Champion',
      'Sara Champion',
    ]);
    expect(await namesIn('hibernating', { sort: 'lastPurchaseAt' })).toEqual(['Sara Sleeper']);
    const page = await listCustomers(ctx, { rfmSegment: 'champions', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, rows: [{ name: 'Sara Champion' }] });
    expect(await namesIn('champions', { tag: 'nobody-has-it' })).toEqual([]);
  });

  it('scores by quintile over 100 customers or more, exactly as the Insights grid counts', async () => {
    // 120 customers with a spread of recencies (1…360 days) and frequencies (1…7 days).
    for (let i = 0; i < 120; i++) {
      const last = 1 + ((i * 37) % 360);
      const days = 1 + ((i * 5) % 7);
      await customer(
        `Customer ${String(i).padStart(3, '0')}`,
        ...Array.from({ length: days }, (_, k) => last + k * 3),
      );
    }
    const { rfmSegments, rfm } = await getKpis(ctx);
    expect(rfm.method).toBe('quintiles');
    // The spread reaches most segments, so each of them is checked on real members.
    expect(Object.values(rfmSegments).filter((count) => count > 0).length).toBeGreaterThan(4);
    const seen = new Set<string>();
    for (const segment of RFM_SEGMENTS) {
      const names = await namesIn(segment);
      expect(names.length, segment).toBe(rfmSegments[segment]);
      for (const name of names) {
        expect(seen.has(name), name).toBe(false);
        seen.add(name);
      }
    }
    expect(seen.size).toBe(120);
  });

  it('leaves out purchases dated after today, as the figures do', async () => {
    await customer('Came back later', 200);
    await customer('Regular', 5, 6, 7, 8);
    // An order dated next week (a mistyped date in an import): not a purchase as of today.
    const later = await customer('Future', 300);
    await createOrder(ctx, {
      customerId: later,
      orderedAt: tehranNoon(addDays(TODAY, 7)),
      total: 500,
    });
    expect(await namesIn('hibernating')).toEqual(['Came back later', 'Future']);
    expect(await namesIn('champions')).toEqual(['Regular']);
    const { rfmSegments } = await getKpis(ctx);
    expect(rfmSegments.hibernating).toBe(2);
  });

  it('lists nobody for a segment nobody is in', async () => {
    await customer('Only one', 3);
    expect(await namesIn('atRisk')).toEqual([]);
    expect((await listCustomers(ctx, { rfmSegment: 'atRisk' })).total).toBe(0);
  });
});
