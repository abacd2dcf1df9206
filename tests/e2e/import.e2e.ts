import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normaliseDigits } from '../../src-shared/domain/persian-text.ts';
import { formatNumber } from '../../src-shared/i18n/locale.ts';
import { isolate } from '../../src-renderer/app/i18n/bidi.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { writeImportBenchFile } from '../bench/import-data.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';
import type { Lang } from './fixtures.ts';

// Runs on the project's own database, after or without app.e2e.ts: the shop may be new, own data
// or a demo. Each test names its source uniquely on a retry, so a re-run imports afresh instead
// of finding every receipt already there.

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));

const SALES: Record<Lang, { file: string; mapping: readonly (readonly [number, string])[] }> = {
  fa: {
    file: 'pos-lines-fa.csv',
    mapping: [
      [0, 'receiptId'],
      [1, 'orderedAt'],
      [2, 'time'],
      [3, 'customerId'],
      [4, 'customerName'],
      [5, 'phone'],
      [6, 'sku'],
      [7, 'productName'],
      [8, 'quantity'],
      [9, 'unitPrice'],
    ],
  },
  en: {
    file: 'online-retail.csv',
    mapping: [
      [0, 'receiptId'],
      [1, 'sku'],
      [2, 'productName'],
      [3, 'quantity'],
      [4, 'orderedAt'],
      [5, 'unitPrice'],
      [6, 'customerId'],
      [7, ''],
    ],
  },
};

/**
 * Lines of the generated file whose check is left running: enough that it is still reading after
 * the screen is left and found again, with both projects running on a two-core machine (the
 * check of 60,000 lines may be over in two seconds).
 */
const LARGE_FILE_LINES = 150_000;

const countOf = (text: string | null): number =>
  Number(normaliseDigits(text ?? '').replace(/\D/g, ''));

test('import a sales file: preview, check, import, its new customers, then undo it', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { importer, customers } = app;
  const { file, mapping } = SALES[lang];
  await app.ensureOnboarded();
  await app.goToImport();
  await expect(importer.locators.dropZone).toBeVisible();

  await importer.chooseFile(fixture(file));
  await importer.expectPreview();
  for (const [column, field] of mapping) {
    await expect(importer.locators.mappingSelect(column)).toHaveValue(field);
  }
  await expect(importer.locators.shape).toHaveText(t('import.preview.shape.line'));
  await importer.setSource(uniqueName(lang === 'fa' ? 'صندوق' : 'till', testInfo));
  await expect(importer.locators.check).toBeEnabled();
  await app.screenshot(artifactPath(lang, 'import-preview'));

  // A reading setting changes how the sample is read, at once; the columns stay as they were.
  const change =
    lang === 'fa' && (await importer.locators.amountUnit.isVisible())
      ? { select: importer.locators.amountUnit, column: 9, to: 'rial', back: 'toman' }
      : lang === 'fa'
        ? { select: importer.locators.calendar, column: 1, to: 'gregory', back: 'auto' }
        : { select: importer.locators.dayOrder, column: 4, to: 'dmy', back: 'auto' };
  const sample = importer.locators.mappingSample(change.column).first();
  const before = (await sample.textContent()) ?? '';
  await change.select.selectOption(change.to);
  await expect(sample).not.toHaveText(before);
  await expect(importer.locators.mappingSelect(change.column)).toHaveValue(
    mapping.find(([column]) => column === change.column)?.[1] ?? '',
  );
  await change.select.selectOption(change.back);
  await expect(sample).toHaveText(before);

  await importer.check();
  const receipts = lang === 'fa' ? { orders: 4, refunds: 1 } : { orders: 6, refunds: 2 };
  await expect(importer.locators.figure('ordersCreated')).toHaveText(
    formatNumber(receipts.orders, lang),
  );
  await expect(importer.locators.figure('refundsRecorded')).toHaveText(
    formatNumber(receipts.refunds, lang),
  );
  await expect(importer.locators.figure('rowsRejected')).toHaveText(formatNumber(0, lang));
  await expect(importer.locators.commit).toHaveText(
    t('import.action.import', { count: receipts.orders + receipts.refunds }),
  );
  const newCustomers = countOf(await importer.locators.figure('customersCreated').textContent());
  expect(newCustomers).toBeGreaterThan(0);
  await app.screenshot(artifactPath(lang, 'import-validate'));

  await importer.commit();
  await expect(importer.locators.showCustomers).toHaveText(
    t('import.result.showCustomers', { count: newCustomers }),
  );
  const batchId = await importer.batchIdFromResult();
  await expect(importer.locators.historyRow(batchId)).toHaveAttribute('data-status', 'committed');
  await app.screenshot(artifactPath(lang, 'import-result'));

  // The link opens the customer book narrowed to this import's new customers.
  await importer.locators.showCustomers.click();
  await customers.expectShown();
  await expect(customers.locators.importFilter).toContainText(
    t('customers.importFilter', { file: isolate(file) }),
  );
  await expect(customers.locators.count).toHaveText(t('customers.count', { count: newCustomers }));
  await expect(customers.locators.rows).toHaveCount(newCustomers);
  await app.screenshot(artifactPath(lang, 'customers-import-filter'));

  await app.page.goBack();
  await importer.expectShown();
  const row = importer.locators.historyRow(batchId);
  await expect(row).toHaveAttribute('data-status', 'committed');
  await importer.undo(batchId);
  await expect(importer.locators.undoToast).toContainText(
    t('import.undo.done', { file: isolate(file) }),
  );
  await expect(row).toHaveAttribute('data-status', 'undone');
  await expect(row.getByTestId('history-undo')).toHaveCount(0);
  await app.dismissToasts();
  await app.screenshot(artifactPath(lang, 'import-history'));

  // Its customers went with it.
  await app.page.goForward();
  await expect(customers.locators.noImport).toBeVisible();
  await customers.locators.clearImportFilter.click();
  await expect(customers.locators.importFilter).toBeHidden();
});

test('a field moves to the column chosen for it; the choices can be saved as a preset', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { importer } = app;
  const { file, mapping } = SALES[lang];
  await app.ensureOnboarded();
  await app.goToImport();
  await importer.chooseFile(fixture(file));
  await importer.expectPreview();

  // The product code, chosen for another column, leaves its own.
  const skuColumn = mapping.find(([, field]) => field === 'sku')?.[0] ?? -1;
  const other = lang === 'fa' ? 3 : 7;
  await importer.locators.mappingSelect(other).selectOption('sku');
  await expect(importer.locators.mappingSelect(skuColumn)).toHaveValue('');
  await expect(importer.locators.preset).toHaveValue('');

  const name = uniqueName(lang === 'fa' ? 'صندوق فروشگاه' : 'Shop till', testInfo);
  await importer.savePreset(name);
  await expect(importer.locators.presetToast).toContainText(
    t('import.preset.savedToast', { name: isolate(name) }),
  );
  await expect(importer.locators.preset.locator('option:checked')).toHaveText(name);
  await expect(importer.locators.mappingSelect(other)).toHaveValue('sku');
  await expect(importer.locators.mappingSelect(skuColumn)).toHaveValue('');

  // Deleting the preset keeps the columns as they are.
  await importer.deletePreset();
  await expect(importer.locators.presetToast).toContainText(
    t('import.preset.deletedToast', { name: isolate(name) }),
  );
  await expect(importer.locators.preset.locator('option', { hasText: name })).toHaveCount(0);
  await expect(importer.locators.preset).toHaveValue('');
  await expect(importer.locators.mappingSelect(other)).toHaveValue('sku');
});

test('rows that cannot be read are listed with their line and reason, and downloadable', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { importer } = app;
  await app.ensureOnboarded();
  await app.goToImport();

  await importer.chooseFile(fixture('bad-values.csv'));
  await importer.expectPreview();
  await importer.setSource(uniqueName(lang === 'fa' ? 'فایل آزمایشی' : 'test file', testInfo));
  await importer.check();

  await expect(importer.locators.rejectedRows).toHaveCount(5);
  const lines = await importer.locators.rejectedRows.evaluateAll((rows) =>
    rows.map((row) => Number(row.getAttribute('data-line'))),
  );
  expect(lines).toEqual([3, 4, 6, 7, 8]);
  for (const line of lines) {
    await expect(importer.locators.rejectedRow(line).getByTestId('rejected-line')).toHaveText(
      formatNumber(line, lang),
    );
  }
  const reason = (line: number) =>
    importer.locators.rejectedRow(line).getByTestId('rejected-reason');
  await expect(reason(3)).toHaveText(
    t('import.reject.impossible_date', { value: isolate('1404/12/30') }),
  );
  await expect(reason(7)).toHaveText(t('import.reject.bad_amount', { value: isolate('abc') }));
  await expect(reason(8)).toHaveText(t('import.reject.missing_date'));
  await expect(importer.locators.commit).toHaveText(t('import.action.importValid', { count: 5 }));
  await app.screenshot(artifactPath(lang, 'import-validate-rejected'));

  // The check's rejected rows can be downloaded before anything is imported: the file's columns,
  // then the line and the reason (in the user's language), as the imported batch's file has.
  const checkDownloading = app.page.waitForEvent('download');
  await importer.locators.downloadChecked.click();
  const checkDownload = await checkDownloading;
  expect(checkDownload.suggestedFilename()).toBe('bad-values-rejected.csv');
  const checkCsv = await readFile(await checkDownload.path(), 'utf8');
  const checkLines = checkCsv.split('\r\n');
  expect(checkLines[0]).toBe('\ufeffreceipt,date,customer,phone,total,line,reason');
  expect(checkLines.slice(1, -1)).toHaveLength(5);
  expect(checkLines.at(-1)).toBe('');
  expect(checkLines[1]).toBe(
    `2,1404/12/30,Reza,09121234568,200000,3,${t('import.reject.impossible_date', { value: '1404/12/30' })}`,
  );

  // After the import, every rejected row of the batch exports like any list (CSV or Excel).
  await importer.commit();
  const downloading = app.page.waitForEvent('download');
  await importer.locators.downloadRejected.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^bad-values-rejected-\d{4}-\d{2}-\d{2}\.csv$/);
  const content = await readFile(await download.path(), 'utf8');
  const firstLine = content.split(/\r?\n/)[0] ?? '';
  expect(firstLine).toContain('line');
  expect(firstLine).toContain('reason');
  expect(content).toContain('1404/12/30');

  // Leave the shop as it was.
  const batchId = await importer.locators.newestHistoryRow.getAttribute('data-batch-id');
  expect(batchId).toBeTruthy();
  await importer.undo(batchId ?? '');
  await expect(importer.locators.historyRow(batchId ?? '')).toHaveAttribute(
    'data-status',
    'undone',
  );
});

test('an old-style .xls file is refused with a clear way on', async ({ app, lang }) => {
  const t = createTranslator(lang);
  const { importer } = app;
  await app.ensureOnboarded();
  await app.goToImport();

  // The keyboard reaches the picker: the drop zone takes focus and opens it with Enter.
  await importer.locators.dropZone.focus();
  const choosing = app.page.waitForEvent('filechooser');
  await importer.locators.dropZone.press('Enter');
  await (await choosing).setFiles(fixture('legacy.xls'));

  await expect(importer.locators.fileErrorMessage).toHaveText(
    t('import.error.legacy_xls', { file: isolate('legacy.xls'), csv: 'CSV UTF-8' }),
  );
  await expect(importer.locators.chooseAnother).toBeVisible();
  await expect(importer.locators.preview).toBeHidden();
  await app.screenshot(artifactPath(lang, 'import-file-error'));
});

test('a check goes on while the screen is left; coming back, or reloading, finds it to cancel', async ({
  app,
  lang,
}, testInfo) => {
  // Uploading and checking a file of this size takes a while on a busy machine.
  test.slow();
  const t = createTranslator(lang);
  const { importer, customers } = app;
  const dir = await mkdtemp(join(tmpdir(), 'bazgasht-e2e-import-'));
  const file = join(dir, 'large-sales.csv');
  try {
    await writeImportBenchFile(file, LARGE_FILE_LINES, lang === 'fa' ? 3 : 4);
    await app.ensureOnboarded();
    await app.goToImport();
    await importer.chooseFile(file);
    await importer.expectPreview(60_000);
    await importer.setSource(uniqueName(lang === 'fa' ? 'صندوق بزرگ' : 'big till', testInfo));
    await importer.startCheck();
    const title = t('import.progress.checking', { name: isolate('large-sales.csv') });
    await expect(importer.locators.runTitle).toHaveText(title);

    // Leaving the screen leaves the check running; coming back shows it again, with its file.
    await app.goToCustomers();
    await customers.expectShown();
    await app.goToImport();
    await expect(importer.locators.run).toBeVisible();
    await expect(importer.locators.runTitle).toHaveText(title);
    await expect(importer.locators.dropZone).toBeHidden();
    await expect(importer.locators.runRows).not.toHaveText(t('import.progress.rows', { count: 0 }));
    await app.screenshot(artifactPath(lang, 'import-run'));
    await importer.locators.runCancel.click();
    await expect(importer.locators.notice).toHaveText(t('import.cancelled.check'));
    await importer.expectPreview();

    // After a reload the page no longer knows the file, but the core still runs the check: it is
    // found again (rather than offering the file chooser, which would be refused) and can be
    // cancelled.
    await importer.startCheck();
    await app.reload();
    await expect(importer.locators.run).toBeVisible();
    await expect(importer.locators.runTitle).toHaveText(t('import.progress.checkingFile'));
    await importer.locators.runCancel.click();
    await expect(importer.locators.notice).toHaveText(t('import.cancelled.check'));
    await expect(importer.locators.dropZone).toBeVisible();
  } finally {
    // A check left running would greet the next test on this database instead of the chooser.
    if (await importer.locators.runCancel.isVisible()) await importer.locators.runCancel.click();
    await rm(dir, { recursive: true, force: true });
  }
});
