import type BetterSqlite3 from 'better-sqlite3';

/**
 * Multi-row INSERTs for bulk writes. One statement per row spends most of its time entering and
 * leaving SQLite; rows in groups of `size` halve the cost of a million-row load. Rows wait until
 * flush(), so the caller decides the order tables are written in (parents before children, as
 * foreign keys are checked per statement).
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
): BatchInsert => {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const statements = new Map<number, BetterSqlite3.Statement>();
  const statementFor = (rows: number): BetterSqlite3.Statement => {
    let statement = statements.get(rows);
    if (!statement) {
      const values = new Array<string>(rows).fill(row).join(', ');
      statement = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`);
      statements.set(rows, statement);
    }
    return statement;
  };
  const width = columns.length;
  let pending: unknown[] = [];
  let written = 0;

  return {
    add: (...values) => {
      if (values.length !== width) throw new RangeError(`${table}: expected ${width} values`);
      for (const value of values) pending.push(value);
    },
    flush: () => {
      const rows = pending.length / width;
      for (let start = 0; start < rows; start += size) {
        const count = Math.min(size, rows - start);
        const chunk =
          start === 0 && count === rows
            ? pending
            : pending.slice(start * width, (start + count) * width);
        statementFor(count).run(chunk);
      }
      written += rows;
      pending = [];
    },
    get written() {
      return written;
    },
  };
};
