import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { cliAt } from '../../tests/fixtures/cli.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const run = cliAt('2026-11-01T08:00:00Z');

type JsonCustomer = {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  orders: number;
  totalSpent: number;
  firstPurchaseAt: string | null;
  lastPurchaseAt: string | null;
};

describe('bazgasht CLI: usage errors exit 2 with one line and write nothing', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['customers', '--serch', 'x'], /unknown or malformed option --serch/],
    [['customers', 'extra'], /unexpected argument "extra"/],
    [['demo', '--customers', '50'], /--customers: "50" must be a whole number from 100 to 100000/],
    [['demo', '--locale', 'de'], /--locale must be fa or en/],
    [['demo', '--as-of', '2025-02-30'], /--as-of: "2025-02-30" is not a date/],
    [['demo', '--as-of', '2025-13-01'], /--as-of: "2025-13-01" is not a date/],
    [[], /no command given/],
  ])('%j', async (argv, message) => {
    const db = temp.file('shop.db');
    const result = await run('--db', db, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a missing database for read commands without creating it', async () => {
    const db = temp.file('missing.db');
    const result = await run('--db', db, 'customers', '--json');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/There is no database at .*missing\.db/);
    expect(existsSync(db)).toBe(false);
  });

  it('refuses a file that is not a database and leaves it byte-for-byte untouched', async () => {
    const db = temp.file('sales.csv');
    writeFileSync(db, 'receipt,total\n1,100\n');
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    const result = await run('--db', db, 'demo');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not a Bazgasht database/);
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
  });

  it('prints help and the version with exit 0', async () => {
    expect(await run('--help')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('usage: bazgasht'),
    });
    expect(await run('--version')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
  });
});

describe('bazgasht CLI: demo and customers', () => {
  it('creates a demo shop, lists every customer as JSON and searches', async () => {
    const db = temp.file('shop.db');
    const demo = await run('--db', db, 'demo', '--customers', '200', '--seed', '7', '--json');
    expect(demo.code).toBe(0);
    const summary = JSON.parse(demo.stdout) as { customers: number; orders: number };
    expect(summary.customers).toBe(200);

    const listed = await run('--db', db, 'customers', '--json');
    expect(listed.code).toBe(0);
    const customers = JSON.parse(listed.stdout) as JsonCustomer[];
    expect(customers).toHaveLength(200);
    for (const customer of customers) {
      expect(Object.keys(customer)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'phone',
          'email',
          'orders',
          'totalSpent',
          'firstPurchaseAt',
          'lastPurchaseAt',
        ]),
      );
      if (customer.phone !== null) expect(customer.phone).toMatch(/^\+98\d{10}$/);
    }
    expect(customers.reduce((sum, c) => sum + c.orders, 0)).toBeLessThanOrEqual(summary.orders);

    const target = customers.find((customer) => customer.phone !== null && customer.orders > 0)!;
    const typed = `0${target.phone!.slice(3)}`.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const found = JSON.parse(
      (await run('--db', db, 'customers', '--search', typed, '--json')).stdout,
    ) as JsonCustomer[];
    expect(found.map((customer) => customer.id)).toEqual([target.id]);

    const again = await run('--db', db, 'demo', '--customers', '100');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds customers/);
  });

  it('reports a sound database as ok', async () => {
    const db = temp.file('shop.db');
    await run('--db', db, 'demo', '--customers', '100');
    expect(await run('--db', db, 'check', '--json')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('"ok":true'),
    });
  });

  it('runs as `npm run cli` would, through Node type stripping, honouring BAZGASHT_DB', () => {
    const db = temp.file('env.db');
    execFileSync(
      process.execPath,
      ['src-main/cli/main.ts', 'demo', '--customers', '100', '--locale', 'en'],
      {
        env: { ...process.env, BAZGASHT_DB: db },
      },
    );
    const result = spawnSync(process.execPath, ['src-main/cli/main.ts', 'customers', '--json'], {
      env: { ...process.env, BAZGASHT_DB: db },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(100);
    const bad = spawnSync(process.execPath, ['src-main/cli/main.ts', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('bazgasht CLI: import', () => {
  const fixture = (name: string) =>
    join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'import', name);

  it('imports a file and reports DESIGN.md §9 figures as JSON; a second time adds nothing', async () => {
    const db = temp.file('shop.db');
    const first = await run('--db', db, 'import', fixture('bad-values.csv'), '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'batchId',
      'rowsRead',
      'ordersCreated',
      'ordersAlreadyPresent',
      'refundsRecorded',
      'customersCreated',
      'customersMatched',
      'rowsRejected',
      'rejected',
    ]);
    expect(report).toMatchObject({
      rowsRead: 9,
      ordersCreated: 3,
      refundsRecorded: 1,
      rowsRejected: 5,
      rejected: expect.arrayContaining([
        { line: 3, reason: '"1404/12/30" is not a real calendar day' },
        { line: 8, reason: 'the date is empty' },
      ]),
    });
    expect(report.batchId).toMatch(/^[0-9a-f-]{36}$/);
    const again = JSON.parse(
      (await run('--db', db, 'import', fixture('bad-values.csv'), '--json')).stdout,
    ) as Record<string, unknown>;
    expect(again).toMatchObject({ ordersCreated: 0, ordersAlreadyPresent: 4 });
  });

  it('--dry-run counts without writing, and does not even create the database', async () => {
    const db = temp.file('shop.db');
    const dry = await run('--db', db, 'import', fixture('week1.csv'), '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ batchId: null, ordersCreated: 3 });
    expect(existsSync(db)).toBe(false);
    await run('--db', db, 'import', fixture('week1.csv'));
    const before = createHash('sha256').update(readFileSync(db)).digest('hex');
    const second = await run('--db', db, 'import', fixture('week2.csv'), '--dry-run', '--json');
    expect(JSON.parse(second.stdout)).toMatchObject({ ordersCreated: 2, ordersAlreadyPresent: 1 });
    expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
  });

  it('takes a mapping file or a preset', async () => {
    const db = temp.file('shop.db');
    const mapped = await run(
      '--db',
      db,
      'import',
      fixture('decimal-comma.csv'),
      '--mapping',
      fixture('decimal-comma.mapping.json'),
      '--json',
    );
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ ordersCreated: 3, rowsRejected: 0 });
    const shopify = await run(
      '--db',
      db,
      'import',
      fixture('shopify-orders.csv'),
      '--preset',
      'shopify',
      '--json',
    );
    expect(JSON.parse(shopify.stdout)).toMatchObject({ ordersCreated: 4, customersCreated: 3 });
  });

  it('reads a workbook’s first sheet, says which and what else there is, and takes --sheet', async () => {
    const db = temp.file('shop.db');
    const first = await run('--db', db, 'import', fixture('sales.xlsx'), '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ordersCreated: 3 });
    expect(first.stderr).toMatch(/sales\.xlsx has 2 sheets \("(.+)", "(.+)"\); this read "\1"/);
    const [, , other] = /\("(.+)", "(.+)"\)/.exec(first.stderr) ?? [];
    const chosen = await run('--db', db, 'import', fixture('sales.xlsx'), '--sheet', `${other}`);
    // The other sheet holds a note, no sales: it cannot be mapped, so nothing is written.
    expect(chosen).toMatchObject({ code: 2, stderr: expect.stringMatching(/date/) });
    const missing = await run('--db', db, 'import', fixture('sales.xlsx'), '--sheet', 'nonesuch');
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/no sheet named/) });
  });

  it.each([
    [['missing.csv'], /there is no file .*missing\.csv/],
    [['empty.csv'], /empty\.csv is empty/],
    [['legacy.xls'], /legacy\.xls is an old-style Excel file.*save it as \.xlsx/],
    [['not-a-table.pdf'], /not-a-table\.pdf is a PDF document/],
    [['multiline-quoted.csv'], /no column is mapped to the date/],
    [['week1.csv', '--preset', 'nonesuch'], /no preset named "nonesuch"/],
    [
      ['week1.csv', '--mapping', 'missing.json'],
      /--mapping: .*missing\.json is not a readable JSON file/,
    ],
    [[], /which file\?/],
  ])('%j exits 2 with one line and writes nothing', async (args, message) => {
    const db = temp.file('shop.db');
    const [file, ...rest] = args;
    const result = await run('--db', db, 'import', ...(file ? [fixture(file)] : []), ...rest);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    if (!rest.includes('--preset')) expect(existsSync(db)).toBe(false);
  });
});
