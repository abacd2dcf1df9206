import { close, fdatasync, openSync } from 'node:fs';

/**
 * Starts writing a run's WAL to disk in the background while the run goes on. A big import's
 * WAL (about 280 MB for the bench's million lines) otherwise sits in the operating system's cache
 * until the commit's fsync writes all of it, the longest step without a progress report (0.46-
 * 0.59 s in the bench). Started once the file is read and again before the customers' indexes,
 * most of it is on disk by the commit (then 0.29-0.43 s). Only data SQLite has written already is
 * flushed, on a descriptor of our own that only reads; SQLite's own fsync at the commit is what
 * makes the import durable, whatever happens here. A failure (no WAL, a system that refuses)
 * changes nothing and is ignored.
 */
export const startWalWriteback = (databasePath: string): void => {
  if (databasePath === '' || databasePath === ':memory:') return;
  let fd: number;
  try {
    // Opened here and now: the run's thread is busy with SQLite until the commit, so only work
    // already handed to libuv's threads (the fdatasync below) goes on meanwhile.
    fd = openSync(`${databasePath}-wal`, 'r');
  } catch {
    return;
  }
  fdatasync(fd, () => close(fd, () => {}));
};
