import type BetterSqlite3 from 'better-sqlite3';

// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'cheap_checks';

/**
 * The same CHECK constraints, written so that SQLite checks them with a few comparisons. For
 * `x IN ('a', 'b', …)` it builds a temporary lookup table each time a statement runs, so every
 * single-row INSERT into orders paid about a microsecond for its status check: a third of a
 * second of a 300,000-receipt import, more than the row itself. `x = 'a' OR x = 'b' …` accepts
 * and refuses exactly the same values (NULL included: both give NULL, which a CHECK lets pass).
 *
 * Only a constraint's text changes, not a stored byte, so the tables are not rebuilt: this is
 * SQLite's documented way to change CHECK constraints in place (https://sqlite.org/lang_altertable.html,
 * section 7): the table definitions are edited in sqlite_schema and the schema version is raised,
 * inside the migration's transaction. Every table keeps satisfying the new constraints, as they
 * are the old ones.
 */
const CHANGES: readonly { table: string; from: string; to: string }[] = [
  {
    table: 'orders',
    from: "CHECK (status IN ('completed', 'refunded', 'partially_refunded', 'void'))",
    to: "CHECK (status = 'completed' OR status = 'refunded' OR status = 'partially_refunded' OR status = 'void')",
  },
  {
    table: 'customers',
    from: "CHECK (preferred_channel IN ('phone', 'sms', 'email', 'none'))",
    to: "CHECK (preferred_channel = 'phone' OR preferred_channel = 'sms' OR preferred_channel = 'email' OR preferred_channel = 'none')",
  },
  {
    table: 'customers',
    from: 'CHECK (do_not_contact IN (0, 1))',
    to: 'CHECK (do_not_contact = 0 OR do_not_contact = 1)',
  },
];

export const up = (sqlite: BetterSqlite3.Database): void => {
  const version = Number(sqlite.pragma('schema_version', { simple: true }));
  // better-sqlite3 opens connections in SQLite's defensive mode, which forbids writing to
  // sqlite_schema; it is lifted for these few statements only.
  sqlite.unsafeMode(true);
  try {
    sqlite.pragma('writable_schema = ON');
    const edit = sqlite.prepare(
      `UPDATE sqlite_schema SET sql = replace(sql, @from, @to)
       WHERE type = 'table' AND name = @table AND instr(sql, @from) > 0`,
    );
    for (const change of CHANGES) {
      if (edit.run(change).changes !== 1) {
        throw new Error(`Migration ${name}: the ${change.table} table has no ${change.from}`);
      }
    }
    sqlite.pragma(`schema_version = ${version + 1}`);
  } finally {
    // Off again on every path: the setting is the connection's and outlives a rolled-back edit.
    sqlite.pragma('writable_schema = OFF');
    sqlite.unsafeMode(false);
  }
  // The edited definitions are read back now, so a mistake fails the migration's transaction.
  for (const { table } of CHANGES) sqlite.prepare(`SELECT * FROM ${table} LIMIT 0`).all();
};
