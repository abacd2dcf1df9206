import { useId, useState } from 'react';
import type { ImportPlan } from '../../../src-shared/contract/index.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { missingRequired } from './field-mapping.ts';
import { FileIcon, WarnIcon } from './ImportIcons.tsx';
import { formatSize, importErrorText, warningText } from './import-text.ts';
import { MappingTable } from './MappingTable.tsx';
import { NoticeLine } from './NoticeLine.tsx';
import type { Notice } from './NoticeLine.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { parseLineNumber, sourceProblem } from './preview-request.ts';
import type { PreviewChange } from './preview-request.ts';
import { ReadSettings } from './ReadSettings.tsx';
import { SampleRows } from './SampleRows.tsx';
import type { Presets } from './use-presets.ts';
import type { PreviewSession } from './use-preview.ts';

type Props = {
  session: PreviewSession;
  presets: Presets;
  isUpdating: boolean;
  notice: Notice | null;
  onChange: (change: PreviewChange) => void;
  /** Starts the dry run; a refusal is thrown back to be shown here. */
  onCheck: (plan: ImportPlan) => Promise<void>;
  onChooseAnother: () => void;
};

/**
 * The second step: what was detected and how each column will be read, all of it changeable,
 * with a live sample; "Check the file" when a date and an amount column are chosen.
 */
export function PreviewStep({
  session,
  presets,
  isUpdating,
  notice,
  onChange,
  onCheck,
  onChooseAnother,
}: Props) {
  const { t, fmt, locale } = useLocale();
  const { file, preview, request, error } = session;
  const [headerDraft, setHeaderDraft] = useState<string | null>(null);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [isStarting, setStarting] = useState(false);
  const reasonId = useId();

  // The user's last choice shows at once; the preview's samples follow.
  const mapping = request.mapping ?? preview.plan.mapping;
  const missing = missingRequired(mapping);
  const source = request.options?.source ?? preview.plan.options.source;
  const isHeaderInvalid = headerDraft !== null && parseLineNumber(headerDraft) === null;
  const blocker =
    missing === 'date'
      ? t('import.check.needsDate')
      : missing === 'amount'
        ? t('import.check.needsAmount')
        : sourceProblem(source)
          ? t('import.check.needsSource')
          : isHeaderInvalid
            ? t('import.check.needsHeaderLine')
            : null;
  const canCheck = blocker === null && !isUpdating && error === null;

  const check = async () => {
    setStarting(true);
    setCheckError(null);
    try {
      await onCheck(preview.plan);
    } catch (caught) {
      setCheckError(caught);
      setStarting(false);
    }
  };

  const previous = preview.previousImport;
  return (
    <div className="import-preview" data-testid="import-preview">
      <div className="import-file-bar">
        <FileIcon />
        <div className="import-file-text">
          <p className="import-file-name">
            {t('import.preview.file', {
              name: isolate(file.name),
              size: formatSize(file.size, locale),
            })}
          </p>
          <p className="muted" data-testid="import-shape">
            {t(`import.preview.shape.${preview.detected.shape}`)}
          </p>
        </div>
        <button
          type="button"
          className="button"
          onClick={onChooseAnother}
          data-testid="import-preview-another"
        >
          {t('import.chooseAnother')}
        </button>
      </div>

      <NoticeLine notice={notice} />

      {previous ? (
        <div
          className="import-callout import-callout-warn"
          data-testid="import-previous"
          role="note"
        >
          <WarnIcon />
          <p>
            {t(
              previous.status === 'committed'
                ? 'import.preview.previous.committed'
                : 'import.preview.previous.undone',
              { date: fmt.dateTime(previous.startedAt) },
            )}
          </p>
        </div>
      ) : null}

      {preview.warnings.length > 0 ? (
        <section
          className="import-callout"
          aria-labelledby="import-warnings-title"
          data-testid="import-warnings"
        >
          <WarnIcon />
          <div>
            <h2 className="import-callout-title" id="import-warnings-title">
              {t('import.warnings.title')}
            </h2>
            <ul className="import-warning-list">
              {preview.warnings.map((warning) => (
                <li key={warning.code} data-code={warning.code} data-testid="import-warning">
                  {warningText(t, warning)}
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      {error ? (
        <NoticeLine
          notice={{ tone: 'error', text: importErrorText(t, error, file.name) }}
          testId="import-preview-error"
        />
      ) : null}

      <div className="import-preview-layout">
        <div className="import-preview-main">
          <section className="card" aria-labelledby="import-mapping-title" aria-busy={isUpdating}>
            <div className="card-heading">
              <h2 className="card-title" id="import-mapping-title" tabIndex={-1} data-step-focus>
                {t('import.mapping.title')}
              </h2>
              <p className="muted">{t('import.mapping.lead')}</p>
            </div>
            <PresetPicker
              presets={presets}
              preview={preview}
              request={request}
              mapping={mapping}
              fileName={file.name}
              onChange={onChange}
            />
            <MappingTable
              preview={preview}
              mapping={mapping}
              onChange={(next) => onChange({ kind: 'mapping', mapping: next })}
            />
          </section>
          <SampleRows preview={preview} mapping={mapping} />
        </div>
        <aside className="card import-settings" aria-labelledby="import-settings-title">
          <h2 className="card-title" id="import-settings-title">
            {t('import.settings.title')}
          </h2>
          <ReadSettings
            preview={preview}
            request={request}
            onChange={onChange}
            headerDraft={headerDraft}
            onHeaderDraftChange={setHeaderDraft}
          />
        </aside>
      </div>

      <div className="import-actions">
        <p
          className={`import-actions-text${blocker ? ' is-blocked' : ''}`}
          id={reasonId}
          aria-live="polite"
          data-testid="import-check-reason"
        >
          {blocker ?? (isUpdating ? t('import.preview.updating') : t('import.check.hint'))}
        </p>
        <BusyButton
          type="button"
          className="button button-primary button-large"
          disabled={!canCheck}
          aria-describedby={reasonId}
          onClick={() => void check()}
          isBusy={isStarting}
          busyLabel={t('common.working')}
          data-testid="import-check"
        >
          {t('import.check')}
        </BusyButton>
      </div>
      <FormError message={checkError ? importErrorText(t, checkError, file.name) : null} />
    </div>
  );
}
