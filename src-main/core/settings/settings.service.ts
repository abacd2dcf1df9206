import { z } from 'zod';
import { settingsPatch } from '../../../src-shared/contract/schemas.ts';
import type { Settings } from '../../../src-shared/contract/types.ts';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';

export const DEFAULT_SETTINGS: Settings = {
  shopName: '',
  locale: null,
  calendar: 'persian',
  currency: 'IRR',
  displayUnit: 'toman',
  timeZone: 'Asia/Tehran',
  isOnboarded: false,
  isDemo: false,
  currentStaffId: null,
  reminderTime: '09:00',
  focusFigure: null,
};

const storedShape = settingsPatch.safeExtend({ isDemo: z.boolean() }).shape;

/**
 * Settings are stored one JSON value per key so a later version can add keys without a migration;
 * a value that does not validate (hand-edited, damaged) falls back to its default.
 */
export const getSettings = async (ctx: CoreContext): Promise<Settings> => {
  const rows = await ctx.database.db.selectFrom('settings').select(['key', 'value']).execute();
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!Object.hasOwn(storedShape, row.key)) continue;
    const schema = storedShape[row.key as keyof typeof storedShape];
    const parsed = schema.safeParse(parseJson(row.value));
    if (parsed.success && parsed.data !== undefined)
      Object.assign(settings, { [row.key]: parsed.data });
  }
  return settings;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export type SettingsPatch = z.output<typeof settingsPatch> & { isDemo?: boolean };

export const updateSettings = async (ctx: CoreContext, patch: SettingsPatch): Promise<Settings> => {
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) {
    throw new AppError('bad_input', `Unknown time zone "${patch.timeZone}".`, {
      field: 'timeZone',
      reason: 'invalid_time_zone',
    });
  }
  if (patch.currency !== undefined && !isKnownCurrency(patch.currency)) {
    throw new AppError('bad_input', `Unknown currency code "${patch.currency}".`, {
      field: 'currency',
      reason: 'invalid_currency',
    });
  }
  if (patch.currentStaffId) {
    const staff = ctx.database.sqlite
      .prepare('SELECT archived_at FROM staff WHERE id = ?')
      .get(patch.currentStaffId) as { archived_at: string | null } | undefined;
    if (!staff || staff.archived_at !== null) {
      throw new AppError('bad_input', `No active staff member with id ${patch.currentStaffId}.`, {
        field: 'currentStaffId',
        reason: staff ? 'staff_archived' : 'unknown_staff',
      });
    }
  }
  const now = nowIso(ctx);
  const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
  if (entries.length > 0) {
    await ctx.database.db
      .insertInto('settings')
      .values(
        entries.map(([key, value]) => ({ key, value: JSON.stringify(value), updated_at: now })),
      )
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  return getSettings(ctx);
};

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** An ISO 4217 code this runtime knows (so it can format it and tell its minor unit). */
export const isKnownCurrency = (code: string): boolean =>
  (Intl.supportedValuesOf('currency') as string[]).includes(code);
