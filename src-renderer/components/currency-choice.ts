import type { DisplayUnit } from '../../src-shared/contract/index.ts';

/** How the shop counts money: Iranian Rial shown as Toman or Rial, or any other ISO currency. */
export type CurrencyChoice = { kind: 'toman' } | { kind: 'rial' } | { kind: 'other'; code: string };

export function currencyChoiceOf(
  currency: string,
  displayUnit: DisplayUnit | null,
): CurrencyChoice {
  if (currency === 'IRR') return { kind: displayUnit === 'rial' ? 'rial' : 'toman' };
  return { kind: 'other', code: currency };
}

const knownCurrencies = (): readonly string[] => {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return [];
  }
};

/** The settings fields for a choice, or null when the ISO code is not a known currency. */
export function currencyPatchOf(
  choice: CurrencyChoice,
): { currency: string; displayUnit: DisplayUnit | null } | null {
  if (choice.kind !== 'other') return { currency: 'IRR', displayUnit: choice.kind };
  const code = choice.code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return null;
  const known = knownCurrencies();
  if (known.length > 0 && !known.includes(code)) return null;
  // IRR typed as a code still means Rial; keep the unit explicit.
  return { currency: code, displayUnit: code === 'IRR' ? 'rial' : null };
}
