import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { ErrorCode } from '../../../src-shared/contract/errors.ts';
import type { FeedEnd, FeedProgress, FeedSettings } from './read-and-match.ts';
import { earlyErrorOf } from './read-thread-start.ts';
import { createRowDecoder } from './row-codec.ts';
import type { Applier } from './row-sink.ts';
import { cancelled, DayOrderFlip } from './run-signals.ts';
import type { DayOrder } from './values.ts';

/**
 * A run on two threads: a second worker reads, assembles and matches the file (JavaScript work,
 * read-and-match.ts, on a read-only connection that sees the database as it was when the run
 * began) while the run's own thread only writes what it sends (SQLite work). On two cores each
 * half hides behind the other. The reader stays at most a few chunks ahead of the writer, so
 * memory stays bounded; its failures come back as the errors they were, a day-order flip included.
 */

/** What the reading thread is sent to begin, once the run holds the write lock. */
export type ReadThreadStart = {
  settings: FeedSettings;
  /** Milliseconds since the epoch on the run's clock, for the ids the reader mints. */
  startedAt: number;
  /** Int32Array over it: [0] chunks written so far, [1] set to 1 tells the reader to stop. */
  gate: SharedArrayBuffer;
};

export type ReadThreadError =
  | { kind: 'day_order'; order: DayOrder }
  | { kind: 'app'; code: string; message: string; details: Record<string, unknown> }
  | { kind: 'other'; message: string };

export type ReadThreadMessage =
  | { type: 'rows'; rows: unknown[][]; progress: FeedProgress }
  | { type: 'end'; rows: unknown[][]; end: FeedEnd }
  | { type: 'failed'; error: ReadThreadError };

/** Chunks (about 1 MiB of the file each) the reader may have sent that are not written yet. */
export const READ_AHEAD_CHUNKS = 4;

/** How often the writing thread looks for a cancel while it waits for the reader. */
const CANCEL_POLL_MS = 100;

/**
 * Reads and matches the file on `worker`, a reading thread started by startReadThread
 * (read-thread-start.ts), perhaps while this thread was still loading; it is stopped when the
 * feed ends or fails.
 */
export const readOnThread = (
  worker: Worker,
  applier: Applier,
  settings: FeedSettings,
  hooks: {
    startedAt: number;
    isCancelled: () => boolean;
    onChunk: (progress: FeedProgress) => void;
  },
): Promise<FeedEnd> => {
  const gateBuffer = new SharedArrayBuffer(8);
  const gate = new Int32Array(gateBuffer);
  // Stopped already (its code or its connection failed while the run was starting).
  if (worker.threadId === -1) {
    return Promise.reject(
      earlyErrorOf(worker) ?? new Error("The import's reading thread stopped before it began."),
    );
  }
  const start: ReadThreadStart = { settings, startedAt: hooks.startedAt, gate: gateBuffer };
  worker.postMessage(start);
  const decoder = createRowDecoder();
  return new Promise<FeedEnd>((resolve, reject) => {
    let settled = false;
    const settle = () => {
      settled = true;
      clearInterval(poll);
      Atomics.store(gate, 1, 1);
      Atomics.notify(gate, 0);
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settle();
      void worker.terminate();
      reject(error);
    };
    const poll = setInterval(() => {
      if (hooks.isCancelled()) fail(cancelled());
    }, CANCEL_POLL_MS);
    worker.on('message', (message: ReadThreadMessage) => {
      if (settled) return;
      try {
        if (hooks.isCancelled()) throw cancelled();
        if (message.type === 'failed') throw errorFrom(message.error);
        decoder.decode(message.rows, applier);
        if (message.type === 'end') {
          settle();
          resolve(message.end);
          return;
        }
        Atomics.add(gate, 0, 1);
        Atomics.notify(gate, 0);
        hooks.onChunk(message.progress);
      } catch (error) {
        fail(error);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      fail(new Error(`The import's reading thread stopped with exit code ${code}.`));
    });
  });
};

/** An error as the reader reported it, back as the class it was thrown as. */
const errorFrom = (error: ReadThreadError): Error => {
  if (error.kind === 'day_order') return new DayOrderFlip(error.order);
  if (error.kind === 'app')
    return new AppError(error.code as ErrorCode, error.message, error.details);
  return new Error(error.message);
};

/** An error thrown on the reading thread, as it travels to the writing one. */
export const errorToSend = (error: unknown): ReadThreadError => {
  if (error instanceof DayOrderFlip) return { kind: 'day_order', order: error.order };
  if (error instanceof AppError) {
    return { kind: 'app', code: error.code, message: error.message, details: error.details };
  }
  return {
    kind: 'other',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
};
