import { writeFileSync } from 'node:fs';
import { normaliseDigits, toPersianDigits } from '../../src-shared/domain/persian-text.ts';
import { formatNumber } from '../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';
import type { Lang } from './fixtures.ts';

// Runs on whatever shop the earlier spec files left (or a new one): the customers it needs come
// from a sales file of its own, with spends far above anything else in the shop, so the tiers it
// sets hold exactly them.

/** A number as the owner types it in this language. */
const typed = (lang: Lang, n: number): string =>
  lang === 'fa' ? toPersianDigits(String(n)) : String(n);

const count = (lang: Lang, n: number): string => formatNumber(n, lang);

/** A shown number (any digits, grouped) as a number. */
const numberOf = (text: string | null): number =>
  Number(normaliseDigits(text ?? '').replace(/[^\d-]/g, ''));

const SILVER = 5_000_000_000;
const GOLD = 8_000_000_000;

test('loyalty: tiers edited with a live preview, saved, and the badge shows on the customer everywhere', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { customers, importer, loyalty, profile, today } = app;
  await app.ensureOnboarded();

  // Three customers bought eight days ago: one far above the future Gold, one in the future
  // Silver, one just under it (within 10 %).
  const names =
    lang === 'fa'
      ? { gold: 'مهسا طلاکوب', silver: 'بهرام سیمین', near: 'نگار نزدیک' }
      : { gold: 'Goldie Hawkes', silver: 'Silvia Marsh', near: 'Nigel Nearby' };
  const gold = uniqueName(names.gold, testInfo);
  const silver = uniqueName(names.silver, testInfo);
  const near = uniqueName(names.near, testInfo);
  const day = new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10);
  const phone = (n: number) => `0912${String((Date.now() + n) % 10_000_000).padStart(7, '0')}`;
  const file = testInfo.outputPath('loyalty-sales.csv');
  writeFileSync(
    file,
    [
      'Receipt,Date,Name,Phone,Total',
      `L1,${day},${gold},${phone(1)},9000000000`,
      `L2,${day},${silver},${phone(2)},6000000000`,
      `L3,${day},${near},${phone(3)},4600000000`,
    ].join('\n'),
  );
  await app.goToImport();
  await importer.chooseFile(file);
  await importer.expectPreview();
  await importer.setSource(uniqueName(lang === 'fa' ? 'باشگاه' : 'loyalty till', testInfo));
  await importer.check();
  await importer.commit();

  // The rules editor: a new name for the top tier and new thresholds, previewed before saving.
  await loyalty.open();
  await expect(loyalty.locators.tierRows).toHaveCount(3);
  await expect(loyalty.locators.tierThreshold(0)).toBeDisabled();
  await expect(loyalty.locators.save).toBeDisabled();
  const everyone = await loyalty.locators.tierNow(0).textContent();
  const topName = lang === 'fa' ? 'الماسی' : 'Diamond';
  await loyalty.locators.tierName(2).fill(topName);
  await loyalty.setThreshold(1, typed(lang, SILVER));
  await loyalty.setThreshold(2, typed(lang, GOLD));
  await expect(loyalty.locators.tierPreview(2)).toHaveText(count(lang, 1));
  await expect(loyalty.locators.tierPreview(1)).toHaveText(count(lang, 1));
  // Nothing is saved by the preview: the customers now are as they were.
  await expect(loyalty.locators.tierNow(0)).toHaveText(everyone ?? '');

  // A threshold below the one before it is refused in place, and the preview waits for it.
  await loyalty.setThreshold(2, typed(lang, 10));
  await expect(loyalty.locators.previewStatus).toHaveText(t('loyalty.preview.fix'));
  await loyalty.locators.save.click();
  await expect(loyalty.locators.tierRow(2).getByText(t('loyalty.error.notRising'))).toBeVisible();
  await loyalty.setThreshold(2, typed(lang, GOLD));
  await expect(loyalty.locators.tierPreview(2)).toHaveText(count(lang, 1));
  await app.screenshotTall(artifactPath(lang, 'loyalty-preview'));

  await loyalty.save();
  await expect(loyalty.locators.status).toContainText(t('loyalty.rules.saved'));
  await expect(loyalty.locators.tierNow(2)).toHaveText(count(lang, 1));
  await expect(loyalty.locators.tierNow(1)).toHaveText(count(lang, 1));
  await expect(
    loyalty.locators.distribution.getByTestId('tier-badge').filter({ hasText: topName }),
  ).toBeVisible();
  await expect(loyalty.locators.nearRows.filter({ hasText: near })).toHaveCount(1);
  await app.dismissToasts();
  await app.screenshotTall(artifactPath(lang, 'loyalty'));

  // The badge on the customer's row, and the tier as a filter of the book.
  await app.goToCustomers();
  await customers.search(gold);
  await expect(customers.locators.row(gold).getByTestId('tier-badge')).toContainText(topName);
  await customers.search('');
  await loyalty.locators.tierFilter.selectOption('gold');
  await expect(customers.locators.rows).toHaveCount(1);
  await expect(customers.locators.row(gold)).toHaveCount(1);
  await loyalty.locators.tierFilter.selectOption('');

  // Today's card of the customer says the tier.
  await app.goToToday();
  await expect(
    today.locators.tasks.filter({ hasText: gold }).first().getByTestId('task-tier'),
  ).toHaveText(topName);

  // The profile: tier, points and their ledger; points adjusted by hand with a reason.
  await app.goToCustomers();
  await customers.openCustomer(gold);
  await profile.expectOpen();
  await expect(loyalty.locators.card.getByTestId('tier-badge')).toContainText(topName);
  await expect(loyalty.locators.ledgerRows).toHaveCount(1);
  const before = numberOf(await loyalty.locators.balance.textContent());
  expect(before).toBeGreaterThan(0);
  await loyalty.adjustPoints(typed(lang, 50), lang === 'fa' ? 'هدیهٔ تولد' : 'Birthday gift');
  await expect(loyalty.locators.balance).toHaveText(count(lang, before + 50));
  await expect(loyalty.locators.ledgerRows).toHaveCount(2);
  await app.dismissToasts();
  await app.screenshotTall(artifactPath(lang, 'profile-loyalty'));
});
