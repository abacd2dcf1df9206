import { describe, expect, it } from 'vitest';
import type { LoyaltyRules } from '../../../src-shared/contract/index.ts';
import type { MoneySettings } from '../../../src-shared/i18n/locale.ts';
import { ApiError } from '../../api/client.ts';
import {
  amountText,
  checkDraft,
  draftOf,
  isSameDraft,
  loyaltyErrorOf,
  newTierId,
  parseAmount,
} from './loyalty-form.ts';

const TOMAN: MoneySettings = { currency: 'IRR', displayUnit: 'toman' };
const RIAL: MoneySettings = { currency: 'IRR', displayUnit: 'rial' };
const GBP: MoneySettings = { currency: 'GBP', displayUnit: null };

const RULES: LoyaltyRules = {
  window: 'rolling12',
  earn: { per: 100_000, points: 1 },
  expiryMonths: null,
  tiers: [
    { id: 'bronze', name: 'Bronze', threshold: 0 },
    { id: 'silver', name: 'Silver', threshold: 100_000_000 },
    { id: 'gold', name: 'Gold', threshold: 300_000_000 },
  ],
};

describe('amounts typed in the shown unit', () => {
  it.each<[string, MoneySettings, number | null]>([
    ['10000000', TOMAN, 100_000_000],
    ['۱۰٬۰۰۰٬۰۰۰', TOMAN, 100_000_000],
    ['10,000,000', TOMAN, 100_000_000],
    ['12.5', TOMAN, 125],
    ['۱۲٫۵', TOMAN, 125],
    ['1000', RIAL, 1000],
    ['400', GBP, 40_000],
    ['19.99', GBP, 1999],
    ['', TOMAN, null],
    ['-5', TOMAN, null],
    ['abc', GBP, null],
  ])('%s → %s minor units', (text, money, minor) => {
    expect(parseAmount(text, money)).toBe(minor);
  });

  it('shows an amount back as it is typed, in the locale digits', () => {
    expect(amountText(100_000_000, TOMAN, 'en')).toBe('10000000');
    expect(amountText(100_000_000, TOMAN, 'fa')).toBe('۱۰۰۰۰۰۰۰');
    expect(amountText(1999, GBP, 'en')).toBe('19.99');
    expect(parseAmount(amountText(123_456, TOMAN, 'fa'), TOMAN)).toBe(123_456);
  });
});

describe('the rules draft', () => {
  it('reads back as the rules it was made from', () => {
    for (const locale of ['fa', 'en'] as const) {
      const draft = draftOf(RULES, TOMAN, locale);
      expect(checkDraft(draft, TOMAN)).toEqual({ ok: true, rules: RULES });
      expect(isSameDraft(draft, draftOf(RULES, TOMAN, locale))).toBe(true);
    }
  });

  it('names each field at fault: the base above 0, a threshold not rising, a duplicate name', () => {
    const draft = draftOf(RULES, TOMAN, 'en');
    draft.tiers[0]!.threshold = '5';
    draft.tiers[2]!.threshold = '10000000';
    draft.tiers[2]!.name = ' silver ';
    draft.earnPer = 'x';
    draft.isExpiring = true;
    draft.expiryMonths = '0';
    const checked = checkDraft(draft, TOMAN);
    expect(checked).toEqual({
      ok: false,
      errors: {
        earnPer: 'amount',
        expiryMonths: 'months',
        names: { 2: 'duplicate_name' },
        thresholds: { 0: 'base_not_zero', 2: 'not_rising' },
      },
    });
  });

  it('turns expiry and the earning rate into the rules', () => {
    const draft = draftOf(RULES, GBP, 'en');
    draft.earnPer = '2.50';
    draft.earnPoints = '3';
    draft.isExpiring = true;
    draft.expiryMonths = '۱۸';
    draft.window = 'jalaliYear';
    const checked = checkDraft(draft, GBP);
    expect(checked.ok && checked.rules).toMatchObject({
      window: 'jalaliYear',
      earn: { per: 250, points: 3 },
      expiryMonths: 18,
    });
  });

  it('gives a new tier an id no other tier has', () => {
    expect(newTierId([{ id: 'bronze' }, { id: 'tier-3' }])).toBe('tier-4');
  });

  it('reads the core refusal back onto the tier it names', () => {
    const error = new ApiError('loyalty:settings-update', 'bad_input', 'x', {
      field: 'threshold',
      index: 1,
      reason: 'not_rising',
    });
    expect(loyaltyErrorOf(error)).toEqual({ names: {}, thresholds: { 1: 'not_rising' } });
    expect(loyaltyErrorOf(new Error('x'))).toBeNull();
  });
});
