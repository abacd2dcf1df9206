import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliAt } from '../../tests/fixtures/cli.ts';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { DEFAULT_SETTINGS } from '../core/settings/settings.service.ts';

let temp: TempDir;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const run = cliAt('2026-11-01T08:00:00Z');

const settingsOf = async (db: string) => {
  const result = await run('--db', db, 'settings', '--json');
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as Record<string, unknown>;
};

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('bazgasht settings', () => {
  it('shows the defaults of a shop that does not exist yet, creating nothing', async () => {
    const db = temp.file('shop.db');
    expect(await settingsOf(db)).toEqual(DEFAULT_SETTINGS);
    const table = await run('--db', db, 'settings');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^currency\s+IRR$/m);
    expect(table.stdout).toMatch(/^display unit\s+toman$/m);
    expect(table.stdout).toMatch(/^time zone\s+Asia\/Tehran$/m);
    expect(table.stdout).toMatch(/^calendar\s+persian$/m);
    expect(existsSync(db)).toBe(false);
  });

  it('sets up a new shop in pounds before its first import, so pence are kept', async () => {
    const db = temp.file('shop.db');
    const result = await run(
      '--db',
      db,
      'settings',
      '--currency',
      'gbp',
      '--time-zone',
      'europe/london',
      '--calendar',
      'gregory',
      '--locale',
      'en',
      '--shop-name',
      ' Corner Shop ',
      '--json',
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const expected = {
      ...DEFAULT_SETTINGS,
      shopName: 'Corner Shop',
      locale: 'en',
      calendar: 'gregory',
      currency: 'GBP',
      // Toman and Rial are units of IRR only.
      displayUnit: null,
      timeZone: 'Europe/London',
    };
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(await settingsOf(db)).toEqual(expected);

    const sales = temp.file('sales.csv');
    writeFileSync(sales, 'Receipt,Date,Customer ID,Name,Total\n1,2011-12-01,17850,Ann Lee,3.39\n');
    expect((await run('--db', db, 'import', sales, '--json')).code).toBe(0);
    const customers = JSON.parse((await run('--db', db, 'customers', '--json')).stdout) as {
      totalSpent: number;
      firstPurchaseAt: string;
    }[];
    // £3.39 is 339 pence, on 1 December in London.
    expect(customers).toMatchObject([{ totalSpent: 339 }]);
    expect(customers[0]?.firstPurchaseAt.slice(0, 10)).toBe('2011-12-01');
  });

  it('keeps Toman or Rial for IRR only, and changes only what is given', async () => {
    const db = temp.file('shop.db');
    expect(await run('--db', db, 'settings', '--display-unit', 'rial')).toMatchObject({ code: 0 });
    expect(await settingsOf(db)).toMatchObject({ currency: 'IRR', displayUnit: 'rial' });

    await run('--db', db, 'settings', '--currency', 'EUR');
    expect(await settingsOf(db)).toMatchObject({
      currency: 'EUR',
      displayUnit: null,
      timeZone: 'Asia/Tehran',
      calendar: 'persian',
    });

    // Back to IRR without a unit: Rial, the code's own; with one, that one.
    await run('--db', db, 'settings', '--currency', 'IRR');
    expect(await settingsOf(db)).toMatchObject({ currency: 'IRR', displayUnit: 'rial' });
    await run('--db', db, 'settings', '--display-unit', 'toman');
    await run('--db', db, 'settings', '--currency', 'IRR', '--shop-name', 'Bazaar');
    expect(await settingsOf(db)).toMatchObject({
      currency: 'IRR',
      displayUnit: 'toman',
      shopName: 'Bazaar',
    });
  });

  it('refuses a unit for a shop in another currency, leaving the file as it was', async () => {
    const db = temp.file('shop.db');
    await run('--db', db, 'settings', '--currency', 'GBP');
    const before = hashOf(db);
    const result = await run('--db', db, 'settings', '--display-unit', 'toman');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      'bazgasht: settings: --display-unit is for IRR (Toman or Rial); the currency is GBP',
    );
    expect(hashOf(db)).toBe(before);
    expect(await settingsOf(db)).toMatchObject({ currency: 'GBP', displayUnit: null });
  });

  it.each([
    [['--calendar', 'julian'], 'settings: --calendar must be gregory or persian'],
    [['--display-unit', 'dollar'], 'settings: --display-unit must be rial or toman'],
    [['--locale', 'de'], 'settings: --locale must be fa or en'],
    [['--currency', 'EURO'], 'settings: --currency "EURO" is not valid'],
    [['--currency', 'XYZ'], 'settings: --currency "XYZ" is not a known ISO 4217 code'],
    [['--time-zone', 'Mars/Olympus'], 'settings: --time-zone "Mars/Olympus" is not a known'],
    [['--currency', 'GBP', '--display-unit', 'rial'], 'settings: --display-unit is for IRR'],
    [['--shop-name', 'x'.repeat(121)], 'settings: --shop-name is longer than 120 characters'],
    [['--colour', 'red'], 'settings: unknown or malformed option --colour'],
    [['GBP'], 'settings: unexpected argument "GBP"'],
  ])('refuses %j with exit code 2 and one line, creating no database', async (args, message) => {
    const db = temp.file('shop.db');
    const result = await run('--db', db, 'settings', ...args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`bazgasht: ${message}`);
    expect(existsSync(db)).toBe(false);
  });

  it('is documented in --help', async () => {
    const help = await run('--help');
    expect(help.stdout).toContain(
      'settings [--currency CODE] [--display-unit rial|toman] [--time-zone ZONE]',
    );
    expect(help.stdout).toContain(
      '[--calendar gregory|persian] [--locale fa|en] [--shop-name NAME] [--json]',
    );
  });
});
