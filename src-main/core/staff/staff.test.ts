import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import type { CoreContext } from '../context.ts';
import { getSettings, updateSettings } from '../settings/settings.service.ts';
import { archiveStaff, createStaff, listStaff, updateStaff } from './staff.service.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(() => {
  ({ ctx, remove } = makeTestContext());
});
afterEach(() => remove());

describe('staff', () => {
  it('creates, renames, archives and restores; the list keeps the archived', async () => {
    const sara = await createStaff(ctx, { name: 'Sara', role: 'owner', phone: '09121234567' });
    await createStaff(ctx, { name: 'Omid' });
    expect((await updateStaff(ctx, sara.id, { name: 'Sara K.' })).name).toBe('Sara K.');
    await updateSettings(ctx, { currentStaffId: sara.id });
    const archived = await archiveStaff(ctx, sara.id, true);
    expect(archived.archivedAt).not.toBeNull();
    expect((await getSettings(ctx)).currentStaffId).toBeNull();
    expect(
      (await listStaff(ctx)).map((member) => [member.name, member.archivedAt !== null]),
    ).toEqual([
      ['Omid', false],
      ['Sara K.', true],
    ]);
    expect((await archiveStaff(ctx, sara.id, false)).archivedAt).toBeNull();
  });

  it('refuses a second active member of the same name and a bad phone', async () => {
    await createStaff(ctx, { name: 'Sara' });
    await expect(createStaff(ctx, { name: 'sara' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(createStaff(ctx, { name: 'Ali', phone: '123' })).rejects.toMatchObject({
      code: 'bad_input',
      details: { field: 'phone' },
    });
  });
});
