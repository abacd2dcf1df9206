import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createMonotonicIds } from './ids.ts';
import { readAndMatch } from './read-and-match.ts';
import type { FeedProgress } from './read-and-match.ts';
import type { ReadThreadData } from './read-thread-start.ts';
import { errorToSend, READ_AHEAD_CHUNKS } from './read-thread.ts';
import type { ReadThreadMessage, ReadThreadStart } from './read-thread.ts';
import { createRowEncoder } from './row-codec.ts';
import { cancelled } from './run-signals.ts';

/** The reading half of a two-thread run (read-thread.ts explains the split). */
const { dbPath } = workerData as ReadThreadData;
const post = (message: ReadThreadMessage) => parentPort?.postMessage(message);

// Read-only, and outside any transaction of its own. Opened while the run starts, but read only
// once the run has sent its settings, which it does holding the write lock: every read then sees
// the database as it was before the run, which is what matching needs.
const lookups = new Database(dbPath, { readonly: true, fileMustExist: true });
lookups.pragma('busy_timeout = 5000');

const run = async (request: ReadThreadStart): Promise<void> => {
  const gate = new Int32Array(request.gate);
  const started = performance.now();
  const now = () => request.startedAt + (performance.now() - started);
  const isStopped = () => Atomics.load(gate, 1) === 1;
  const encoder = createRowEncoder();
  let sent = 0;

  const send = (progress: FeedProgress) => {
    // Wait while the writer is READ_AHEAD_CHUNKS behind: memory stays bounded whatever the file.
    for (;;) {
      const written = Atomics.load(gate, 0);
      if (sent - written < READ_AHEAD_CHUNKS) break;
      if (isStopped()) throw cancelled();
      Atomics.wait(gate, 0, written, 100);
    }
    encoder.drain((rows) => post({ type: 'rows', rows, progress }));
    sent += 1;
  };

  try {
    const end = await readAndMatch(lookups, encoder, request.settings, {
      newId: createMonotonicIds(now),
      isCancelled: isStopped,
      onChunk: send,
    });
    encoder.drain((rows) => post({ type: 'end', rows, end }));
  } catch (error) {
    post({ type: 'failed', error: errorToSend(error) });
  } finally {
    lookups.close();
  }
};

parentPort?.once('message', (request: ReadThreadStart) => void run(request));
