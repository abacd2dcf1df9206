import type BetterSqlite3 from 'better-sqlite3';
import type { NearTierCustomer, Page, TierBadge } from '../../../src-shared/contract/types.ts';
import { nearMargin } from '../../../src-shared/domain/loyalty.ts';
import type { LoyaltyRules } from '../../../src-shared/domain/loyalty.ts';
import type { NearTierCandidate, TierSource } from '../playbook/playbook.ts';
import { readLoyaltyRules } from './loyalty-settings.ts';

/**
 * Who is near the next tier (DESIGN.md §4: within withinPercent of its threshold), read from the
 * tier cache as the last loyalty update left it: the playbook runs right after that update, and
 * reading never recomputes, so a run stays as fast as its other rules.
 */

/** The cached customers whose spend is within the margin below the tier above theirs. */
const nearCondition = (rules: LoyaltyRules, withinPercent: number): string | null => {
  const parts = rules.tiers.slice(1).map((next, index) => {
    const threshold = Math.trunc(next.threshold);
    const from = threshold - nearMargin(threshold, withinPercent);
    return `(t.tier_rank = ${index} AND t.spend >= ${from} AND t.spend < ${threshold})`;
  });
  return parts.length === 0 ? null : parts.join(' OR ');
};

type NearRow = {
  customer_id: string;
  tier_rank: number;
  spend: number;
  name: string;
  phone_e164: string | null;
};

const badge = (rules: LoyaltyRules, rank: number) => {
  const tier = rules.tiers[rank];
  return { id: tier?.id ?? '', name: tier?.name ?? '', rank };
};

export const nearTierRows = (
  sqlite: BetterSqlite3.Database,
  rules: LoyaltyRules,
  withinPercent: number,
  page: { offset: number; limit: number },
): Page<NearTierCustomer> => {
  const condition = nearCondition(rules, withinPercent);
  if (condition === null) return { rows: [], total: 0 };
  const from = `FROM customer_tiers t JOIN customers c ON c.id = t.customer_id
    AND c.merged_into_id IS NULL AND c.archived_at IS NULL
    WHERE ${condition}`;
  const total = sqlite.prepare(`SELECT count(*) ${from}`).pluck().get() as number;
  const thresholds = `(CASE t.tier_rank ${rules.tiers
    .slice(1)
    .map((next, index) => `WHEN ${index} THEN ${Math.trunc(next.threshold)}`)
    .join(' ')} END)`;
  const rows = sqlite
    .prepare(
      `SELECT t.customer_id, t.tier_rank, t.spend, c.name, c.phone_e164 ${from}
       ORDER BY (${thresholds} - t.spend) * 1.0 / ${thresholds}, c.sort_name, c.id
       LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as NearRow[];
  return {
    total,
    rows: rows.map((row) => {
      const next = rules.tiers[row.tier_rank + 1];
      const threshold = next?.threshold ?? 0;
      return {
        customerId: row.customer_id,
        name: row.name,
        phone: row.phone_e164,
        tier: badge(rules, row.tier_rank),
        next: { ...badge(rules, row.tier_rank + 1), threshold },
        spend: row.spend,
        missing: threshold - row.spend,
      };
    }),
  };
};

/**
 * The playbook's tier source: the customers near their next tier, and whether a customer has
 * reached a tier since (their near-next-tier follow-up then closes as resolved by purchase).
 */
export const loyaltyTierSource = (sqlite: BetterSqlite3.Database): TierSource => {
  let rules: LoyaltyRules | null = null;
  const rulesNow = () => (rules ??= readLoyaltyRules(sqlite));
  return {
    nearNextTier: (_date, withinPercent): NearTierCandidate[] => {
      const current = rulesNow();
      const condition = nearCondition(current, withinPercent);
      if (condition === null) return [];
      const rows = sqlite
        .prepare(
          `SELECT t.customer_id, t.tier_rank, t.spend FROM customer_tiers t WHERE ${condition}`,
        )
        .all() as { customer_id: string; tier_rank: number; spend: number }[];
      return rows.flatMap((row) => {
        const next = current.tiers[row.tier_rank + 1];
        return next
          ? [
              {
                customerId: row.customer_id,
                tierId: next.id,
                tierName: next.name,
                missing: next.threshold - row.spend,
              },
            ]
          : [];
      });
    },
    hasReached: (customerId, tierId) => {
      const rank = rulesNow().tiers.findIndex((tier) => tier.id === tierId);
      if (rank <= 0) return false;
      const current = sqlite
        .prepare('SELECT tier_rank FROM customer_tiers WHERE customer_id = ?')
        .pluck()
        .get(customerId) as number | undefined;
      return current !== undefined && current >= rank;
    },
  };
};

/**
 * The tier badges of some customers (a page of a list), as cached; a customer without a cached
 * row is in the base tier. Tiers the rules no longer have read as the base tier.
 */
export const tierBadgesOf = (
  sqlite: BetterSqlite3.Database,
  customerIds: readonly string[],
): Map<string, TierBadge> => {
  const rules = readLoyaltyRules(sqlite);
  const rankOf = new Map(rules.tiers.map((tier, rank) => [tier.id, rank]));
  const cached = new Map(
    (
      sqlite
        .prepare(
          `SELECT customer_id, tier_id FROM customer_tiers
           WHERE customer_id IN (SELECT value FROM json_each(?))`,
        )
        .all(JSON.stringify(customerIds)) as { customer_id: string; tier_id: string }[]
    ).map((row) => [row.customer_id, row.tier_id]),
  );
  return new Map(
    customerIds.map((id) => {
      const tierId = cached.get(id);
      return [id, badge(rules, tierId === undefined ? 0 : (rankOf.get(tierId) ?? 0))];
    }),
  );
};

/**
 * The customers in a tier (rowids, ascending), for the Customers list's tier filter: those
 * cached in it, or for the base tier everyone cached in no tier above it.
 */
export const tierRowids = (sqlite: BetterSqlite3.Database, tierId: string): number[] => {
  const rank = readLoyaltyRules(sqlite).tiers.findIndex((tier) => tier.id === tierId);
  if (rank < 0) return [];
  const sql =
    rank === 0
      ? `SELECT c.rowid FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_tiers t
           WHERE t.customer_id = c.id AND t.tier_rank > 0) ORDER BY c.rowid`
      : `SELECT c.rowid FROM customer_tiers t JOIN customers c ON c.id = t.customer_id
         WHERE t.tier_id = ? ORDER BY c.rowid`;
  const statement = sqlite.prepare(sql).pluck();
  return (rank === 0 ? statement.all() : statement.all(tierId)) as number[];
};
