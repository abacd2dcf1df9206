import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Customer } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText, fieldErrorOf, reasonText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useToast } from '../../components/use-toast.ts';
import { EMPTY_DRAFT, validateDraft } from './customer-form.ts';
import { IdentityFields } from './IdentityFields.tsx';
import type { ContactDraft, ContactErrors, ContactField } from './customer-form.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';

type Props = { onClose: () => void; onCreated: (customer: Customer) => void };

/** A new customer from the essentials: a name, and a phone or email to reach them. */
export function AddCustomerDialog({ onClose, onCreated }: Props) {
  const { t, calendar } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [draft, setDraft] = useState<ContactDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<ContactErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const set = <F extends ContactField>(field: F, value: ContactDraft[F]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { errors: found, patch } = validateDraft(draft, EMPTY_DRAFT, calendar);
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean) || patch.name === undefined) return;
    setBusy(true);
    try {
      const customer = await api.call('customers:create', { ...patch, name: patch.name });
      toast.show({ message: t('customers.added', { name: customer.name }), tone: 'success' });
      onCreated(customer);
    } catch (error) {
      const field = fieldErrorOf(error);
      if (field && field.field in EMPTY_DRAFT) setErrors({ [field.field]: field.reason });
      else setFormError(errorText(t, error));
      setBusy(false);
    }
  };

  const errorOf = (field: ContactField) => {
    const reason = errors[field];
    return reason ? reasonText(t, reason) : null;
  };

  return (
    <Dialog
      title={t('customers.addTitle')}
      onClose={onClose}
      isDismissible={!isBusy}
      testId="add-customer-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <IdentityFields
          draft={draft}
          set={set}
          errorOf={errorOf}
          testIdPrefix="add"
          autoFocusName
        />
        <FormError message={formError} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {t('common.cancel')}
          </button>
          <BusyButton
            type="submit"
            className="button button-primary"
            data-testid="add-submit"
            isBusy={isBusy}
            busyLabel={t('common.working')}
          >
            {t('customers.addSubmit')}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
