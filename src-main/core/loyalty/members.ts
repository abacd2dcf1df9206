import type BetterSqlite3 from 'better-sqlite3';
import type { Kpis } from '../../../src-shared/contract/types.ts';
import { share } from '../../../src-shared/domain/kpis.ts';

/**
 * Loyalty members vs others (DESIGN.md §3, last row): the customers whose tier is above the base
 * tier (as the last loyalty update placed them) against everyone else, over the same populations
 * as the shop's own figures: the 90-day repeat rate over the churn cohort (new customers of the
 * period whose first purchase is ≥ 90 days before T) and the repeat purchase rate over the
 * customers as of T. The members are counted from their purchase days; the others are the shop's
 * totals less the members.
 */
export const loyaltyMembersVsOthers = (
  sqlite: BetterSqlite3.Database,
  q: { from: string; churnEnd: string; asOf: string },
  shop: { churnCohort: number; churnReturned: number; customers: number; repeaters: number },
): Kpis['loyaltyMembers'] => {
  // Each member's first purchase day and days to the first return, cached with their tier.
  const members = sqlite
    .prepare(
      `SELECT
         coalesce(sum(first_day BETWEEN @from AND @churnEnd), 0) AS cohort,
         coalesce(sum(first_day BETWEEN @from AND @churnEnd AND return_gap <= 90), 0)
           AS returned,
         coalesce(sum(first_day <= @asOf), 0) AS customers,
         coalesce(sum(return_gap IS NOT NULL
           AND date(first_day, '+' || return_gap || ' days') <= @asOf), 0) AS repeaters
       FROM customer_tiers WHERE tier_rank > 0 AND first_day IS NOT NULL`,
    )
    .get(q) as { cohort: number; returned: number; customers: number; repeaters: number };
  const group = (cohort: number, returned: number, customers: number, repeaters: number) => ({
    customers: cohort,
    repeatRate90: share(returned, cohort),
    allCustomers: customers,
    repeatPurchaseRate: share(repeaters, customers),
  });
  return {
    members: group(members.cohort, members.returned, members.customers, members.repeaters),
    others: group(
      shop.churnCohort - members.cohort,
      shop.churnReturned - members.returned,
      shop.customers - members.customers,
      shop.repeaters - members.repeaters,
    ),
  };
};
