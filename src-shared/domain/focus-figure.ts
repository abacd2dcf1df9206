/**
 * The "focus figure" the owner picks on the Insights screen: one retention figure with a target,
 * followed month by month. Each figure is one of the monthly series' (kpis:series), so its
 * progress is the same number the charts show.
 */

export const FOCUS_FIGURES = [
  'repeatPurchaseRate',
  'returningCustomerRate',
  'newCustomerChurn90',
  'newCustomers',
  'revenue',
  'averageOrderValue',
  'nps',
  'csat',
] as const;
export type FocusFigureKey = (typeof FOCUS_FIGURES)[number];

/** A share (fraction 0…1), an amount of money (minor units), a count, or an NPS (−100…100). */
export type FigureKind = 'share' | 'money' | 'count' | 'nps';

export const FOCUS_FIGURE_KINDS: Readonly<Record<FocusFigureKey, FigureKind>> = {
  repeatPurchaseRate: 'share',
  returningCustomerRate: 'share',
  newCustomerChurn90: 'share',
  newCustomers: 'count',
  revenue: 'money',
  averageOrderValue: 'money',
  nps: 'nps',
  csat: 'share',
};

/** Figures where less is better: their target is a ceiling, not a floor. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['newCustomerChurn90', 'refundRate']);

/** The owner's choice, stored in Settings: a figure and the value it should reach. */
export type FocusFigure = { figure: FocusFigureKey; target: number };

/** The values a target of each kind may take (shares as fractions). */
export const TARGET_BOUNDS: Readonly<Record<FigureKind, { min: number; max: number }>> = {
  share: { min: 0, max: 1 },
  money: { min: 0, max: Number.MAX_SAFE_INTEGER },
  count: { min: 0, max: 10_000_000 },
  nps: { min: -100, max: 100 },
};

/** Whether a target suits its figure: within its kind's bounds, whole for money, counts and NPS. */
export const isValidTarget = (figure: FocusFigureKey, target: number): boolean => {
  const kind = FOCUS_FIGURE_KINDS[figure];
  const { min, max } = TARGET_BOUNDS[kind];
  if (!Number.isFinite(target) || target < min || target > max) return false;
  return kind === 'share' || Number.isInteger(target);
};

/** Whether a value has reached the target (at or above it, or at or below for lower-is-better). */
export const meetsTarget = (figure: FocusFigureKey, value: number, target: number): boolean =>
  LOWER_IS_BETTER.has(figure) ? value <= target : value >= target;
