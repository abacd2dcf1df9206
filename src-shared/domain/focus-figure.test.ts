import { describe, expect, it } from 'vitest';
import { settingsPatch } from '../contract/schemas.ts';
import { isValidTarget, meetsTarget } from './focus-figure.ts';

describe('the focus figure and its target', () => {
  it.each([
    ['repeatPurchaseRate', 0.35, true],
    ['repeatPurchaseRate', 1, true],
    ['repeatPurchaseRate', 35, false],
    ['csat', -0.1, false],
    ['nps', -40, true],
    ['nps', 12.5, false],
    ['nps', 101, false],
    ['newCustomers', 40, true],
    ['newCustomers', 40.5, false],
    ['revenue', 15_000_000, true],
    ['revenue', -1, false],
    ['averageOrderValue', Number.NaN, false],
  ] as const)('%s with target %s is %s', (figure, target, isValid) => {
    expect(isValidTarget(figure, target)).toBe(isValid);
    expect(settingsPatch.safeParse({ focusFigure: { figure, target } }).success).toBe(isValid);
  });

  it('is saved as null to have none, and refuses unknown figures and extra fields', () => {
    expect(settingsPatch.safeParse({ focusFigure: null }).success).toBe(true);
    expect(
      settingsPatch.safeParse({ focusFigure: { figure: 'customers', target: 3 } }).success,
    ).toBe(false);
    expect(
      settingsPatch.safeParse({ focusFigure: { figure: 'nps', target: 3, note: 'x' } }).success,
    ).toBe(false);
  });

  it('is met at or above the target, or at or below it for churn', () => {
    expect(meetsTarget('repeatPurchaseRate', 0.35, 0.35)).toBe(true);
    expect(meetsTarget('repeatPurchaseRate', 0.34, 0.35)).toBe(false);
    expect(meetsTarget('newCustomerChurn90', 0.4, 0.45)).toBe(true);
    expect(meetsTarget('newCustomerChurn90', 0.5, 0.45)).toBe(false);
  });
});
