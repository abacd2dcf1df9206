import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './migrations/index.ts';

export type MigrationResult = { from: number; to: number; applied: string[] };

/**
 * Runs every pending migration, each together with its `user_version` bump in one transaction
 * (SQLite DDL is transactional), so a failure leaves the database at the last good version.
 */
export const migrate = (
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[],
): MigrationResult => {
  const from = readUserVersion(sqlite);
  const applied: string[] = [];
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    sqlite.transaction(() => {
      if (typeof migration.up === 'string') sqlite.exec(migration.up);
      else migration.up(sqlite);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      sqlite.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
    applied.push(`${String(migration.version).padStart(4, '0')}_${migration.name}`);
  }
  return { from, to: readUserVersion(sqlite), applied };
};

export const readUserVersion = (sqlite: BetterSqlite3.Database): number =>
  Number(sqlite.pragma('user_version', { simple: true }));
