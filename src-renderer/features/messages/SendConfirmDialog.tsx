import { useState } from 'react';
import type { FormEvent } from 'react';
import type {
  AudienceSummary,
  MessageTemplate,
  SendJob,
} from '../../../src-shared/contract/index.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useApi } from '../../api/use-api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DialogActions } from '../../components/DialogActions.tsx';
import { Field } from '../../components/Field.tsx';
import { FormError } from '../../components/FormError.tsx';
import type { AudienceInput } from './send-audience.ts';
import { DEFAULT_RATE_PER_MINUTE, estimatedSeconds, parseRate } from './send-progress.ts';

type Props = {
  template: MessageTemplate;
  audience: AudienceInput;
  /** Counted just now: the numbers the owner agrees to. */
  summary: AudienceSummary;
  onClose: () => void;
  onStarted: (job: SendJob) => void;
};

/**
 * "Send this email?": exactly how many get it and how many are skipped and why, the pace (messages
 * a minute) and how long that takes; confirming starts the send in the background.
 */
export function SendConfirmDialog({ template, audience, summary, onClose, onStarted }: Props) {
  const { t, fmt } = useLocale();
  const api = useApi();
  const [rateText, setRateText] = useState(() => fmt.number(DEFAULT_RATE_PER_MINUTE));
  const [rateError, setRateError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const rate = parseRate(rateText);
  const seconds = rate === null ? null : estimatedSeconds(summary.sendable, rate);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (rate === null) return setRateError(t('send.confirm.rateError'));
    setBusy(true);
    setFormError(null);
    try {
      onStarted(
        await api.call('messages:send', { templateId: template.id, audience, ratePerMinute: rate }),
      );
    } catch (error) {
      setFormError(errorText(t, error));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('send.confirm.title')}
      onClose={onClose}
      isDismissible={!isBusy}
      size="small"
      testId="send-confirm"
    >
      <form className="form send-confirm" onSubmit={(event) => void submit(event)} noValidate>
        <p className="send-confirm-count" data-testid="send-confirm-recipients">
          {t('send.confirm.recipients', { count: summary.sendable, name: isolate(template.name) })}
        </p>
        <p className="muted" data-testid="send-confirm-skipped">
          {t('send.confirm.skipped', {
            doNotContact: summary.skipped.doNotContact,
            noAddress: summary.skipped.noAddress,
          })}
        </p>
        <Field
          label={t('send.confirm.rate')}
          error={rateError}
          hint={t('send.confirm.rateHint')}
          testId="send-rate"
        >
          {(control) => (
            <input
              {...control}
              className="input send-rate-input"
              inputMode="numeric"
              dir="ltr"
              value={rateText}
              onChange={(event) => {
                setRateText(event.target.value);
                setRateError(null);
              }}
              data-testid="send-rate"
            />
          )}
        </Field>
        <p className="muted" data-testid="send-confirm-estimate">
          {seconds === null
            ? '\u00a0'
            : seconds < 60
              ? t('send.confirm.estimateQuick')
              : t('send.confirm.estimate', { count: Math.ceil(seconds / 60) })}
        </p>
        <p className="muted">{t('send.confirm.sentOnly')}</p>
        <FormError message={formError} />
        <DialogActions
          onCancel={onClose}
          isBusy={isBusy}
          submitLabel={t('send.confirm.send', { count: summary.sendable })}
          busyLabel={t('common.working')}
          submitTestId="send-confirm-submit"
          cancelTestId="send-confirm-cancel"
        />
      </form>
    </Dialog>
  );
}
