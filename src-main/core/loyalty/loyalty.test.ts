import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempDatabase } from '../../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../../tests/fixtures/temp-db.ts';
import { addCustomer, onlyRules, tasksOf, tehranNoon } from '../../../tests/fixtures/followup.ts';
import type { ChannelName, InputOf, OutputOf } from '../../../src-shared/contract/channels.ts';
import type { ImportJob, LoyaltyRules } from '../../../src-shared/contract/types.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import { createContext } from '../context.ts';
import type { CoreContext } from '../context.ts';
import { startCore } from '../core.ts';
import type { Core } from '../core.ts';
import { mergeCustomers } from '../customers/customers.service.ts';
import { getKpis } from '../kpis/kpis.service.ts';
import { createOrder, updateOrder } from '../orders/orders.service.ts';
import { runPlaybook } from '../playbook/playbook.ts';
import {
  adjustPoints,
  getLoyaltyCustomer,
  getTierDistribution,
  previewTiers,
  redeemPoints,
  saveLoyaltyRules,
  updateLoyalty,
} from './loyalty.service.ts';
import { readLoyaltyRules } from './loyalty-settings.ts';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';

/**
 * Loyalty on a real shop file (Tehran). Tiers: Bronze from 0, Silver from 1,000, Gold from 5,000
 * (minor units of net spend in the window); a point per 100 of an order's net amount.
 */
const RULES: LoyaltyRules = {
  window: 'rolling12',
  earn: { per: 100, points: 1 },
  expiryMonths: null,
  tiers: [
    { id: 'bronze', name: 'Bronze', threshold: 0 },
    { id: 'silver', name: 'Silver', threshold: 1000 },
    { id: 'gold', name: 'Gold', threshold: 5000 },
  ],
};

let database: ReturnType<typeof openTempDatabase>;
let ctx: CoreContext;
let clock: number;
beforeEach(async () => {
  database = openTempDatabase();
  clock = Date.parse('2025-01-01T08:00:00Z');
  ctx = createContext(database, { now: () => new Date(clock) });
  await saveLoyaltyRules(ctx, RULES);
});
afterEach(() => database.remove());

/** Moves "now" to 10:00 on a Tehran day. */
const on = (day: string) => {
  clock = Date.parse(`${day}T06:30:00Z`);
};

const order = async (customerId: string, day: string, total: number) =>
  (await createOrder(ctx, { customerId, orderedAt: tehranNoon(day), total })).id;

/** The day's update (as the daily run and every sales change make it), then the customer. */
const loyaltyOn = async (day: string, customerId: string) => {
  on(day);
  await updateLoyalty(ctx, { date: day });
  return getLoyaltyCustomer(ctx, customerId);
};

const tierOn = async (day: string, customerId: string) =>
  (await loyaltyOn(day, customerId)).tier.id;

const ledgerOf = (customerId: string) =>
  ctx.database.sqlite
    .prepare(
      `SELECT kind, cause, points, spend, order_id AS orderId FROM points_ledger
       WHERE customer_id = ? ORDER BY rowid`,
    )
    .all(customerId) as {
    kind: string;
    cause: string;
    points: number;
    spend: number;
    orderId: string | null;
  }[];

const cache = () => ctx.database.sqlite.prepare('SELECT * FROM customer_tiers ORDER BY 1').all();

describe('tiers', () => {
  it('are reached at the threshold exactly, and not a unit below it', async () => {
    const below = await addCustomer(ctx, 'Below');
    const silver = await addCustomer(ctx, 'Silver exactly');
    const gold = await addCustomer(ctx, 'Gold exactly');
    await order(below, '2025-02-01', 999);
    await order(silver, '2025-02-01', 600);
    await order(silver, '2025-02-03', 400);
    await order(gold, '2025-02-01', 5000);
    expect(await tierOn('2025-02-03', below)).toBe('bronze');
    expect(await tierOn('2025-02-03', silver)).toBe('silver');
    expect(await tierOn('2025-02-03', gold)).toBe('gold');
    const profile = await getLoyaltyCustomer(ctx, silver);
    expect(profile).toMatchObject({
      spend: 1000,
      reachedOn: '2025-02-03',
      heldUntil: '2026-02-02',
      next: { tier: { id: 'gold', threshold: 5000 }, missing: 4000, isNear: false },
    });
    expect((await getLoyaltyCustomer(ctx, below)).next).toMatchObject({
      tier: { id: 'silver' },
      missing: 1,
      isNear: true,
    });
    const distribution = await getTierDistribution(ctx);
    expect(distribution.tiers.map((tier) => [tier.id, tier.customers])).toEqual([
      ['bronze', 1],
      ['silver', 1],
      ['gold', 1],
    ]);
    expect(distribution.customers).toBe(3);
    // The change is on the customer's history, as an upgrade by spend.
    expect((await getLoyaltyCustomer(ctx, gold)).history).toMatchObject([
      { tier: { id: 'gold', rank: 2 }, from: { id: 'bronze' }, cause: 'spend' },
    ]);
  });

  it('are taken back with the spend a refund takes back, even within the hold', async () => {
    const id = await addCustomer(ctx, 'Refunder');
    const big = await order(id, '2025-02-01', 1000);
    expect(await tierOn('2025-02-01', id)).toBe('silver');
    on('2025-02-05');
    await updateOrder(ctx, big, { refunded: 1 });
    const after = await loyaltyOn('2025-02-05', id);
    expect(after).toMatchObject({ tier: { id: 'bronze' }, spend: 999, heldUntil: null });
    expect(after.history[0]).toMatchObject({
      tier: { id: 'bronze' },
      from: { id: 'silver' },
      cause: 'orders_changed',
      changedOn: '2025-02-05',
    });
  });

  it('are held 12 months from the latest purchase day that reached them', async () => {
    const id = await addCustomer(ctx, 'Regular');
    await order(id, '2025-01-01', 600);
    await order(id, '2025-06-01', 600);
    expect(await loyaltyOn('2025-06-01', id)).toMatchObject({
      tier: { id: 'silver' },
      spend: 1200,
      reachedOn: '2025-06-01',
      heldUntil: '2026-05-31',
    });
    // January's purchase leaves the window: 600 is below Silver, but Silver is held.
    expect(await loyaltyOn('2026-01-01', id)).toMatchObject({
      tier: { id: 'silver' },
      spend: 600,
      heldUntil: '2026-05-31',
    });
    expect(await tierOn('2026-05-31', id)).toBe('silver');
    const ended = await loyaltyOn('2026-06-01', id);
    expect(ended).toMatchObject({ tier: { id: 'bronze' }, spend: 0 });
    expect(ended.history[0]).toMatchObject({ from: { id: 'silver' }, cause: 'hold_ended' });
  });

  it('in the Jalali-year window start again at Nowruz, and a tier reached before it is held', async () => {
    await saveLoyaltyRules(ctx, { ...RULES, window: 'jalaliYear' });
    // Nowruz 1404 is 2025-03-21.
    const across = await addCustomer(ctx, 'Across the year end');
    await order(across, '2025-03-10', 600);
    await order(across, '2025-03-25', 600);
    const before = await addCustomer(ctx, 'Before the year end');
    await order(before, '2025-03-15', 1200);
    expect(await loyaltyOn('2025-03-20', across)).toMatchObject({ spend: 600 });
    expect(await loyaltyOn('2025-03-25', across)).toMatchObject({
      tier: { id: 'bronze' },
      spend: 600,
    });
    expect(await loyaltyOn('2025-04-01', before)).toMatchObject({
      tier: { id: 'silver' },
      spend: 0,
      reachedOn: '2025-03-15',
      heldUntil: '2026-03-14',
    });
    // The same purchases on the rolling window: the year end does not split them.
    await saveLoyaltyRules(ctx, RULES);
    expect(await tierOn('2025-04-01', across)).toBe('silver');
  });

  it('computed from scratch equal the incremental cache', async () => {
    const a = await addCustomer(ctx, 'A');
    const b = await addCustomer(ctx, 'B');
    await order(a, '2025-01-05', 3000);
    await order(b, '2025-01-05', 900);
    await tierOn('2025-01-05', a);
    await order(b, '2025-02-01', 200);
    const refunded = await order(a, '2025-03-01', 3000);
    await tierOn('2025-03-01', a);
    await updateOrder(ctx, refunded, { refunded: 2500 });
    await tierOn('2025-09-01', a);
    const incremental = cache();
    ctx.database.sqlite.exec(`DELETE FROM customer_tiers; DELETE FROM settings
      WHERE key = 'loyalty.state'`);
    await updateLoyalty(ctx, { date: '2025-09-01', isFull: true });
    expect(cache()).toEqual(incremental);
    expect(incremental).toMatchObject([
      { customer_id: expect.any(String) as string },
      { customer_id: expect.any(String) as string },
    ]);
  });
});

describe('preview', () => {
  it('counts customers per tier exactly as saving the rules places them, and saves nothing', async () => {
    for (const [name, total] of [
      ['A', 500],
      ['B', 1500],
      ['C', 2500],
      ['D', 6000],
    ] as const) {
      await order(await addCustomer(ctx, name), '2025-02-01', total);
    }
    await addCustomer(ctx, 'Never bought');
    on('2025-02-10');
    const next: LoyaltyRules = {
      ...RULES,
      tiers: [
        { id: 'bronze', name: 'Bronze', threshold: 0 },
        { id: 'silver', name: 'Silver', threshold: 2000 },
        { id: 'gold', name: 'Gold', threshold: 3000 },
        { id: 'vip', name: 'VIP', threshold: 6000 },
      ],
    };
    const preview = await previewTiers(ctx, next);
    expect(preview.tiers.map((tier) => tier.customers)).toEqual([3, 1, 0, 1]);
    expect(readLoyaltyRules(ctx.database.sqlite)).toEqual(RULES);
    await saveLoyaltyRules(ctx, next);
    expect(await getTierDistribution(ctx)).toEqual(preview);
  });

  it('refuses rules that are not a ladder, naming the tier', async () => {
    await expect(
      previewTiers(ctx, {
        ...RULES,
        tiers: [
          { id: 'bronze', name: 'Bronze', threshold: 0 },
          { id: 'silver', name: 'Silver', threshold: 5000 },
          { id: 'gold', name: 'Gold', threshold: 5000 },
        ],
      }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      details: { field: 'threshold', index: 2, reason: 'not_rising' },
    });
  });
});

describe('points', () => {
  it('reverse with each refund, to the exact balance, around redemptions and adjustments', async () => {
    const id = await addCustomer(ctx, 'Points');
    const first = await order(id, '2025-02-01', 1050);
    expect((await loyaltyOn('2025-02-01', id)).balance).toBe(10);
    on('2025-02-02');
    await updateOrder(ctx, first, { refunded: 250 });
    expect((await loyaltyOn('2025-02-02', id)).balance).toBe(8);
    await redeemPoints(ctx, { customerId: id, points: 5, reason: 'Gift wrap' });
    await adjustPoints(ctx, { customerId: id, points: 4, reason: 'Birthday' });
    expect((await getLoyaltyCustomer(ctx, id)).balance).toBe(7);
    await updateOrder(ctx, first, { refunded: 1050 });
    expect((await loyaltyOn('2025-02-03', id)).balance).toBe(-1);
    expect(ledgerOf(id)).toEqual([
      { kind: 'earn', cause: 'order', points: 10, spend: 1050, orderId: first },
      { kind: 'reversal', cause: 'refund', points: -2, spend: -250, orderId: first },
      { kind: 'redeem', cause: 'manual', points: -5, spend: 0, orderId: null },
      { kind: 'adjust', cause: 'manual', points: 4, spend: 0, orderId: null },
      { kind: 'reversal', cause: 'refund', points: -8, spend: -800, orderId: first },
    ]);
  });

  it('never go below 0 by a redemption or an adjustment', async () => {
    const id = await addCustomer(ctx, 'Few points');
    await order(id, '2025-02-01', 300);
    on('2025-02-01');
    await expect(redeemPoints(ctx, { customerId: id, points: 4 })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'not_enough_points', balance: 3 },
    });
    await expect(
      adjustPoints(ctx, { customerId: id, points: -4, reason: 'Mistake' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await redeemPoints(ctx, { customerId: id, points: 3 })).balance).toBe(0);
  });

  it('expire oldest first, and a refund of expired points gives the expiry back', async () => {
    await saveLoyaltyRules(ctx, { ...RULES, expiryMonths: 1 });
    const id = await addCustomer(ctx, 'Expiring');
    const sale = await order(id, '2025-01-10', 1000);
    await loyaltyOn('2025-01-10', id);
    on('2025-01-15');
    await redeemPoints(ctx, { customerId: id, points: 4, reason: 'Coffee' });
    expect((await loyaltyOn('2025-02-09', id)).balance).toBe(6);
    const expired = await loyaltyOn('2025-02-10', id);
    expect(expired.balance).toBe(0);
    expect(expired.ledger[0]).toMatchObject({ kind: 'expire', cause: 'expiry', points: -6 });
    on('2025-02-11');
    await updateOrder(ctx, sale, { refunded: 1000 });
    // The 10 points go, the 6 that had expired come back: only the 4 spent are owed.
    expect((await loyaltyOn('2025-02-11', id)).balance).toBe(-4);
  });

  it('move with a merged duplicate: its orders earn on the customer kept, its balance too', async () => {
    const keep = await addCustomer(ctx, 'Kept');
    const duplicate = await addCustomer(ctx, 'Duplicate');
    await order(keep, '2025-02-01', 500);
    await order(duplicate, '2025-02-01', 700);
    await loyaltyOn('2025-02-01', keep);
    await adjustPoints(ctx, { customerId: duplicate, points: 3, reason: 'Welcome' });
    await mergeCustomers(ctx, keep, duplicate);
    expect((await loyaltyOn('2025-02-02', keep)).balance).toBe(5 + 7 + 3);
    expect((await getLoyaltyCustomer(ctx, duplicate)).balance).toBe(0);
    expect(ledgerOf(duplicate).map((row) => row.cause)).toEqual([
      'order',
      'manual',
      'order_moved',
      'merge',
    ]);
    await expect(
      adjustPoints(ctx, { customerId: duplicate, points: 1, reason: 'Late' }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'merged' } });
  });
});

describe('the near-next-tier follow-up', () => {
  it('is planned within 10 % of the next threshold and closes when the tier is reached', async () => {
    await onlyRules(ctx, 'near_next_tier');
    const near = await addCustomer(ctx, 'Near');
    const far = await addCustomer(ctx, 'Far');
    await order(near, '2025-02-01', 900);
    await order(far, '2025-02-01', 899);
    on('2025-02-01');
    await updateLoyalty(ctx, { date: '2025-02-01' });
    const report = await runPlaybook(ctx, { date: '2025-02-01' });
    expect(report.createdByRule).toEqual({ near_next_tier: 1 });
    const [task] = tasksOf(ctx, near);
    expect(task).toMatchObject({ rule: 'near_next_tier', anchor: 'silver', status: 'open' });
    expect(JSON.parse(task!.reason_params)).toEqual({ amount: 100, tier: 'Silver' });
    expect(tasksOf(ctx, far)).toEqual([]);

    await order(near, '2025-02-03', 100);
    on('2025-02-03');
    await updateLoyalty(ctx, { date: '2025-02-03' });
    await runPlaybook(ctx, { date: '2025-02-03' });
    expect(tasksOf(ctx, near)).toMatchObject([
      { status: 'done', resolution: 'resolved_by_purchase' },
    ]);
  });
});

describe('loyalty members vs others (DESIGN.md §3)', () => {
  it('splits the 90-day repeat rate and the repeat purchase rate by tier above the base', async () => {
    // Members: Gold Ali came back in 30 days; Silver Sara did not. Others: Reza came back.
    const ali = await addCustomer(ctx, 'Ali');
    const sara = await addCustomer(ctx, 'Sara');
    const reza = await addCustomer(ctx, 'Reza');
    await order(ali, '2025-01-10', 5000);
    await order(ali, '2025-02-09', 100);
    await order(sara, '2025-01-20', 1200);
    await order(reza, '2025-01-15', 100);
    await order(reza, addDays('2025-01-15', 90), 100);
    on('2025-06-30');
    await updateLoyalty(ctx, { date: '2025-06-30' });
    const kpis = await getKpis(ctx, { asOf: '2025-06-30', from: '2025-01-01', to: '2025-06-30' });
    expect(kpis.loyaltyMembers).toEqual({
      members: { customers: 2, repeatRate90: 0.5, allCustomers: 2, repeatPurchaseRate: 0.5 },
      others: { customers: 1, repeatRate90: 1, allCustomers: 1, repeatPurchaseRate: 1 },
    });
  });
});

describe('points after an import and its undo', () => {
  let temp: TempDir;
  let core: Core;
  beforeEach(() => {
    temp = makeTempDir();
    core = startCore({
      databasePath: temp.file('shop.db'),
      host: 'cli',
      create: true,
      now: () => new Date('2025-03-01T06:30:00.000Z'),
    });
  });
  afterEach(async () => {
    await core.close();
    temp.remove();
  });

  const call = async <C extends ChannelName>(channel: C, input: InputOf<C>) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as OutputOf<C>;
  };

  const importFile = async (content: string): Promise<ImportJob> => {
    const bytes = Buffer.from(content);
    const file = await core.imports.uploadBegin({ name: 'sales.csv', size: bytes.length });
    await core.imports.uploadChunk({
      fileId: file.fileId,
      offset: 0,
      data: bytes.toString('base64'),
    });
    await core.imports.uploadEnd(file.fileId);
    const preview = await core.imports.preview({ fileId: file.fileId });
    let job = await core.imports.start(file.fileId, preview.plan, false);
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = core.imports.job(job.id);
    }
    return job;
  };

  it('earns on the imported orders and reverses exactly those rows on undo', async () => {
    await call('loyalty:settings-update', { ...RULES, earn: { per: 1000, points: 1 } });
    const ali = await call('customers:create', { name: 'Ali Karimi', phone: '09120000001' });
    await call('orders:create', {
      customerId: ali.id,
      orderedAt: tehranNoon('2025-02-01'),
      total: 12_345,
    });
    await call('loyalty:adjust', { customerId: ali.id, points: 5, reason: 'Welcome' });
    const before = await call('loyalty:customer', { customerId: ali.id });
    expect(before.balance).toBe(12 + 5);

    const job = await importFile(
      [
        'Receipt,Date,Name,Phone,Total',
        '1,2025-02-10,Ali Karimi,09120000001,850000',
        '2,2025-02-11,Ali Karimi,09120000001,40000',
        '3,2025-02-12,Sara Nouri,09120000002,200000',
      ].join('\n'),
    );
    expect(job).toMatchObject({ state: 'done', report: { customersCreated: 1 } });
    const batchId = job.report!.batchId!;
    const { sqlite } = core.database;
    const imported = sqlite
      .prepare('SELECT total FROM orders WHERE import_batch_id = ? AND customer_id = ?')
      .pluck()
      .all(batchId, ali.id) as number[];
    const earned = imported.reduce((sum, total) => sum + Math.floor(total / 1000), 0);
    expect(earned).toBeGreaterThan(0);
    const after = await call('loyalty:customer', { customerId: ali.id });
    expect(after.balance).toBe(before.balance + earned);
    expect(after.ledger.filter((row) => row.batchId === batchId)).toHaveLength(2);

    await call('import:undo', { batchId });
    const undone = await call('loyalty:customer', { customerId: ali.id });
    expect(undone.balance).toBe(before.balance);
    const reversals = undone.ledger.filter((row) => row.kind === 'reversal');
    expect(reversals.map((row) => [row.cause, row.batchId])).toEqual([
      ['order_removed', batchId],
      ['order_removed', batchId],
    ]);
    expect(reversals.reduce((sum, row) => sum + row.points, 0)).toBe(-earned);
    // The customer only the import made is gone, with its points.
    expect(sqlite.prepare('SELECT count(*) FROM points_ledger').pluck().get()).toBe(
      before.ledger.length + 4,
    );
  });
});

describe('migration loyalty on a shop made by the version before it', () => {
  it('leaves every customer pending; the first update earns the points of the sales so far', async () => {
    const temp = makeTempDir();
    try {
      const path = temp.file('shop.db');
      const LOYALTY = MIGRATIONS.find((migration) => migration.name === 'loyalty')!.version;
      const before = openDatabase(path, {
        create: true,
        migrations: MIGRATIONS.filter((migration) => migration.version < LOYALTY),
      });
      before.sqlite.exec(`
        INSERT INTO customers (id, name, created_at, updated_at) VALUES
          ('c1', 'Ali', 'n', 'n'), ('c2', 'Sara', 'n', 'n');
        INSERT INTO orders (id, source, customer_id, ordered_at, local_date, total, refunded,
          created_at, updated_at) VALUES
          ('o1', 'pos', 'c1', '2025-01-10T08:00:00Z', '2025-01-10', 1250, 0, 'n', 'n'),
          ('o2', 'pos', 'c1', '2025-01-11T08:00:00Z', '2025-01-11', 800, 300, 'n', 'n');`);
      await before.close();
      const after = openDatabase(path);
      try {
        expect(
          after.sqlite.prepare('SELECT customer_id FROM loyalty_pending').pluck().all(),
        ).toEqual(['c1', 'c2']);
        const migrated = createContext(after, { now: () => new Date('2025-02-01T08:00:00Z') });
        await saveLoyaltyRules(migrated, RULES);
        expect(await getLoyaltyCustomer(migrated, 'c1')).toMatchObject({
          balance: 12 + 5,
          tier: { id: 'silver' },
          spend: 1750,
        });
        expect(after.sqlite.prepare('SELECT count(*) FROM loyalty_pending').pluck().get()).toBe(0);
        // From now on a change of the customer's figures marks their points stale again.
        after.sqlite.exec(`INSERT OR IGNORE INTO kpi_pending (customer_id) VALUES ('c2')`);
        after.sqlite.exec(`INSERT OR IGNORE INTO kpi_pending (customer_id) VALUES ('c2')`);
        expect(
          after.sqlite.prepare('SELECT customer_id FROM loyalty_pending').pluck().all(),
        ).toEqual(['c2']);
      } finally {
        await after.close();
      }
    } finally {
      temp.remove();
    }
  });
});
