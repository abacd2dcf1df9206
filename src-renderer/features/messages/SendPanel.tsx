import { useEffect, useMemo, useState } from 'react';
import type {
  AudienceSummary,
  MessageTemplate,
  SendJob,
  SmtpSettings,
} from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf, useRoute } from '../../app/router.ts';
import type { AudienceFilters, Route } from '../../app/router.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { downloadBase64 } from '../../components/download.ts';
import { useToast } from '../../components/use-toast.ts';
import { AudiencePicker } from './AudiencePicker.tsx';
import { audienceInput } from './send-audience.ts';
import type { AudienceInput } from './send-audience.ts';
import { rememberJob, rememberedJob } from './send-progress.ts';
import { SendConfirmDialog } from './SendConfirmDialog.tsx';
import { SendJobView } from './SendJobView.tsx';
import { useAudienceSummary } from './use-audience-summary.ts';
import type { AudienceCount } from './use-audience-summary.ts';
import './send.css';
import { EML_MAX_FILES } from '../../../src-shared/contract/schemas.ts';

/** The audience the Messages address carries ("Message these customers"), or the whole book. */
const routeAudience = (route: Route): AudienceFilters =>
  route.name === 'messages' ? (route.audience ?? {}) : {};

/**
 * Sending a saved template: who gets it (with live counts), then by its channel either email
 * (over the shop's SMTP server, or as .eml files) or an SMS list for a bulk-SMS panel.
 */
export function SendPanel({ template }: { template: MessageTemplate }) {
  const { t } = useLocale();
  const route = useRoute();
  const carried = JSON.stringify(routeAudience(route));
  const [filters, setFilters] = useState<{ carried: string; value: AudienceFilters }>(() => ({
    carried,
    value: routeAudience(route),
  }));
  // A new "Message these customers" while the screen is open starts from its filters.
  if (filters.carried !== carried) setFilters({ carried, value: routeAudience(route) });
  const audience = useMemo(() => audienceInput(filters.value), [filters.value]);
  const { count, recount } = useAudienceSummary(template.id, audience);

  return (
    <div className="card send-panel" data-testid="send-panel">
      <AudiencePicker
        filters={filters.value}
        onChange={(value) => setFilters({ carried, value })}
        channel={template.channel}
        count={count}
      />
      {template.channel === 'email' ? (
        <EmailSend
          key={template.id}
          template={template}
          audience={audience}
          count={count}
          recount={recount}
        />
      ) : (
        <SmsSend template={template} audience={audience} count={count} />
      )}
      <p className="muted send-logged">{t('send.logged')}</p>
    </div>
  );
}

type SendProps = {
  template: MessageTemplate;
  audience: AudienceInput;
  count: AudienceCount;
};

const reachable = (count: AudienceCount): number =>
  count.status === 'ready' ? count.summary.sendable : 0;

/** Email: "Send email…" over the saved SMTP server, or .eml files for the user's mail program. */
function EmailSend({
  template,
  audience,
  count,
  recount,
}: SendProps & { recount: () => Promise<AudienceSummary> }) {
  const { t, fmt } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [smtp, setSmtp] = useState<SmtpSettings | null>(null);
  const [jobId, setJobId] = useState<string | null>(() => rememberedJob(template.id));
  const [confirming, setConfirming] = useState<AudienceSummary | null>(null);
  const [busy, setBusy] = useState<'confirm' | 'eml' | null>(null);

  useEffect(() => {
    let isCurrent = true;
    api.call('smtp:get', {}).then(
      (settings) => {
        if (isCurrent) setSmtp(settings);
      },
      (error: unknown) => {
        if (isCurrent) toast.show({ message: errorText(t, error), tone: 'error' });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, t, toast]);

  // A user name without its password (serve mode keeps it only until the app closes) cannot log in.
  const canSend = smtp !== null && smtp.configured && (smtp.user === '' || smtp.passwordSaved);

  const askToSend = async () => {
    setBusy('confirm');
    try {
      // The confirmation states exact numbers: counted again now, not whatever was on show.
      setConfirming(await recount());
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const saveEml = async () => {
    setBusy('eml');
    try {
      const file = await api.call('messages:eml', { templateId: template.id, audience });
      downloadBase64(file.fileName, file.base64, file.mimeType);
      toast.show({ message: t('send.email.emlDone', { count: file.rows, name: file.fileName }) });
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const started = (job: SendJob) => {
    rememberJob(template.id, job.id);
    setJobId(job.id);
    setConfirming(null);
  };

  if (jobId !== null) {
    return (
      <SendJobView
        jobId={jobId}
        onDone={() => {
          rememberJob(template.id, null);
          setJobId(null);
        }}
      />
    );
  }

  return (
    <section className="send-channel" aria-labelledby="send-email-title">
      <h3 id="send-email-title" className="send-section-title">
        {t('send.email.title')}
      </h3>
      {smtp !== null && !canSend ? (
        <div className="send-notice" role="note" data-testid="send-smtp-missing">
          <p className="send-notice-title">
            {t(smtp.configured ? 'send.smtp.passwordTitle' : 'send.smtp.missingTitle')}
          </p>
          <p>{t(smtp.configured ? 'send.smtp.passwordBody' : 'send.smtp.missingBody')}</p>
          <a
            className="button button-small"
            href={hrefOf({ name: 'settings', section: 'email' })}
            data-testid="send-smtp-settings"
          >
            {t('send.smtp.openSettings')}
          </a>
        </div>
      ) : null}
      <div className="send-actions">
        {canSend ? (
          <BusyButton
            type="button"
            className="button button-primary"
            isBusy={busy === 'confirm'}
            disabled={busy !== null || reachable(count) === 0}
            busyLabel={t('send.audience.counting')}
            onClick={() => void askToSend()}
            data-testid="send-email"
          >
            {t('send.email.send')}
          </BusyButton>
        ) : null}
        <BusyButton
          type="button"
          className="button"
          isBusy={busy === 'eml'}
          disabled={busy !== null || reachable(count) === 0 || reachable(count) > EML_MAX_FILES}
          busyLabel={t('send.working')}
          onClick={() => void saveEml()}
          data-testid="send-eml"
        >
          {t('send.email.eml')}
        </BusyButton>
      </div>
      {smtp !== null && canSend ? (
        <p className="muted">
          {t('send.email.via', { address: isolate(smtp.fromAddress), host: isolate(smtp.host) })}
        </p>
      ) : null}
      <p className="muted" data-testid="send-eml-hint">
        {reachable(count) > EML_MAX_FILES
          ? t('send.email.emlTooMany', { max: fmt.number(EML_MAX_FILES) })
          : t('send.email.emlHint')}
      </p>
      {confirming !== null ? (
        <SendConfirmDialog
          template={template}
          audience={audience}
          summary={confirming}
          onClose={() => setConfirming(null)}
          onStarted={started}
        />
      ) : null}
    </section>
  );
}

/** SMS: the reachable list with each personalised message, as Excel (recommended) or CSV. */
function SmsSend({ template, audience, count }: SendProps) {
  const { t } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);

  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const file = await api.call('messages:sms-list', {
        templateId: template.id,
        audience,
        format,
      });
      downloadBase64(file.fileName, file.base64, file.mimeType);
      toast.show({ message: t('send.sms.done', { count: file.rows, name: file.fileName }) });
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="send-channel" aria-labelledby="send-sms-title">
      <div>
        <h3 id="send-sms-title" className="send-section-title">
          {t('send.sms.title')}
        </h3>
        <p className="muted">{t('send.sms.lead')}</p>
      </div>
      <div className="send-actions">
        {(['xlsx', 'csv'] as const).map((format) => (
          <BusyButton
            key={format}
            type="button"
            className={format === 'xlsx' ? 'button button-primary' : 'button'}
            isBusy={busy === format}
            disabled={busy !== null || reachable(count) === 0}
            busyLabel={t('send.working')}
            onClick={() => void download(format)}
            data-testid={`send-sms-${format}`}
          >
            {t(format === 'xlsx' ? 'send.sms.xlsx' : 'send.sms.csv')}
          </BusyButton>
        ))}
      </div>
      <p className="muted">{t('send.sms.xlsxHint')}</p>
    </section>
  );
}
