import type BetterSqlite3 from 'better-sqlite3';

/**
 * An in-memory copy of every customer's search text, in name order, so that a search for any
 * fragment (one letter, a few digits of a phone) scans 100,000 customers in milliseconds without
 * touching disk. SQLite's own options were measured too slow for broad matches: a trigram index
 * still verifies each hit against the row, and a table scan reads the whole customers table.
 *
 * The texts are joined into one string, one customer a line, so a fragment is found with the
 * engine's native indexOf; a binary search over the line starts maps each hit to its customer.
 * The copy is reloaded whenever the database changed since it was taken: `data_version` moves
 * when another connection (the CLI, a second window) commits, `total_changes()` when this one
 * writes. Only writes pay the reload, on the next search.
 */
export type SearchIndex = {
  /** Rowids, in name order, of the (not merged) customers whose text contains every fragment. */
  search: (fragments: readonly string[], archived: 'exclude' | 'only' | 'include') => number[];
};

type Snapshot = {
  key: string;
  text: string;
  /** starts[i] is where customer i's line begins in text; starts[n] is the end. */
  starts: Int32Array;
  rowids: Float64Array;
  isArchived: Uint8Array;
};

export const createSearchIndex = (sqlite: BetterSqlite3.Database): SearchIndex => {
  const versionStatement = sqlite.prepare('SELECT total_changes() AS changes');
  const loadStatement = sqlite
    .prepare(
      `SELECT rowid, archived_at IS NOT NULL, search_text FROM customers
       INDEXED BY idx_customers_sort_name
       WHERE merged_into_id IS NULL ORDER BY sort_name, id`,
    )
    .raw();
  let snapshot: Snapshot | undefined;

  const currentKey = () => {
    const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
    const { changes } = versionStatement.get() as { changes: number };
    return `${dataVersion}:${changes}`;
  };

  const load = (key: string): Snapshot => {
    const rows = loadStatement.all() as [number, number, string][];
    const starts = new Int32Array(rows.length + 1);
    const rowids = new Float64Array(rows.length);
    const isArchived = new Uint8Array(rows.length);
    const lines: string[] = new Array<string>(rows.length);
    let offset = 0;
    rows.forEach(([rowid, archived, text], i) => {
      // A line break never occurs in normalised search text, so it cannot be matched across lines.
      const line = text.replaceAll('\n', ' ');
      starts[i] = offset;
      rowids[i] = rowid;
      isArchived[i] = archived;
      lines[i] = line;
      offset += line.length + 1;
    });
    starts[rows.length] = offset;
    return { key, text: `${lines.join('\n')}\n`, starts, rowids, isArchived };
  };

  const current = (): Snapshot => {
    const key = currentKey();
    if (snapshot?.key !== key) snapshot = load(key);
    return snapshot;
  };

  return {
    search: (fragments, archived) => {
      const { text, starts, rowids, isArchived } = current();
      const count = starts.length - 1;
      const wanted = (i: number) =>
        archived === 'include' || (archived === 'only') === (isArchived[i] === 1);
      if (fragments.length === 0) {
        return Array.from({ length: count }, (_, i) => i)
          .filter(wanted)
          .map((i) => rowids[i] ?? -1);
      }
      // Walk the hits of the longest fragment (the rarest, as a rule); check the others per line.
      const [first, ...rest] = [...fragments].sort((a, b) => b.length - a.length) as [
        string,
        ...string[],
      ];
      const positions: number[] = [];
      let hit = text.indexOf(first);
      while (hit !== -1) {
        const i = lineAt(starts, hit);
        const end = (starts[i + 1] ?? 0) - 1;
        if (wanted(i)) {
          const line = rest.length === 0 ? '' : text.slice(starts[i], end);
          if (rest.every((fragment) => line.includes(fragment))) positions.push(rowids[i] ?? -1);
        }
        hit = text.indexOf(first, end + 1);
      }
      return positions;
    },
  };
};

/** The line (customer) containing a character offset: the last start at or before it. */
const lineAt = (starts: Int32Array, offset: number): number => {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
};
