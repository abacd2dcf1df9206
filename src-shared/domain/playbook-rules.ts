import type { PlaybookSettings } from '../contract/types.ts';

/**
 * The follow-up playbook's parameters (DESIGN.md §4), shared by the core that runs it, the
 * contract that checks a change and the settings form that edits it: the shipped values, the
 * bounds of every number, and the days without calls when the owner leaves them to the zone.
 */

/** DESIGN.md §4, as shipped. */
export const DEFAULT_PLAYBOOK_SETTINGS: PlaybookSettings = {
  frequencyCapDays: 7,
  catchUpDays: 7,
  maxAttempts: 3,
  weekendDays: null,
  rules: {
    post_purchase_checkin: { enabled: true, days: 7 },
    first_survey: { enabled: true, days: 30 },
    second_purchase_nudge: { enabled: true, fromDays: 30, toDays: 60 },
    recovery: { enabled: true, npsMax: 6, csatMax: 2 },
    churn_warning: { enabled: true, days: 90, gapFactor: 2 },
    vip_opportunity: { enabled: true, percentile: 90, windowDays: 365, ownAverageFactor: 2 },
    birthday: { enabled: true, daysBefore: 3 },
    near_next_tier: { enabled: true, withinPercent: 10 },
  },
};

export type NumberBounds = { min: number; max: number; isInteger: boolean };

/** Every number of the settings, by its path in PlaybookSettings, with its bounds. */
export const PLAYBOOK_NUMBER_BOUNDS = {
  frequencyCapDays: { min: 0, max: 365, isInteger: true },
  catchUpDays: { min: 0, max: 60, isInteger: true },
  maxAttempts: { min: 1, max: 10, isInteger: true },
  'rules.post_purchase_checkin.days': { min: 1, max: 3650, isInteger: true },
  'rules.first_survey.days': { min: 1, max: 3650, isInteger: true },
  'rules.second_purchase_nudge.fromDays': { min: 1, max: 3650, isInteger: true },
  'rules.second_purchase_nudge.toDays': { min: 1, max: 3650, isInteger: true },
  'rules.recovery.npsMax': { min: 0, max: 9, isInteger: true },
  'rules.recovery.csatMax': { min: 1, max: 4, isInteger: true },
  'rules.churn_warning.days': { min: 1, max: 3650, isInteger: true },
  'rules.churn_warning.gapFactor': { min: 1, max: 10, isInteger: false },
  'rules.vip_opportunity.percentile': { min: 50, max: 99.9, isInteger: false },
  'rules.vip_opportunity.windowDays': { min: 7, max: 3650, isInteger: true },
  'rules.vip_opportunity.ownAverageFactor': { min: 1, max: 20, isInteger: false },
  'rules.birthday.daysBefore': { min: 0, max: 30, isInteger: true },
  'rules.near_next_tier.withinPercent': { min: 1, max: 50, isInteger: false },
} as const satisfies Record<string, NumberBounds>;

export type PlaybookNumberKey = keyof typeof PLAYBOOK_NUMBER_BOUNDS;

/**
 * Days without calls, 0 = Sunday: Friday in Iran (and Afghanistan), Saturday and Sunday
 * elsewhere. The playbook's weekendDays setting overrides it.
 */
export const defaultWeekend = (timeZone: string): number[] =>
  timeZone === 'Asia/Tehran' || timeZone === 'Asia/Kabul' ? [5] : [0, 6];
