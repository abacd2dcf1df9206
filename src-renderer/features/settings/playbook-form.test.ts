import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../../src-shared/domain/playbook-rules.ts';
import { playbookSettingsPatch } from '../../../src-shared/contract/schemas.ts';
import type { PlaybookSettings } from '../../../src-shared/contract/index.ts';
import { ApiError } from '../../api/client.ts';
import {
  NUMBER_FIELDS,
  NUMBER_KEYS,
  RULES,
  checkDraft,
  draftOf,
  isDefault,
  isSameDraft,
  parseNumberText,
  playbookErrorOf,
  weekOrder,
} from './playbook-form.ts';
import type { NumberKey, PlaybookDraft } from './playbook-form.ts';

const withNumber = (draft: PlaybookDraft, key: NumberKey, text: string): PlaybookDraft => ({
  ...draft,
  numbers: { ...draft.numbers, [key]: text },
});

/** A patch setting one number, as the form would send it. */
const patchWith = (key: NumberKey, value: number): unknown => {
  const [first, rule, name] = key.split('.');
  return first === 'rules'
    ? { rules: { [rule ?? '']: { [name ?? '']: value } } }
    : { [key]: value };
};

describe('the follow-up rules form', () => {
  it.each(NUMBER_KEYS)('%s has the bounds of the core’s schema', (key) => {
    const { min, max, isInteger } = NUMBER_FIELDS[key];
    const accepts = (value: number) =>
      playbookSettingsPatch.safeParse(patchWith(key, value)).success;
    expect(accepts(min)).toBe(true);
    expect(accepts(max)).toBe(true);
    expect(accepts(min - (isInteger ? 1 : 0.01))).toBe(false);
    expect(accepts(max + (isInteger ? 1 : 0.01))).toBe(false);
    if (isInteger) expect(accepts(min + 0.5)).toBe(false);
    else expect(accepts(min + 0.5)).toBe(true);
  });

  it('lists every rule of the settings once, with every number in one place', () => {
    expect(RULES.map(({ rule }) => rule).sort()).toEqual(
      Object.keys(DEFAULT_PLAYBOOK_SETTINGS.rules).sort(),
    );
    const ruleFields = RULES.flatMap(({ fields }) => fields);
    expect(new Set(ruleFields).size).toBe(ruleFields.length);
    expect([...ruleFields, 'frequencyCapDays', 'catchUpDays', 'maxAttempts'].sort()).toEqual(
      [...NUMBER_KEYS].sort(),
    );
  });

  it('reads numbers in Persian and Latin digits, with either decimal mark', () => {
    expect(parseNumberText('۹۰')).toBe(90);
    expect(parseNumberText(' 7 ')).toBe(7);
    expect(parseNumberText('۹۹٫۵')).toBe(99.5);
    expect(parseNumberText('٢.٥')).toBe(2.5);
    expect(parseNumberText('3,650')).toBeNull();
    expect(parseNumberText('-1')).toBeNull();
    expect(parseNumberText('seven')).toBeNull();
    expect(parseNumberText('')).toBeNull();
  });

  it('shows the saved numbers in the locale’s digits and gives them back unchanged', () => {
    const settings: PlaybookSettings = structuredClone(DEFAULT_PLAYBOOK_SETTINGS);
    settings.rules.vip_opportunity.percentile = 92.5;
    settings.weekendDays = [5, 4];
    const fa = draftOf(settings, 'fa', 'Asia/Tehran');
    expect(fa.numbers['rules.vip_opportunity.percentile']).toBe('۹۲٫۵');
    expect(fa.numbers['rules.churn_warning.days']).toBe('۹۰');
    expect(fa.isWeekendCustom).toBe(true);
    expect(checkDraft(fa)).toEqual({ ok: true, settings: { ...settings, weekendDays: [4, 5] } });
    const en = draftOf(DEFAULT_PLAYBOOK_SETTINGS, 'en', 'Europe/London');
    expect(en.numbers['rules.vip_opportunity.windowDays']).toBe('365');
    expect(checkDraft(en)).toEqual({ ok: true, settings: DEFAULT_PLAYBOOK_SETTINGS });
  });

  it('keeps the time zone’s days ready when the weekend is left to it', () => {
    const draft = draftOf(DEFAULT_PLAYBOOK_SETTINGS, 'fa', 'Asia/Tehran');
    expect(draft).toMatchObject({ isWeekendCustom: false, weekendDays: [5] });
    const custom = { ...draft, isWeekendCustom: true, weekendDays: [5, 4] };
    const checked = checkDraft(custom);
    expect(checked.ok && checked.settings.weekendDays).toEqual([4, 5]);
    expect(checkDraft({ ...custom, weekendDays: [0, 1, 2, 3, 4, 5, 6] })).toEqual({
      ok: false,
      errors: { weekendDays: { reason: 'no_working_day' } },
    });
    expect(weekOrder('fa')[0]).toBe(6);
    expect(weekOrder('en')[0]).toBe(1);
  });

  it('says what is wrong with each field, and that the nudge window is reversed', () => {
    const draft = draftOf(DEFAULT_PLAYBOOK_SETTINGS, 'en', 'UTC');
    expect(checkDraft(withNumber(draft, 'rules.churn_warning.days', ' '))).toEqual({
      ok: false,
      errors: { 'rules.churn_warning.days': { reason: 'required' } },
    });
    expect(checkDraft(withNumber(draft, 'rules.recovery.npsMax', '10'))).toEqual({
      ok: false,
      errors: {
        'rules.recovery.npsMax': { reason: 'range', min: 0, max: 9, isInteger: true },
      },
    });
    expect(checkDraft(withNumber(draft, 'maxAttempts', '2.5'))).toMatchObject({
      ok: false,
      errors: { maxAttempts: { reason: 'range' } },
    });
    expect(checkDraft(withNumber(draft, 'rules.churn_warning.gapFactor', '1.5')).ok).toBe(true);
    expect(checkDraft(withNumber(draft, 'rules.second_purchase_nudge.fromDays', '61'))).toEqual({
      ok: false,
      errors: { 'rules.second_purchase_nudge.fromDays': { reason: 'window_reversed' } },
    });
  });

  it('is dirty only when an answer changed, whatever the digits', () => {
    const base = draftOf(DEFAULT_PLAYBOOK_SETTINGS, 'fa', 'Asia/Tehran');
    expect(isSameDraft(base, withNumber(base, 'rules.churn_warning.days', '90'))).toBe(true);
    expect(isSameDraft(base, withNumber(base, 'rules.churn_warning.days', '60'))).toBe(false);
    expect(isSameDraft(base, { ...base, enabled: { ...base.enabled, birthday: false } })).toBe(
      false,
    );
    // Ticking "choose the days" and back again changes nothing; choosing other days does.
    expect(isSameDraft(base, { ...base, weekendDays: [4] })).toBe(true);
    expect(isSameDraft(base, { ...base, isWeekendCustom: true })).toBe(false);
  });

  it('knows the shipped settings', () => {
    expect(isDefault(DEFAULT_PLAYBOOK_SETTINGS)).toBe(true);
    expect(isDefault({ ...DEFAULT_PLAYBOOK_SETTINGS, weekendDays: [5] })).toBe(false);
    const off = structuredClone(DEFAULT_PLAYBOOK_SETTINGS);
    off.rules.birthday.enabled = false;
    expect(isDefault(off)).toBe(false);
  });

  it('reads the core’s refusals back onto their field', () => {
    const refusal = (details: Record<string, unknown>) =>
      new ApiError('playbook:settings-update', 'bad_input', 'refused', details);
    expect(
      playbookErrorOf(
        refusal({
          field: 'days',
          reason: 'too_big',
          issues: [{ path: ['rules', 'churn_warning', 'days'], message: 'too big' }],
        }),
      ),
    ).toEqual({
      'rules.churn_warning.days': { reason: 'range', min: 1, max: 3650, isInteger: true },
    });
    expect(playbookErrorOf(refusal({ field: 'fromDays', reason: 'window_reversed' }))).toEqual({
      'rules.second_purchase_nudge.fromDays': { reason: 'window_reversed' },
    });
    expect(
      playbookErrorOf(
        refusal({ reason: 'too_big', issues: [{ path: ['weekendDays'], message: 'too big' }] }),
      ),
    ).toEqual({ weekendDays: { reason: 'invalid' } });
    expect(playbookErrorOf(refusal({ reason: 'unrecognized_keys', issues: [{ path: [] }] }))).toBe(
      null,
    );
    expect(playbookErrorOf(new ApiError('playbook:settings-update', 'db_busy', '', {}))).toBe(null);
    expect(playbookErrorOf(new Error('boom'))).toBe(null);
  });
});
