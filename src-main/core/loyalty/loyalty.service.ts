import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  loyaltyAdjust,
  loyaltyNearNextTier,
  loyaltyRedeem,
} from '../../../src-shared/contract/schemas.ts';
import type {
  LoyaltyCustomer,
  NearTierCustomer,
  Page,
  PointsEntry,
  TierChange,
  TierDistribution,
} from '../../../src-shared/contract/types.ts';
import { nextTierOf } from '../../../src-shared/domain/loyalty.ts';
import type { LoyaltyRules } from '../../../src-shared/domain/loyalty.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { createMonotonicIds } from '../imports/ids.ts';
import { refreshPendingKpiFacts } from '../kpis/kpi-facts.ts';
import { getPlaybookSettings } from '../playbook/playbook-settings.ts';
import { getSettings } from '../settings/settings.service.ts';
import { actingStaffId } from '../staff/staff.service.ts';
import {
  checkLoyaltyRules,
  normaliseRules,
  readLoyaltyRules,
  readLoyaltyState,
  tierRulesKey,
  writeLoyaltyRules,
  writeLoyaltyState,
} from './loyalty-settings.ts';
import {
  balanceOf,
  balanceStatement,
  createScopeTable,
  expirePoints,
  syncOrderPoints,
  transferMergedPoints,
} from './points.ts';
import { nearTierRows } from './tier-source.ts';
import {
  applyTiers,
  computeTiers,
  countFresh,
  loadTierTable,
  liveCustomerCount,
  tierWindowOf,
} from './tiers.ts';
import type { TierHistoryTable } from '../../db/schema.ts';

/**
 * Loyalty (DESIGN.md §2): points and tiers brought up to date after every change of sales (an
 * import, a refund, an undo, an edited or merged order), once a day, and when the rules change;
 * the Loyalty screen's figures; a customer's points, tier and their history; adjustments and
 * redemptions.
 */

export type LoyaltyUpdateReport = {
  date: string;
  /** Customers whose orders had changed. */
  customers: number;
  /** Points rows appended: for orders, merged duplicates, expiry. */
  pointsRows: number;
  /** Whose tier was computed: everyone (a new day, new rules) or those whose orders changed. */
  tiers: 'all' | 'changed' | 'none';
  tierChanges: number;
  durationMs: number;
};

export type LoyaltyRunInput = {
  date: string;
  now: string;
  rules: LoyaltyRules;
  newId: () => string;
  /** Compute every customer's tier even when the day and the rules are the ones cached. */
  isFull?: boolean;
};

/**
 * Brings points and tiers up to date as of `date`, in one transaction: the points of every
 * customer whose orders changed since the last update (and a merged duplicate's balance), the
 * points that expire by `date`, then tiers, for everyone when the day or the tier rules changed
 * since the last computation (or isFull), else for the customers whose orders changed.
 */
export const updateLoyaltyOn = (
  sqlite: BetterSqlite3.Database,
  run: LoyaltyRunInput,
): LoyaltyUpdateReport => {
  const started = performance.now();
  // The customers' days the tiers are computed from: up to date first, in their own transaction.
  refreshPendingKpiFacts(sqlite);
  sqlite.function('bz_loyalty_id', { deterministic: false }, () => run.newId());
  // A first update of a big shop (every order's points) works through a gigabyte of pages: a
  // bigger page cache for its duration, as the import's own connection has.
  const pending = sqlite.prepare('SELECT count(*) FROM loyalty_pending').pluck().get() as number;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const isBig = pending >= BIG_UPDATE_CUSTOMERS;
  if (isBig) {
    sqlite.pragma(`cache_size = ${BIG_UPDATE_CACHE_KIB}`);
  }
  const report: LoyaltyUpdateReport = {
    date: run.date,
    customers: 0,
    pointsRows: 0,
    tiers: 'none',
    tierChanges: 0,
    durationMs: 0,
  };
  try {
    sqlite
      .transaction(() => {
        createScopeTable(sqlite);
        report.customers = sqlite
          .prepare('INSERT INTO temp.loyalty_scope SELECT customer_id FROM loyalty_pending')
          .run().changes;
        const at = { date: run.date, now: run.now };
        if (report.customers > 0) {
          report.pointsRows += syncOrderPoints(sqlite, run.rules, at);
          report.pointsRows += transferMergedPoints(sqlite, at);
        }
        const state = readLoyaltyState(sqlite);
        if (run.rules.expiryMonths !== null) {
          report.pointsRows += expirePoints(sqlite, { ...at, since: state?.expiredThrough ?? '' });
        }
        const rulesKey = tierRulesKey(run.rules);
        const isAll =
          run.isFull === true ||
          state === null ||
          state.asOf !== run.date ||
          state.rulesKey !== rulesKey;
        if (isAll || report.customers > 0) {
          loadTierTable(sqlite, run.rules);
          const scope = isAll ? 'all' : 'scope';
          computeTiers(sqlite, run.rules, tierWindowOf(run.date, run.rules.window), scope);
          report.tierChanges = applyTiers(sqlite, {
            ...at,
            scope,
            rulesChanged: state !== null && state.rulesKey !== rulesKey,
          }).changes;
          report.tiers = isAll ? 'all' : 'changed';
        }
        sqlite.exec(
          'DELETE FROM loyalty_pending WHERE customer_id IN (SELECT customer_id FROM temp.loyalty_scope)',
        );
        const expiredThrough =
          run.rules.expiryMonths !== null && run.date > (state?.expiredThrough ?? '')
            ? run.date
            : (state?.expiredThrough ?? '');
        writeLoyaltyState(sqlite, { asOf: run.date, rulesKey, expiredThrough }, run.now);
        dropTemp(sqlite);
      })
      .immediate();
  } finally {
    if (isBig) {
      sqlite.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
    }
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
};

const BIG_UPDATE_CUSTOMERS = 5_000;
/** Negative: KiB (128 MiB). */
const BIG_UPDATE_CACHE_KIB = -131_072;

const dropTemp = (sqlite: BetterSqlite3.Database) =>
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.loyalty_fresh;
    DROP TABLE IF EXISTS temp.loyalty_next;
    DELETE FROM temp.loyalty_scope;`);

const idsFor = (ctx: CoreContext) => createMonotonicIds(() => ctx.now().getTime());

const today = async (ctx: CoreContext): Promise<string> =>
  todayIn(ctx.now(), (await getSettings(ctx)).timeZone);

/** Brings points and tiers up to date as of `date` (default today in the shop's zone). */
export const updateLoyalty = async (
  ctx: CoreContext,
  options: { date?: string; isFull?: boolean } = {},
): Promise<LoyaltyUpdateReport> =>
  updateLoyaltyOn(ctx.database.sqlite, {
    date: options.date ?? (await today(ctx)),
    now: nowIso(ctx),
    rules: readLoyaltyRules(ctx.database.sqlite),
    newId: idsFor(ctx),
    ...(options.isFull !== undefined && { isFull: options.isFull }),
  });

/** Updates loyalty only when something is out of date (orders changed, a new day, new rules). */
export const ensureLoyaltyCurrent = async (ctx: CoreContext): Promise<void> => {
  const { sqlite } = ctx.database;
  const state = readLoyaltyState(sqlite);
  const date = await today(ctx);
  const isPending = sqlite.prepare('SELECT 1 FROM loyalty_pending LIMIT 1').get() !== undefined;
  if (
    isPending ||
    state === null ||
    state.asOf !== date ||
    state.rulesKey !== tierRulesKey(readLoyaltyRules(sqlite))
  ) {
    try {
      await updateLoyalty(ctx, { date });
    } catch (error) {
      // An import holds the write lock (its whole file is one transaction): the figures as the
      // last update left them are read, and the update after the import brings them up to date.
      if (!isBusy(error)) throw error;
    }
  }
};

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED');
};

export const getLoyaltyRules = async (ctx: CoreContext): Promise<LoyaltyRules> =>
  readLoyaltyRules(ctx.database.sqlite);

/** Saves new rules and puts every customer in their tier under them (history says why). */
export const saveLoyaltyRules = async (
  ctx: CoreContext,
  input: LoyaltyRules,
): Promise<LoyaltyRules> => {
  const rules = normaliseRules(input);
  checkLoyaltyRules(rules);
  const { sqlite } = ctx.database;
  const date = await today(ctx);
  sqlite
    .transaction(() => {
      writeLoyaltyRules(sqlite, rules, nowIso(ctx));
    })
    .immediate();
  updateLoyaltyOn(sqlite, { date, now: nowIso(ctx), rules, newId: idsFor(ctx) });
  return rules;
};

/**
 * How many customers each tier would hold today under `input`, computed exactly as saving would
 * place them; nothing is saved.
 */
export const previewTiers = async (
  ctx: CoreContext,
  input: LoyaltyRules,
): Promise<TierDistribution> => {
  const rules = normaliseRules(input);
  checkLoyaltyRules(rules);
  const { sqlite } = ctx.database;
  const date = await today(ctx);
  try {
    refreshPendingKpiFacts(sqlite);
  } catch (error) {
    // While an import writes, the customers' days as they were (the import's own come after it).
    if (!isBusy(error)) throw error;
  }
  let counts: number[] = [];
  // A read of a consistent snapshot; the temporary tables are this connection's own.
  sqlite
    .transaction(() => {
      computeTiers(sqlite, rules, tierWindowOf(date, rules.window), 'all');
      counts = countFresh(sqlite, rules.tiers.length);
      sqlite.exec('DROP TABLE temp.loyalty_fresh');
    })
    .immediate();
  return distributionOf(date, rules, counts);
};

const distributionOf = (
  asOf: string,
  rules: LoyaltyRules,
  counts: readonly number[],
): TierDistribution => {
  const tiers = rules.tiers.map((tier, rank) => ({
    id: tier.id,
    name: tier.name,
    rank,
    threshold: tier.threshold,
    customers: counts[rank] ?? 0,
  }));
  return { asOf, customers: tiers.reduce((sum, tier) => sum + tier.customers, 0), tiers };
};

/** How many customers each tier holds now. */
export const getTierDistribution = async (ctx: CoreContext): Promise<TierDistribution> => {
  await ensureLoyaltyCurrent(ctx);
  const { sqlite } = ctx.database;
  const rules = readLoyaltyRules(sqlite);
  const counts = new Array<number>(rules.tiers.length).fill(0);
  const rows = sqlite
    .prepare(
      `SELECT t.tier_id, count(*) AS n FROM customer_tiers t
       JOIN customers c ON c.id = t.customer_id
         AND c.merged_into_id IS NULL AND c.archived_at IS NULL
       WHERE t.tier_rank > 0 GROUP BY t.tier_id`,
    )
    .all() as { tier_id: string; n: number }[];
  for (const { tier_id: id, n } of rows) {
    const rank = rules.tiers.findIndex((tier) => tier.id === id);
    if (rank > 0) counts[rank] = n;
  }
  counts[0] = liveCustomerCount(sqlite) - counts.reduce((a, b) => a + b, 0);
  return distributionOf(readLoyaltyState(sqlite)?.asOf ?? (await today(ctx)), rules, counts);
};

/** Customers within the playbook's near-next-tier margin, closest (by share missing) first. */
export const listNearNextTier = async (
  ctx: CoreContext,
  input: z.output<typeof loyaltyNearNextTier>,
): Promise<Page<NearTierCustomer>> => {
  await ensureLoyaltyCurrent(ctx);
  const { sqlite } = ctx.database;
  const rules = readLoyaltyRules(sqlite);
  const { withinPercent } = (await getPlaybookSettings(ctx)).rules.near_next_tier;
  const rows = nearTierRows(sqlite, rules, withinPercent, {
    offset: input.offset ?? 0,
    limit: input.limit ?? 100,
  });
  return rows;
};

type LedgerRecord = {
  id: string;
  kind: PointsEntry['kind'];
  cause: PointsEntry['cause'];
  points: number;
  spend: number;
  reason: string;
  order_id: string | null;
  batch_id: string | null;
  staff_id: string | null;
  local_date: string;
  expires_on: string | null;
  created_at: string;
};

/** A tier_history row as the profile reads it. */
type HistoryRecord = Omit<TierHistoryTable, 'customer_id' | 'created_at'>;

const requireCustomer = (sqlite: BetterSqlite3.Database, id: string, isChange: boolean) => {
  const row = sqlite.prepare('SELECT id, merged_into_id FROM customers WHERE id = ?').get(id) as
    { id: string; merged_into_id: string | null } | undefined;
  if (!row) throw new AppError('not_found', `No customer with id ${id}.`, { id });
  if (isChange && row.merged_into_id !== null) {
    throw new AppError('conflict', 'This customer was merged into another; change that one.', {
      reason: 'merged',
      mergedIntoId: row.merged_into_id,
    });
  }
};

/** A customer's tier and how it is held, the next tier, their points and both histories. */
export const getLoyaltyCustomer = async (
  ctx: CoreContext,
  customerId: string,
): Promise<LoyaltyCustomer> => {
  const { sqlite } = ctx.database;
  requireCustomer(sqlite, customerId, false);
  await ensureLoyaltyCurrent(ctx);
  return readLoyaltyCustomer(ctx, customerId);
};

/** A customer's tier, the tier above with the spend it still needs, and points balance. */
export type LoyaltyFigures = Pick<LoyaltyCustomer, 'tier' | 'spend' | 'next' | 'balance'>;

/**
 * Reads LoyaltyFigures for many customers (a message to a segment): loyalty brought up to date,
 * and its rules and the near-tier margin read, once; then two indexed lookups a customer.
 */
export const createLoyaltyFigures = async (
  ctx: CoreContext,
): Promise<(customerId: string) => LoyaltyFigures> => {
  await ensureLoyaltyCurrent(ctx);
  return loyaltyFiguresAsTheyAre(ctx);
};

/** LoyaltyFigures as the last loyalty update left them. */
const loyaltyFiguresAsTheyAre = async (
  ctx: CoreContext,
): Promise<(customerId: string) => LoyaltyFigures> => {
  const { sqlite } = ctx.database;
  const rules = readLoyaltyRules(sqlite);
  const { withinPercent } = (await getPlaybookSettings(ctx)).rules.near_next_tier;
  const tierOf = sqlite.prepare('SELECT tier_id, spend FROM customer_tiers WHERE customer_id = ?');
  const balance = balanceStatement(sqlite);
  return (customerId) => {
    const row = tierOf.get(customerId) as { tier_id: string; spend: number } | undefined;
    const found = row ? rules.tiers.findIndex((tier) => tier.id === row.tier_id) : 0;
    const rank = Math.max(0, found);
    const tier = rules.tiers[rank] ?? rules.tiers[0];
    const spend = row?.spend ?? 0;
    const next = nextTierOf(rank, spend, rules.tiers, withinPercent);
    return {
      tier: { id: tier?.id ?? '', name: tier?.name ?? '', rank },
      spend,
      next: next
        ? {
            tier: {
              id: next.tier.id,
              name: next.tier.name,
              rank: rank + 1,
              threshold: next.tier.threshold,
            },
            missing: next.missing,
            isNear: next.isNear,
          }
        : null,
      balance: balance(customerId),
    };
  };
};

const readLoyaltyCustomer = async (
  ctx: CoreContext,
  customerId: string,
): Promise<LoyaltyCustomer> => {
  const { sqlite } = ctx.database;
  const rules = readLoyaltyRules(sqlite);
  const figures = (await loyaltyFiguresAsTheyAre(ctx))(customerId);
  const row = sqlite
    .prepare('SELECT reached_on, held_until FROM customer_tiers WHERE customer_id = ?')
    .get(customerId) as { reached_on: string | null; held_until: string | null } | undefined;
  const { rank } = figures.tier;
  const ledger = (
    sqlite
      .prepare(
        `SELECT id, kind, cause, points, spend, reason, order_id, batch_id, staff_id, local_date,
           expires_on, created_at
         FROM points_ledger WHERE customer_id = ?
         ORDER BY local_date DESC, created_at DESC, id DESC LIMIT 200`,
      )
      .all(customerId) as LedgerRecord[]
  ).map((record): PointsEntry => ({
    id: record.id,
    kind: record.kind,
    cause: record.cause,
    points: record.points,
    spend: record.spend,
    reason: record.reason,
    orderId: record.order_id,
    batchId: record.batch_id,
    staffId: record.staff_id,
    localDate: record.local_date,
    expiresOn: record.expires_on,
    createdAt: record.created_at,
  }));
  const nameOf = (id: string, then: string) =>
    rules.tiers.find((candidate) => candidate.id === id)?.name ?? then;
  const history = (
    sqlite
      .prepare(
        `SELECT id, tier_id, tier_name, tier_rank, from_tier_id, from_tier_name, from_tier_rank,
           reached_on, held_until, changed_on, cause
         FROM tier_history WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT 200`,
      )
      .all(customerId) as HistoryRecord[]
  ).map((record): TierChange => ({
    id: record.id,
    // A tier renamed since is shown by its name now; a removed one by its name then.
    tier: {
      id: record.tier_id,
      name: nameOf(record.tier_id, record.tier_name),
      rank: record.tier_rank,
    },
    from:
      record.from_tier_id === null
        ? null
        : {
            id: record.from_tier_id,
            name: nameOf(record.from_tier_id, record.from_tier_name ?? record.from_tier_id),
            rank: record.from_tier_rank ?? 0,
          },
    reachedOn: record.reached_on,
    heldUntil: record.held_until,
    changedOn: record.changed_on,
    cause: record.cause,
  }));
  return {
    customerId,
    asOf: readLoyaltyState(sqlite)?.asOf ?? null,
    window: rules.window,
    ...figures,
    reachedOn: rank > 0 ? (row?.reached_on ?? null) : null,
    heldUntil: rank > 0 ? (row?.held_until ?? null) : null,
    ledger,
    history,
  };
};

/** Appends a staff row (adjust or redeem) once the balance allows it, in one transaction. */
const changePoints = async (
  ctx: CoreContext,
  input: {
    customerId: string;
    kind: 'adjust' | 'redeem';
    points: number;
    reason: string;
    staffId: string | null | undefined;
  },
): Promise<LoyaltyCustomer> => {
  const { sqlite } = ctx.database;
  requireCustomer(sqlite, input.customerId, true);
  const staffId = await actingStaffId(ctx, input.staffId);
  // The balance includes every earning and expiry up to today.
  await ensureLoyaltyCurrent(ctx);
  const date = await today(ctx);
  const now = nowIso(ctx);
  const newId = idsFor(ctx);
  sqlite
    .transaction(() => {
      const balance = balanceOf(sqlite, input.customerId);
      if (balance + input.points < 0) {
        throw new AppError(
          'conflict',
          `Only ${balance} points are available; ${Math.abs(input.points)} cannot be taken.`,
          { reason: 'not_enough_points', balance },
        );
      }
      sqlite
        .prepare(
          `INSERT INTO points_ledger (id, customer_id, kind, cause, points, reason, staff_id,
             local_date, created_at) VALUES (?, ?, ?, 'manual', ?, ?, ?, ?, ?)`,
        )
        .run(newId(), input.customerId, input.kind, input.points, input.reason, staffId, date, now);
    })
    .immediate();
  return readLoyaltyCustomer(ctx, input.customerId);
};

/** Adds (or, negative, takes away) points by hand, with the reason staff give. */
export const adjustPoints = (
  ctx: CoreContext,
  input: z.output<typeof loyaltyAdjust>,
): Promise<LoyaltyCustomer> =>
  changePoints(ctx, {
    customerId: input.customerId,
    kind: 'adjust',
    points: input.points,
    reason: input.reason,
    staffId: input.staffId,
  });

/** The customer spends points; never more than their balance. */
export const redeemPoints = (
  ctx: CoreContext,
  input: z.output<typeof loyaltyRedeem>,
): Promise<LoyaltyCustomer> =>
  changePoints(ctx, {
    customerId: input.customerId,
    kind: 'redeem',
    points: -input.points,
    reason: input.reason ?? '',
    staffId: input.staffId,
  });
