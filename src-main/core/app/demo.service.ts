import { AppError } from '../../../src-shared/contract/errors.ts';
import type { DemoSummary, Locale, Settings } from '../../../src-shared/contract/types.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { generateDemoShop } from '../demo/generate-demo.ts';
import { DEFAULT_SETTINGS, getSettings, updateSettings } from '../settings/settings.service.ts';

export type DemoRequest = {
  customers: number;
  seed?: number | undefined;
  locale: Locale;
  asOf?: string | undefined;
};

const DEMO_SETTINGS: Record<
  Locale,
  Omit<
    Settings,
    'isOnboarded' | 'isDemo' | 'locale' | 'currentStaffId' | 'reminderTime' | 'focusFigure'
  >
> = {
  fa: {
    shopName: 'فروشگاه نمونهٔ بازگشت',
    calendar: 'persian',
    currency: 'IRR',
    displayUnit: 'toman',
    timeZone: 'Asia/Tehran',
  },
  en: {
    shopName: 'Bazgasht Demo Shop',
    calendar: 'gregory',
    currency: 'GBP',
    displayUnit: null,
    timeZone: 'Europe/London',
  },
};

/**
 * Fills an empty database with a generated shop; the generator refuses (inside its transaction)
 * a database that already holds data, so a demo is never mixed with real sales.
 */
export const createDemoShop = async (
  ctx: CoreContext,
  request: DemoRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<DemoSummary> => {
  const shop = DEMO_SETTINGS[request.locale];
  const summary = generateDemoShop(
    ctx.database.sqlite,
    {
      customers: request.customers,
      seed: request.seed ?? 1,
      locale: request.locale,
      asOf: request.asOf ?? todayIn(ctx.now(), shop.timeZone),
      timeZone: shop.timeZone,
    },
    onProgress,
  );
  await updateSettings(ctx, { ...shop, locale: request.locale, isOnboarded: true, isDemo: true });
  return summary;
};

/** "Start with my own data": empties a demo shop and returns to the first-run screen. */
export const clearDemoShop = async (ctx: CoreContext): Promise<Settings> => {
  const settings = await getSettings(ctx);
  if (!settings.isDemo) {
    throw new AppError('conflict', 'This is not a demo shop; its data is never cleared.', {
      reason: 'not_demo',
    });
  }
  const { sqlite } = ctx.database;
  sqlite.transaction(() => {
    for (const table of [
      'task_events',
      'tasks',
      'survey_responses',
      'order_items',
      'orders',
      'message_log',
      'interactions',
      'customer_external_ids',
    ]) {
      sqlite.exec(`DELETE FROM ${table}`);
    }
    // Merged duplicates point at the customer kept; clear the links before deleting any row.
    sqlite.exec('UPDATE customers SET merged_into_id = NULL');
    sqlite.exec('DELETE FROM customers');
    sqlite.exec('DELETE FROM staff');
  })();
  // The demo's shop name, currency and time zone are not the owner's: back to the defaults, keeping
  // only the language they chose.
  const { locale: _locale, ...defaults } = DEFAULT_SETTINGS;
  return updateSettings(ctx, { ...defaults, isDemo: false, isOnboarded: false });
};
