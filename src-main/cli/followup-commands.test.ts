import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addCustomer, buy } from '../../tests/fixtures/followup.ts';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { addDays } from '../../src-shared/i18n/locale.ts';
import { createContext } from '../core/context.ts';
import { openDatabase } from '../db/open.ts';
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../src-shared/domain/playbook-rules.ts';
import { cliAt } from '../../tests/fixtures/cli.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const NOW = '2026-11-05T06:30:00.000Z';
const TODAY = '2026-11-05';

const run = cliAt(NOW);

type InboxItem = {
  id: string;
  customerId: string;
  customerName: string;
  phone: string | null;
  rule: string;
  priority: string;
  dueDate: string;
  reason: string;
};

/** A shop file with customers made through the services (Tehran, Rial shown as Toman). */
const makeShop = async (build: (ctx: ReturnType<typeof createContext>) => Promise<void>) => {
  const path = temp.file('shop.db');
  const database = openDatabase(path, { create: true });
  try {
    await build(createContext(database, { now: () => new Date(NOW) }));
  } finally {
    await database.close();
  }
  return path;
};

const count = (path: string, sql: string) => {
  const database = openDatabase(path);
  try {
    return database.sqlite.prepare(sql).pluck().get() as number;
  } finally {
    void database.close();
  }
};

describe('bazgasht inbox', () => {
  it('prints the day’s open tasks as JSON with the reason in English, and is idempotent', async () => {
    const days = DEFAULT_PLAYBOOK_SETTINGS.rules.post_purchase_checkin.days;
    const amount = 8_500_000;
    const db = await makeShop(async (ctx) => {
      const id = await addCustomer(ctx, 'Maryam Ahmadi', { phone: '09121234567' });
      await buy(ctx, id, addDays(TODAY, -days), amount, ['Blue scarf']);
      const lapsed = await addCustomer(ctx, 'Reza');
      await buy(
        ctx,
        lapsed,
        addDays(TODAY, -DEFAULT_PLAYBOOK_SETTINGS.rules.churn_warning.days),
        1_000_000,
        ['Hat', 'Gloves'],
      );
    });
    const first = await run('--db', db, 'inbox', '--date', TODAY, '--json');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const items = JSON.parse(first.stdout) as InboxItem[];
    expect(
      items.map((item) => [item.customerName, item.rule, item.priority, item.dueDate]),
    ).toEqual([
      ['Reza', 'churn_warning', 'high', TODAY],
      ['Maryam Ahmadi', 'post_purchase_checkin', 'normal', TODAY],
    ]);
    expect(items[1]).toMatchObject({
      phone: '+989121234567',
      reason: `First purchase ${days} days ago: Blue scarf, ${(amount / 10).toLocaleString('en')} Toman`,
    });
    expect(Object.keys(items[0]!).sort()).toEqual(
      ['id', 'customerId', 'customerName', 'phone', 'rule', 'priority', 'dueDate', 'reason'].sort(),
    );
    expect(items[0]!.reason).toMatch(/^No purchase for 90 days; last: Hat and 1 more item, /);

    const again = JSON.parse((await run('--db', db, 'inbox', '--date', TODAY, '--json')).stdout);
    expect(again).toEqual(items);
    // Without --date, today in the shop's zone; the text form ends with the day's progress.
    const text = await run('--db', db, 'inbox');
    expect(text.stdout).toMatch(/2 open on 2026-11-05; 0 of 2 done$/);
  });

  it('on a demo shop, lists exactly the open tasks due that day or before', async () => {
    const db = temp.file('demo.db');
    expect((await run('--db', db, 'demo', '--customers', '300', '--as-of', TODAY)).code).toBe(0);
    const items = JSON.parse(
      (await run('--db', db, 'inbox', '--date', TODAY, '--json')).stdout,
    ) as InboxItem[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBe(
      count(
        db,
        `SELECT count(*) FROM tasks t JOIN customers c ON c.id = t.customer_id
         WHERE t.status IN ('open', 'snoozed') AND t.due_date <= '${TODAY}'
           AND c.do_not_contact = 0`,
      ),
    );
    const ranks = { urgent: 0, high: 1, normal: 2, low: 3 } as Record<string, number>;
    const order = items.map((item) => ranks[item.priority]!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const item of items) {
      expect(item.reason).not.toMatch(/task\.reason|\{/);
      expect(DEFAULT_PLAYBOOK_SETTINGS.rules).toHaveProperty(item.rule);
    }
  });
});

describe('bazgasht log-contact and survey', () => {
  it('logs a no-answer on a task and an answer with a low score, which plans a recovery call', async () => {
    const db = await makeShop(async (ctx) => {
      const id = await addCustomer(ctx, 'Maryam', { phone: '09121234567' });
      await buy(ctx, id, addDays(TODAY, -7), 1_000_000);
    });
    const [task] = JSON.parse(
      (await run('--db', db, 'inbox', '--date', TODAY, '--json')).stdout,
    ) as InboxItem[];
    const logged = await run(
      '--db',
      db,
      'log-contact',
      '--task',
      task!.id,
      '--outcome',
      'no_answer',
      '--json',
    );
    expect(logged.code).toBe(0);
    // Thursday: the retry is on Saturday (Friday is the weekend in Tehran).
    expect(JSON.parse(logged.stdout)).toMatchObject({
      task: { attempts: 1, status: 'open', dueDate: '2026-11-07' },
      interaction: { outcome: 'no_answer', taskId: task!.id },
    });

    const answered = await run(
      '--db',
      db,
      'survey',
      '--customer',
      '۰۹۱۲ ۱۲۳ ۴۵۶۷',
      '--csat',
      '2',
      '--comment',
      'too small',
    );
    expect(answered).toMatchObject({ code: 0, stderr: '' });
    expect(answered.stdout).toBe('CSAT 2 recorded; urgent recovery call planned for today.');
    expect(count(db, "SELECT count(*) FROM tasks WHERE rule = 'recovery'")).toBe(1);

    const adHoc = await run(
      '--db',
      db,
      'log-contact',
      '--customer',
      '+989121234567',
      '--channel',
      'in_person',
      '--direction',
      'inbound',
      '--note',
      'came to exchange it',
    );
    expect(adHoc).toMatchObject({ code: 0, stdout: 'Logged in person contact.' });
  });

  it('imports a survey file, and refuses one with a bad line naming file and line', async () => {
    const db = await makeShop(async (ctx) => {
      await addCustomer(ctx, 'Ali', { phone: '09121111111' });
    });
    const good = temp.file('good.csv');
    writeFileSync(good, 'phone,date,kind,score,comment\n09121111111,2026-11-01,NPS,9,thanks\n');
    const bad = temp.file('bad.csv');
    writeFileSync(
      bad,
      'phone,date,kind,score\n09121111111,2026-11-01,NPS,9\n09121111111,2026-11-01,NPS,12\n09120000000,2026-11-01,CSAT,3\n',
    );
    const refused = await run('--db', db, 'survey', '--import', bad);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      'bazgasht: bad.csv line 3: "12" is not an NPS score (0 to 10) (and 1 more line); nothing was imported',
    );
    expect(count(db, 'SELECT count(*) FROM survey_responses')).toBe(0);
    const imported = await run('--db', db, 'survey', '--import', good, '--json');
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1, written: true, rejected: [] });
  });

  it.each([
    [['inbox', '--date', '2026-02-30'], /inbox: --date "2026-02-30" is not a date/],
    [['inbox', '--date', '2026-13-01'], /inbox: --date "2026-13-01" is not a date/],
    [['inbox', '--day', TODAY], /unknown or malformed option --day/],
    [['log-contact', '--outcome', 'reached'], /give --task ID or --customer/],
    [['log-contact', '--task', 'x'], /--outcome is needed/],
    [['log-contact', '--task', 'x', '--outcome', 'maybe'], /--outcome: /],
    [['log-contact', '--task', 'x', '--outcome', 'call_back_later'], /--call-back-at: say when/],
    [['log-contact', '--customer', 'x', '--channel', 'fax'], /--channel must be one of/],
    [
      ['log-contact', '--task', 'x', '--outcome', 'no_answer', '--nps', '3'],
      /--nps\/--csat: a survey answer needs a call that reached/,
    ],
    [
      ['survey', '--customer', 'x', '--nps', '11'],
      /--nps "11" must be a whole number from 0 to 10/,
    ],
    [['survey', '--customer', 'x', '--nps', '5', '--csat', '3'], /not both/],
    [['survey', '--customer', 'x'], /give the score/],
    [['survey', '--import', 'missing.csv'], /cannot read missing\.csv/],
  ])('%j exits 2 with one line and writes nothing', async (argv, message) => {
    const db = temp.file('missing.db');
    const result = await run('--db', db, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(existsSync(db)).toBe(false);
  });

  it('exits 2 for a customer or task that does not exist, writing nothing', async () => {
    const db = await makeShop(async (ctx) => {
      await addCustomer(ctx, 'Ali', { phone: '09121111111' });
    });
    for (const argv of [
      ['log-contact', '--customer', '09129999999', '--outcome', 'reached'],
      ['log-contact', '--task', 'no-such-task', '--outcome', 'reached'],
      ['survey', '--customer', 'nobody@example.com', '--nps', '3'],
      ['survey', '--customer', '09121111111', '--nps', '3', '--staff', 'Nobody'],
    ]) {
      const result = await run('--db', db, ...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
    expect(
      count(
        db,
        'SELECT (SELECT count(*) FROM interactions) + (SELECT count(*) FROM survey_responses)',
      ),
    ).toBe(0);
  });

  it('is described in --help', async () => {
    const help = await run('--help');
    for (const command of [
      'inbox [--date YYYY-MM-DD] [--json]',
      'log-contact',
      'survey --import FILE',
    ]) {
      expect(help.stdout).toContain(command);
    }
  });
});

describe('bazgasht import and the playbook', () => {
  it('plans the follow-ups of the new sales at once, and a dry run plans nothing', async () => {
    const db = await makeShop(async () => {});
    const week = addDays(TODAY, -7);
    const csv = temp.file('sales.csv');
    writeFileSync(
      csv,
      `receipt,date,customer,mobile,total\nR1,${week},Sara Ahmadi,09121112233,850000\n`,
    );
    expect((await run('--db', db, 'import', csv, '--dry-run')).code).toBe(0);
    expect(count(db, 'SELECT count(*) FROM tasks')).toBe(0);
    expect((await run('--db', db, 'import', csv)).code).toBe(0);
    // Bought once, seven days ago: the post-purchase check-in, due today.
    const database = openDatabase(db);
    try {
      expect(database.sqlite.prepare('SELECT rule, due_date FROM tasks').all()).toEqual([
        { rule: 'post_purchase_checkin', due_date: TODAY },
      ]);
    } finally {
      await database.close();
    }
  });
});
