import type { ImportReport } from '../../../src-shared/contract/index.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { ExportButtons } from '../exports/ExportButtons.tsx';
import { ImportFigures } from './ImportFigures.tsx';
import { durationText, warningText } from './import-text.ts';
import { RejectedRows } from './RejectedRows.tsx';

/** The last step: what the import did, the new customers, the rows to fix, another file. */
export function ImportResult({
  report,
  fileName,
  onAnother,
}: {
  report: ImportReport;
  /** null for an import found again without its file name (after a reload). */
  fileName: string | null;
  onAnother: () => void;
}) {
  const { t, locale } = useLocale();
  const { batchId } = report;
  return (
    <div className="import-result" data-testid="import-result">
      <section className="card import-result-card" aria-labelledby="import-result-title">
        <div className="import-result-head">
          <span className="import-result-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <h2 className="card-title" id="import-result-title" tabIndex={-1} data-step-focus>
              {t('import.result.title')}
            </h2>
            <p className="muted">
              {fileName === null
                ? t('import.result.leadFile', {
                    duration: durationText(t, locale, report.durationMs),
                  })
                : t('import.result.lead', {
                    name: isolate(fileName),
                    duration: durationText(t, locale, report.durationMs),
                  })}
            </p>
          </div>
        </div>
        <ImportFigures report={report} />
        {report.warnings.length > 0 ? (
          <ul className="import-warning-list">
            {report.warnings.map((warning) => (
              <li key={warning.code}>{warningText(t, warning)}</li>
            ))}
          </ul>
        ) : null}
        <div className="import-result-actions">
          {batchId && report.customersCreated > 0 ? (
            <a
              className="button button-primary"
              href={hrefOf({ name: 'customers', importBatchId: batchId })}
              data-testid="import-show-customers"
            >
              {t('import.result.showCustomers', { count: report.customersCreated })}
            </a>
          ) : null}
          <button type="button" className="button" onClick={onAnother} data-testid="import-another">
            {t('import.result.another')}
          </button>
        </div>
        <p className="muted import-result-hint">{t('import.result.undoHint')}</p>
      </section>
      <RejectedRows
        rows={report.rejected}
        total={report.rowsRejected}
        isDone
        actions={batchId ? <ExportButtons request={{ dataset: 'rejected', batchId }} /> : null}
      />
    </div>
  );
}
