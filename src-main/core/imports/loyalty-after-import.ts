import type BetterSqlite3 from 'better-sqlite3';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import { readLoyaltyRules } from '../loyalty/loyalty-settings.ts';
import { updateLoyaltyOn } from '../loyalty/loyalty.service.ts';
import { createMonotonicIds } from './ids.ts';

/**
 * The new orders' points and their customers' tiers (with the KPI caches they are computed from),
 * worked out in the import worker, on the run's connection, once the import is committed and
 * reported: for the first import into a shop that is seconds of work, which would otherwise hold
 * up the app's own thread. The app's update after the import then finds nothing left to do. A
 * failure is logged; that update does the work instead.
 */
export const updateLoyaltyAfterImport = (
  sqlite: BetterSqlite3.Database,
  timeZone: string,
  now: () => Date,
): void => {
  try {
    updateLoyaltyOn(sqlite, {
      date: todayIn(now(), timeZone),
      now: now().toISOString(),
      rules: readLoyaltyRules(sqlite),
      newId: createMonotonicIds(() => now().getTime()),
    });
  } catch (error) {
    console.error('[loyalty]', error);
  }
};
