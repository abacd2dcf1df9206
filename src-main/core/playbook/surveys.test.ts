import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, buy, onlyRules, run, tasksOf } from '../../../tests/fixtures/followup.ts';
import { makeTempDir } from '../../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../../tests/fixtures/temp-db.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { createCustomer, getCustomerProfile } from '../customers/customers.service.ts';
import { logContact } from './contacts.service.ts';
import { importSurveyData, importSurveyFile } from './survey-import.ts';
import { recordSurvey } from './surveys.service.ts';
import { listToday } from './tasks.service.ts';
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../../src-shared/domain/playbook-rules.ts';

const NOW = '2026-11-05T06:30:00.000Z';
const TODAY = '2026-11-05';
const { npsMax, csatMax } = DEFAULT_PLAYBOOK_SETTINGS.rules.recovery;

let ctx: CoreContext;
let remove: () => Promise<void>;
let temp: TempDir;
beforeEach(() => {
  ({ ctx, remove } = makeTestContext(NOW));
  temp = makeTempDir();
});
afterEach(async () => {
  await remove();
  temp.remove();
});

describe('a low score creates the urgent recovery task at once', () => {
  it.each([
    ['nps', npsMax, true],
    ['nps', npsMax + 1, false],
    ['nps', 0, true],
    ['csat', csatMax, true],
    ['csat', csatMax + 1, false],
  ] as const)('%s %i: recovery %s', async (kind, score, expected) => {
    const id = await addCustomer(ctx, 'Customer');
    const { survey, recoveryTask } = await recordSurvey(ctx, {
      customerId: id,
      kind,
      score,
      comment: 'the zip broke',
    });
    expect(survey).toMatchObject({ kind, score, collectedVia: 'phone', localDate: TODAY });
    if (expected) {
      expect(recoveryTask).toMatchObject({
        rule: 'recovery',
        priority: 'urgent',
        dueDate: TODAY,
        status: 'open',
        reason: {
          key: 'task.reason.recovery_comment',
          params: { kind: kind.toUpperCase(), score, max: kind === 'nps' ? 10 : 5 },
        },
      });
      const today = await listToday(ctx, {});
      expect(today.groups[0]).toMatchObject({ priority: 'urgent', rule: 'recovery' });
    } else {
      expect(recoveryTask).toBeNull();
      expect(tasksOf(ctx, id)).toEqual([]);
    }
  });

  it('refuses a CSAT score out of 1–5 and writes nothing', async () => {
    const id = await addCustomer(ctx, 'Customer');
    await expect(
      recordSurvey(ctx, { customerId: id, kind: 'csat', score: 0 }),
    ).rejects.toMatchObject({ code: 'bad_input', details: { field: 'score' } });
    expect((await getCustomerProfile(ctx, id)).surveys).toEqual([]);
  });

  it('records an answer given in an unplanned contact, linked to it, and closes the first survey', async () => {
    await onlyRules(ctx, 'first_survey', 'recovery');
    const id = await addCustomer(ctx, 'Walk-in regular');
    await buy(ctx, id, addDays(TODAY, -DEFAULT_PLAYBOOK_SETTINGS.rules.first_survey.days), 90_000);
    await run(ctx, TODAY);
    expect(tasksOf(ctx, id)).toMatchObject([{ rule: 'first_survey', status: 'open' }]);
    const result = await logContact(ctx, {
      customerId: id,
      channel: 'in_person',
      direction: 'inbound',
      note: 'came by to complain',
      survey: { kind: 'nps', score: 2, reasonCategory: 'quality' },
    });
    expect(result.survey).toMatchObject({
      interactionId: result.interaction?.id,
      collectedVia: 'in_person',
      reasonCategory: 'quality',
    });
    expect(tasksOf(ctx, id).map((task) => [task.rule, task.status, task.resolution])).toEqual([
      ['first_survey', 'done', 'answered'],
      ['recovery', 'open', null],
    ]);
    const profile = await getCustomerProfile(ctx, id);
    expect(profile.surveys).toHaveLength(1);
    expect(profile.timeline[0]).toMatchObject({
      direction: 'inbound',
      note: 'came by to complain',
    });
  });

  it('plans no recovery call for a customer who asked not to be contacted', async () => {
    const id = await addCustomer(ctx, 'Private', { doNotContact: true });
    const { recoveryTask } = await recordSurvey(ctx, { customerId: id, kind: 'nps', score: 1 });
    expect(recoveryTask).toBeNull();
  });
});

describe('survey CSV import', () => {
  const file = (name: string, text: string) => {
    const path = temp.file(name);
    writeFileSync(path, text);
    return path;
  };

  const setup = async () => {
    const ali = await addCustomer(ctx, 'Ali', { phone: '09121111111' });
    const sara = await addCustomer(ctx, 'Sara', { phone: '09122222222' });
    const mina = (await createCustomer(ctx, { name: 'Mina', email: 'mina@example.com' })).id;
    return { ali, sara, mina };
  };

  it('names every rejected line and its reason, and writes nothing', async () => {
    await setup();
    const path = file(
      'answers.csv',
      [
        'phone,email,date,kind,score,comment',
        '09121111111,,2026-11-01,NPS,9,great',
        ',,2026-11-01,NPS,9,',
        '09129999999,,2026-11-01,NPS,9,',
        '09122222222,,2026-13-01,NPS,9,',
        '09122222222,,,NPS,9,',
        '09122222222,,2026-11-01,stars,4,',
        '09122222222,,2026-11-01,NPS,11,',
        '09122222222,,2026-11-01,CSAT,0,',
        ',mina@example.com,2026-12-01,CSAT,4,',
      ].join('\n'),
    );
    const report = await importSurveyFile(ctx, path, 'answers.csv', { dryRun: false });
    expect(report).toMatchObject({ written: false, imported: 0, rowsRead: 9 });
    expect(report.rejected.map((line) => [line.line, line.reason])).toEqual([
      [3, 'missing_customer'],
      [4, 'unknown_customer'],
      [5, 'bad_date'],
      [6, 'missing_date'],
      [7, 'bad_kind'],
      [8, 'bad_score'],
      [9, 'bad_score'],
      [10, 'future_date'],
    ]);
    expect(report.rejected[1]?.message).toContain('09129999999');
    expect(report.rejected[5]?.message).toBe('"11" is not an NPS score (0 to 10)');
    expect(ctx.database.sqlite.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(
      0,
    );
  });

  it('imports Persian headers, Jalali dates and Persian digits; recognises a re-import', async () => {
    const { ali, sara, mina } = await setup();
    const text = [
      'موبایل,ایمیل,تاریخ,نوع,امتیاز,نظر',
      '۰۹۱۲۱۱۱۱۱۱۱,,۱۴۰۵/۰۸/۱۰,NPS,۱۰,عالی بود',
      '+98 912 222 2222,,1405/08/12,NPS,4,دیر رسید',
      ',MINA@example.com,1405/07/01,CSAT,2,',
    ].join('\r\n');
    const path = file('answers.csv', text);
    const first = await importSurveyFile(ctx, path, 'answers.csv', { dryRun: false });
    expect(first).toMatchObject({
      written: true,
      imported: 3,
      alreadyPresent: 0,
      rejected: [],
      // Sara's low score is from three days ago: a recovery call; Mina's is a month old.
      recoveryTasksCreated: 1,
    });
    const profile = await getCustomerProfile(ctx, ali);
    expect(profile.surveys).toMatchObject([
      {
        kind: 'nps',
        score: 10,
        comment: 'عالی بود',
        collectedVia: 'import',
        localDate: '2026-11-01',
      },
    ]);
    expect(tasksOf(ctx, sara)).toMatchObject([{ rule: 'recovery' }]);
    expect(tasksOf(ctx, mina)).toEqual([]);

    const again = await importSurveyFile(ctx, path, 'answers.csv', { dryRun: false });
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 3, recoveryTasksCreated: 0 });
  });

  it('checks without writing on a dry run, and takes the file as base64 over the contract', async () => {
    await setup();
    const csv = 'phone,date,kind,score\n09121111111,2026-11-02,nps,8\n';
    const report = await importSurveyData(ctx, {
      fileName: 'phone-survey.csv',
      data: Buffer.from(csv).toString('base64'),
      dryRun: true,
    });
    expect(report).toMatchObject({ fileName: 'phone-survey.csv', written: false, imported: 1 });
    expect(ctx.database.sqlite.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(
      0,
    );
  });

  it('refuses a file without the needed columns, naming the file', async () => {
    const path = file('sales.csv', 'receipt,total\n1,100\n');
    await expect(importSurveyFile(ctx, path, 'sales.csv', { dryRun: false })).rejects.toMatchObject(
      {
        code: 'bad_input',
        message: expect.stringContaining('sales.csv'),
      },
    );
  });
});
