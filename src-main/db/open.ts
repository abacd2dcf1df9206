import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../src-shared/contract/errors.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/index.ts';
import { migrate, readUserVersion } from './migrator.ts';
import type { Database as Schema } from './schema.ts';

/** 'Bzgt': marks a file as Bazgasht's, so another program's SQLite file is never migrated. */
export const APPLICATION_ID = 0x427a6774;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** Below this size the whole file is checked page by page at every open; it takes milliseconds. */
const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export type OpenDatabase = {
  path: string;
  sqlite: Database.Database;
  db: Kysely<Schema>;
  schemaVersion: number;
  close: () => Promise<void>;
};

export type OpenOptions = {
  /** Create the file when it does not exist (the desktop app and `demo` do; read-only commands do not). */
  create?: boolean;
  /** For tests of migration failure: the list to run instead of the app's own. */
  migrations?: readonly Migration[];
};

/**
 * Opens (and if needed creates and migrates) the shop database. A file that is not a database, is
 * corrupted, belongs to another program or comes from a newer Bazgasht is refused with an AppError
 * naming the problem before anything is written to it, so it stays byte-for-byte as it was.
 */
export const openDatabase = (path: string, options: OpenOptions = {}): OpenDatabase => {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const isMemory = path === ':memory:';
  if (!isMemory) inspectExistingFile(path, options.create ?? false, latest);

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
  } catch (error) {
    throw new AppError('db_missing', `Cannot open the database ${path}: ${describe(error)}`, {
      path,
    });
  }
  try {
    const isNew = sqlite.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0;
    if (isNew) sqlite.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (readUserVersion(sqlite) === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(sqlite, migrations);
  } catch (error) {
    sqlite.close();
    throw toDatabaseError(error, path);
  }
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    path,
    sqlite,
    db,
    schemaVersion: readUserVersion(sqlite),
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
};

/** Maps SQLite's errors on a live database to the stable codes the UI and CLI explain. */
export const toDatabaseError = (error: unknown, path: string): AppError => {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('db_corrupt', `The database ${path} is damaged (${describe(error)}).`, {
      path,
    });
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError(
      'db_busy',
      `The database ${path} is in use by another program; try again.`,
      {
        path,
      },
    );
  }
  return new AppError('internal', `Database error on ${path}: ${describe(error)}`, { path });
};

/**
 * The page size of a new database. At SQLite's 4 KiB a big import writes, and reads back for its
 * index builds, hundreds of thousands of WAL frames, each a system call or two, which cost a lot
 * on a virtual machine; at 16 KiB there are a quarter as many. Measured on a replay of the
 * import bench's writes (1,000,000 lines): the index builds 0.53 s instead of 0.81, the
 * customers' 0.24 s instead of 0.36, the commit 0.46-0.53 s instead of 0.62-0.66, the writing
 * itself the same. A database's page size is fixed once it has tables (and in WAL mode), so
 * shops created before keep theirs; everything works the same at either size.
 */
export const NEW_DATABASE_PAGE_SIZE = 16_384;

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Every check here reads only; nothing touches the file until all of them pass. */
const inspectExistingFile = (path: string, create: boolean, latest: number): void => {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new AppError('db_missing', `${path} is not a file.`, { path });
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (create) return;
      throw new AppError('db_missing', `There is no database at ${path}.`, { path });
    }
    throw new AppError('db_missing', `Cannot read ${path}: ${describe(error)}`, { path });
  }
  // SQLite treats an empty file as an empty database; so do we.
  if (size === 0) return;

  const header = readHeader(path);
  if (header.length < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppError(
      'db_not_a_database',
      `${path} is not a Bazgasht database: it is not an SQLite file.`,
      { path },
    );
  }
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pageCount = header.readUInt32BE(28);
  // The page count in the header is valid when the two change counters agree (SQLite ≥ 3.7.0).
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pageCount * pageSize > size) {
    throw new AppError(
      'db_corrupt',
      `The database ${path} is damaged: the file is shorter than its header says (truncated copy?).`,
      { path },
    );
  }

  // user_version and application_id live in the header too: no SQLite connection needed to judge.
  const version = header.readUInt32BE(60);
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== APPLICATION_ID && (version !== 0 || pageCount > 1)) {
    throw new AppError(
      'db_foreign',
      `${path} is an SQLite database of another program, not a Bazgasht database.`,
      { path },
    );
  }
  if (version > latest) {
    throw new AppError(
      'db_too_new',
      `The database ${path} was created by a newer version of Bazgasht (schema ${version}; this version knows up to ${latest}). Update Bazgasht to open it.`,
      { path, version, latest },
    );
  }
  // A read-only connection to a WAL database still creates -wal/-shm files beside it, so the page
  // check runs on an in-memory copy. Larger files are checked by `bazgasht check`; damage found
  // later while working surfaces as db_corrupt through toDatabaseError.
  if (size <= QUICK_CHECK_MAX_BYTES) {
    let probe: Database.Database | undefined;
    try {
      const copy = readFileSync(path);
      // An in-memory database cannot be in WAL mode: mark the copy's header as rollback-journal.
      copy[18] = 1;
      copy[19] = 1;
      probe = new Database(copy);
      probe.prepare('SELECT count(*) AS n FROM sqlite_schema').get();
      const result = probe.pragma('quick_check(1)', { simple: true });
      if (result !== 'ok') {
        throw new AppError('db_corrupt', `The database ${path} is damaged (${String(result)}).`, {
          path,
        });
      }
    } catch (error) {
      throw toDatabaseError(error, path);
    } finally {
      probe?.close();
    }
  }
};

const readHeader = (path: string): Buffer => {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(100);
    const read = readSync(fd, buffer, 0, 100, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
};

export { LATEST_SCHEMA_VERSION };
