import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

/** Opens the stream a file is written through; tests pass one that fails half-way. */
export type OpenSink = (path: string) => Writable;

const openFile: OpenSink = (path) =>
  // wx: a temporary name that somehow exists is never overwritten; flush: on disk before rename.
  createWriteStream(path, { flags: 'wx', flush: true });

/**
 * Writes a file under a temporary name in the same directory and renames it into place only once
 * it is complete (DESIGN.md §6): a failed or cancelled export leaves no partial file under the
 * final name, and a file already there is replaced only on success (rename is atomic on one
 * volume, which the same directory guarantees).
 */
export const writeFileAtomically = async (
  finalPath: string,
  write: (out: Writable) => Promise<void>,
  openSink: OpenSink = openFile,
): Promise<void> => {
  const temporary = join(
    dirname(finalPath),
    `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.part`,
  );
  const out = openSink(temporary);
  // Until `finished` below is awaited, an error event must not go unhandled.
  const done = finished(out);
  done.catch(() => undefined);
  try {
    await write(out);
    out.end();
    await done;
    await rename(temporary, finalPath);
  } catch (error) {
    out.destroy();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
};

/** Writes a chunk, waiting while the stream's buffer is full; rejects if the stream fails. */
export const writeChunk = async (out: Writable, chunk: string | Uint8Array): Promise<void> => {
  if (out.errored) throw out.errored;
  if (!out.write(chunk)) await once(out, 'drain');
};
