import { useLocale } from '../../app/i18n/use-t.ts';
import { Field } from '../../components/Field.tsx';
import type { ContactDraft, ContactField } from './customer-form.ts';

type Props = {
  draft: Pick<ContactDraft, 'name' | 'phone' | 'email'>;
  set: (field: 'name' | 'phone' | 'email', value: string) => void;
  /** The translated message for a field, or null. */
  errorOf: (field: ContactField) => string | null;
  /** Prefix of the fields' test ids, e.g. 'add' gives add-name, add-phone, add-email. */
  testIdPrefix: string;
  autoFocusName?: boolean;
};

/** Name, phone and email: the same fields, limits and hints when adding and when editing. */
export function IdentityFields({ draft, set, errorOf, testIdPrefix, autoFocusName }: Props) {
  const { t } = useLocale();
  const id = (field: string) => `${testIdPrefix}-${field}`;
  return (
    <>
      <Field label={t('customer.name')} error={errorOf('name')} testId={id('name')}>
        {(control) => (
          <input
            {...control}
            className="input"
            value={draft.name}
            maxLength={200}
            onChange={(event) => set('name', event.target.value)}
            data-testid={id('name')}
            data-autofocus={autoFocusName ? true : undefined}
          />
        )}
      </Field>
      <Field
        label={t('customer.phone')}
        error={errorOf('phone')}
        hint={t('customer.phoneHint')}
        testId={id('phone')}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            dir="ltr"
            type="tel"
            inputMode="tel"
            value={draft.phone}
            maxLength={40}
            onChange={(event) => set('phone', event.target.value)}
            data-testid={id('phone')}
          />
        )}
      </Field>
      <Field label={t('customer.email')} error={errorOf('email')} testId={id('email')}>
        {(control) => (
          <input
            {...control}
            className="input"
            dir="ltr"
            type="email"
            inputMode="email"
            value={draft.email}
            maxLength={254}
            onChange={(event) => set('email', event.target.value)}
            data-testid={id('email')}
          />
        )}
      </Field>
    </>
  );
}
