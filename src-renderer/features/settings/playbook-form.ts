import type {
  PlaybookSettings,
  TaskPriority,
  TaskRule,
} from '../../../src-shared/contract/index.ts';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';
import {
  DEFAULT_PLAYBOOK_SETTINGS,
  PLAYBOOK_NUMBER_BOUNDS,
  defaultWeekend,
} from '../../../src-shared/domain/playbook-rules.ts';
import type { PlaybookNumberKey } from '../../../src-shared/domain/playbook-rules.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import { formatNumber } from '../../../src-shared/i18n/locale.ts';
import { isApiError } from '../../api/client.ts';

/*
 * The follow-up rules form (DESIGN.md §4): the playbook's parameters as text the owner types,
 * checked with the bounds the contract's schema is built from (src-shared/domain/playbook-rules),
 * and the core's
 * own refusals read back onto the field they name.
 */

/** Every number the playbook has, by its path in PlaybookSettings, with its bounds. */
export const NUMBER_FIELDS = PLAYBOOK_NUMBER_BOUNDS;

export type NumberKey = PlaybookNumberKey;
export const NUMBER_KEYS = Object.keys(NUMBER_FIELDS) as NumberKey[];

/** The rules in the order the settings show them, with their priority and their numbers. */
export const RULES: readonly { rule: TaskRule; priority: TaskPriority; fields: NumberKey[] }[] = [
  {
    rule: 'post_purchase_checkin',
    priority: 'normal',
    fields: ['rules.post_purchase_checkin.days'],
  },
  { rule: 'first_survey', priority: 'normal', fields: ['rules.first_survey.days'] },
  {
    rule: 'second_purchase_nudge',
    priority: 'high',
    fields: ['rules.second_purchase_nudge.fromDays', 'rules.second_purchase_nudge.toDays'],
  },
  {
    rule: 'recovery',
    priority: 'urgent',
    fields: ['rules.recovery.npsMax', 'rules.recovery.csatMax'],
  },
  {
    rule: 'churn_warning',
    priority: 'high',
    fields: ['rules.churn_warning.days', 'rules.churn_warning.gapFactor'],
  },
  {
    rule: 'vip_opportunity',
    priority: 'normal',
    fields: [
      'rules.vip_opportunity.percentile',
      'rules.vip_opportunity.windowDays',
      'rules.vip_opportunity.ownAverageFactor',
    ],
  },
  { rule: 'birthday', priority: 'low', fields: ['rules.birthday.daysBefore'] },
  { rule: 'near_next_tier', priority: 'low', fields: ['rules.near_next_tier.withinPercent'] },
];

/** The week as the locale reads it: from Saturday in Persian, from Monday in English. */
export function weekOrder(locale: Locale): number[] {
  return locale === 'fa' ? [6, 0, 1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6, 0];
}

export type PlaybookDraft = {
  /** As typed, in either digits. */
  numbers: Record<NumberKey, string>;
  enabled: Record<TaskRule, boolean>;
  /** False: the days without calls follow the shop's time zone (weekendDays null). */
  isWeekendCustom: boolean;
  /** The chosen days, kept while the choice is the time zone's so switching back restores them. */
  weekendDays: number[];
};

const byNumber = (a: number, b: number): number => a - b;

const valueAt = (settings: PlaybookSettings, key: NumberKey): number => {
  const [first, rule, name] = key.split('.');
  if (first !== 'rules') return settings[key as 'frequencyCapDays'];
  const values = settings.rules[rule as TaskRule] as unknown as Record<string, number>;
  return values[name ?? ''] ?? 0;
};

/** A number as the owner reads it: the locale's digits and decimal mark, no grouping. */
export function numberText(value: number, locale: Locale): string {
  return formatNumber(value, locale, { useGrouping: false, maximumFractionDigits: 2 });
}

export function draftOf(
  settings: PlaybookSettings,
  locale: Locale,
  timeZone: string,
): PlaybookDraft {
  const numbers = Object.fromEntries(
    NUMBER_KEYS.map((key) => [key, numberText(valueAt(settings, key), locale)]),
  ) as Record<NumberKey, string>;
  const enabled = Object.fromEntries(
    RULES.map(({ rule }) => [rule, settings.rules[rule].enabled]),
  ) as Record<TaskRule, boolean>;
  return {
    numbers,
    enabled,
    isWeekendCustom: settings.weekendDays !== null,
    weekendDays: [...(settings.weekendDays ?? defaultWeekend(timeZone))].sort(byNumber),
  };
}

/**
 * The number typed, or null: Persian or Arabic-Indic digits, and '.' or the Persian decimal mark
 * '٫'. Grouping is refused rather than guessed ("3,650" is not 3.65).
 */
export function parseNumberText(text: string): number | null {
  const cleaned = normaliseDigits(text)
    .replace(/\p{Cf}/gu, '')
    .replace(/\u066b/g, '.')
    .trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(cleaned)) return null;
  return Number(cleaned);
}

export type FieldProblem =
  | { reason: 'required' }
  | { reason: 'range'; min: number; max: number; isInteger: boolean }
  | { reason: 'window_reversed' }
  | { reason: 'no_working_day' }
  | { reason: 'invalid' };

export type ErrorKey = NumberKey | 'weekendDays';
export type PlaybookErrors = Partial<Record<ErrorKey, FieldProblem>>;

const rangeOf = (key: NumberKey): FieldProblem => ({ reason: 'range', ...NUMBER_FIELDS[key] });

const setAt = (settings: PlaybookSettings, key: NumberKey, value: number): void => {
  const [first, rule, name] = key.split('.');
  if (first !== 'rules') {
    (settings as unknown as Record<string, number>)[key] = value;
    return;
  }
  (settings.rules[rule as TaskRule] as unknown as Record<string, number>)[name ?? ''] = value;
};

export type CheckedDraft =
  { ok: true; settings: PlaybookSettings } | { ok: false; errors: PlaybookErrors };

/** The draft as the settings to save, or what is wrong with it, field by field. */
export function checkDraft(draft: PlaybookDraft): CheckedDraft {
  const errors: PlaybookErrors = {};
  const settings: PlaybookSettings = structuredClone(DEFAULT_PLAYBOOK_SETTINGS);
  for (const key of NUMBER_KEYS) {
    const text = draft.numbers[key];
    const value = parseNumberText(text);
    const { min, max, isInteger } = NUMBER_FIELDS[key];
    if (text.trim() === '') errors[key] = { reason: 'required' };
    else if (
      value === null ||
      value < min ||
      value > max ||
      (isInteger && !Number.isInteger(value))
    )
      errors[key] = rangeOf(key);
    else setAt(settings, key, value);
  }
  for (const { rule } of RULES) settings.rules[rule].enabled = draft.enabled[rule];
  const nudge = settings.rules.second_purchase_nudge;
  if (
    !errors['rules.second_purchase_nudge.fromDays'] &&
    !errors['rules.second_purchase_nudge.toDays'] &&
    nudge.fromDays > nudge.toDays
  ) {
    errors['rules.second_purchase_nudge.fromDays'] = { reason: 'window_reversed' };
  }
  if (draft.isWeekendCustom) {
    const days = [...new Set(draft.weekendDays)].sort(byNumber);
    if (days.length >= 7) errors.weekendDays = { reason: 'no_working_day' };
    settings.weekendDays = days;
  } else {
    settings.weekendDays = null;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}

const comparable = (draft: PlaybookDraft) => ({
  ...draft,
  // "7" and "۷" are the same answer; text that is not a number compares as typed.
  numbers: NUMBER_KEYS.map((key) => parseNumberText(draft.numbers[key]) ?? draft.numbers[key]),
  weekendDays: draft.isWeekendCustom ? [...new Set(draft.weekendDays)].sort(byNumber) : null,
});

/** Whether the draft says something other than the saved settings (the form is dirty). */
export function isSameDraft(a: PlaybookDraft, b: PlaybookDraft): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

/** Whether the settings are the shipped ones (Restore defaults would change nothing). */
export function isDefault(settings: PlaybookSettings): boolean {
  return (
    JSON.stringify(canonical(settings)) === JSON.stringify(canonical(DEFAULT_PLAYBOOK_SETTINGS))
  );
}

const canonical = (settings: PlaybookSettings) => ({
  numbers: NUMBER_KEYS.map((key) => valueAt(settings, key)),
  enabled: RULES.map(({ rule }) => settings.rules[rule].enabled),
  weekendDays: settings.weekendDays === null ? null : [...settings.weekendDays].sort(byNumber),
});

/**
 * The field a refusal of playbook:settings-update is about: the schema's issue path
 * ('rules.churn_warning.days'), or the core's own check of the nudge window. Null when the
 * refusal names no field of this form (it is then said above the buttons).
 */
export function playbookErrorOf(error: unknown): PlaybookErrors | null {
  if (!isApiError(error) || error.code !== 'bad_input') return null;
  const { reason, field, issues } = error.details;
  if (reason === 'window_reversed' || field === 'fromDays') {
    return { 'rules.second_purchase_nudge.fromDays': { reason: 'window_reversed' } };
  }
  const first = Array.isArray(issues) ? (issues[0] as { path?: unknown } | undefined) : undefined;
  const path = Array.isArray(first?.path) ? first.path.map(String) : [];
  if (path[0] === 'weekendDays') return { weekendDays: { reason: 'invalid' } };
  const key = path.join('.');
  if (key in NUMBER_FIELDS) return { [key]: rangeOf(key as NumberKey) };
  return null;
}
