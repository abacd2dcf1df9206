import type BetterSqlite3 from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import { readLoyaltyRules } from '../loyalty/loyalty-settings.ts';
import { updateLoyaltyOn } from '../loyalty/loyalty.service.ts';
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

/**
 * The new orders' points and their customers' tiers (with the KPI caches they are computed from),
 * worked out here, on the run's connection, once the import is committed and reported: for the
 * first import into a shop that is seconds of work, which would otherwise hold up the app's own
 * thread. The app's update after the import then finds nothing left to do. A failure is logged;
 * that update does the work instead.
 */
const updateLoyaltyAfterImport = (
  sqlite: BetterSqlite3.Database,
  timeZone: string,
  now: () => Date,
): void => {
  try {
    updateLoyaltyOn(sqlite, {
      date: todayIn(now(), timeZone),
      now: now().toISOString(),
      rules: readLoyaltyRules(sqlite),
      newId: createMonotonicIds(() => now().getTime()),
    });
  } catch (error) {
    console.error('[loyalty]', error);
  }
};
