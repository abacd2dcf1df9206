import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { ImportReport } from '../../../src-shared/contract/types.ts';
import { createMonotonicIds } from './ids.ts';
import { openRunConnection } from './run-connection.ts';
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
  | { type: 'failed'; error: { code: string; message: string; details: Record<string, unknown> } };

const request = workerData as WorkerRequest;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const cancel = new Int32Array(request.cancel);
const origin = Date.parse(request.startedAt);
const started = performance.now();
const now = () => new Date(origin + (performance.now() - started));

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
  if (!report.dryRun) checkpointAfterRun(connection);
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
