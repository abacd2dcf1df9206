import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  LoyaltyRules,
  LoyaltyWindow,
  TierDistribution,
} from '../../../src-shared/contract/index.ts';
import { LOYALTY_LIMITS } from '../../../src-shared/domain/loyalty.ts';
import type { MoneySettings } from '../../../src-shared/i18n/locale.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useLeaveGuard } from '../../app/use-leave-guard.ts';
import { useSettings } from '../../app/use-settings.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import {
  NO_ERRORS,
  checkDraft,
  draftOf,
  isSameDraft,
  loyaltyErrorOf,
  nextTierDraft,
} from './loyalty-form.ts';
import type { DraftErrors, FieldReason, LoyaltyDraft } from './loyalty-form.ts';
import { LeaveGuardDialog } from '../../components/LeaveGuardDialog.tsx';

/** The preview follows the draft once typing pauses this long. */
const PREVIEW_DEBOUNCE_MS = 400;

const WINDOWS: readonly LoyaltyWindow[] = ['rolling12', 'jalaliYear'];

export function reasonText(t: T, reason: FieldReason): string {
  switch (reason) {
    case 'required':
      return t('loyalty.error.required');
    case 'amount':
      return t('loyalty.error.amount');
    case 'whole':
      return t('loyalty.error.whole');
    case 'months':
      return t('loyalty.error.months', {
        min: LOYALTY_LIMITS.expiryMonthsMin,
        max: LOYALTY_LIMITS.expiryMonthsMax,
      });
    case 'base_not_zero':
      return t('loyalty.error.baseNotZero');
    case 'not_rising':
      return t('loyalty.error.notRising');
    case 'duplicate_name':
      return t('loyalty.error.duplicateName');
    case 'too_long':
      return t('loyalty.error.tooLong', { max: LOYALTY_LIMITS.nameMax });
  }
}

/** The unit amounts are typed in: Toman, Rial, or the currency's code. */
export function unitLabel(t: T, money: MoneySettings): string {
  if (money.currency.toUpperCase() === 'IRR') {
    return t(money.displayUnit === 'toman' ? 'currency.toman' : 'currency.rial');
  }
  return money.currency.toUpperCase();
}

/** The preview of one set of rules (its JSON), or why it failed. */
type Preview = { key: string; distribution: TierDistribution } | { key: string; error: unknown };

type Props = {
  rules: LoyaltyRules;
  /** How many customers each tier holds now, beside the preview. */
  current: TierDistribution | null;
  onSaved: (rules: LoyaltyRules) => void;
};

/**
 * The tier rules editor (DESIGN.md §2): the window, the tiers (names and thresholds; the base
 * tier starts at 0), the points earned and their expiry. While the owner types, a preview shows
 * how many customers each tier would hold today, computed by the core exactly as saving would
 * place them; nothing changes until Save.
 */
export function TierRulesEditor({ rules, current, onSaved }: Props) {
  const { t, fmt, locale } = useLocale();
  const api = useApi();
  const { settings } = useSettings();
  const money = useMemo<MoneySettings>(
    () => ({ currency: settings.currency, displayUnit: settings.displayUnit }),
    [settings.currency, settings.displayUnit],
  );
  const base = useMemo(() => draftOf(rules, money, locale), [rules, money, locale]);
  const [draft, setDraft] = useState<LoyaltyDraft>(base);
  const [shown, setShown] = useState({ base, rules });
  // Saved (new rules): the form starts again from them. The language changed under an unchanged
  // draft: its numbers follow the new digits.
  if (shown.base !== base) {
    setShown({ base, rules });
    if (shown.rules !== rules || isSameDraft(draft, shown.base)) setDraft(base);
  }
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const isDirty = !isSameDraft(draft, base);
  const leaveGuard = useLeaveGuard(isDirty, () => setDraft(base));

  const edit = (change: (current: LoyaltyDraft) => LoyaltyDraft) => {
    setDraft(change);
    setErrors(NO_ERRORS);
    setFormError(null);
    setStatus(null);
  };
  const setTier = (index: number, patch: Partial<LoyaltyDraft['tiers'][number]>) =>
    edit((current) => ({
      ...current,
      tiers: current.tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)),
    }));

  // The live preview: the draft's rules once typing pauses, when they are rules at all.
  const settled = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const checked = useMemo(() => checkDraft(settled, money), [settled, money]);
  const previewKey = isDirty && checked.ok ? JSON.stringify(checked.rules) : '';
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    if (previewKey === '') return;
    let isCurrent = true;
    api.call('loyalty:preview', JSON.parse(previewKey) as LoyaltyRules).then(
      (distribution) => {
        if (isCurrent) setPreview({ key: previewKey, distribution });
      },
      (error: unknown) => {
        if (isCurrent) setPreview({ key: previewKey, error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, previewKey]);
  const settledPreview = preview !== null && preview.key === previewKey ? preview : null;
  const shownPreview =
    isDirty && settledPreview && 'distribution' in settledPreview
      ? settledPreview.distribution
      : null;
  const previewError = settledPreview && 'error' in settledPreview ? settledPreview.error : null;
  const previewCount = (id: string) =>
    shownPreview?.tiers.find((tier) => tier.id === id)?.customers ?? null;
  const currentCount = (id: string) =>
    current?.tiers.find((tier) => tier.id === id)?.customers ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = checkDraft(draft, money);
    if (!result.ok) {
      setErrors(result.errors);
      setFormError(t('loyalty.error.check'));
      requestAnimationFrame(() =>
        form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    setSaving(true);
    try {
      const saved = await api.call('loyalty:settings-update', result.rules);
      // Today follows at once: customers now near a tier get their follow-up.
      let run: string;
      try {
        const report = await api.call('playbook:run', {});
        run =
          report.created > 0
            ? t('playbook.runResult', { count: report.created })
            : t('playbook.runNone');
      } catch (error) {
        run = t('playbook.runFailed', { error: errorText(t, error) });
      }
      setStatus(`${t('loyalty.rules.saved')} ${run}`);
      onSaved(saved);
    } catch (error) {
      const fields = loyaltyErrorOf(error);
      if (fields) setErrors(fields);
      else setFormError(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const unit = unitLabel(t, money);
  const isFull = draft.tiers.length >= LOYALTY_LIMITS.maxTiers;

  return (
    <form
      ref={form}
      className="card form loyalty-rules"
      aria-labelledby="loyalty-rules-title"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="loyalty-rules"
    >
      <div className="loyalty-heading">
        <h2 id="loyalty-rules-title" className="card-title">
          {t('loyalty.rules.title')}
        </h2>
        <p className="muted">{t('loyalty.rules.lead')}</p>
      </div>

      <fieldset className="fieldset loyalty-window">
        <legend className="field-label">{t('loyalty.window.legend')}</legend>
        {WINDOWS.map((window) => (
          <label key={window} className="radio">
            <input
              type="radio"
              name="loyalty-window"
              checked={draft.window === window}
              onChange={() => edit((current) => ({ ...current, window }))}
              data-testid={`loyalty-window-${window}`}
            />
            <span>
              <span className="loyalty-choice-title">{t(`loyalty.window.${window}`)}</span>
              <span className="field-hint">{t(`loyalty.window.${window}.hint`)}</span>
            </span>
          </label>
        ))}
        <p className="field-hint">{t('loyalty.window.hold')}</p>
      </fieldset>

      <table className="loyalty-tier-table" data-testid="loyalty-tier-table">
        <caption className="visually-hidden">{t('loyalty.rules.tiersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('loyalty.rules.name')}</th>
            <th scope="col">{t('loyalty.rules.threshold', { unit })}</th>
            <th scope="col" className="numeric">
              {t('loyalty.rules.now')}
            </th>
            <th scope="col" className="numeric">
              {t('loyalty.rules.preview')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('loyalty.rules.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.tiers.map((tier, index) => (
            <TierRow
              key={tier.id}
              index={index}
              name={tier.name}
              threshold={tier.threshold}
              unit={unit}
              nameError={errors.names[index]}
              thresholdError={errors.thresholds[index]}
              now={currentCount(tier.id)}
              preview={isDirty ? previewCount(tier.id) : null}
              isPreviewPending={isDirty && shownPreview === null}
              onName={(name) => setTier(index, { name })}
              onThreshold={(threshold) => setTier(index, { threshold })}
              onRemove={
                index === 0
                  ? null
                  : () =>
                      edit((current) => ({
                        ...current,
                        tiers: current.tiers.filter((_, i) => i !== index),
                      }))
              }
            />
          ))}
        </tbody>
      </table>
      <div className="loyalty-tier-footer">
        <button
          type="button"
          className="button button-small"
          disabled={isFull}
          onClick={() =>
            edit((current) => ({
              ...current,
              tiers: [
                ...current.tiers,
                nextTierDraft(
                  current,
                  money,
                  locale,
                  t('loyalty.rules.newTierName', { n: current.tiers.length + 1 }),
                ),
              ],
            }))
          }
          data-testid="loyalty-add-tier"
        >
          <span aria-hidden="true">+</span> {t('loyalty.rules.addTier')}
        </button>
        {isFull ? (
          <span className="field-hint">
            {t('loyalty.rules.maxTiers', { max: LOYALTY_LIMITS.maxTiers })}
          </span>
        ) : null}
        <span className="loyalty-preview-status" role="status" data-testid="loyalty-preview-status">
          {!isDirty
            ? ''
            : !checked.ok
              ? t('loyalty.preview.fix')
              : previewError !== null
                ? t('loyalty.preview.failed', { error: errorText(t, previewError) })
                : shownPreview
                  ? t('loyalty.preview.ready', { count: shownPreview.customers })
                  : t('loyalty.preview.loading')}
        </span>
      </div>

      <fieldset className="fieldset loyalty-points">
        <legend className="field-label">{t('loyalty.points.legend')}</legend>
        <div className="loyalty-inline">
          <NumberInput
            label={t('loyalty.points.earn')}
            value={draft.earnPoints}
            error={errors.earnPoints}
            onChange={(earnPoints) => edit((current) => ({ ...current, earnPoints }))}
            testId="loyalty-earn-points"
          />
          <NumberInput
            label={t('loyalty.points.per')}
            unit={unit}
            value={draft.earnPer}
            error={errors.earnPer}
            onChange={(earnPer) => edit((current) => ({ ...current, earnPer }))}
            testId="loyalty-earn-per"
          />
        </div>
        <p className="field-hint">{t('loyalty.points.hint')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.isExpiring}
            onChange={(event) => {
              const isExpiring = event.target.checked;
              edit((current) => ({ ...current, isExpiring }));
            }}
            data-testid="loyalty-expiry"
          />
          <span>{t('loyalty.points.expires')}</span>
        </label>
        {draft.isExpiring ? (
          <NumberInput
            label={t('loyalty.points.expiryAfter')}
            unit={t('loyalty.points.months')}
            value={draft.expiryMonths}
            error={errors.expiryMonths}
            onChange={(expiryMonths) => edit((current) => ({ ...current, expiryMonths }))}
            testId="loyalty-expiry-months"
          />
        ) : null}
      </fieldset>

      {errors.tiers ? (
        <p className="form-error" role="alert">
          {t('loyalty.error.tierCount', {
            min: LOYALTY_LIMITS.minTiers,
            max: LOYALTY_LIMITS.maxTiers,
          })}
        </p>
      ) : null}
      <FormError message={formError} />
      <DialogActions
        isDirty={isDirty}
        isBusy={isSaving}
        onCancel={() => {
          setDraft(base);
          setErrors(NO_ERRORS);
          setFormError(null);
        }}
        submitLabel={t('loyalty.rules.save')}
        submitTestId="loyalty-rules-save"
        cancelTestId="loyalty-rules-cancel"
        hint={
          <span className="save-status" role="status" data-testid="loyalty-rules-status">
            {status !== null && !isDirty ? status : ''}
          </span>
        }
      />
      <p className="field-hint">
        {t('loyalty.rules.saveHint', { date: fmt.date(current?.asOf ?? null) })}
      </p>

      <LeaveGuardDialog
        guard={leaveGuard}
        title={t('loyalty.discard.title')}
        confirmLabel={t('loyalty.discard.confirm')}
        keepLabel={t('loyalty.discard.keep')}
        testId="loyalty-discard-dialog"
      >
        <p>{t('loyalty.discard.body')}</p>
      </LeaveGuardDialog>
    </form>
  );
}

function TierRow({
  index,
  name,
  threshold,
  unit,
  nameError,
  thresholdError,
  now,
  preview,
  isPreviewPending,
  onName,
  onThreshold,
  onRemove,
}: {
  index: number;
  name: string;
  threshold: string;
  unit: string;
  nameError: FieldReason | undefined;
  thresholdError: FieldReason | undefined;
  now: number | null;
  preview: number | null;
  isPreviewPending: boolean;
  onName: (name: string) => void;
  onThreshold: (threshold: string) => void;
  onRemove: (() => void) | null;
}) {
  const { t, fmt } = useLocale();
  const id = useId();
  const isBase = index === 0;
  const changed = preview !== null && now !== null && preview !== now;
  return (
    <tr data-testid="loyalty-tier-row">
      <td>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={LOYALTY_LIMITS.nameMax + 10}
          aria-label={t('loyalty.rules.nameOf', { n: index + 1 })}
          aria-invalid={Boolean(nameError)}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onChange={(event) => onName(event.target.value)}
          data-testid="loyalty-tier-name"
        />
        {nameError ? (
          <p className="field-error" id={`${id}-name-error`}>
            {reasonText(t, nameError)}
          </p>
        ) : null}
      </td>
      <td>
        <span className="loyalty-amount">
          <input
            className="input loyalty-amount-input"
            value={threshold}
            inputMode="decimal"
            disabled={isBase}
            aria-label={t('loyalty.rules.thresholdOf', { n: index + 1, unit })}
            aria-invalid={Boolean(thresholdError)}
            aria-describedby={
              [thresholdError ? `${id}-threshold-error` : '', isBase ? `${id}-base` : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
            onChange={(event) => onThreshold(event.target.value)}
            data-testid="loyalty-tier-threshold"
          />
        </span>
        {isBase ? (
          <p className="field-hint" id={`${id}-base`}>
            {t('loyalty.rules.baseHint')}
          </p>
        ) : null}
        {thresholdError ? (
          <p className="field-error" id={`${id}-threshold-error`}>
            {reasonText(t, thresholdError)}
          </p>
        ) : null}
      </td>
      <td className="numeric" data-testid="loyalty-tier-now">
        {now === null ? '—' : fmt.number(now)}
      </td>
      <td
        className={`numeric loyalty-preview-cell${changed ? ' is-changed' : ''}`}
        aria-busy={isPreviewPending}
        data-testid="loyalty-tier-preview"
      >
        {preview === null ? '—' : fmt.number(preview)}
      </td>
      <td>
        {onRemove ? (
          <button
            type="button"
            className="button button-small button-ghost"
            onClick={onRemove}
            aria-label={t('loyalty.rules.removeOf', { name: name || String(index + 1) })}
            data-testid="loyalty-tier-remove"
          >
            {t('loyalty.rules.remove')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function NumberInput({
  label,
  unit,
  value,
  error,
  onChange,
  testId,
}: {
  label: string;
  unit?: string;
  value: string;
  error: FieldReason | undefined;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { t } = useLocale();
  const id = useId();
  return (
    <div className={`field loyalty-number${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <span className="loyalty-amount">
        <input
          id={id}
          className="input loyalty-amount-input"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          aria-invalid={Boolean(error)}
          aria-describedby={
            [unit ? `${id}-unit` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
            undefined
          }
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
        {unit ? (
          <span className="loyalty-unit" id={`${id}-unit`}>
            {unit}
          </span>
        ) : null}
      </span>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {reasonText(t, error)}
        </p>
      ) : null}
    </div>
  );
}
