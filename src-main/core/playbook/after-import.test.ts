import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../../tests/fixtures/temp-db.ts';
import type { ImportJob } from '../../../src-shared/contract/types.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import { startCore } from '../core.ts';
import type { Core } from '../core.ts';
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../../src-shared/domain/playbook-rules.ts';

// 10:00 on 5 November 2026 in Tehran.
const NOW = '2026-11-05T06:30:00.000Z';
const TODAY = '2026-11-05';

let temp: TempDir;
let core: Core;
beforeEach(() => {
  temp = makeTempDir();
  core = startCore({
    databasePath: temp.file('shop.db'),
    host: 'cli',
    create: true,
    now: () => new Date(NOW),
  });
});
afterEach(async () => {
  await core.close();
  temp.remove();
});

const importFile = async (path: string): Promise<ImportJob> => {
  const bytes = readFileSync(path);
  const file = await core.imports.uploadBegin({ name: 'sales.csv', size: bytes.length });
  await core.imports.uploadChunk({
    fileId: file.fileId,
    offset: 0,
    data: bytes.toString('base64'),
  });
  await core.imports.uploadEnd(file.fileId);
  const preview = await core.imports.preview({ fileId: file.fileId });
  let job = await core.imports.start(file.fileId, preview.plan, false);
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = core.imports.job(job.id);
  }
  return job;
};

describe('the playbook after a sales import', () => {
  it('runs once the import is committed, on the imported customers’ purchase days; undo still works', async () => {
    const checkin = addDays(TODAY, -DEFAULT_PLAYBOOK_SETTINGS.rules.post_purchase_checkin.days);
    const path = temp.file('sales.csv');
    writeFileSync(
      path,
      [
        'Receipt,Date,Name,Phone,Total',
        `1,${checkin},Ali Karimi,09120000001,850000`,
        `2,${addDays(TODAY, -200)},Sara Nouri,09120000002,200000`,
      ].join('\n'),
    );
    const job = await importFile(path);
    expect(job).toMatchObject({ state: 'done', report: { customersCreated: 2 } });
    const today = await core.dispatch('tasks:today', {});
    expect(today).toMatchObject({ ok: true });
    const tasks = (
      today as { data: { groups: { tasks: { customerName: string; rule: string }[] }[] } }
    ).data.groups.flatMap((group) => group.tasks);
    expect(tasks.map((task) => [task.customerName, task.rule])).toEqual([
      ['Ali Karimi', 'post_purchase_checkin'],
    ]);
    // Undo removes the customers it created, and their tasks with them.
    expect(core.imports.undo(job.report!.batchId!)).toMatchObject({ status: 'undone' });
    const left = core.database.sqlite.prepare('SELECT count(*) FROM tasks').pluck().get();
    expect(left).toBe(0);
  });
});

describe('the playbook after an undo', () => {
  it('closes at once the follow-up about a purchase the undo took away from a customer it kept', async () => {
    const created = await core.dispatch('customers:create', {
      name: 'Ali Karimi',
      phone: '09120000001',
    });
    expect(created).toMatchObject({ ok: true });
    const checkin = addDays(TODAY, -DEFAULT_PLAYBOOK_SETTINGS.rules.post_purchase_checkin.days);
    const path = temp.file('sales.csv');
    writeFileSync(
      path,
      `Receipt,Date,Name,Phone,Total\n1,${checkin},Ali Karimi,09120000001,850000\n`,
    );
    const job = await importFile(path);
    expect(job).toMatchObject({ state: 'done', report: { customersMatched: 1 } });
    const task = () =>
      core.database.sqlite.prepare('SELECT rule, status, resolution FROM tasks').all();
    expect(task()).toEqual([{ rule: 'post_purchase_checkin', status: 'open', resolution: null }]);

    const undone = await core.dispatch('import:undo', { batchId: job.report!.batchId! });
    expect(undone).toMatchObject({ ok: true, data: { status: 'undone' } });
    expect(task()).toEqual([
      { rule: 'post_purchase_checkin', status: 'dismissed', resolution: 'obsolete' },
    ]);
  });
});
