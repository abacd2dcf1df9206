import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, InputHTMLAttributes } from 'react';
import type { SmtpSecurity, SmtpSettings } from '../../../src-shared/contract/index.ts';
import { SMTP_SECURITY } from '../../../src-shared/contract/schemas.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { isApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText, fieldErrorOf, reasonText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useRoute } from '../../app/router.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import type { ControlProps } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import { Ltr } from '../../components/Ltr.tsx';
import './email.css';
import { checkSmtpDraft, isSmtpDirty, portAfterSecurity, smtpDraftOf } from './smtp-form.ts';
import type { SmtpDraft, SmtpErrors, SmtpField } from './smtp-form.ts';
import { LoadFailed } from '../../components/LoadFailed.tsx';

const SECURITY_TEXT = {
  tls: 'smtp.security.tls',
  starttls: 'smtp.security.starttls',
  none: 'smtp.security.none',
} as const satisfies Record<SmtpSecurity, string>;

const problemText = (t: T, problem: NonNullable<SmtpErrors[SmtpField]>): string =>
  problem === 'invalid_port' ? t('smtp.error.invalidPort') : reasonText(t, problem);

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; settings: SmtpSettings; version: number };

/**
 * Settings → Email: the shop's outgoing mail server (DESIGN.md §6), and a test email sent with
 * what is saved. The password is write-only: it is never shown, only said to be saved.
 */
export function EmailSection() {
  const { t } = useLocale();
  const api = useApi();
  const route = useRoute();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [isSaved, setSaved] = useState(false);
  const section = useRef<HTMLElement>(null);
  const isAddressed = route.name === 'settings' && route.section === 'email';

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', settings: await api.call('smtp:get', {}), version: 0 });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened from a send panel's "Open Settings → Email": scrolled into view once it has loaded.
  const isReady = state.status === 'ready';
  useEffect(() => {
    if (isAddressed && isReady) section.current?.scrollIntoView({ block: 'start' });
  }, [isAddressed, isReady]);

  return (
    <section
      ref={section}
      className="card email-card"
      aria-labelledby="settings-email"
      data-testid="email-section"
    >
      <div className="card-heading">
        <h2 id="settings-email" className="card-title">
          {t('smtp.title')}
        </h2>
        <p className="muted">{t('smtp.lead')}</p>
      </div>
      {state.status === 'ready' ? (
        <>
          <EmailForm
            key={state.version}
            settings={state.settings}
            isSaved={isSaved}
            onEdit={() => setSaved(false)}
            onSaved={(settings) => {
              setState((current) => ({
                status: 'ready',
                settings,
                version: current.status === 'ready' ? current.version + 1 : 0,
              }));
              setSaved(true);
            }}
          />
          <TestEmail settings={state.settings} />
        </>
      ) : state.status === 'loading' ? (
        <div className="email-loading" aria-busy="true" aria-label={t('common.loading')} />
      ) : (
        <LoadFailed
          inline
          title={t('smtp.loadFailed')}
          error={state.error}
          onRetry={() => void load()}
        />
      )}
    </section>
  );
}

type FormProps = {
  settings: SmtpSettings;
  isSaved: boolean;
  onEdit: () => void;
  onSaved: (settings: SmtpSettings) => void;
};

function EmailForm({ settings, isSaved, onEdit, onSaved }: FormProps) {
  const { t } = useLocale();
  const api = useApi();
  const base = useMemo(() => smtpDraftOf(settings), [settings]);
  const [draft, setDraft] = useState<SmtpDraft>(base);
  const [errors, setErrors] = useState<SmtpErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const isDirty = isSmtpDirty(draft, base);

  const set = <K extends keyof SmtpDraft>(key: K, value: SmtpDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    onEdit();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSmtpDraft(draft);
    setFormError(null);
    if (checked.errors) return setErrors(checked.errors);
    setSaving(true);
    try {
      onSaved(await api.call('smtp:save', checked.input));
    } catch (error) {
      const field = fieldErrorOf(error);
      if (
        field &&
        (field.field === 'host' || field.field === 'port' || field.field === 'fromAddress')
      ) {
        setErrors({
          [field.field]: field.reason === 'invalid_email' ? 'invalid_email' : 'required',
        });
      } else {
        setFormError(errorText(t, error));
      }
      setSaving(false);
    }
  };

  /** A left-to-right text box of the form (addresses, host names, numbers). */
  const text =
    (key: keyof SmtpDraft, testId: string, extra: InputHTMLAttributes<HTMLInputElement> = {}) =>
    (control: ControlProps) => (
      <input
        {...control}
        {...extra}
        className="input"
        dir="ltr"
        spellCheck={false}
        autoComplete="off"
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
        data-testid={testId}
      />
    );

  return (
    <form className="form email-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="email-grid">
        <Field
          label={t('smtp.host')}
          error={errors.host && problemText(t, errors.host)}
          testId="smtp-host"
        >
          {text('host', 'smtp-host', { placeholder: 'smtp.example.com', maxLength: 253 })}
        </Field>
        <Field label={t('smtp.security')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.security}
              onChange={(event) => {
                const security = event.target.value as SmtpSecurity;
                setDraft((current) => ({
                  ...current,
                  security,
                  port: portAfterSecurity(current.port, current.security, security),
                }));
                onEdit();
              }}
              data-testid="smtp-security"
            >
              {SMTP_SECURITY.map((security) => (
                <option key={security} value={security}>
                  {t(SECURITY_TEXT[security])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('smtp.port')}
          error={errors.port && problemText(t, errors.port)}
          testId="smtp-port"
        >
          {text('port', 'smtp-port', { inputMode: 'numeric', maxLength: 5 })}
        </Field>
        <Field label={t('smtp.user')}>{text('user', 'smtp-user', { maxLength: 254 })}</Field>
        <Field
          label={t('smtp.password')}
          hint={
            <>
              {settings.passwordSaved ? `${t('smtp.passwordReplace')} ` : ''}
              {t(
                settings.passwordStorage === 'memory'
                  ? 'smtp.passwordMemory'
                  : 'smtp.passwordEncrypted',
              )}
            </>
          }
          className="email-password"
        >
          {(control) => (
            <input
              {...control}
              type="password"
              className="input"
              dir="ltr"
              autoComplete="new-password"
              maxLength={1024}
              placeholder={settings.passwordSaved ? t('smtp.passwordSaved') : ''}
              value={draft.password}
              onChange={(event) => set('password', event.target.value)}
              data-testid="smtp-password"
            />
          )}
        </Field>
        <Field
          label={t('smtp.fromAddress')}
          error={errors.fromAddress && problemText(t, errors.fromAddress)}
          testId="smtp-from-address"
        >
          {text('fromAddress', 'smtp-from-address', {
            type: 'email',
            placeholder: 'shop@example.com',
            maxLength: 254,
          })}
        </Field>
        <Field label={t('smtp.fromName')} hint={t('smtp.fromNameHint')}>
          {(control) => (
            <input
              {...control}
              className="input"
              maxLength={200}
              value={draft.fromName}
              onChange={(event) => set('fromName', event.target.value)}
              data-testid="smtp-from-name"
            />
          )}
        </Field>
      </div>
      <FormError message={formError} />
      <DialogActions
        className="email-actions"
        onCancel={() => {
          setDraft(base);
          setErrors({});
        }}
        isBusy={isSaving}
        isDirty={isDirty}
        submitLabel={t('common.save')}
        submitTestId="smtp-save"
        hint={
          <span className="save-status" role="status" data-testid="smtp-status">
            {isSaved && !isDirty ? t('smtp.saved') : ''}
          </span>
        }
      />
    </form>
  );
}

/** "Send test email" to an address, with the saved settings; the server's reason if it refuses. */
function TestEmail({ settings }: { settings: SmtpSettings }) {
  const { t } = useLocale();
  const api = useApi();
  const [to, setTo] = useState(settings.fromAddress);
  const [isSending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<
    | { ok: true; to: string; response: string }
    | { ok: false; text: string; reason: string | null }
    | null
  >(null);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const address = to.trim();
    if (address === '') return;
    setSending(true);
    setOutcome(null);
    try {
      const result = await api.call('smtp:test', { to: address });
      setOutcome({ ok: true, to: address, response: result.response });
    } catch (error) {
      setOutcome({ ok: false, text: errorText(t, error), reason: serverReasonOf(error) });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="form email-test" onSubmit={(event) => void send(event)} noValidate>
      <h3 className="email-test-title">{t('smtp.test.title')}</h3>
      {settings.configured ? null : <p className="muted">{t('smtp.test.saveFirst')}</p>}
      <div className="email-test-row">
        <Field label={t('smtp.test.to')} className="email-test-to">
          {(control) => (
            <input
              {...control}
              type="email"
              className="input"
              dir="ltr"
              maxLength={254}
              value={to}
              onChange={(event) => setTo(event.target.value)}
              data-testid="smtp-test-to"
            />
          )}
        </Field>
        <BusyButton
          type="submit"
          className="button"
          isBusy={isSending}
          busyLabel={t('smtp.test.sending')}
          disabled={!settings.configured || to.trim() === ''}
          data-testid="smtp-test-send"
        >
          {t('smtp.test.send')}
        </BusyButton>
      </div>
      {outcome?.ok === true ? (
        <p className="email-test-ok" role="status" data-testid="smtp-test-ok">
          {t('smtp.test.ok', { to: outcome.to })}{' '}
          {outcome.response ? <Ltr className="code">{outcome.response}</Ltr> : null}
        </p>
      ) : outcome?.ok === false ? (
        <div className="form-error" role="alert" data-testid="smtp-test-failed">
          <p>{t('smtp.test.failed')}</p>
          {outcome.reason ? (
            <p>
              {t('smtp.test.serverSaid')} <Ltr className="code">{outcome.reason}</Ltr>
            </p>
          ) : (
            <p>{outcome.text}</p>
          )}
        </div>
      ) : null}
    </form>
  );
}

/** The mail server's own words for a refused test (its reply, or the connection error). */
function serverReasonOf(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'smtp_failed') return null;
  const reason = error.details['reason'];
  return typeof reason === 'string' && reason !== '' ? reason : error.message || null;
}
