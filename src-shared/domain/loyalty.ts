/**
 * The pure rules of loyalty (DESIGN.md §2): tier definitions and their checks, which tier a net
 * spend reaches, how close the next tier is, the points an order earns, and the window net spend
 * is counted over. Shared by the core (which counts the spend in SQL) and the Loyalty screen
 * (which checks the owner's draft before saving and shows the next tier).
 */
import { addDays, currencyMinorDigits } from '../i18n/locale.ts';
import { dayNumberToJalali, gregorianToDayNumber, jalaliToGregorian } from '../i18n/jalali.ts';

/**
 * What net spend a tier is judged on: the 365 days up to the day ('rolling12'), or the Jalali year
 * so far (from 1 Farvardin, 'jalaliYear').
 */
export type LoyaltyWindow = 'rolling12' | 'jalaliYear';

export type LoyaltyTier = {
  /** Stable id (kept when the tier is renamed or its threshold moves). */
  id: string;
  name: string;
  /** Net spend in the window (integer minor units) that reaches the tier. */
  threshold: number;
};

export type LoyaltyRules = {
  window: LoyaltyWindow;
  /** Points an order earns: `points` for every whole `per` minor units of its net amount. */
  earn: { per: number; points: number };
  /** Points expire this many months after the day they were earned; null: they never do. */
  expiryMonths: number | null;
  /** Lowest first, thresholds strictly rising; the first (the base tier) starts at 0. */
  tiers: LoyaltyTier[];
};

/** A tier reached is kept this many days from the (latest) purchase day that reached it. */
export const TIER_HOLD_DAYS = 365;
/** The rolling window: this many days up to and including the day. */
export const ROLLING_WINDOW_DAYS = 365;

export const LOYALTY_LIMITS = {
  minTiers: 1,
  maxTiers: 8,
  nameMax: 40,
  idMax: 40,
  maxThreshold: 1e15,
  earnPointsMax: 1_000_000,
  earnPerMax: 1e15,
  expiryMonthsMin: 1,
  expiryMonthsMax: 120,
  pointsMax: 100_000_000,
  reasonMax: 500,
} as const;

export type DefaultTierNames = { bronze: string; silver: string; gold: string };

/**
 * The shipped rules: Bronze / Silver / Gold on the rolling 12 months, no expiry. Thresholds and
 * the earning rate suit the currency: for Rial shops 10 and 30 million Toman a year and a point
 * per 10,000 Toman; elsewhere 400 and 1,200 of the currency and a point per unit.
 */
export const defaultLoyaltyRules = (currency: string, names: DefaultTierNames): LoyaltyRules => {
  const isRial = currency.toUpperCase() === 'IRR';
  const unit = isRial ? 1 : 10 ** safeMinorDigits(currency);
  const [silver, gold, per] = isRial
    ? [100_000_000, 300_000_000, 100_000]
    : [400 * unit, 1_200 * unit, unit];
  return {
    window: 'rolling12',
    earn: { per, points: 1 },
    expiryMonths: null,
    tiers: [
      { id: 'bronze', name: names.bronze, threshold: 0 },
      { id: 'silver', name: names.silver, threshold: silver },
      { id: 'gold', name: names.gold, threshold: gold },
    ],
  };
};

const safeMinorDigits = (currency: string): number => {
  try {
    return currencyMinorDigits(currency);
  } catch {
    return 2;
  }
};

export type LoyaltyProblem =
  | { field: 'tiers'; reason: 'tier_count'; min: number; max: number }
  | { field: 'threshold'; index: number; reason: 'base_not_zero' | 'not_rising' | 'invalid' }
  | { field: 'name'; index: number; reason: 'required' | 'duplicate_name' | 'too_big' }
  | { field: 'id'; index: number; reason: 'duplicate_id' | 'invalid' }
  | { field: 'earnPer' | 'earnPoints' | 'expiryMonths'; reason: 'invalid' };

const isWhole = (value: number, min: number, max: number) =>
  Number.isInteger(value) && value >= min && value <= max;

/**
 * Everything wrong with a set of rules, each naming its field (and tier): the contract refuses
 * such rules and the editor shows the same words beside the field.
 */
export const loyaltyProblems = (rules: LoyaltyRules): LoyaltyProblem[] => {
  const problems: LoyaltyProblem[] = [];
  const { tiers } = rules;
  if (tiers.length < LOYALTY_LIMITS.minTiers || tiers.length > LOYALTY_LIMITS.maxTiers) {
    problems.push({
      field: 'tiers',
      reason: 'tier_count',
      min: LOYALTY_LIMITS.minTiers,
      max: LOYALTY_LIMITS.maxTiers,
    });
  }
  const names = new Set<string>();
  const ids = new Set<string>();
  tiers.forEach((tier, index) => {
    const name = tier.name.trim();
    if (name === '') problems.push({ field: 'name', index, reason: 'required' });
    else if (name.length > LOYALTY_LIMITS.nameMax)
      problems.push({ field: 'name', index, reason: 'too_big' });
    else if (names.has(name.toLocaleLowerCase()))
      problems.push({ field: 'name', index, reason: 'duplicate_name' });
    names.add(name.toLocaleLowerCase());
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(tier.id))
      problems.push({ field: 'id', index, reason: 'invalid' });
    else if (ids.has(tier.id)) problems.push({ field: 'id', index, reason: 'duplicate_id' });
    ids.add(tier.id);
    if (!isWhole(tier.threshold, 0, LOYALTY_LIMITS.maxThreshold)) {
      problems.push({ field: 'threshold', index, reason: 'invalid' });
    } else if (index === 0 && tier.threshold !== 0) {
      problems.push({ field: 'threshold', index, reason: 'base_not_zero' });
    } else if (index > 0 && tier.threshold <= (tiers[index - 1]?.threshold ?? -1)) {
      problems.push({ field: 'threshold', index, reason: 'not_rising' });
    }
  });
  if (!isWhole(rules.earn.per, 1, LOYALTY_LIMITS.earnPerMax)) {
    problems.push({ field: 'earnPer', reason: 'invalid' });
  }
  if (!isWhole(rules.earn.points, 0, LOYALTY_LIMITS.earnPointsMax)) {
    problems.push({ field: 'earnPoints', reason: 'invalid' });
  }
  if (
    rules.expiryMonths !== null &&
    !isWhole(rules.expiryMonths, LOYALTY_LIMITS.expiryMonthsMin, LOYALTY_LIMITS.expiryMonthsMax)
  ) {
    problems.push({ field: 'expiryMonths', reason: 'invalid' });
  }
  return problems;
};

/** The tier a net spend reaches: the highest whose threshold is at most the spend (0: the base). */
export const tierRankOf = (spend: number, tiers: readonly LoyaltyTier[]): number => {
  let rank = 0;
  for (let i = 1; i < tiers.length; i += 1) {
    if (spend >= (tiers[i]?.threshold ?? Infinity)) rank = i;
  }
  return rank;
};

/**
 * How far a customer is from the tier above theirs: null at the top. Near (DESIGN.md §4, "near
 * next tier") when the spend still missing is at most withinPercent of that tier's threshold.
 */
export const nextTierOf = (
  rank: number,
  spend: number,
  tiers: readonly LoyaltyTier[],
  withinPercent: number,
): { tier: LoyaltyTier; missing: number; isNear: boolean } | null => {
  const tier = tiers[rank + 1];
  if (!tier) return null;
  const missing = Math.max(0, tier.threshold - spend);
  return {
    tier,
    missing,
    isNear: missing > 0 && missing <= nearMargin(tier.threshold, withinPercent),
  };
};

/** The spend below a threshold that counts as near it (DESIGN.md §4: within 10 %). */
export const nearMargin = (threshold: number, withinPercent: number): number =>
  Math.floor((threshold * withinPercent) / 100);

/** Points earned on an order of this net amount (nothing for a zero or negative amount). */
export const pointsFor = (net: number, earn: LoyaltyRules['earn']): number =>
  net <= 0 || earn.points === 0 ? 0 : Math.floor(net / earn.per) * earn.points;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const dayNumberOf = (day: string): number => {
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  return gregorianToDayNumber(y, m, d);
};

/** The Gregorian day (YYYY-MM-DD) of 1 Farvardin of the Jalali year holding `day`. */
export const jalaliYearStartOf = (day: string): string => {
  const j = dayNumberToJalali(dayNumberOf(day));
  const g = jalaliToGregorian(j.year, 1, 1);
  return `${pad(g.year, 4)}-${pad(g.month)}-${pad(g.day)}`;
};

/** The first day whose purchases count towards the spend of `day`. */
export const windowStartOf = (day: string, window: LoyaltyWindow): string =>
  window === 'jalaliYear' ? jalaliYearStartOf(day) : addDays(day, 1 - ROLLING_WINDOW_DAYS);

/** The last day a tier reached on `day` is held. */
export const heldUntilOf = (reachedOn: string): string => addDays(reachedOn, TIER_HOLD_DAYS - 1);
