import type BetterSqlite3 from 'better-sqlite3';

/**
 * One settings row as a JSON value, read and written on its own: the rules and caches the core
 * keeps beside the shop's general settings (loyalty rules and state, the VIP threshold, the SMTP
 * settings). Synchronous, so a transaction can use it.
 */

/** The row's value; undefined when the row is missing or does not hold JSON. */
export const readSettingValue = (sqlite: BetterSqlite3.Database, key: string): unknown => {
  const text = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** Creates or replaces the row. */
export const writeSettingValue = (
  sqlite: BetterSqlite3.Database,
  key: string,
  value: unknown,
  now: string,
): void => {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), now);
};
