import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from '../../tests/fixtures/cli.ts';
import { addCustomer, buy } from '../../tests/fixtures/followup.ts';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { createContext } from '../core/context.ts';
import { openDatabase } from '../db/open.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const NOW = '2025-07-01T06:30:00.000Z';
const run = cliAt(NOW);

/** Three customers: Zahra bought twice, Ali (do not contact) once, Sara never. */
const makeShop = async () => {
  const path = temp.file('shop.db');
  const database = openDatabase(path, { create: true });
  try {
    const ctx = createContext(database, { now: () => new Date(NOW) });
    const zahra = await addCustomer(ctx, 'زهرا', { phone: '09121234567' });
    const ali = await addCustomer(ctx, 'Ali', { phone: '09351112222', doNotContact: true });
    await addCustomer(ctx, 'Sara');
    await buy(ctx, zahra, '2025-03-01', 125_000);
    await buy(ctx, zahra, '2025-05-01', 50_000);
    await buy(ctx, ali, '2024-04-01', 10_000);
  } finally {
    await database.close();
  }
  return path;
};

const csvLines = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean);

describe('bazgasht export', () => {
  it('writes the customers to a CSV and says how many (exit 0)', async () => {
    const db = await makeShop();
    const out = temp.file('customers.csv');
    const result = await run('--db', db, 'export', 'customers', '--out', out, '--locale', 'en');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Exported 3 rows to ${out} (csv).`);
    const lines = csvLines(out);
    expect(lines[0]?.startsWith('Name,Phone,Email,Purchases')).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it('filters by --search, writes .xlsx by extension and prints JSON with --json', async () => {
    const db = await makeShop();
    const out = temp.file('found.XLSX');
    const result = await run(
      '--db',
      db,
      'export',
      'customers',
      '--search',
      '0912',
      '--out',
      out,
      '--json',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ path: out, format: 'xlsx', rows: 1 });
    const { readSheet } = await import('read-excel-file/node');
    const sheet = await readSheet(out, 1, { trim: false });
    expect(sheet[1]?.slice(0, 2)).toEqual(['زهرا', '0912 123 4567']);
  });

  it('exports a segment by RFM name or tier name, and the orders and inbox', async () => {
    const db = await makeShop();
    const atRisk = await run(
      '--db',
      db,
      'export',
      'segment',
      'at-risk',
      '--out',
      temp.file('a.csv'),
    );
    expect(atRisk.code).toBe(0);
    const tier = await run('--db', db, 'export', 'segment', 'bronze', '--out', temp.file('t.csv'));
    expect(tier.code, tier.stderr).toBe(0);
    expect(csvLines(temp.file('t.csv'))).toHaveLength(4);
    const orders = await run('--db', db, 'export', 'orders', '--out', temp.file('o.csv'), '--json');
    expect(JSON.parse(orders.stdout)).toMatchObject({ rows: 3 });
    const inbox = await run('--db', db, 'export', 'inbox', '--out', temp.file('i.xlsx'));
    expect(inbox.code, inbox.stderr).toBe(0);
  });

  it.each([
    [['export', 'customers'], /--out FILE is required/],
    [['export', 'customers', '--out', 'x.txt'], /must end in \.csv or \.xlsx/],
    [['export', '--out', 'x.csv'], /say what to export/],
    [['export', 'people', '--out', 'x.csv'], /say what to export/],
    [['export', 'segment', '--out', 'x.csv'], /segment needs a name/],
    [['export', 'segment', 'nobody', '--out', 'OUT'], /no segment or tier "nobody"/],
    [['export', 'orders', '--search', 'a', '--out', 'x.csv'], /--search is for customers/],
    [['export', 'inbox', '--date', '2025-13-01', '--out', 'x.csv'], /not a date/],
    [['export', 'customers', '--out', '/no/such/folder/x.csv'], /does not exist/],
    [['export', 'customers', '--locale', 'de', '--out', 'x.csv'], /--locale must be fa or en/],
  ])('%j: exit 2 with a one-line reason, nothing written', async (args, reason) => {
    const db = await makeShop();
    const out = temp.file('segment.csv');
    const argv = args.map((arg) => (arg === 'OUT' ? out : arg));
    const result = await run('--db', db, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(readdirSync(temp.dir).sort()).toEqual(
      ['shop.db', 'shop.db-shm', 'shop.db-wal'].filter((name) => existsSync(temp.file(name))),
    );
  });

  it('leaves an existing file as it was when the export fails', async () => {
    const out = temp.file('keep.csv');
    writeFileSync(out, 'old');
    const result = await run('--db', temp.file('missing.db'), 'export', 'customers', '--out', out);
    expect(result.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('is in --help', async () => {
    const result = await run('--help');
    expect(result.stdout).toMatch(/export customers\|orders\|inbox\|segment NAME/);
  });
});
