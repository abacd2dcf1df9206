import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { loyaltyRules as loyaltyRulesSchema } from '../../../src-shared/contract/schemas.ts';
import type { Locale } from '../../../src-shared/contract/types.ts';
import { defaultLoyaltyRules, loyaltyProblems } from '../../../src-shared/domain/loyalty.ts';
import type { LoyaltyProblem, LoyaltyRules } from '../../../src-shared/domain/loyalty.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import { readSettingValue, writeSettingValue } from '../settings/setting-value.ts';

/**
 * The loyalty rules live in settings, one JSON value under 'loyalty' (like the playbook's). Until
 * the owner saves their own, the shipped Bronze / Silver / Gold apply, named in the shop's
 * language and priced in its currency. Read synchronously: the tier recomputation and the
 * playbook's tier source run inside a transaction.
 */
const KEY = 'loyalty';

/** The shop's language for default names: its chosen one, else Persian for a Rial shop. */
const shopLocale = (sqlite: BetterSqlite3.Database, currency: string): Locale => {
  const locale = readSettingValue(sqlite, 'locale');
  if (locale === 'fa' || locale === 'en') return locale;
  return currency === 'IRR' ? 'fa' : 'en';
};

export const defaultRulesFor = (sqlite: BetterSqlite3.Database): LoyaltyRules => {
  const stored = readSettingValue(sqlite, 'currency');
  const currency = typeof stored === 'string' ? stored : 'IRR';
  const t = createTranslator(shopLocale(sqlite, currency));
  return defaultLoyaltyRules(currency, {
    bronze: t('loyalty.tier.bronze'),
    silver: t('loyalty.tier.silver'),
    gold: t('loyalty.tier.gold'),
  });
};

/** The saved rules, or the defaults (also when the stored value is damaged or hand-edited). */
export const readLoyaltyRules = (sqlite: BetterSqlite3.Database): LoyaltyRules => {
  const parsed = loyaltyRulesSchema.safeParse(readSettingValue(sqlite, KEY));
  if (parsed.success && loyaltyProblems(parsed.data).length === 0) return parsed.data;
  return defaultRulesFor(sqlite);
};

const PROBLEM_TEXT: Record<LoyaltyProblem['reason'], string> = {
  tier_count: 'there must be 1 to 8 tiers',
  base_not_zero: 'the first tier starts at 0',
  not_rising: 'each tier needs a higher threshold than the one below it',
  invalid: 'is not a valid value',
  required: 'needs a name',
  duplicate_name: 'has the same name as another tier',
  too_big: 'is too long',
  duplicate_id: 'has the same id as another tier',
};

/**
 * Refuses rules that are not a ladder, naming the first problem: its field, the tier (index) and
 * a stable reason the UI translates.
 */
export const checkLoyaltyRules = (rules: LoyaltyRules): void => {
  const [problem] = loyaltyProblems(rules);
  if (!problem) return;
  const index = 'index' in problem ? problem.index : null;
  const where = index === null ? problem.field : `Tier ${index + 1} (${problem.field})`;
  throw new AppError('bad_input', `${where}: ${PROBLEM_TEXT[problem.reason]}.`, {
    field: problem.field,
    reason: problem.reason,
    ...(index !== null && { index }),
  });
};

/** Names trimmed, as they are stored and shown. */
export const normaliseRules = (rules: LoyaltyRules): LoyaltyRules => ({
  ...rules,
  tiers: rules.tiers.map((tier) => ({ ...tier, name: tier.name.trim() })),
});

export const writeLoyaltyRules = (
  sqlite: BetterSqlite3.Database,
  rules: LoyaltyRules,
  now: string,
): void => {
  writeSettingValue(sqlite, KEY, rules, now);
};

/** What the last loyalty update covered: a rebuildable cache, kept in settings. */
export type LoyaltyState = {
  /** The day the tiers were computed for. */
  asOf: string;
  /** The rules they were computed under (window and tiers). */
  rulesKey: string;
  /** Expiry has been applied up to this day. */
  expiredThrough: string;
};

const STATE_KEY = 'loyalty.state';

export const readLoyaltyState = (sqlite: BetterSqlite3.Database): LoyaltyState | null => {
  const value = readSettingValue(sqlite, STATE_KEY) as Partial<LoyaltyState> | undefined;
  return value && typeof value.asOf === 'string' && typeof value.rulesKey === 'string'
    ? {
        asOf: value.asOf,
        rulesKey: value.rulesKey,
        expiredThrough: typeof value.expiredThrough === 'string' ? value.expiredThrough : '',
      }
    : null;
};

export const writeLoyaltyState = (
  sqlite: BetterSqlite3.Database,
  state: LoyaltyState,
  now: string,
): void => {
  writeSettingValue(sqlite, STATE_KEY, state, now);
};

/** What the tiers depend on: the window and each tier's id and threshold (not names). */
export const tierRulesKey = (rules: LoyaltyRules): string =>
  JSON.stringify([rules.window, rules.tiers.map((tier) => [tier.id, tier.threshold])]);
