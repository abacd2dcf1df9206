import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { ImportReport } from '../../../src-shared/contract/types.ts';
import { createMonotonicIds } from './ids.ts';
import { openRunConnection } from './run-connection.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import { readLoyaltyRules } from '../loyalty/loyalty-settings.ts';
import { updateLoyaltyOn } from '../loyalty/loyalty.service.ts';
import { checkpointAfterRun, runImport } from './run-import.ts';
import type { RunInput, RunProgress } from './run-import.ts';

/**
 * A run in a worker thread of its own (see run-in-worker.ts): its SQLite work, the commit and
 * index builds included, never blocks the thread that answers the app's calls, so progress and
 * cancel are served at any moment.
 */
export type WorkerRequest = {
  dbPath: string;
  input: RunInput;
  /** The app's clock at the start; the run's clock moves on from it in real time. */
  startedAt: string;
  /** Int32Array over it: [0] set to 1 asks the run to stop. */
  cancel: SharedArrayBuffer;
};

export type WorkerMessage =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'done'; report: ImportReport }
  /** After `done`: the import's effect on loyalty is written (or its failure logged). */
  | { type: 'loyalty' }
  | { type: 'failed'; error: { code: string; message: string; details: Record<string, unknown> } };

const request = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const cancel = new Int32Array(request.cancel);
const origin = Date.parse(request.startedAt);
const started = performance.now();
const now = () => new Date(origin + (performance.now() - started));

/**
 * The new orders' points and their customers' tiers (with the KPI caches they are computed from),
 * worked out here, on the run's connection, once the import is committed and reported: for the
 * first import into a shop that is seconds of work, which would otherwise hold up the app's own
 * thread. The app's update after the import then finds nothing left to do. A failure is logged;
 * that update does the work instead.
 */
const updateLoyaltyAfterImport = (sqlite: typeof connection, timeZone: string): void => {
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

const connection = openRunConnection(request.dbPath);
try {
  const report = await runImport(connection, request.input, {
    now,
    newId: createMonotonicIds(() => now().getTime()),
    isCancelled: () => Atomics.load(cancel, 0) === 1,
    onProgress: (progress) => post({ type: 'progress', progress }),
    readThread: request.dbPath,
  });
  post({ type: 'done', report });
  if (!report.dryRun) {
    updateLoyaltyAfterImport(connection, request.input.shop.timeZone);
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
