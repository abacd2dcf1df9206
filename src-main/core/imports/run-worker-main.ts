import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { createMonotonicIds } from './ids.ts';
import { openRunConnection } from './run-connection.ts';
import { checkpointAfterRun, runImport } from './run-import.ts';
import type { WorkerMessage, WorkerRequest } from './run-worker.ts';

/** The import worker's run; run-worker.ts is the worker's entry, which starts the reader first. */
export const runWorker = async (
  request: WorkerRequest,
  worker: {
    /** performance.now() when the worker started: the run's clock moves on from then. */
    started: number;
    readThread: () => Worker;
    post: (message: WorkerMessage) => void;
  },
): Promise<void> => {
  const { post, started } = worker;
  const cancel = new Int32Array(request.cancel);
  const origin = Date.parse(request.startedAt);
  const now = () => new Date(origin + (performance.now() - started));

  const connection = openRunConnection(request.dbPath);
  try {
    const report = await runImport(connection, request.input, {
      now,
      newId: createMonotonicIds(() => now().getTime()),
      isCancelled: () => Atomics.load(cancel, 0) === 1,
      onProgress: (progress) => post({ type: 'progress', progress }),
      readThread: worker.readThread,
    });
    post({ type: 'done', report });
    if (!report.dryRun) {
      // Loaded only now: the loyalty code is a quarter of a second of the worker's start-up, which
      // the user would wait through before the first progress report.
      const { updateLoyaltyAfterImport } = await import('./loyalty-after-import.ts');
      updateLoyaltyAfterImport(connection, request.input.shop.timeZone, now);
      post({ type: 'loyalty' });
      checkpointAfterRun(connection);
    }
  } catch (error) {
    post({
      type: 'failed',
      error:
        error instanceof AppError
          ? { code: error.code, message: error.message, details: error.details }
          : {
              code: 'internal',
              message: error instanceof Error ? (error.stack ?? error.message) : String(error),
              details: {},
            },
    });
  } finally {
    connection.close();
  }
};
