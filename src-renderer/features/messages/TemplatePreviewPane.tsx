import { useEffect, useMemo, useState } from 'react';
import type { InputOf, TemplatePreview } from '../../../src-shared/contract/index.ts';
import { countSms } from '../../../src-shared/domain/sms.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { SmsMeter } from './SmsMeter.tsx';
import { previewDraftOf } from './template-draft.ts';
import type { TemplateDraft } from './template-draft.ts';
import type { PreviewCustomers } from './use-preview-customers.ts';

/** The preview follows the draft once typing pauses this long. */
const PREVIEW_DEBOUNCE_MS = 300;

/** One preview request (its JSON) and what came back. */
type Answer = { key: string; preview: TemplatePreview } | { key: string; error: unknown };

export type CustomerChoice = {
  customers: PreviewCustomers;
  search: string;
  onSearch: (search: string) => void;
  chosenId: string | null;
  onChoose: (id: string) => void;
};

type Props = {
  draft: TemplateDraft;
  choice: CustomerChoice;
  smsLimit: number;
  onSmsLimit: (limit: number) => void;
};

/**
 * The live preview (DESIGN.md §6): the unsaved draft filled by the core for one customer, in the
 * template's direction, with the placeholders this customer cannot fill and, for SMS, the parts
 * it takes. Without a customer, an SMS still shows what the raw template takes.
 */
export function TemplatePreviewPane({ draft, choice, smsLimit, onSmsLimit }: Props) {
  const { t, locale } = useLocale();
  const api = useApi();
  const { customers } = choice;
  const rows = customers.status === 'ready' ? customers.rows : [];
  const chosen = rows.find((row) => row.id === choice.chosenId) ?? rows[0] ?? null;

  const settled = useDebouncedValue(draft, PREVIEW_DEBOUNCE_MS);
  const key = chosen
    ? JSON.stringify({ draft: previewDraftOf(settled), customerId: chosen.id })
    : '';
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (key === '') return;
    let isCurrent = true;
    api.call('templates:preview', JSON.parse(key) as InputOf<'templates:preview'>).then(
      (preview) => {
        if (isCurrent) setAnswer({ key, preview });
      },
      (error: unknown) => {
        if (isCurrent) setAnswer({ key, error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, key]);
  // The last answer stays on show while the next one is on its way, so the text does not flicker.
  const shown = answer !== null && key !== '' ? answer : null;
  const isPending = shown === null || shown.key !== key;
  const rawCount = useMemo(() => countSms(draft.body), [draft.body]);

  const isSms = draft.channel === 'sms';
  const dir = draft.locale === 'fa' ? 'rtl' : 'ltr';
  const listSeparator = locale === 'fa' ? '، ' : ', ';

  return (
    <section
      className="card message-preview"
      aria-labelledby="message-preview-title"
      aria-busy={chosen !== null && isPending}
      data-testid="message-preview"
    >
      <h2 id="message-preview-title" className="card-title">
        {t('messages.preview.title')}
      </h2>
      {customers.status === 'loading' ? (
        <div className="skeleton message-preview-skeleton" aria-label={t('common.loading')} />
      ) : customers.status === 'failed' ? (
        <p className="form-error" role="alert">
          {t('messages.preview.failed', { error: errorText(t, customers.error) })}
        </p>
      ) : !customers.hasAnyCustomer ? (
        <div className="section-empty" data-testid="preview-no-customers">
          <p className="empty-title">{t('messages.preview.noCustomers.title')}</p>
          <p>{t('messages.preview.noCustomers.body')}</p>
          <a className="button button-small" href={hrefOf({ name: 'customers' })}>
            {t('messages.preview.noCustomers.action')}
          </a>
        </div>
      ) : (
        <>
          <CustomerPicker
            search={choice.search}
            onSearch={choice.onSearch}
            rows={rows}
            chosen={chosen}
            onChoose={choice.onChoose}
          />
          {shown && 'error' in shown ? (
            <p className="form-error" role="alert" data-testid="preview-error">
              {t('messages.preview.failed', { error: errorText(t, shown.error) })}
            </p>
          ) : shown ? (
            <FilledMessage
              preview={shown.preview}
              dir={dir}
              lang={draft.locale}
              missingText={shown.preview.missing
                .map((name) => t(`messages.placeholder.${name}`))
                .join(listSeparator)}
            />
          ) : null}
          <p className="visually-hidden" role="status">
            {chosen !== null && isPending ? t('messages.preview.loading') : ''}
          </p>
        </>
      )}
      {isSms && shown && 'preview' in shown && shown.preview.sms ? (
        <SmsMeter count={shown.preview.sms} limit={smsLimit} onLimit={onSmsLimit} />
      ) : isSms && chosen === null && customers.status !== 'loading' ? (
        <SmsMeter
          count={rawCount}
          caption={t('messages.sms.template')}
          limit={smsLimit}
          onLimit={onSmsLimit}
        />
      ) : null}
    </section>
  );
}

function FilledMessage({
  preview,
  dir,
  lang,
  missingText,
}: {
  preview: TemplatePreview;
  dir: 'rtl' | 'ltr';
  lang: string;
  missingText: string;
}) {
  const { t } = useLocale();
  return (
    <div className="filled-message" data-testid="preview-filled">
      {preview.subject !== null ? (
        <div className="filled-message-subject">
          <span className="field-hint">{t('messages.preview.subject')}</span>
          <p dir={dir} lang={lang} data-testid="preview-subject">
            {preview.subject}
          </p>
        </div>
      ) : null}
      <div
        className="filled-message-body"
        dir={dir}
        lang={lang}
        aria-label={t('messages.preview.body')}
        data-testid="preview-body"
      >
        {preview.body === '' ? (
          <span className="muted">{t('messages.preview.emptyBody')}</span>
        ) : (
          preview.body
        )}
      </div>
      {preview.missing.length > 0 ? (
        <p className="preview-missing" role="note" data-testid="preview-missing">
          {t('messages.preview.missing', { names: missingText })}
        </p>
      ) : null}
    </div>
  );
}
