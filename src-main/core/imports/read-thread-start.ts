import { Worker } from 'node:worker_threads';

/**
 * Starting the run's reading thread (read-thread.ts) apart from running it: the thread loads its
 * code and opens its read-only connection at once, then waits for the run's settings, which come
 * once the run holds the write lock. The import worker starts it before loading its own code
 * (run-worker.ts), so the two start-ups, a few hundred milliseconds each, overlap on two cores.
 * This module imports nothing else of the app, to be quick to load.
 */

export type ReadThreadData = { dbPath: string };

export const readThreadUrl = (from: string = import.meta.url): URL =>
  new URL(from.endsWith('.ts') ? './read-thread-worker.ts' : './import-reader.js', from);

/**
 * The reader's young generation, capped: left to V8, a million lines' short-lived strings grow it
 * and the heap after it by a hundred megabytes; at 48 MB a run takes as long (at 24 and 32 MB,
 * more reaches the old generation and memory goes up).
 */
const READ_THREAD_LIMITS = { maxYoungGenerationSizeMb: 48 } as const;

const earlyErrors = new WeakMap<Worker, unknown>();

export const startReadThread = (dbPath: string): Worker => {
  const worker = new Worker(readThreadUrl(), {
    workerData: { dbPath } satisfies ReadThreadData,
    resourceLimits: READ_THREAD_LIMITS,
  });
  // Until the run listens to it (readOnThread), a failure is kept for the run to report.
  worker.once('error', (error) => earlyErrors.set(worker, error));
  return worker;
};

/** Why a reading thread that has already stopped failed, if it failed before the run listened. */
export const earlyErrorOf = (worker: Worker): unknown => earlyErrors.get(worker);
