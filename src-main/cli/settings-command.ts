import { settingsPatch } from '../../src-shared/contract/schemas.ts';
import type { DisplayUnit, Settings } from '../../src-shared/contract/types.ts';
import { getSettings, isKnownCurrency, updateSettings } from '../core/settings/settings.service.ts';
import type { SettingsPatch } from '../core/settings/settings.service.ts';
import type { Command } from './cli.ts';
import { UsageError } from './usage-error.ts';

/**
 * `settings`: how the shop counts money, keeps time and names months (DESIGN.md §8), so a shop
 * made from the command line can be set up before its first import: the currency decides the
 * minor unit amounts are stored in (pence for GBP, whole Rial for IRR), and the time zone and
 * calendar decide purchase days and cohort months.
 */

export const SETTINGS_USAGE = `  settings [--currency CODE] [--display-unit rial|toman] [--time-zone ZONE]
           [--calendar gregory|persian] [--locale fa|en] [--shop-name NAME] [--json]
        show the shop's settings, or change them (creating the database if there is none):
        the currency as an ISO 4217 code (IRR: Iranian Rial, shown and imported in Toman or
        Rial by --display-unit), the IANA time zone that decides each sale's day, and the
        calendar of months and dates; set these before the first import`;

/** The options this command changes, by the settings key each sets. */
const OPTION_OF = {
  currency: '--currency',
  displayUnit: '--display-unit',
  timeZone: '--time-zone',
  calendar: '--calendar',
  locale: '--locale',
  shopName: '--shop-name',
} as const satisfies Partial<Record<keyof Settings, string>>;

type Key = keyof typeof OPTION_OF;

export const settingsCommand: Command = {
  options: {
    currency: { type: 'string' },
    'display-unit': { type: 'string' },
    'time-zone': { type: 'string' },
    calendar: { type: 'string' },
    locale: { type: 'string' },
    'shop-name': { type: 'string' },
    json: { type: 'boolean' },
  },
  creates: (values) => isChange(values),
  // Looking at the settings of a shop that does not exist yet shows the defaults it would have.
  readsEmptyWhenMissing: true,
  prepare: (values, io) => {
    const patch = parsePatch(values);
    return async (core) => {
      const current = await getSettings(core.context);
      const settings =
        Object.keys(patch).length === 0
          ? current
          : await updateSettings(core.context, withDisplayUnit(patch, current));
      io.stdout(values.json ? JSON.stringify(settings) : formatSettings(settings));
    };
  },
};

const isChange = (values: Record<string, unknown>) =>
  Object.values(OPTION_OF).some((option) => values[option.slice(2)] !== undefined);

/**
 * The options as a settings patch, checked before the database is opened so that a bad value
 * neither writes nor creates anything. Currency codes may be typed in any case, and a time zone
 * is stored by its canonical name ("europe/london" → "Europe/London").
 */
const parsePatch = (values: Record<string, unknown>): SettingsPatch => {
  const given = (key: Key) => values[OPTION_OF[key].slice(2)] as string | undefined;
  const currency = given('currency')?.trim().toUpperCase();
  const timeZone = given('timeZone')?.trim();
  const raw = {
    ...(currency !== undefined && { currency }),
    ...(given('displayUnit') !== undefined && { displayUnit: given('displayUnit') }),
    ...(timeZone !== undefined && { timeZone: canonicalTimeZone(timeZone) ?? timeZone }),
    ...(given('calendar') !== undefined && { calendar: given('calendar') }),
    ...(given('locale') !== undefined && { locale: given('locale') }),
    ...(given('shopName') !== undefined && { shopName: given('shopName') }),
  };
  const parsed = settingsPatch.safeParse(raw);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? '') as Key;
    throw new UsageError(`settings: ${OPTION_OF[key]} ${describeBad(key, given(key))}`);
  }
  if (currency !== undefined && !isKnownCurrency(currency)) {
    throw new UsageError(`settings: --currency "${currency}" is not a known ISO 4217 code`);
  }
  if (timeZone !== undefined && canonicalTimeZone(timeZone) === null) {
    throw new UsageError(`settings: --time-zone "${timeZone}" is not a known time zone`);
  }
  if (currency !== undefined && currency !== 'IRR' && parsed.data.displayUnit != null) {
    throw new UsageError(displayUnitMisuse(currency));
  }
  return parsed.data;
};

const describeBad = (key: Key, value: string | undefined): string => {
  switch (key) {
    case 'displayUnit':
      return 'must be rial or toman';
    case 'calendar':
      return 'must be gregory or persian';
    case 'locale':
      return 'must be fa or en';
    case 'shopName':
      return 'is longer than 120 characters';
    default:
      return `"${String(value)}" is not valid`;
  }
};

const displayUnitMisuse = (currency: string) =>
  `settings: --display-unit is for IRR (Toman or Rial); the currency is ${currency}`;

/**
 * Toman and Rial are units of IRR only: another currency has none, and a shop that comes to IRR
 * without saying which keeps the unit it had, or else Rial, the code's own unit (as the
 * settings screen does for IRR typed as a code).
 */
const withDisplayUnit = (patch: SettingsPatch, current: Settings): SettingsPatch => {
  const currency = patch.currency ?? current.currency;
  if (currency !== 'IRR') {
    if (patch.displayUnit != null) throw new UsageError(displayUnitMisuse(currency));
    return patch.currency === undefined ? patch : { ...patch, displayUnit: null };
  }
  if (patch.displayUnit != null || patch.currency === undefined) return patch;
  const unit: DisplayUnit = current.currency === 'IRR' ? (current.displayUnit ?? 'rial') : 'rial';
  return { ...patch, displayUnit: unit };
};

const canonicalTimeZone = (zone: string): string | null => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

const formatSettings = (settings: Settings): string => {
  const lines: [string, string][] = [
    ['shop name', settings.shopName || '—'],
    ['currency', settings.currency],
    ['display unit', settings.displayUnit ?? '—'],
    ['time zone', settings.timeZone],
    ['calendar', settings.calendar],
    ['language', settings.locale ?? 'the system’s'],
  ];
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
};
