import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { InputOf, Settings } from '../../../src-shared/contract/index.ts';
import { toPersianDigits } from '../../../src-shared/domain/persian-text.ts';
import type { CalendarKind, Locale } from '../../../src-shared/i18n/locale.ts';
import { errorText, fieldErrorOf, reasonText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { CalendarFields } from '../../components/CalendarFields.tsx';
import { CurrencyFields } from '../../components/CurrencyFields.tsx';
import { currencyChoiceOf, currencyPatchOf } from '../../components/currency-choice.ts';
import type { CurrencyChoice } from '../../components/currency-choice.ts';
import { Field } from '../../components/Field.tsx';
import { Ltr } from '../../components/Ltr.tsx';
import './settings.css';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { EmailSection } from './EmailSection.tsx';
import { PlaybookSection } from './PlaybookSection.tsx';
import { ReminderCard } from './ReminderCard.tsx';
import { StaffSection } from './StaffSection.tsx';

type Draft = {
  shopName: string;
  currency: CurrencyChoice;
  language: Locale | 'system';
  calendar: CalendarKind;
  timeZone: string;
  /** The desktop reminder's time, or null for none (only the desktop app offers it). */
  reminderTime: string | null;
};
type DraftErrors = Partial<Record<'shopName' | 'currency' | 'timeZone', string>>;

const draftOf = (settings: Settings): Draft => ({
  shopName: settings.shopName,
  currency: currencyChoiceOf(settings.currency, settings.displayUnit),
  language: settings.locale ?? 'system',
  calendar: settings.calendar,
  timeZone: settings.timeZone,
  reminderTime: settings.reminderTime,
});

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Shop, money, language and calendar, the reminder, staff and the follow-up rules. */
export function SettingsScreen() {
  const { settings, info } = useSettings();
  const { t, locale } = useLocale();
  const [isSaved, setSaved] = useState(false);
  const version = locale === 'fa' ? toPersianDigits(info.version) : info.version;
  return (
    <div className="screen settings-screen" data-testid="settings-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{t('settings.title')}</h1>
          <p className="screen-subtitle">{t('settings.subtitle')}</p>
        </div>
      </header>
      {/* Settings changed elsewhere (the language switch) start the form afresh; who is working
          is not on this form, so picking someone in the header keeps an edit in progress. */}
      <SettingsForm
        key={JSON.stringify({ ...settings, currentStaffId: null })}
        settings={settings}
        isSaved={isSaved}
        onSavedChange={setSaved}
      />
      <StaffSection />
      <PlaybookSection />
      <EmailSection />
      <section className="about" aria-label={t('settings.about')}>
        <p>
          {t('settings.version', { version })}
          {' · '}
          {t('settings.databasePath')} <Ltr className="code">{info.databasePath}</Ltr>
        </p>
        <p className="muted">{t('settings.privacy')}</p>
      </section>
    </div>
  );
}

type FormProps = {
  settings: Settings;
  isSaved: boolean;
  onSavedChange: (isSaved: boolean) => void;
};

function SettingsForm({ settings, isSaved, onSavedChange }: FormProps) {
  const { info, update } = useSettings();
  const { t } = useLocale();
  const base = useMemo(() => draftOf(settings), [settings]);
  const [draft, setDraft] = useState<Draft>(base);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [isSaving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const timeZones = useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  }, []);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    onSavedChange(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: DraftErrors = {};
    const money = currencyPatchOf(draft.currency);
    if (!money) found.currency = reasonText(t, 'invalid_currency');
    const timeZone = draft.timeZone.trim();
    if (!isTimeZone(timeZone)) found.timeZone = reasonText(t, 'invalid_time_zone');
    setErrors(found);
    setFormError(null);
    if (!money || Object.values(found).some(Boolean)) return;
    const patch: InputOf<'settings:update'> = {
      shopName: draft.shopName.trim(),
      ...money,
      locale: draft.language === 'system' ? null : draft.language,
      calendar: draft.calendar,
      timeZone,
      // Reminders are the desktop app's: a browser leaves the saved time as it is.
      ...(info.host === 'desktop' && { reminderTime: draft.reminderTime }),
    };
    setSaving(true);
    try {
      await update(patch);
      onSavedChange(true);
    } catch (error) {
      const field = fieldErrorOf(error);
      if (
        field &&
        (field.field === 'currency' || field.field === 'timeZone' || field.field === 'shopName')
      ) {
        setErrors({ [field.field]: reasonText(t, field.reason) });
      } else {
        setFormError(errorText(t, error));
      }
    } finally {
      setSaving(false);
    }
  };

  const isDirty = JSON.stringify(draft) !== JSON.stringify(base);

  return (
    <form className="form settings-form" onSubmit={(event) => void submit(event)} noValidate>
      <section className="card" aria-labelledby="settings-shop">
        <h2 id="settings-shop" className="card-title">
          {t('settings.shopSection')}
        </h2>
        <Field label={t('settings.shopName')} error={errors.shopName} testId="settings-shop-name">
          {(control) => (
            <input
              {...control}
              className="input"
              value={draft.shopName}
              maxLength={120}
              onChange={(event) => set('shopName', event.target.value)}
              data-testid="settings-shop-name"
            />
          )}
        </Field>
        <CurrencyFields
          value={draft.currency}
          onChange={(value) => set('currency', value)}
          error={errors.currency}
        />
      </section>

      <section className="card" aria-labelledby="settings-region">
        <h2 id="settings-region" className="card-title">
          {t('settings.regionSection')}
        </h2>
        <Field label={t('settings.language')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.language}
              onChange={(event) => set('language', event.target.value as Draft['language'])}
              data-testid="settings-language"
            >
              <option value="fa" lang="fa">
                فارسی
              </option>
              <option value="en" lang="en">
                English
              </option>
              <option value="system">
                {t('settings.languageSystem', {
                  language: info.systemLocale === 'fa' ? 'فارسی' : 'English',
                })}
              </option>
            </select>
          )}
        </Field>
        <CalendarFields value={draft.calendar} onChange={(value) => set('calendar', value)} />
        <Field
          label={t('settings.timeZone')}
          error={errors.timeZone}
          hint={t('settings.timeZoneHint')}
          testId="settings-time-zone"
        >
          {(control) => (
            <>
              <input
                {...control}
                className="input input-medium"
                dir="ltr"
                list="time-zones"
                value={draft.timeZone}
                spellCheck={false}
                onChange={(event) => set('timeZone', event.target.value)}
                data-testid="settings-time-zone"
              />
              <datalist id="time-zones">
                {timeZones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </section>

      <ReminderCard
        value={draft.reminderTime}
        saved={settings.reminderTime}
        onChange={(value) => set('reminderTime', value)}
      />

      <FormError message={formError} />
      <div className="form-actions settings-actions">
        <span className="save-status" role="status" data-testid="settings-status">
          {isSaved && !isDirty ? t('settings.saved') : ''}
        </span>
        <button
          type="button"
          className="button"
          disabled={!isDirty || isSaving}
          onClick={() => {
            setDraft(base);
            setErrors({});
          }}
        >
          {t('common.cancel')}
        </button>
        <BusyButton
          type="submit"
          className="button button-primary"
          disabled={!isDirty}
          data-testid="settings-save"
          isBusy={isSaving}
          busyLabel={t('common.saving')}
        >
          {t('common.save')}
        </BusyButton>
      </div>
    </form>
  );
}
