import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Customer, PreferredChannel } from '../../../src-shared/contract/index.ts';
import { formatDate, parseDateInput } from '../../../src-shared/i18n/locale.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText, fieldErrorOf, reasonText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useLeaveGuard } from '../../app/use-leave-guard.ts';
import { useSettings } from '../../app/use-settings.ts';
import { Field } from '../../components/Field.tsx';
import { TagInput } from '../../components/TagInput.tsx';
import { useToast } from '../../components/use-toast.ts';
import { draftOf, isDraftDirty, validateDraft } from './customer-form.ts';
import { IdentityFields } from './IdentityFields.tsx';
import type { ContactDraft, ContactErrors, ContactField } from './customer-form.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { LeaveGuardDialog } from '../../components/LeaveGuardDialog.tsx';

const CHANNELS: readonly PreferredChannel[] = ['phone', 'sms', 'email', 'none'];

type Props = { customer: Customer; onSaved: (customer: Customer) => void };

/**
 * The editable contact details; Save sends only what changed, Cancel puts it all back. While
 * there are unsaved changes, leaving the profile asks first.
 */
export function ContactForm({ customer, onSaved }: Props) {
  const { t, fmt, locale, calendar } = useLocale();
  const { settings } = useSettings();
  const api = useApi();
  const toast = useToast();
  const base = useMemo(() => draftOf(customer, fmt), [customer, fmt]);
  const [draft, setDraft] = useState<ContactDraft>(base);
  const [errors, setErrors] = useState<ContactErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isDirty = isDraftDirty(draft, base);

  const set = <F extends ContactField>(field: F, value: ContactDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const errorOf = (field: ContactField) => {
    const reason = errors[field];
    return reason ? reasonText(t, reason) : null;
  };

  const cancel = () => {
    setDraft(base);
    setErrors({});
    setFormError(null);
  };
  const leaveGuard = useLeaveGuard(isDirty, cancel);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, patch } = validateDraft(draft, base, calendar);
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean) || Object.keys(patch).length === 0) return;
    setBusy(true);
    try {
      const saved = await api.call('customers:update', { id: customer.id, patch });
      toast.show({ message: t('customer.saved'), tone: 'success', testId: 'profile-saved' });
      onSaved(saved);
    } catch (error) {
      const field = fieldErrorOf(error);
      if (field && field.field in base) setErrors({ [field.field]: field.reason });
      else setFormError(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  // The date as understood, in the user's calendar, so a Jalali/Gregorian mix-up shows at once.
  const birthdayEcho = useMemo(() => {
    const text = draft.birthday.trim();
    if (text === '') return t('customer.birthdayHint');
    const parsed = parseDateInput(text, calendar);
    if (!parsed.ok) return t('customer.birthdayHint');
    const ctx = { locale, calendar, timeZone: settings.timeZone };
    return t('customer.birthdayEcho', { date: formatDate(parsed.date, ctx, 'long') });
  }, [draft.birthday, calendar, locale, settings.timeZone, t]);

  return (
    <form
      className="form contact-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('customer.detailsTitle')}
      data-testid="contact-form"
    >
      <div className="form-grid">
        <IdentityFields draft={draft} set={set} errorOf={errorOf} testIdPrefix="field" />
        <Field
          label={t('customer.birthday')}
          error={errorOf('birthday')}
          hint={<span data-testid="birthday-echo">{birthdayEcho}</span>}
          testId="field-birthday"
        >
          {(control) => (
            <input
              {...control}
              className="input"
              dir="ltr"
              inputMode="numeric"
              value={draft.birthday}
              placeholder={calendar === 'persian' ? '۱۳۷۰/۰۸/۱۵' : '15/08/1991'}
              maxLength={20}
              onChange={(event) => set('birthday', event.target.value)}
              data-testid="field-birthday"
            />
          )}
        </Field>
        <Field label={t('customer.preferredChannel')} error={errorOf('preferredChannel')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.preferredChannel}
              onChange={(event) => set('preferredChannel', event.target.value as PreferredChannel)}
              data-testid="field-channel"
            >
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field field-checkbox">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.doNotContact}
              onChange={(event) => set('doNotContact', event.target.checked)}
              data-testid="field-dnc"
            />
            <span>
              <span className="checkbox-label">{t('customer.doNotContact')}</span>
              <span className="field-hint">{t('customer.doNotContactHint')}</span>
            </span>
          </label>
        </div>
        <Field label={t('customer.tags')} error={errorOf('tags')} className="span-2">
          {(control) => (
            <TagInput
              {...control}
              value={draft.tags}
              onChange={(tags) => set('tags', tags)}
              testId="field-tags"
            />
          )}
        </Field>
        <Field
          label={t('customer.notes')}
          error={errorOf('notes')}
          className="span-2"
          testId="field-notes"
        >
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={4}
              value={draft.notes}
              maxLength={20000}
              onChange={(event) => set('notes', event.target.value)}
              data-testid="field-notes"
            />
          )}
        </Field>
      </div>
      <FormError message={formError} />
      <div className="form-actions">
        {isDirty ? <span className="dirty-note">{t('customer.unsaved')}</span> : null}
        <button
          type="button"
          className="button"
          onClick={cancel}
          disabled={!isDirty || isBusy}
          data-testid="profile-cancel"
        >
          {t('common.cancel')}
        </button>
        <BusyButton
          type="submit"
          className="button button-primary"
          disabled={!isDirty}
          data-testid="profile-save"
          isBusy={isBusy}
          busyLabel={t('common.saving')}
        >
          {t('common.save')}
        </BusyButton>
      </div>
      <LeaveGuardDialog
        guard={leaveGuard}
        title={t('customer.discardTitle')}
        confirmLabel={t('customer.discardConfirm')}
        keepLabel={t('customer.keepEditing')}
        testId="discard-dialog"
      >
        <p>{t('customer.discardBody', { name: customer.name })}</p>
      </LeaveGuardDialog>
    </form>
  );
}
