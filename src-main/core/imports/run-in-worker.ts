import { Worker } from 'node:worker_threads';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { ErrorCode } from '../../../src-shared/contract/errors.ts';
import type { ImportReport } from '../../../src-shared/contract/types.ts';
import type { RunInput, RunProgress } from './run-import.ts';
import type { WorkerMessage, WorkerRequest } from './run-worker.ts';

export type WorkerRun = {
  done: Promise<ImportReport>;
  /**
   * Settles after `done` once the import's effect on loyalty is written (run-worker.ts), or when
   * the worker stops: what the app waits for before its own updates after an import.
   */
  afterDone: Promise<void>;
  cancel: () => void;
  /** Settles when the worker has stopped: after `done`, once the WAL checkpoint is finished. */
  exited: Promise<void>;
};

/**
 * The worker's young generation, capped. It writes what its reading thread sends (read-thread.ts):
 * batches of short-lived values that die as soon as they are written, so a small young
 * generation is enough, and every megabyte left to V8 here is held by the process for the run.
 */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 } as const;

/**
 * The worker's script: the TypeScript source when the app runs from its sources (Node strips the
 * types), the bundled file beside the desktop app's main.js once built.
 */
export const workerUrl = (from: string = import.meta.url): URL =>
  new URL(from.endsWith('.ts') ? './run-worker.ts' : './import-worker.js', from);

/** Starts a run in a worker thread; its failures come back as the AppErrors they were. */
export const runInWorker = (
  dbPath: string,
  input: RunInput,
  startedAt: Date,
  onProgress: (progress: RunProgress) => void,
): WorkerRun => {
  const cancel = new SharedArrayBuffer(4);
  const request: WorkerRequest = { dbPath, input, startedAt: startedAt.toISOString(), cancel };
  const worker = new Worker(workerUrl(), {
    workerData: request,
    resourceLimits: WORKER_RESOURCE_LIMITS,
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let loyaltyWritten = () => {};
  const afterDone = new Promise<void>((resolve) => {
    loyaltyWritten = resolve;
    void exited.then(resolve);
  });
  const done = new Promise<ImportReport>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'loyalty') loyaltyWritten();
      else if (message.type === 'done') {
        settled = true;
        resolve(message.report);
      } else {
        settled = true;
        const { code, message: text, details } = message.error;
        reject(
          code === 'internal' ? new Error(text) : new AppError(code as ErrorCode, text, details),
        );
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (exitCode) => {
      if (!settled) reject(new Error(`The import worker stopped with exit code ${exitCode}.`));
    });
  });
  return {
    done,
    afterDone,
    cancel: () => Atomics.store(new Int32Array(cancel), 0, 1),
    exited,
  };
};
