import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJob } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';

const POLL_MS = 250;

export type ImportJobView = {
  job: ImportJob;
  /** The last poll failed (the core stopped answering); polling has stopped. */
  error: unknown;
  isCancelling: boolean;
  /** Asks the core to stop the run; the job then settles as 'cancelled'. */
  cancel: () => Promise<void>;
};

/**
 * Follows a run in the core: asks for its state at once (the job it starts from may be one kept
 * from an earlier visit to the screen), then every 250 ms until it has settled, and tells
 * `onSettled` once. Polling stops when the component using it unmounts (the run itself goes on
 * in the core; the screen picks it up again when it comes back).
 */
export function useImportJob(
  initial: ImportJob,
  onSettled: (job: ImportJob) => void,
): ImportJobView {
  const api = useApi();
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [isCancelling, setCancelling] = useState(false);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onSettledRef.current = onSettled;
  }, [onSettled]);
  // Told once, even when an effect runs twice (React's development checks).
  const hasSettled = useRef(false);
  const settle = useCallback((settledJob: ImportJob) => {
    if (hasSettled.current) return;
    hasSettled.current = true;
    onSettledRef.current(settledJob);
  }, []);

  const first = useRef(initial);
  const jobId = initial.id;
  useEffect(() => {
    const initialJob = first.current;
    let isActive = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await api.call('import:job', { jobId });
        if (!isActive) return;
        setJob(next);
        if (next.state === 'running') timer = window.setTimeout(() => void poll(), POLL_MS);
        else settle(next);
      } catch (caught) {
        if (isActive) setError(caught);
      }
    };
    if (initialJob.state === 'running') void poll();
    else settle(initialJob);
    return () => {
      isActive = false;
      window.clearTimeout(timer);
    };
  }, [api, jobId, settle]);

  const cancel = useCallback(async () => {
    setCancelling(true);
    try {
      setJob(await api.call('import:cancel', { jobId }));
    } catch (caught) {
      setCancelling(false);
      throw caught;
    }
  }, [api, jobId]);

  return { job, error, isCancelling, cancel };
}
