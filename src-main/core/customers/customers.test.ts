import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import type { CoreContext } from '../context.ts';
import { createOrder } from '../orders/orders.service.ts';
import { rebuildAllCustomerStats } from './customer-stats.ts';
import {
  archiveCustomer,
  createCustomer,
  getCustomerProfile,
  listCustomers,
  listTags,
  TAGS_IN_USE_SQL,
  mergeCustomers,
  updateCustomer,
} from './customers.service.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(() => {
  ({ ctx, remove } = makeTestContext());
});
afterEach(() => remove());

const names = async (search: string) =>
  (await listCustomers(ctx, { search })).rows.map((row) => row.name);

describe('customers: create and edit', () => {
  it('normalises the phone to E.164, keeps the raw form and validates the email', async () => {
    const created = await createCustomer(ctx, {
      name: 'مریم احمدی',
      phone: '۰۹۱۲ ۳۴۵ ۶۷۸۹',
      email: ' Maryam@Example.COM ',
    });
    expect(created.phone).toBe('+989123456789');
    expect(created.phoneRaw).toBe('۰۹۱۲ ۳۴۵ ۶۷۸۹');
    expect(created.email).toBe('maryam@example.com');
    expect(created.preferredChannel).toBe('phone');
  });

  it.each([
    ['phone', { phone: '0912123' }, 'invalid_phone'],
    ['email', { email: 'not-an-email' }, 'invalid_email'],
  ])('refuses an invalid %s with the field and reason', async (field, patch, reason) => {
    await expect(createCustomer(ctx, { name: 'Ali', ...patch })).rejects.toMatchObject({
      code: 'bad_input',
      details: { field, reason },
    });
    expect((await listCustomers(ctx, {})).total).toBe(0);
  });

  it('edits only the given fields and clears a phone given as empty', async () => {
    const created = await createCustomer(ctx, {
      name: 'Sara',
      phone: '+44 20 7946 0958',
      tags: ['vip'],
    });
    const edited = await updateCustomer(ctx, created.id, { notes: 'Prefers mornings', phone: '' });
    expect(edited).toMatchObject({
      name: 'Sara',
      phone: null,
      phoneRaw: null,
      notes: 'Prefers mornings',
      tags: ['vip'],
    });
    await expect(updateCustomer(ctx, 'missing', { name: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('customers: search (DESIGN.md §8)', () => {
  beforeEach(async () => {
    await createCustomer(ctx, { name: 'علی رضایی', phone: '09121234567' });
    await createCustomer(ctx, { name: 'كريم يزدي', phone: '+98 935 765 4321' }); // Arabic ك and ي
    await createCustomer(ctx, { name: 'نرگس‌سادات موسوی', email: 'narges@shop.ir' }); // with ZWNJ
    await createCustomer(ctx, {
      name: 'John Smith',
      phone: '+44 7911 123456',
      email: 'john@example.co.uk',
    });
  });

  it('matches Persian and Arabic forms of the same letters', async () => {
    expect(await names('کریم')).toEqual(['كريم يزدي']);
    expect(await names('يزد')).toEqual(['كريم يزدي']);
  });

  it('ignores ZWNJ and matches name fragments in any order', async () => {
    expect(await names('نرگسسادات')).toEqual(['نرگس‌سادات موسوی']);
    expect(await names('موسوی نرگس')).toEqual(['نرگس‌سادات موسوی']);
  });

  it.each([
    '0912 123 4567',
    '+989121234567',
    '00989121234567',
    '9121234567',
    '۰۹۱۲۱۲۳',
    '۴۵۶۷',
    '1234',
  ])('finds a phone however it is typed: %s', async (typed) => {
    expect(await names(typed)).toContain('علی رضایی');
  });

  it('finds by email and by Latin name regardless of case', async () => {
    expect(await names('NARGES@')).toEqual(['نرگس‌سادات موسوی']);
    expect(await names('smi')).toEqual(['John Smith']);
  });

  it('never lets LIKE wildcards in a query act as wildcards', async () => {
    expect(await names('j_hn')).toEqual([]);
    expect(await names('jo%th')).toEqual([]);
    expect(await names('%')).toHaveLength(4);
  });
});

describe('customers: list, sort, filter and paging', () => {
  it('sorts Persian names alphabetically (پ after ب) and pages with a total', async () => {
    for (const name of ['پریسا', 'بهرام', 'آرش', 'ژاله', 'گلناز', 'یاسمن', 'تارا']) {
      await createCustomer(ctx, { name });
    }
    const all = await listCustomers(ctx, { sort: 'name' });
    expect(all.rows.map((row) => row.name)).toEqual([
      'آرش',
      'بهرام',
      'پریسا',
      'تارا',
      'ژاله',
      'گلناز',
      'یاسمن',
    ]);
    const page = await listCustomers(ctx, { sort: 'name', direction: 'desc', offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 7 });
    expect(page.rows.map((row) => row.name)).toEqual(['ژاله', 'تارا']);
  });

  it('sorts by total spent with customers who never bought last, and filters by tag', async () => {
    const a = await createCustomer(ctx, { name: 'A', tags: ['wholesale'] });
    const b = await createCustomer(ctx, { name: 'B' });
    await createCustomer(ctx, { name: 'C', tags: ['wholesale', 'vip'] });
    await createOrder(ctx, { customerId: a.id, orderedAt: '2025-01-05T10:00:00Z', total: 500 });
    await createOrder(ctx, { customerId: b.id, orderedAt: '2025-01-06T10:00:00Z', total: 900 });
    const byLastPurchase = await listCustomers(ctx, { sort: 'lastPurchaseAt', direction: 'asc' });
    expect(byLastPurchase.rows.map((row) => row.name)).toEqual(['A', 'B', 'C']);
    const bySpent = await listCustomers(ctx, { sort: 'totalSpent', direction: 'desc' });
    expect(bySpent.rows.map((row) => [row.name, row.totalSpent])).toEqual([
      ['B', 900],
      ['A', 500],
      ['C', 0],
    ]);
    expect((await listCustomers(ctx, { tag: 'wholesale' })).rows.map((row) => row.name)).toEqual([
      'A',
      'C',
    ]);
    expect(await listTags(ctx)).toEqual(['vip', 'wholesale']);
  });

  it('lists the tags in use from the tagged customers alone', async () => {
    const a = await createCustomer(ctx, { name: 'A', tags: ['vip'] });
    await createCustomer(ctx, { name: 'B', tags: ['wholesale', 'instagram'] });
    await createCustomer(ctx, { name: 'C' });
    expect(await listTags(ctx)).toEqual(['instagram', 'vip', 'wholesale']);
    // A tag no one has any more is not offered.
    await updateCustomer(ctx, a.id, { tags: [] });
    expect(await listTags(ctx)).toEqual(['instagram', 'wholesale']);
    // Untagged customers are not read: the query goes through the partial index.
    const plan = ctx.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${TAGS_IN_USE_SQL}`).all() as {
      detail: string;
    }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain(
      'USING INDEX idx_customers_tagged',
    );
  });

  it('archives out of the default list and restores (undo)', async () => {
    const c = await createCustomer(ctx, { name: 'Temp' });
    await archiveCustomer(ctx, c.id, true);
    expect((await listCustomers(ctx, {})).total).toBe(0);
    expect((await listCustomers(ctx, { archived: 'only' })).rows.map((row) => row.name)).toEqual([
      'Temp',
    ]);
    await archiveCustomer(ctx, c.id, false);
    expect((await listCustomers(ctx, {})).rows[0]?.archivedAt).toBeNull();
  });
});

describe('customers: merge', () => {
  it('moves orders, notes, tags and missing details to the customer kept', async () => {
    const keep = await createCustomer(ctx, {
      name: 'Reza Karimi',
      phone: '09121112233',
      notes: 'Likes saffron',
      tags: ['vip'],
    });
    const dup = await createCustomer(ctx, {
      name: 'رضا کریمی',
      email: 'reza@example.com',
      notes: 'Asked about gift boxes',
      tags: ['instagram'],
      doNotContact: true,
    });
    await createOrder(ctx, { customerId: keep.id, orderedAt: '2025-01-01T10:00:00Z', total: 1000 });
    await createOrder(ctx, {
      customerId: dup.id,
      orderedAt: '2025-02-01T10:00:00Z',
      total: 3000,
      refunded: 500,
    });

    const profile = await mergeCustomers(ctx, keep.id, dup.id);
    expect(profile.customer).toMatchObject({
      email: 'reza@example.com',
      phone: '+989121112233',
      notes: 'Likes saffron\n\nAsked about gift boxes',
      tags: ['instagram', 'vip'],
      doNotContact: true,
      orders: 2,
      totalSpent: 3500,
      firstPurchaseAt: '2025-01-01T10:00:00.000Z',
      lastPurchaseAt: '2025-02-01T10:00:00.000Z',
    });
    expect(profile.orders).toHaveLength(2);
    expect(await names('reza@')).toEqual(['Reza Karimi']);
    const merged = await getCustomerProfile(ctx, dup.id);
    expect(merged.customer).toMatchObject({ mergedIntoId: keep.id, orders: 0, totalSpent: 0 });
    expect(merged.customer.archivedAt).not.toBeNull();
    await expect(mergeCustomers(ctx, keep.id, dup.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(archiveCustomer(ctx, dup.id, false)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('customer stats cache', () => {
  it('equals a full rebuild after creating, refunding, archiving and moving orders', async () => {
    const a = await createCustomer(ctx, { name: 'A' });
    const b = await createCustomer(ctx, { name: 'B' });
    const o1 = await createOrder(ctx, {
      customerId: a.id,
      orderedAt: '2025-01-01T08:00:00Z',
      total: 100,
    });
    const o2 = await createOrder(ctx, {
      customerId: a.id,
      orderedAt: '2025-01-03T08:00:00Z',
      total: 200,
    });
    await createOrder(ctx, {
      customerId: b.id,
      orderedAt: '2025-01-02T08:00:00Z',
      total: 50,
      refunded: 50,
    });
    const { updateOrder, archiveOrder } = await import('../orders/orders.service.ts');
    await updateOrder(ctx, o2.id, { refunded: 200 });
    await archiveOrder(ctx, o1.id, true);
    await updateOrder(ctx, o1.id, { customerId: b.id });
    await archiveOrder(ctx, o1.id, false);

    const incremental = (await listCustomers(ctx, { sort: 'name' })).rows;
    expect(incremental.map((row) => [row.name, row.orders, row.totalSpent])).toEqual([
      ['A', 0, 0],
      ['B', 1, 100],
    ]);
    rebuildAllCustomerStats(ctx.database.sqlite);
    expect((await listCustomers(ctx, { sort: 'name' })).rows).toEqual(incremental);
  });
});

describe('search index freshness', () => {
  it('sees writes made through this connection and through another one', async () => {
    const first = await createCustomer(ctx, { name: 'Parisa Nouri' });
    expect(await names('nouri')).toEqual(['Parisa Nouri']);
    await updateCustomer(ctx, first.id, { name: 'Parisa Tehrani' });
    expect(await names('nouri')).toEqual([]);
    expect(await names('tehrani')).toEqual(['Parisa Tehrani']);

    // Another program (the CLI, a second window) writing to the same file.
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(ctx.database.path);
    other
      .prepare(
        `INSERT INTO customers (id, name, search_text, sort_name, created_at, updated_at)
         VALUES ('x1', 'Kaveh', 'kaveh', 'kaveh', 'now', 'now')`,
      )
      .run();
    other.close();
    expect(await names('kave')).toEqual(['Kaveh']);
    await archiveCustomer(ctx, 'x1', true);
    expect(await names('kave')).toEqual([]);
    expect((await listCustomers(ctx, { search: 'kave', archived: 'only' })).total).toBe(1);
  });

  it('pages search results in name order both ways, and sorts them by other columns', async () => {
    for (const name of ['Dara', 'Bahar', 'Arman', 'Cyrus']) {
      await createCustomer(ctx, { name, tags: name === 'Arman' ? ['vip'] : [] });
    }
    const page = (input: Parameters<typeof listCustomers>[1]) =>
      listCustomers(ctx, { search: 'a', ...input }).then((result) => [
        result.total,
        result.rows.map((row) => row.name),
      ]);
    expect(await page({ limit: 2 })).toEqual([3, ['Arman', 'Bahar']]);
    expect(await page({ limit: 2, offset: 2 })).toEqual([3, ['Dara']]);
    expect(await page({ direction: 'desc' })).toEqual([3, ['Dara', 'Bahar', 'Arman']]);
    expect(await page({ sort: 'createdAt', direction: 'desc' })).toEqual([
      3,
      ['Arman', 'Bahar', 'Dara'],
    ]);
    expect(await page({ tag: 'vip' })).toEqual([1, ['Arman']]);
  });
});
