import { useCallback, useEffect, useState } from 'react';
import type {
  Page,
  SendJob,
  SendResult,
  SendResultStatus,
} from '../../../src-shared/contract/index.ts';
import { isApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { Ltr } from '../../components/Ltr.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useToast } from '../../components/use-toast.ts';
import {
  POLL_MS,
  RESULT_FILTERS,
  RESULT_STATUS_TEXT,
  isRunning,
  timeLeftText,
} from './send-progress.ts';

type Props = {
  jobId: string;
  /** The owner is done with this send (or the core no longer knows it): back to the buttons. */
  onDone: () => void;
};

const STATE_TEXT = {
  running: 'send.progress.running',
  done: 'send.progress.done',
  cancelled: 'send.progress.cancelled',
  failed: 'send.progress.failed',
} as const;

/**
 * A send in the background: where it is (polled every second while it runs), a Stop button, and
 * once it ends what happened to each recipient.
 */
export function SendJobView({ jobId, onDone }: Props) {
  const { t, fmt } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [job, setJob] = useState<SendJob | null>(null);
  const [isLost, setLost] = useState(false);
  const [isCancelling, setCancelling] = useState(false);
  const state = job?.state;

  useEffect(() => {
    let isCurrent = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await api.call('messages:job', { jobId });
        if (!isCurrent) return;
        setJob(next);
        if (isRunning(next)) timer = window.setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (!isCurrent) return;
        if (isApiError(error) && error.code === 'not_found') setLost(true);
        else timer = window.setTimeout(() => void poll(), POLL_MS * 3);
      }
    };
    void poll();
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [api, jobId]);

  const cancel = async () => {
    setCancelling(true);
    try {
      setJob(await api.call('messages:cancel', { jobId }));
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    } finally {
      setCancelling(false);
    }
  };

  if (isLost) {
    return (
      <div className="send-notice" role="status" data-testid="send-job-lost">
        <p>{t('send.progress.lost')}</p>
        <button type="button" className="button button-small" onClick={onDone}>
          {t('send.progress.again')}
        </button>
      </div>
    );
  }
  if (job === null) {
    return <div className="grid-loading" aria-busy="true" aria-label={t('common.loading')} />;
  }

  const left = isRunning(job) ? timeLeftText(job.secondsLeft) : null;
  const position = t('send.progress.position', { position: job.position, total: job.total });
  return (
    <section className="send-job" aria-labelledby="send-job-title" data-testid="send-job">
      <div className="send-job-head">
        <h3 id="send-job-title" className="send-section-title" data-testid="send-job-state">
          {t(STATE_TEXT[job.state])}
        </h3>
        {isRunning(job) ? (
          <BusyButton
            type="button"
            className="button button-danger"
            isBusy={isCancelling}
            busyLabel={t('send.progress.cancelling')}
            onClick={() => void cancel()}
            data-testid="send-cancel"
          >
            {t('send.progress.cancel')}
          </BusyButton>
        ) : (
          <button type="button" className="button" onClick={onDone} data-testid="send-again">
            {t('send.progress.again')}
          </button>
        )}
      </div>
      <ProgressBar
        value={isRunning(job) ? job.position : job.total}
        max={job.total}
        label={t('send.progress.label')}
        valueText={position}
        testId="send-progress"
      />
      <div className="send-job-figures" role="status">
        <span data-testid="send-position">{position}</span>
        <span>
          {t('send.progress.sent')} <b data-testid="send-sent">{fmt.number(job.sent)}</b>
        </span>
        <span>
          {t('send.progress.skipped')} <b data-testid="send-skipped">{fmt.number(job.skipped)}</b>
        </span>
        <span className={job.failed > 0 ? 'send-failed' : undefined}>
          {t('send.progress.failedCount')} <b data-testid="send-failed">{fmt.number(job.failed)}</b>
        </span>
        {left ? <span data-testid="send-time-left">{t(left.key, left.params)}</span> : null}
      </div>
      {job.error ? (
        <p className="form-error" role="alert" data-testid="send-job-error">
          <Ltr>{job.error.message}</Ltr>
        </p>
      ) : null}
      {state !== 'running' ? <SendResults jobId={jobId} /> : null}
    </section>
  );
}

const PAGE_SIZE = 50;

type ResultsState =
  | { status: 'loading'; page: Page<SendResult> | null }
  | { status: 'ready'; page: Page<SendResult> }
  | { status: 'failed'; error: unknown };

/** What happened to each recipient, a page at a time, filtered by result. */
function SendResults({ jobId }: { jobId: string }) {
  const { t } = useLocale();
  const api = useApi();
  const [filter, setFilter] = useState<SendResultStatus | null>(null);
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<ResultsState>({ status: 'loading', page: null });

  const load = useCallback(
    () =>
      api.call('messages:results', {
        jobId,
        offset,
        limit: PAGE_SIZE,
        ...(filter !== null && { status: filter }),
      }),
    [api, jobId, offset, filter],
  );

  useEffect(() => {
    let isCurrent = true;
    setState((current) => ({
      status: 'loading',
      page: current.status === 'failed' ? null : current.page,
    }));
    load().then(
      (page) => {
        if (isCurrent) setState({ status: 'ready', page });
      },
      (error: unknown) => {
        if (isCurrent) setState({ status: 'failed', error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load]);

  const page = state.status === 'failed' ? null : state.page;
  const total = page?.total ?? 0;
  return (
    <section className="send-results" aria-labelledby="send-results-title">
      <div className="send-results-head">
        <h4 id="send-results-title" className="send-section-title">
          {t('send.results.title')}
        </h4>
        <label className="send-results-filter">
          <span>{t('send.results.filter')}</span>
          <select
            className="input"
            value={filter ?? ''}
            onChange={(event) => {
              setFilter(
                event.target.value === '' ? null : (event.target.value as SendResultStatus),
              );
              setOffset(0);
            }}
            data-testid="send-results-filter"
          >
            <option value="">{t('send.results.all')}</option>
            {RESULT_FILTERS.map((status) => (
              <option key={status} value={status}>
                {t(RESULT_STATUS_TEXT[status])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state.status === 'failed' ? (
        <p className="form-error" role="alert">
          {t('send.results.loadFailed')} {errorText(t, state.error)}
        </p>
      ) : page === null ? (
        <div className="grid-loading" aria-busy="true" aria-label={t('common.loading')} />
      ) : page.rows.length === 0 ? (
        <p className="section-empty" data-testid="send-results-empty">
          {t('send.results.empty')}
        </p>
      ) : (
        <div className="send-table-scroll">
          <table className="send-table" aria-busy={state.status === 'loading'}>
            <thead>
              <tr>
                <th scope="col">{t('send.results.customer')}</th>
                <th scope="col">{t('send.results.address')}</th>
                <th scope="col">{t('send.results.status')}</th>
                <th scope="col">{t('send.results.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((result) => (
                <tr
                  key={result.customerId}
                  data-testid="send-result-row"
                  data-status={result.status}
                >
                  <td>{result.name}</td>
                  <td>{result.address ? <Ltr>{result.address}</Ltr> : null}</td>
                  <td>
                    <span className={`pill send-status send-status-${result.status}`}>
                      {t(RESULT_STATUS_TEXT[result.status])}
                    </span>
                  </td>
                  <td className="send-reason">
                    {result.reason ? <Ltr>{result.reason}</Ltr> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE_SIZE ? (
        <div className="send-pager">
          <button
            type="button"
            className="button button-small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
          >
            {t('send.results.previous')}
          </button>
          <span>
            {t('send.results.range', {
              from: offset + 1,
              to: Math.min(total, offset + PAGE_SIZE),
              total,
            })}
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={offset + PAGE_SIZE >= total}
            onClick={() => setOffset(offset + PAGE_SIZE)}
            data-testid="send-results-next"
          >
            {t('send.results.next')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
