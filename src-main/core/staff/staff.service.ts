import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { staffCreate, staffUpdate } from '../../../src-shared/contract/schemas.ts';
import type { Staff } from '../../../src-shared/contract/types.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import { normaliseForSearch } from '../../../src-shared/domain/persian-text.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { getSettings, updateSettings } from '../settings/settings.service.ts';

/** The people who log check-ins and own tasks (DESIGN.md §2); archived, never deleted. */

type StaffRecord = {
  id: string;
  name: string;
  role: string | null;
  archived_at: string | null;
};

const toStaff = (record: StaffRecord): Staff => ({
  id: record.id,
  name: record.name,
  role: record.role,
  archivedAt: record.archived_at,
});

export const listStaff = async (ctx: CoreContext): Promise<Staff[]> =>
  (
    ctx.database.sqlite
      .prepare('SELECT id, name, role, archived_at FROM staff ORDER BY name, id')
      .all() as StaffRecord[]
  ).map(toStaff);

const requireStaff = (ctx: CoreContext, id: string): StaffRecord => {
  const record = ctx.database.sqlite
    .prepare('SELECT id, name, role, archived_at FROM staff WHERE id = ?')
    .get(id) as StaffRecord | undefined;
  if (!record) {
    throw new AppError('not_found', `No staff member with id ${id}.`, { field: 'staffId', id });
  }
  return record;
};

/** A staff member who can act now: exists and is not archived. */
export const requireActiveStaff = (ctx: CoreContext, id: string): Staff => {
  const record = requireStaff(ctx, id);
  if (record.archived_at !== null) {
    throw new AppError('conflict', `${record.name} is archived and cannot be picked.`, {
      field: 'staffId',
      reason: 'staff_archived',
    });
  }
  return toStaff(record);
};

/**
 * Who is acting: the given staff member, or (when none is given) whoever the settings say is
 * working at this computer; null when nobody in particular.
 */
export const actingStaffId = async (
  ctx: CoreContext,
  staffId: string | null | undefined,
): Promise<string | null> => {
  const id = staffId === undefined ? (await getSettings(ctx)).currentStaffId : staffId;
  if (id === null) return null;
  return requireActiveStaff(ctx, id).id;
};

const phoneOf = (raw: string | null | undefined): string | null | undefined => {
  if (raw === undefined) return undefined;
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const phone = normalisePhone(text);
  if (!phone) {
    throw new AppError('bad_input', `"${text}" is not a valid phone number.`, {
      field: 'phone',
      reason: 'invalid_phone',
    });
  }
  return phone.e164;
};

const refuseDuplicateName = (ctx: CoreContext, name: string, exceptId: string | null) => {
  const key = normaliseForSearch(name);
  const rows = ctx.database.sqlite
    .prepare('SELECT id, name FROM staff WHERE archived_at IS NULL')
    .all() as { id: string; name: string }[];
  if (rows.some((row) => row.id !== exceptId && normaliseForSearch(row.name) === key)) {
    throw new AppError('conflict', `There is already a staff member called ${name}.`, {
      field: 'name',
      reason: 'duplicate_name',
    });
  }
};

export const createStaff = async (
  ctx: CoreContext,
  input: z.output<typeof staffCreate>,
): Promise<Staff> => {
  refuseDuplicateName(ctx, input.name, null);
  const id = ctx.newId();
  const now = nowIso(ctx);
  ctx.database.sqlite
    .prepare(
      `INSERT INTO staff (id, name, phone_e164, role, archived_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?)`,
    )
    .run(id, input.name, phoneOf(input.phone) ?? null, input.role ?? null, now, now);
  return toStaff(requireStaff(ctx, id));
};

export const updateStaff = async (
  ctx: CoreContext,
  id: string,
  patch: z.output<typeof staffUpdate>['patch'],
): Promise<Staff> => {
  const current = requireStaff(ctx, id);
  if (patch.name !== undefined) refuseDuplicateName(ctx, patch.name, id);
  const phone = phoneOf(patch.phone);
  ctx.database.sqlite
    .prepare(
      `UPDATE staff SET name = ?, role = ?, phone_e164 = coalesce(?, CASE WHEN ? THEN NULL
         ELSE phone_e164 END), updated_at = ? WHERE id = ?`,
    )
    .run(
      patch.name ?? current.name,
      patch.role === undefined ? current.role : patch.role,
      phone ?? null,
      phone === null ? 1 : 0,
      nowIso(ctx),
      id,
    );
  return toStaff(requireStaff(ctx, id));
};

/** Archived staff keep their history; whoever was "working" as them is nobody in particular. */
export const archiveStaff = async (
  ctx: CoreContext,
  id: string,
  archived: boolean,
): Promise<Staff> => {
  const current = requireStaff(ctx, id);
  if (!archived) refuseDuplicateName(ctx, current.name, id);
  const now = nowIso(ctx);
  ctx.database.sqlite
    .prepare('UPDATE staff SET archived_at = ?, updated_at = ? WHERE id = ?')
    .run(archived ? (current.archived_at ?? now) : null, now, id);
  if (archived && (await getSettings(ctx)).currentStaffId === id) {
    await updateSettings(ctx, { currentStaffId: null });
  }
  return toStaff(requireStaff(ctx, id));
};
