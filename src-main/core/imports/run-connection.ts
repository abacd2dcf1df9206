import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * A connection of the run's own, for one long bulk write: the app's connection stays free for
 * its other calls, which read the last committed state meanwhile (WAL).
 */
export const openRunConnection = (path: string): BetterSqlite3.Database => {
  const connection = new Database(path);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  return connection;
};
