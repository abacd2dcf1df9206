import type { LoyaltyRules, LoyaltyWindow } from '../../../src-shared/contract/index.ts';
import { LOYALTY_LIMITS, loyaltyProblems } from '../../../src-shared/domain/loyalty.ts';
import type { LoyaltyProblem } from '../../../src-shared/domain/loyalty.ts';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';
import type { Locale, MoneySettings } from '../../../src-shared/i18n/locale.ts';
import { currencyMinorDigits, formatNumber } from '../../../src-shared/i18n/locale.ts';
import { isApiError } from '../../api/client.ts';

/*
 * The loyalty rules editor (DESIGN.md §2) as text the owner types: amounts in the unit the shop
 * shows (Toman, Rial, pounds…) in either digits, turned into the rules' integer minor units and
 * checked with the same rules the core applies (src-shared/domain/loyalty).
 */

export type TierDraft = { id: string; name: string; threshold: string };

export type LoyaltyDraft = {
  window: LoyaltyWindow;
  earnPer: string;
  earnPoints: string;
  isExpiring: boolean;
  expiryMonths: string;
  tiers: TierDraft[];
};

export type FieldReason =
  | 'required'
  | 'amount'
  | 'whole'
  | 'months'
  | 'base_not_zero'
  | 'not_rising'
  | 'duplicate_name'
  | 'too_long';

export type DraftErrors = {
  tiers?: 'tier_count';
  earnPer?: FieldReason;
  earnPoints?: FieldReason;
  expiryMonths?: FieldReason;
  names: Partial<Record<number, FieldReason>>;
  thresholds: Partial<Record<number, FieldReason>>;
};

export const NO_ERRORS: DraftErrors = { names: {}, thresholds: {} };

export const hasErrors = (errors: DraftErrors): boolean =>
  errors.tiers !== undefined ||
  errors.earnPer !== undefined ||
  errors.earnPoints !== undefined ||
  errors.expiryMonths !== undefined ||
  Object.keys(errors.names).length > 0 ||
  Object.keys(errors.thresholds).length > 0;

/** Minor units per unit the shop shows: Toman is 10 Rial; pounds are 100 pence. */
export const displayFactor = (money: MoneySettings): number => {
  if (money.currency.toUpperCase() === 'IRR') return money.displayUnit === 'toman' ? 10 : 1;
  try {
    return 10 ** currencyMinorDigits(money.currency);
  } catch {
    return 100;
  }
};

/**
 * An amount typed in the shown unit, in any digits, with or without thousands separators
 * (',' '٬' or spaces) and with '.' or '٫' as the decimal mark; null when it is not one.
 */
export const parseAmount = (text: string, money: MoneySettings): number | null => {
  const cleaned = normaliseDigits(text)
    .replace(/[\s,\u066c\u200c\u200f\u200e]/g, '')
    .replace('\u066b', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const minor = Math.round(Number(cleaned) * displayFactor(money));
  return Number.isSafeInteger(minor) ? minor : null;
};

/** An amount in minor units as the input shows it: the shown unit, locale digits, no grouping. */
export const amountText = (minor: number, money: MoneySettings, locale: Locale): string => {
  const factor = displayFactor(money);
  return formatNumber(minor / factor, locale, {
    useGrouping: false,
    maximumFractionDigits: Math.max(0, Math.round(Math.log10(factor))),
  });
};

const wholeText = (n: number, locale: Locale): string =>
  formatNumber(n, locale, { useGrouping: false, maximumFractionDigits: 0 });

const parseWhole = (text: string): number | null => {
  const cleaned = normaliseDigits(text).trim();
  return /^\d+$/.test(cleaned) ? Number(cleaned) : null;
};

export const draftOf = (
  rules: LoyaltyRules,
  money: MoneySettings,
  locale: Locale,
): LoyaltyDraft => ({
  window: rules.window,
  earnPer: amountText(rules.earn.per, money, locale),
  earnPoints: wholeText(rules.earn.points, locale),
  isExpiring: rules.expiryMonths !== null,
  expiryMonths: wholeText(rules.expiryMonths ?? 12, locale),
  tiers: rules.tiers.map((tier) => ({
    id: tier.id,
    name: tier.name,
    threshold: amountText(tier.threshold, money, locale),
  })),
});

export const isSameDraft = (a: LoyaltyDraft, b: LoyaltyDraft): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** An id for a new tier, unlike the others: tier-2, tier-3, … */
export const newTierId = (tiers: readonly { id: string }[]): string => {
  const taken = new Set(tiers.map((tier) => tier.id));
  let n = tiers.length + 1;
  while (taken.has(`tier-${n}`)) n += 1;
  return `tier-${n}`;
};

/** A tier to add above the top one: twice its threshold (or a round sum above the base). */
export const nextTierDraft = (
  draft: LoyaltyDraft,
  money: MoneySettings,
  locale: Locale,
  name: string,
): TierDraft => {
  const top = parseAmount(draft.tiers.at(-1)?.threshold ?? '', money) ?? 0;
  const threshold = top > 0 ? top * 2 : 1000 * displayFactor(money);
  return { id: newTierId(draft.tiers), name, threshold: amountText(threshold, money, locale) };
};

const problemReason = (problem: LoyaltyProblem): FieldReason => {
  switch (problem.reason) {
    case 'base_not_zero':
    case 'not_rising':
    case 'duplicate_name':
      return problem.reason;
    case 'required':
      return 'required';
    case 'too_big':
      return 'too_long';
    default:
      return 'amount';
  }
};

export type DraftCheck = { ok: true; rules: LoyaltyRules } | { ok: false; errors: DraftErrors };

/** The rules the draft means, or every field at fault with why. */
export const checkDraft = (draft: LoyaltyDraft, money: MoneySettings): DraftCheck => {
  const errors: DraftErrors = { names: {}, thresholds: {} };
  const per = parseAmount(draft.earnPer, money);
  if (draft.earnPer.trim() === '') errors.earnPer = 'required';
  else if (per === null || per < 1) errors.earnPer = 'amount';
  const points = parseWhole(draft.earnPoints);
  if (draft.earnPoints.trim() === '') errors.earnPoints = 'required';
  else if (points === null || points > LOYALTY_LIMITS.earnPointsMax) errors.earnPoints = 'whole';
  const months = parseWhole(draft.expiryMonths);
  if (
    draft.isExpiring &&
    (months === null ||
      months < LOYALTY_LIMITS.expiryMonthsMin ||
      months > LOYALTY_LIMITS.expiryMonthsMax)
  ) {
    errors.expiryMonths = 'months';
  }
  const tiers = draft.tiers.map((tier, index) => {
    const threshold = parseAmount(tier.threshold, money);
    if (tier.threshold.trim() === '') errors.thresholds[index] = 'required';
    else if (threshold === null) errors.thresholds[index] = 'amount';
    return { id: tier.id, name: tier.name.trim(), threshold: threshold ?? 0 };
  });
  const rules: LoyaltyRules = {
    window: draft.window,
    earn: { per: per ?? 1, points: points ?? 0 },
    expiryMonths: draft.isExpiring ? (months ?? 1) : null,
    tiers,
  };
  for (const problem of loyaltyProblems(rules)) {
    if (problem.field === 'tiers') errors.tiers = 'tier_count';
    if (problem.field === 'name') errors.names[problem.index] ??= problemReason(problem);
    if (problem.field === 'threshold') errors.thresholds[problem.index] ??= problemReason(problem);
  }
  return hasErrors(errors) ? { ok: false, errors } : { ok: true, rules };
};

/** The core's refusal of a save, on the field (and tier) it names; null for other failures. */
export const loyaltyErrorOf = (error: unknown): DraftErrors | null => {
  if (!isApiError(error) || error.code !== 'bad_input') return null;
  const { field, reason, index } = error.details;
  const errors: DraftErrors = { names: {}, thresholds: {} };
  const at = typeof index === 'number' ? index : 0;
  const why: FieldReason =
    reason === 'base_not_zero' || reason === 'not_rising' || reason === 'duplicate_name'
      ? reason
      : reason === 'required'
        ? 'required'
        : 'amount';
  if (field === 'name') errors.names[at] = why === 'amount' ? 'required' : why;
  else if (field === 'threshold') errors.thresholds[at] = why;
  else if (field === 'tiers') errors.tiers = 'tier_count';
  else return null;
  return errors;
};
