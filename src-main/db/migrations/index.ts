import * as m0001 from './0001_initial.ts';

export type Migration = {
  version: number;
  name: string;
  /** SQL run as one script, or a function for data migrations; either runs inside the transaction. */
  up: string;
};

/** Every migration, in order. Explicit (no directory scanning) so the app bundles. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, ...m0001 }];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
