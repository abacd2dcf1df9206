import type BetterSqlite3 from 'better-sqlite3';
import { rfmSegmentBoxes } from '../../../src-shared/domain/kpis.ts';
import type { RfmBox, RfmCell, RfmSegment } from '../../../src-shared/domain/kpis.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import { refreshPendingKpiFacts } from './kpi-facts.ts';
import { dataVersionOf as versionOf, readRfmCells } from './kpis.repository.ts';

/**
 * Each customer's RFM segment as of a day (DESIGN.md §3), for the Customers list's segment filter:
 * the same scores as the Insights screen's RFM grid (rfmSegments over readRfmCells), so a click on
 * a segment there lists exactly the customers it counted.
 *
 * A segment is a few boxes of (days since the last purchase, purchase days), which become ranges
 * of the customers' cached last purchase day and purchase days: one read of the index on them.
 * The answer is kept per connection until anything is written, so paging through a segment asks
 * only once.
 */
type Kept = { key: string; rowids: number[] };
const kept = new WeakMap<BetterSqlite3.Database, Kept>();
const keptCells = new WeakMap<BetterSqlite3.Database, { key: string; cells: RfmCell[] }>();

/**
 * The customers by recency and frequency as of a day (readRfmCells), kept per connection until
 * anything is written: the Insights grid and the Customers list's segments score alike, and a
 * click from one to the other does not count again.
 */
export const rfmCellsAsOf = (sqlite: BetterSqlite3.Database, asOf: string): RfmCell[] => {
  const key = `${asOf}|${versionOf(sqlite)}`;
  const found = keptCells.get(sqlite);
  if (found?.key === key) return found.cells;
  const cells = readRfmCells(sqlite, asOf);
  keptCells.set(sqlite, { key, cells });
  return cells;
};

/** The rowids of the customers in `segment` as of `asOf`, in rowid order. */
export const rfmSegmentRowids = (
  sqlite: BetterSqlite3.Database,
  asOf: string,
  segment: RfmSegment,
): number[] => {
  refreshPendingKpiFacts(sqlite);
  const version = versionOf(sqlite);
  const key = `${asOf}|${segment}|${version}`;
  const found = kept.get(sqlite);
  if (found?.key === key) return found.rowids;

  const boxes = rfmSegmentBoxes(rfmCellsAsOf(sqlite, asOf), segment);
  const rowids = boxes.length === 0 ? [] : readSegmentRowids(sqlite, asOf, boxes);
  kept.set(sqlite, { key, rowids });
  return rowids;
};

/**
 * The customers in the boxes. As in readRfmCells: when no purchase is dated after asOf, the
 * customers' own last purchase day and purchase days are the figures as of asOf (and their index
 * answers alone); otherwise they are counted from the purchase days up to asOf.
 */
const readSegmentRowids = (
  sqlite: BetterSqlite3.Database,
  asOf: string,
  boxes: readonly RfmBox[],
): number[] => {
  const latest = sqlite
    .prepare('SELECT max(day) FROM customer_days WHERE prev_day IS NOT NULL')
    .pluck()
    .get() as string | null;
  const params: (string | number)[] = [];
  const condition = boxes
    .map(({ recencyDays: [fewest, most], purchaseDays: [least, greatest] }) => {
      params.push(addDays(asOf, -most), addDays(asOf, -fewest), least, greatest);
      return '(last BETWEEN ? AND ? AND f BETWEEN ? AND ?)';
    })
    .join(' OR ');
  const sql =
    latest === null || asOf >= latest
      ? `SELECT rowid FROM (SELECT rowid, last_purchase_day AS last, purchase_days AS f
           FROM customers WHERE last_purchase_day IS NOT NULL) WHERE ${condition} ORDER BY rowid`
      : `SELECT c.rowid FROM customers c JOIN (
             SELECT customer_id, max(day) AS last, max(ordinal) AS f FROM customer_days
             WHERE ordinal IS NOT NULL AND day <= ? GROUP BY customer_id) AS x
           ON x.customer_id = c.id WHERE ${condition} ORDER BY c.rowid`;
  const all = latest === null || asOf >= latest ? params : [asOf, ...params];
  return sqlite
    .prepare(sql)
    .pluck()
    .all(...all) as number[];
};
