import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { playbookSettingsPatch } from '../../../src-shared/contract/schemas.ts';
import type { PlaybookSettings } from '../../../src-shared/contract/types.ts';
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../../src-shared/domain/playbook-rules.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';

/** The settings row holding the playbook's parameters (one JSON object). */
const KEY = 'playbook';

export type PlaybookSettingsPatch = z.output<typeof playbookSettingsPatch>;

const merge = (base: PlaybookSettings, patch: PlaybookSettingsPatch): PlaybookSettings => {
  const { rules, ...top } = patch;
  const merged: PlaybookSettings = { ...base, ...stripUndefined(top), rules: { ...base.rules } };
  for (const [rule, values] of Object.entries(rules ?? {})) {
    const name = rule as keyof PlaybookSettings['rules'];
    merged.rules[name] = { ...base.rules[name], ...stripUndefined(values ?? {}) } as never;
  }
  return merged;
};

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The stored parameters over the defaults; a damaged or hand-edited value falls back to them. */
export const getPlaybookSettings = async (ctx: CoreContext): Promise<PlaybookSettings> => {
  const row = await ctx.database.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_PLAYBOOK_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return DEFAULT_PLAYBOOK_SETTINGS;
  }
  const parsed = playbookSettingsPatch.safeParse(stored);
  return parsed.success ? merge(DEFAULT_PLAYBOOK_SETTINGS, parsed.data) : DEFAULT_PLAYBOOK_SETTINGS;
};

export const updatePlaybookSettings = async (
  ctx: CoreContext,
  patch: PlaybookSettingsPatch,
): Promise<PlaybookSettings> => {
  const next = merge(await getPlaybookSettings(ctx), patch);
  const nudge = next.rules.second_purchase_nudge;
  if (nudge.fromDays > nudge.toDays) {
    throw new AppError('bad_input', 'The nudge window must start before it ends.', {
      field: 'fromDays',
      reason: 'window_reversed',
    });
  }
  const now = nowIso(ctx);
  await ctx.database.db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(next), updated_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(next), updated_at: now }),
    )
    .execute();
  return next;
};
