import type BetterSqlite3 from 'better-sqlite3';

/**
 * Multi-row INSERTs for bulk writes. A statement call costs a few microseconds of entering and
 * leaving SQLite whatever it carries, so rows go in groups of `size` through one preallocated
 * parameter array (no per-row arrays or slices to collect). Rows wait until their group is full
 * or flush() is called, so the caller decides the order tables are written in (parents before
 * children, as foreign keys are checked per statement). `constants` are columns with the same
 * value in every row, written into the statement as SQL literals instead of being bound again.
 */
export type BatchInsert = {
  add: (...values: unknown[]) => void;
  flush: () => void;
  /** Rows written so far. */
  readonly written: number;
};

export const batchInsert = (
  sqlite: BetterSqlite3.Database,
  table: string,
  columns: readonly string[],
  size = 32,
  constants: Readonly<Record<string, string | number>> = {},
  /** Runs before this table's rows are written: flush the parents' buffers there. */
  before: () => void = () => {},
): BatchInsert => {
  const names = [...columns, ...Object.keys(constants)].join(', ');
  const row = `(${[...columns.map(() => '?'), ...Object.values(constants).map(sqlLiteral)].join(', ')})`;
  const statements = new Map<number, BetterSqlite3.Statement>();
  const statementFor = (rows: number): BetterSqlite3.Statement => {
    let statement = statements.get(rows);
    if (!statement) {
      const values = new Array<string>(rows).fill(row).join(', ');
      statement = sqlite.prepare(`INSERT INTO ${table} (${names}) VALUES ${values}`);
      statements.set(rows, statement);
    }
    return statement;
  };
  const width = columns.length;
  const full = statementFor(size);
  const params = new Array<unknown>(size * width);
  let filled = 0;
  let written = 0;

  const flushFull = () => {
    before();
    full.run(params);
    written += size;
    filled = 0;
  };

  return {
    add: (...values) => {
      if (values.length !== width) throw new RangeError(`${table}: expected ${width} values`);
      for (let i = 0; i < width; i += 1) params[filled + i] = values[i];
      filled += width;
      if (filled === params.length) flushFull();
    },
    flush: () => {
      if (filled === 0) return;
      before();
      // A part-filled group goes in one statement of its own size (prepared once per size).
      statementFor(filled / width).run(params.slice(0, filled));
      written += filled / width;
      filled = 0;
    },
    get written() {
      return written;
    },
  };
};

/** A constant as an SQL literal: numbers as they are, strings quoted with quotes doubled. */
const sqlLiteral = (value: string | number): string =>
  typeof value === 'number'
    ? String(value)
    : `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`;
