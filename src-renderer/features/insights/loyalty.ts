import type { Kpis } from '../../../src-shared/contract/index.ts';

/**
 * "Loyalty members vs others" (DESIGN.md §3), read from the figures' `loyaltyMembers` (the
 * loyalty work's): each group's size, the 90-day repeat rate of its new customers and its repeat
 * purchase rate. Read defensively: without the field, or with a shape it does not know, the
 * screen shows nothing for it.
 */
export type LoyaltyGroup = {
  /** Everyone in the group (the members, or the rest). */
  customers: number;
  repeatRate90: number | null;
  repeatPurchaseRate: number | null;
};
export type LoyaltyComparison = {
  members: LoyaltyGroup;
  others: LoyaltyGroup;
  /** The rates the figures carry, in the order to show them. */
  measures: ('repeatRate90' | 'repeatPurchaseRate')[];
};

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const rate = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const hasRate = (group: Loose, measure: string) =>
  Object.hasOwn(group, measure) && (group[measure] === null || typeof group[measure] === 'number');

export const loyaltyComparisonOf = (kpis: Kpis): LoyaltyComparison | null => {
  const field = (kpis as unknown as Loose)['loyaltyMembers'];
  if (!isObject(field)) return null;
  const members = field['members'];
  const others = field['others'] ?? field['nonMembers'] ?? field['rest'];
  if (!isObject(members) || !isObject(others)) return null;
  const measures = (['repeatRate90', 'repeatPurchaseRate'] as const).filter(
    (measure) => hasRate(members, measure) && hasRate(others, measure),
  );
  const sizeOf = (group: Loose): number | null => {
    const size = group['allCustomers'] ?? group['customers'];
    return typeof size === 'number' ? size : null;
  };
  const membersSize = sizeOf(members);
  const othersSize = sizeOf(others);
  if (measures.length === 0 || membersSize === null || othersSize === null) return null;
  const groupOf = (group: Loose, customers: number): LoyaltyGroup => ({
    customers,
    repeatRate90: rate(group['repeatRate90']),
    repeatPurchaseRate: rate(group['repeatPurchaseRate']),
  });
  return {
    members: groupOf(members, membersSize),
    others: groupOf(others, othersSize),
    measures,
  };
};
