import type BetterSqlite3 from 'better-sqlite3';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_imports.ts';
import * as m0003 from './0003_order_items_by_order.ts';
import * as m0004 from './0004_followup.ts';
import * as m0005 from './0005_kpis.ts';
import * as m0006 from './0006_loyalty.ts';
import * as m0007 from './0007_message_templates.ts';
import * as m0008 from './0008_message_log.ts';
import * as m0009 from './0009_points_balance_index.ts';
import * as m0010 from './0010_cheap_checks.ts';
import * as m0011 from './0011_tagged_customers_index.ts';

export type Migration = {
  version: number;
  name: string;
  /** SQL run as one script, or a function for what SQL alone cannot say; either runs inside the transaction. */
  up: string | ((sqlite: BetterSqlite3.Database) => void);
};

/** Every migration, in order. Explicit (no directory scanning) so the app bundles. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
  { version: 5, ...m0005 },
  { version: 6, ...m0006 },
  { version: 7, ...m0007 },
  { version: 8, ...m0008 },
  { version: 9, ...m0009 },
  { version: 10, ...m0010 },
  { version: 11, ...m0011 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
