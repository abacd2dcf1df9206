import { useState } from 'react';
import type { ImportJob } from '../../../src-shared/contract/index.ts';
import { formatPercent } from '../../../src-shared/i18n/locale.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { formatDuration, importErrorText } from './import-text.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useImportJob } from './use-import-job.ts';

type Props = {
  job: ImportJob;
  /** null for a run found again without its file (after a reload): a general title then. */
  fileName: string | null;
  /** The run is over: done, cancelled or failed. */
  onSettled: (job: ImportJob) => void;
};

/** A check or an import under way: how far it got, how fast, how long is left, and Cancel. */
export function RunProgress({ job: initial, fileName, onSettled }: Props) {
  const { t, locale } = useLocale();
  const { job, error, isCancelling, cancel } = useImportJob(initial, onSettled);
  const [cancelError, setCancelError] = useState<unknown>(null);

  const phase =
    job.phase === 'returns'
      ? t('import.progress.phase.returns')
      : job.phase === 'finishing'
        ? t('import.progress.phase.finishing')
        : null;
  const fraction = job.total > 0 ? job.position / job.total : 0;

  return (
    <section
      className="card import-run"
      aria-labelledby="import-run-title"
      aria-busy={job.state === 'running'}
      data-testid="import-run"
      data-dry-run={job.dryRun}
    >
      <h2 className="card-title" id="import-run-title" tabIndex={-1} data-step-focus>
        {fileName === null
          ? t(job.dryRun ? 'import.progress.checkingFile' : 'import.progress.importingFile')
          : t(job.dryRun ? 'import.progress.checking' : 'import.progress.importing', {
              name: isolate(fileName),
            })}
      </h2>
      <ProgressBar
        value={job.position}
        max={job.total}
        label={t('import.progress.label')}
        valueText={formatPercent(fraction, locale)}
        testId="import-run-progress"
      />
      <p className="import-run-figures" aria-live="polite">
        <span data-testid="import-run-rows">
          {t('import.progress.rows', { count: job.rowsRead })}
        </span>
        {job.rowsPerSecond > 0 ? (
          <span>{t('import.progress.speed', { count: job.rowsPerSecond })}</span>
        ) : null}
        {job.secondsLeft !== null ? (
          <span>
            {t('import.progress.left', {
              time: formatDuration(Math.max(1, job.secondsLeft) * 1000, locale),
            })}
          </span>
        ) : null}
        {phase ? <span>{phase}</span> : null}
      </p>
      <div className="import-run-actions">
        <BusyButton
          type="button"
          className="button"
          onClick={() => {
            setCancelError(null);
            cancel().catch(setCancelError);
          }}
          disabled={job.state !== 'running'}
          isBusy={isCancelling}
          busyLabel={t('import.progress.cancelling')}
          data-testid="import-run-cancel"
        >
          {job.dryRun ? t('common.cancel') : t('import.progress.cancelImport')}
        </BusyButton>
      </div>
      <FormError
        message={
          error || cancelError
            ? importErrorText(t, error ?? cancelError, fileName ?? undefined)
            : null
        }
      />
    </section>
  );
}
