import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { ChannelName, InputOf } from '../../src-shared/contract/index.ts';
import { addDays, todayIn } from '../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { callCore } from './core-call.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';

// Runs on whatever shop the earlier specs left (or a new one): it adds customers of its own who
// bought often and much, but long ago, so they are at risk (RFM: recency 1–2, frequency 3 or
// more), and exports exactly them.

/** Clicks an export button and gives the saved file's name and bytes. */
const download = async (page: Page, button: Locator) => {
  const downloading = page.waitForEvent('download');
  await button.click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) ?? '') };
};

test('exports: the at-risk segment to CSV and Excel, each file opened and checked', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const page = app.page;
  await app.ensureOnboarded();
  const core = <C extends ChannelName>(channel: C, input: InputOf<C>) =>
    callCore(page, app.url, channel, input);

  // Customers who last bought long ago, on 1 to 8 different days: whichever the shop's scoring
  // puts at frequency 3 are at risk (the rest hibernate or count as loyal).
  const family = uniqueName(lang === 'fa' ? 'دیرآمده' : 'Longago', testInfo);
  const { timeZone } = await core('settings:get', {});
  const today = todayIn(new Date(), timeZone);
  for (let days = 1; days <= 8; days += 1) {
    const { id } = await core('customers:create', { name: `${days} ${family}` });
    for (let i = 0; i < days; i += 1) {
      await core('orders:create', {
        customerId: id,
        orderedAt: `${addDays(today, -(400 - i * 10))}T12:00:00Z`,
        total: 9_000_000,
      });
    }
  }
  const atRisk = await core('customers:list', { rfmSegment: 'atRisk', search: family });
  const names = atRisk.rows.map((row) => row.name);
  expect(names.length, 'some of the customers made for this test are at risk').toBeGreaterThan(0);

  // The customer book, narrowed to the segment (as Insights' RFM grid opens it) and the family.
  await page.evaluate(() => {
    window.location.hash = '#/customers?segment=atRisk';
  });
  await expect(page.getByTestId('customers-segment-filter')).toHaveValue('atRisk');
  await app.customers.expectShown();
  await app.customers.search(family);
  await expect(app.customers.locators.rows).toHaveCount(names.length);
  await app.screenshot(artifactPath(lang, 'export-at-risk'), { fullPage: false });

  // CSV: a BOM (Excel then reads Persian), the list's columns in the user's language, the two.
  const csv = await download(page, page.getByTestId('export-csv'));
  expect(csv.name).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toContain(t('customers.column.name'));
  expect(lines[0]).toContain(t('customers.column.totalSpent'));
  expect(
    lines
      .slice(1)
      .map((line) => line.split(',')[0])
      .sort(),
  ).toEqual([...names].sort());
  await app.dismissToasts();

  // Excel: a workbook whose sheet holds the same two customers, the names as text.
  const xlsx = await download(page, page.getByTestId('export-xlsx'));
  expect(xlsx.name).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheets = Object.entries(unzipSync(new Uint8Array(xlsx.bytes)))
    .filter(([path]) => path.startsWith('xl/worksheets/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('');
  for (const name of names) expect(sheets).toContain(`>${name}<`);
  expect(sheets.match(/<row /g)).toHaveLength(1 + names.length);
});
