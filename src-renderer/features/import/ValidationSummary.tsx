import { useState } from 'react';
import type { ImportReport } from '../../../src-shared/contract/index.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { downloadText } from '../../components/download.ts';
import { ImportFigures } from './ImportFigures.tsx';
import { importErrorText, rejectReasonText, warningText } from './import-text.ts';
import { NoticeLine } from './NoticeLine.tsx';
import type { Notice } from './NoticeLine.tsx';
import { rejectedFileName, rejectedRowsCsv } from './rejected-csv.ts';
import { RejectedRows } from './RejectedRows.tsx';

type Props = {
  /** null for a check found again without its file (after a reload). */
  fileName: string | null;
  /** The file's header row, to head the columns of the rejected rows' download. */
  headers: readonly string[];
  report: ImportReport;
  /** The preview could not tell the day order, so the check settled it. */
  wasDayOrderOpen: boolean;
  notice: Notice | null;
  /** null when the file is not at hand here to import (a check found again after a reload). */
  onImport: (() => Promise<void>) | null;
  onBack: (() => void) | null;
  onCancel: () => void;
};

/** The third step: what the dry run found, the rows it would leave out, and the way on. */
export function ValidationSummary({
  fileName,
  headers,
  report,
  wasDayOrderOpen,
  notice,
  onImport,
  onBack,
  onCancel,
}: Props) {
  const { t } = useLocale();
  const [isStarting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const hasNothing = report.ordersCreated === 0 && report.refundsRecorded === 0;

  const start = async (importChecked: () => Promise<void>) => {
    setStarting(true);
    setError(null);
    try {
      await importChecked();
    } catch (caught) {
      setError(caught);
      setStarting(false);
    }
  };

  // The check keeps its first rejected rows with their fields: they are written here, in the
  // shape of an imported batch's download, with the reasons in the user's language.
  const downloadRejected = () =>
    downloadText(
      rejectedFileName(fileName),
      rejectedRowsCsv(headers, report.rejected, (row) => rejectReasonText(t, row)),
      'text/csv;charset=utf-8',
    );

  return (
    <div className="import-checked" data-testid="import-validate">
      <NoticeLine notice={notice} />
      <section className="card" aria-labelledby="import-validate-title">
        <div className="card-heading">
          <h2 className="card-title" id="import-validate-title" tabIndex={-1} data-step-focus>
            {t('import.validate.title')}
          </h2>
          <p className="muted">
            {fileName === null
              ? t('import.validate.leadFile')
              : t('import.validate.lead', { name: isolate(fileName) })}
          </p>
        </div>
        <ImportFigures report={report} />
        {wasDayOrderOpen && report.dayOrder ? (
          <p className="import-note" data-testid="import-day-order-note">
            {t(`import.validate.dayOrder.${report.dayOrder}`)}
          </p>
        ) : null}
        {report.warnings.length > 0 ? (
          <ul className="import-warning-list">
            {report.warnings.map((warning) => (
              <li key={warning.code}>{warningText(t, warning)}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <RejectedRows
        rows={report.rejected}
        total={report.rowsRejected}
        isDone={false}
        onDownload={report.rejected.length > 0 ? downloadRejected : undefined}
      />

      {onImport ? (
        <div className="import-actions">
          <button type="button" className="button button-ghost" onClick={onCancel}>
            {t('import.action.cancel')}
          </button>
          {onBack ? (
            <button type="button" className="button" onClick={onBack} data-testid="import-back">
              {t('import.action.back')}
            </button>
          ) : null}
          <BusyButton
            type="button"
            className="button button-primary button-large"
            onClick={() => void start(onImport)}
            disabled={hasNothing}
            isBusy={isStarting}
            busyLabel={t('common.working')}
            data-testid="import-commit"
          >
            {hasNothing
              ? t('import.action.nothingNew')
              : report.rowsRejected > 0
                ? t('import.action.importValid', { count: report.rowsRejected })
                : t('import.action.import', {
                    count: report.ordersCreated + report.refundsRecorded,
                  })}
          </BusyButton>
        </div>
      ) : (
        <div className="import-actions" data-testid="import-file-elsewhere">
          <p className="import-actions-text">{t('import.validate.fileElsewhere')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={onCancel}
            data-testid="import-choose-again"
          >
            {t('import.chooseAnother')}
          </button>
        </div>
      )}
      <FormError message={error ? importErrorText(t, error, fileName ?? undefined) : null} />
    </div>
  );
}
