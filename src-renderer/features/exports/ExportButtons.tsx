import { useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../src-shared/contract/index.ts';
import type { ExportJob } from '../../../src-shared/contract/types.ts';
import { ERROR_CODES } from '../../../src-shared/contract/errors.ts';
import type { ErrorCode } from '../../../src-shared/contract/errors.ts';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useStoredChoice } from '../../components/use-stored-choice.ts';
import { useToast } from '../../components/use-toast.ts';
import { downloadBase64 } from '../../components/download.ts';
import './exports.css';

/** Which list to export, with its screen's filters; the format is the button's. */
export type ExportRequest = DistributiveOmit<InputOf<'exports:start'>, 'format' | 'locale'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const POLL_MS = 150;

const PERSIAN_DIGITS_KEY = 'bazgasht.export.persianDigits';
const isTrue = (stored: string | null): boolean => stored === 'true';

/**
 * "Export CSV" and "Export Excel" for a list: the core writes the file in the background (headers
 * and dates in the user's language) while this shows the rows written and offers Cancel; then the
 * browser saves it (Electron shows its save dialog).
 */
export function ExportButtons({ request }: { request: ExportRequest }) {
  const api = useApi();
  const { t, locale, fmt } = useLocale();
  const toast = useToast();
  const [format, setFormat] = useState<'csv' | 'xlsx' | null>(null);
  const [job, setJob] = useState<ExportJob | null>(null);
  // In Persian, a file to read or print may want Persian digits; Excel computes only with Latin
  // ones (the default).
  const [persianDigits, setPersianDigits] = useStoredChoice(PERSIAN_DIGITS_KEY, isTrue);
  // Set when the screen goes away: the poll stops and a running export is cancelled.
  const left = useRef(false);
  const jobId = useRef<string | null>(null);
  useEffect(() => {
    left.current = false;
    return () => {
      left.current = true;
      if (jobId.current) void api.call('exports:cancel', { jobId: jobId.current }).catch(() => {});
    };
  }, [api]);

  const run = async (chosen: 'csv' | 'xlsx') => {
    setFormat(chosen);
    try {
      let current = await api.call('exports:start', {
        ...request,
        format: chosen,
        locale,
        persianDigits: locale === 'fa' && persianDigits,
      } as InputOf<'exports:start'>);
      jobId.current = current.id;
      while (current.state === 'running' && !left.current) {
        setJob(current);
        await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
        current = await api.call('exports:job', { jobId: current.id });
      }
      if (left.current) return;
      jobId.current = null;
      if (current.state === 'done') {
        const file = await api.call('exports:take', { jobId: current.id });
        downloadBase64(file.fileName, file.base64, file.mimeType);
        toast.show({ message: t('export.done', { count: file.rows, name: file.fileName }) });
      } else if (current.state === 'cancelled') {
        toast.show({ message: t('export.cancelled') });
      } else if (current.error) {
        toast.show({ message: errorText(t, failureOf(current.error)), tone: 'error' });
      }
    } catch (error) {
      jobId.current = null;
      if (!left.current) toast.show({ message: errorText(t, error), tone: 'error' });
    } finally {
      if (!left.current) {
        setFormat(null);
        setJob(null);
      }
    }
  };

  const cancel = () => {
    if (job) void api.call('exports:cancel', { jobId: job.id }).catch(() => {});
  };

  return (
    <div className="export-buttons" role="group" aria-label={t('export.label')}>
      {(['csv', 'xlsx'] as const).map((each) => (
        <BusyButton
          key={each}
          type="button"
          className="button"
          isBusy={format === each}
          disabled={format !== null}
          busyLabel={t('export.working')}
          onClick={() => void run(each)}
          data-testid={`export-${each}`}
        >
          {t(each === 'csv' ? 'export.csv' : 'export.xlsx')}
        </BusyButton>
      ))}
      {locale === 'fa' && (
        <label className="export-digits">
          <input
            type="checkbox"
            checked={persianDigits}
            disabled={format !== null}
            onChange={(event) => setPersianDigits(event.target.checked)}
            data-testid="export-persian-digits"
          />
          {t('export.persianDigits')}
        </label>
      )}
      {job && (
        <div className="export-progress" data-testid="export-progress">
          <ProgressBar
            value={job.total === null ? null : job.rows}
            max={job.total ?? 0}
            label={t('export.working')}
            valueText={progressText(t, fmt, job)}
          />
          <span className="export-progress-text">{progressText(t, fmt, job)}</span>
          <button type="button" className="button button-ghost button-small" onClick={cancel}>
            {t('export.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}

/** A failed export's error as the failure of a call, to be put in words like any other. */
const failureOf = (error: { code: string; message: string }): ApiError => {
  const code = (ERROR_CODES as readonly string[]).includes(error.code)
    ? (error.code as ErrorCode)
    : 'internal';
  return new ApiError('exports:job', code, error.message, {});
};

const progressText = (
  t: ReturnType<typeof useLocale>['t'],
  fmt: ReturnType<typeof useLocale>['fmt'],
  job: ExportJob,
): string =>
  job.total === null
    ? t('export.progress.rows', { rows: fmt.number(job.rows) })
    : t('export.progress.of', { rows: fmt.number(job.rows), total: fmt.number(job.total) });
