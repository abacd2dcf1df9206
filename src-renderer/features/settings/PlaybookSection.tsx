import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type {
  PlaybookSettings,
  TaskPriority,
  TaskRule,
} from '../../../src-shared/contract/index.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { DialogActions } from '../../components/DialogActions.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import {
  NUMBER_FIELDS,
  RULES,
  checkDraft,
  draftOf,
  isDefault,
  isSameDraft,
  playbookErrorOf,
  weekOrder,
} from './playbook-form.ts';
import type { FieldProblem, NumberKey, PlaybookDraft, PlaybookErrors } from './playbook-form.ts';
import {
  DEFAULT_PLAYBOOK_SETTINGS,
  defaultWeekend,
} from '../../../src-shared/domain/playbook-rules.ts';

/** Each number's words: a label before the box and a unit after it, read as one phrase. */
const FIELD_TEXT: Record<NumberKey, { label: MessageKey; unit: MessageKey; hint?: MessageKey }> = {
  frequencyCapDays: {
    label: 'playbook.frequencyCapDays.label',
    unit: 'playbook.frequencyCapDays.unit',
    hint: 'playbook.frequencyCapDays.hint',
  },
  maxAttempts: {
    label: 'playbook.maxAttempts.label',
    unit: 'playbook.maxAttempts.unit',
    hint: 'playbook.maxAttempts.hint',
  },
  catchUpDays: {
    label: 'playbook.catchUpDays.label',
    unit: 'playbook.catchUpDays.unit',
    hint: 'playbook.catchUpDays.hint',
  },
  'rules.post_purchase_checkin.days': {
    label: 'playbook.field.checkinDays.label',
    unit: 'playbook.field.checkinDays.unit',
  },
  'rules.first_survey.days': {
    label: 'playbook.field.surveyDays.label',
    unit: 'playbook.field.surveyDays.unit',
  },
  'rules.second_purchase_nudge.fromDays': {
    label: 'playbook.field.nudgeFrom.label',
    unit: 'playbook.field.nudgeFrom.unit',
  },
  'rules.second_purchase_nudge.toDays': {
    label: 'playbook.field.nudgeTo.label',
    unit: 'playbook.field.nudgeTo.unit',
  },
  'rules.recovery.npsMax': {
    label: 'playbook.field.npsMax.label',
    unit: 'playbook.field.npsMax.unit',
  },
  'rules.recovery.csatMax': {
    label: 'playbook.field.csatMax.label',
    unit: 'playbook.field.csatMax.unit',
  },
  'rules.churn_warning.days': {
    label: 'playbook.field.churnDays.label',
    unit: 'playbook.field.churnDays.unit',
  },
  'rules.churn_warning.gapFactor': {
    label: 'playbook.field.gapFactor.label',
    unit: 'playbook.field.gapFactor.unit',
  },
  'rules.vip_opportunity.percentile': {
    label: 'playbook.field.percentile.label',
    unit: 'playbook.field.percentile.unit',
  },
  'rules.vip_opportunity.windowDays': {
    label: 'playbook.field.windowDays.label',
    unit: 'playbook.field.windowDays.unit',
  },
  'rules.vip_opportunity.ownAverageFactor': {
    label: 'playbook.field.ownAverage.label',
    unit: 'playbook.field.ownAverage.unit',
  },
  'rules.birthday.daysBefore': {
    label: 'playbook.field.birthdayDays.label',
    unit: 'playbook.field.birthdayDays.unit',
  },
  'rules.near_next_tier.withinPercent': {
    label: 'playbook.field.withinPercent.label',
    unit: 'playbook.field.withinPercent.unit',
  },
};

const GENERAL: readonly NumberKey[] = ['frequencyCapDays', 'maxAttempts', 'catchUpDays'];

/** The field's test id: 'playbook-rules-churn_warning-days'. */
const fieldTestId = (key: NumberKey): string => `playbook-${key.replaceAll('.', '-')}`;

function problemText(t: T, problem: FieldProblem): string {
  switch (problem.reason) {
    case 'required':
      return t('playbook.error.required');
    case 'range':
      return t(problem.isInteger ? 'playbook.error.rangeWhole' : 'playbook.error.range', {
        min: problem.min,
        max: problem.max,
      });
    case 'window_reversed':
      return t('playbook.error.window');
    case 'no_working_day':
      return t('playbook.error.noWorkingDay');
    case 'invalid':
      return t('validation.invalid');
  }
}

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; settings: PlaybookSettings; version: number };

/**
 * Settings → Follow-up rules (DESIGN.md §4): every rule on or off with its days and thresholds,
 * the frequency cap, attempts and days without calls. Saving runs the playbook again, so Today
 * shows what the new rules plan.
 */
export function PlaybookSection() {
  const { t } = useLocale();
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', settings: await api.call('playbook:settings', {}), version: 0 });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const heading = (
    <div className="card-heading">
      <h2 id="settings-playbook" className="card-title">
        {t('playbook.title')}
      </h2>
      <p className="muted">{t('playbook.lead')}</p>
    </div>
  );

  return (
    <section
      className="playbook-section"
      aria-labelledby="settings-playbook"
      data-testid="playbook-section"
    >
      {state.status === 'ready' ? (
        <PlaybookForm
          heading={heading}
          key={state.version}
          settings={state.settings}
          status={status}
          onEdit={() => setStatus(null)}
          onSaved={(settings, message) => {
            setState((current) => ({
              status: 'ready',
              settings,
              version: current.status === 'ready' ? current.version + 1 : 0,
            }));
            setStatus(message);
          }}
        />
      ) : (
        <div className="card playbook-card">
          {heading}
          {state.status === 'loading' ? (
            <div className="playbook-skeleton" aria-busy="true" aria-label={t('common.loading')} />
          ) : (
            <div className="form-error playbook-load-error" role="alert">
              <p>{t('playbook.loadFailed')}</p>
              <p>{errorText(t, state.error)}</p>
              <div>
                <button type="button" className="button button-small" onClick={() => void load()}>
                  {t('common.retry')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

type FormProps = {
  /** The section's title and lead, at the top of its card. */
  heading: ReactNode;
  settings: PlaybookSettings;
  /** What the last save did, shown until the next change. */
  status: string | null;
  onEdit: () => void;
  onSaved: (settings: PlaybookSettings, message: string) => void;
};

function PlaybookForm({ heading, settings, status, onEdit, onSaved }: FormProps) {
  const { t, locale } = useLocale();
  const api = useApi();
  const { settings: shop } = useSettings();
  const base = useMemo(
    () => draftOf(settings, locale, shop.timeZone),
    [settings, locale, shop.timeZone],
  );
  const [draft, setDraft] = useState<PlaybookDraft>(base);
  const [errors, setErrors] = useState<PlaybookErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [isConfirmingRestore, setConfirmingRestore] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The language changed under an unchanged draft: its numbers follow the new digits.
  const [shownBase, setShownBase] = useState(base);
  if (shownBase !== base) {
    setShownBase(base);
    if (isSameDraft(draft, shownBase)) setDraft(base);
  }

  const isDirty = !isSameDraft(draft, base);

  const edit = (change: (current: PlaybookDraft) => PlaybookDraft, cleared: string[]) => {
    setDraft(change);
    setErrors((current) => {
      const next = { ...current };
      for (const key of cleared) delete next[key as keyof PlaybookErrors];
      return next;
    });
    setFormError(null);
    onEdit();
  };

  const setNumber = (key: NumberKey, text: string) =>
    edit(
      (current) => ({ ...current, numbers: { ...current.numbers, [key]: text } }),
      [
        key,
        // The nudge window's order is checked on its first field; either end may put it right.
        ...(key.startsWith('rules.second_purchase_nudge.')
          ? ['rules.second_purchase_nudge.fromDays']
          : []),
      ],
    );

  const setEnabled = (rule: TaskRule, enabled: boolean) =>
    edit((current) => ({ ...current, enabled: { ...current.enabled, [rule]: enabled } }), []);

  /** Saves, then runs the playbook so Today shows what the rules plan now. */
  const save = async (next: PlaybookSettings, done: MessageKey) => {
    const saved = await api.call('playbook:settings-update', next);
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
    onSaved(saved, `${t(done)} ${run}`);
  };

  const focusFirstError = () => {
    // After React has drawn the messages: the first field marked invalid, in the page's order.
    requestAnimationFrame(() => {
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(t('playbook.error.check'));
      focusFirstError();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await save(checked.settings, 'playbook.saved');
    } catch (error) {
      const fields = playbookErrorOf(error);
      if (fields) {
        setErrors(fields);
        focusFirstError();
      } else {
        setFormError(errorText(t, error));
      }
    } finally {
      setSaving(false);
    }
  };

  const numberField = (key: NumberKey) => (
    <NumberField
      key={key}
      fieldKey={key}
      value={draft.numbers[key]}
      error={errors[key] ? problemText(t, errors[key]) : null}
      onChange={(text) => setNumber(key, text)}
    />
  );

  return (
    <form
      ref={form}
      className="form settings-form playbook-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="playbook-form"
    >
      <div className="card playbook-card">
        {heading}
        <fieldset className="playbook-group">
          <legend className="playbook-group-title">{t('playbook.general')}</legend>
          <div className="playbook-general">
            {GENERAL.map(numberField)}
            <WeekendField
              draft={draft}
              error={errors.weekendDays ? problemText(t, errors.weekendDays) : null}
              onChange={(isCustom, days) =>
                edit(
                  (current) => ({ ...current, isWeekendCustom: isCustom, weekendDays: days }),
                  ['weekendDays'],
                )
              }
            />
          </div>
        </fieldset>

        <fieldset className="playbook-group">
          <legend className="playbook-group-title">{t('playbook.rules')}</legend>
          <ul className="rule-list">
            {RULES.map(({ rule, priority, fields }) => (
              <RuleRow
                key={rule}
                rule={rule}
                priority={priority}
                isEnabled={draft.enabled[rule]}
                onEnabledChange={(enabled) => setEnabled(rule, enabled)}
              >
                {fields.map(numberField)}
              </RuleRow>
            ))}
          </ul>
        </fieldset>
      </div>

      <FormError message={formError} />
      <DialogActions
        className="settings-actions playbook-actions"
        isDirty={isDirty}
        isBusy={isSaving}
        onCancel={() => {
          setDraft(base);
          setErrors({});
          setFormError(null);
        }}
        submitLabel={t('common.save')}
        submitTestId="playbook-save"
        cancelTestId="playbook-cancel"
        hint={
          <>
            <button
              type="button"
              className="button button-ghost"
              disabled={isSaving || (!isDirty && isDefault(settings))}
              onClick={() => setConfirmingRestore(true)}
              data-testid="playbook-restore"
            >
              {t('playbook.restore')}
            </button>
            <span className="save-status" role="status" data-testid="playbook-status">
              {status !== null && !isDirty ? status : ''}
            </span>
          </>
        }
      />

      {isConfirmingRestore ? (
        <ConfirmDialog
          title={t('playbook.restoreTitle')}
          confirmLabel={t('playbook.restoreConfirm')}
          initialFocus="cancel"
          onConfirm={async () => {
            await save(DEFAULT_PLAYBOOK_SETTINGS, 'playbook.restored');
            setConfirmingRestore(false);
          }}
          onClose={() => setConfirmingRestore(false)}
          testId="playbook-restore-dialog"
        >
          <p>{t('playbook.restoreBody')}</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

function RuleRow({
  rule,
  priority,
  isEnabled,
  onEnabledChange,
  children,
}: {
  rule: TaskRule;
  priority: TaskPriority;
  isEnabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useLocale();
  const explainId = useId();
  return (
    <li
      className={`rule-row${isEnabled ? '' : ' is-off'}`}
      data-testid="playbook-rule"
      data-rule={rule}
    >
      <div className="rule-head">
        <label className="switch rule-switch">
          <input
            type="checkbox"
            role="switch"
            checked={isEnabled}
            aria-describedby={explainId}
            onChange={(event) => onEnabledChange(event.target.checked)}
            data-testid={`playbook-rule-${rule}`}
          />
          <span className="switch-track" aria-hidden="true" />
          <span className="rule-name">{t(`task.rule.${rule}`)}</span>
        </label>
        <span className="rule-priority">
          <span className={`rule-priority-dot rule-priority-${priority}`} aria-hidden="true" />
          {t('playbook.priority', { priority: t(`task.priority.${priority}`) })}
        </span>
      </div>
      <p className="rule-explain" id={explainId}>
        {t(`playbook.rule.${rule}`)}
      </p>
      <div className="rule-fields">{children}</div>
    </li>
  );
}

function NumberField({
  fieldKey,
  value,
  error,
  onChange,
}: {
  fieldKey: NumberKey;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
}) {
  const { t } = useLocale();
  const id = useId();
  const text = FIELD_TEXT[fieldKey];
  const testId = fieldTestId(fieldKey);
  const describedBy = [`${id}-unit`, error ? `${id}-error` : null, text.hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`rule-field${error ? ' field-invalid' : ''}`}>
      <label className="rule-field-label" htmlFor={id}>
        {t(text.label)}
      </label>
      <span className="rule-field-control">
        <input
          id={id}
          className="input rule-number"
          inputMode={NUMBER_FIELDS[fieldKey].isInteger ? 'numeric' : 'decimal'}
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
        <span className="rule-field-unit" id={`${id}-unit`}>
          {t(text.unit)}
        </span>
      </span>
      {text.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {t(text.hint)}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function WeekendField({
  draft,
  error,
  onChange,
}: {
  draft: PlaybookDraft;
  error: string | null;
  onChange: (isCustom: boolean, days: number[]) => void;
}) {
  const { t, locale } = useLocale();
  const { settings: shop } = useSettings();
  const name = useId();
  const hintId = useId();
  const order = weekOrder(locale);
  const dayName = (day: number) => t(`playbook.weekday.${day}` as MessageKey);
  const zoneDays = defaultWeekend(shop.timeZone);
  const zoneText = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    order.filter((day) => zoneDays.includes(day)).map(dayName),
  );
  return (
    <fieldset
      className={`field fieldset rule-field weekend-field${error ? ' field-invalid' : ''}`}
      aria-describedby={hintId}
      data-testid="playbook-weekend"
    >
      <legend className="rule-field-label">{t('playbook.weekend.legend')}</legend>
      <label className="radio">
        <input
          type="radio"
          name={name}
          checked={!draft.isWeekendCustom}
          onChange={() => onChange(false, draft.weekendDays)}
          data-testid="playbook-weekend-zone"
        />
        <span>{t('playbook.weekend.zone', { days: zoneText })}</span>
      </label>
      <label className="radio">
        <input
          type="radio"
          name={name}
          checked={draft.isWeekendCustom}
          onChange={() => onChange(true, draft.weekendDays)}
          data-testid="playbook-weekend-custom"
        />
        <span>{t('playbook.weekend.custom')}</span>
      </label>
      <div className="weekend-days">
        {order.map((day) => (
          <label key={day} className="checkbox weekend-day">
            <input
              type="checkbox"
              checked={draft.weekendDays.includes(day)}
              disabled={!draft.isWeekendCustom}
              onChange={(event) =>
                onChange(
                  true,
                  event.target.checked
                    ? [...draft.weekendDays, day]
                    : draft.weekendDays.filter((other) => other !== day),
                )
              }
              data-testid={`playbook-weekday-${day}`}
            />
            <span>{dayName(day)}</span>
          </label>
        ))}
      </div>
      <p className="field-hint" id={hintId}>
        {t('playbook.weekend.hint')}
      </p>
      {error ? (
        <p className="field-error" data-testid="playbook-weekend-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
