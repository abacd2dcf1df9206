import { parentPort, workerData } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import type { ImportReport } from '../../../src-shared/contract/types.ts';
import { startReadThread } from './read-thread-start.ts';
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
const started = performance.now();

// The reading thread is started before the run's own code is loaded (below): its start-up then
// overlaps this thread's, a few hundred milliseconds less before the first rows are written.
let unused: Worker | undefined = startReadThread(request.dbPath);
const readThread = (): Worker => {
  const worker = unused ?? startReadThread(request.dbPath);
  unused = undefined;
  return worker;
};

try {
  const { runWorker } = await import('./run-worker-main.ts');
  await runWorker(request, {
    started,
    readThread,
    post: (message: WorkerMessage) => parentPort?.postMessage(message),
  });
} finally {
  // A run that stopped before it read the file never sent it its settings.
  await unused?.terminate();
}
