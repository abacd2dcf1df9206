import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import type { ChannelName, InputOf } from '../../src-shared/contract/index.ts';
import { RFM_SEGMENTS } from '../../src-shared/domain/kpis.ts';
import type { RfmSegment } from '../../src-shared/domain/kpis.ts';
import { toPersianDigits } from '../../src-shared/domain/persian-text.ts';
import { addDays, formatNumber, todayIn } from '../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { startTestSmtp } from '../fixtures/smtp.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';
import type { Lang } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';
import { SendPage } from './pages/send-page.ts';
import { callCore } from './core-call.ts';

// Runs on whatever shop the earlier specs left (or a new one): it adds four customers of its own,
// with one family name and the same purchases (so one RFM segment), and sends to exactly them.

const count = (lang: Lang, n: number): string => formatNumber(n, lang);
const typed = (lang: Lang, text: string): string => (lang === 'fa' ? toPersianDigits(text) : text);
const bytesOf = async (download: Download): Promise<Buffer> =>
  readFile((await download.path()) ?? '');

test('send: a segment messaged from the customer book, its SMS list as Excel and CSV; the mail server set up and tested; an email sent with progress and results', async ({
  app,
  lang,
}, testInfo) => {
  test.setTimeout(120_000);
  const t = createTranslator(lang);
  const page = app.page;
  const send = new SendPage(page);
  const messages = new MessagesPage(page);
  const { locators } = send;
  await app.ensureOnboarded();
  const core = <C extends ChannelName>(channel: C, input: InputOf<C>) =>
    callCore(page, app.url, channel, input);

  // Four customers bought the same on the same days: one reachable by SMS and email, one who
  // asked not to be contacted, one with no number or address, one whose address the mail server
  // refuses.
  const family = uniqueName(lang === 'fa' ? 'پیام‌رسان' : 'Sendwell', testInfo);
  const stamp = String(Date.now() % 10_000_000).padStart(7, '0');
  const mobile = (n: number) => `091${n}${stamp}`;
  const people = {
    ava: {
      first: lang === 'fa' ? 'آوا' : 'Ava',
      phone: mobile(1),
      email: `ava.${stamp}@example.com`,
    },
    ben: {
      first: lang === 'fa' ? 'بابک' : 'Ben',
      phone: mobile(2),
      email: `ben.${stamp}@example.com`,
      doNotContact: true,
    },
    cleo: { first: lang === 'fa' ? 'کیانا' : 'Cleo' },
    dan: { first: lang === 'fa' ? 'داریوش' : 'Dan', email: `refuse.${stamp}@example.com` },
  };
  const { timeZone } = await core('settings:get', {});
  const today = todayIn(new Date(), timeZone);
  for (const person of Object.values(people)) {
    const { first, ...contact } = person;
    const { id } = await core('customers:create', { name: `${first} ${family}`, ...contact });
    for (const [i, daysAgo] of [160, 120].entries()) {
      await core('orders:create', {
        customerId: id,
        orderedAt: `${addDays(today, -daysAgo)}T12:00:00Z`,
        total: 2_500_000 + i * 500_000,
      });
    }
  }
  let segment: RfmSegment | null = null;
  for (const candidate of RFM_SEGMENTS) {
    const list = await core('customers:list', { rfmSegment: candidate, search: family });
    if (list.total === 4) segment = candidate;
  }
  if (segment === null) throw new Error('The four customers are not in one RFM segment.');

  /** The book narrowed to the segment and the family name, then "Message these customers". */
  const messageTheFamily = async (screenshot?: string) => {
    await app.goToCustomers();
    await app.customers.search(family);
    await page.getByTestId('customers-segment-filter').selectOption(segment);
    await expect(app.customers.locators.rows).toHaveCount(4);
    if (screenshot) await app.screenshot(artifactPath(lang, screenshot), { fullPage: false });
    await locators.fromCustomers.click();
    await expect(messages.locators.screen).toBeVisible();
    await expect(messages.locators.items.first()).toBeVisible();
  };

  // --- SMS: the win-back list for the panel ---------------------------------------------------
  await messageTheFamily('send-customers');
  await messages.pick('sms', lang, t('messages.moment.win_back'));
  await expect(locators.panel).toBeVisible();
  await expect(locators.segmentFilter).toHaveValue(segment);
  await expect(locators.searchChip).toContainText(family);
  await expect(locators.count('total')).toHaveText(count(lang, 4));
  await expect(locators.count('reachable')).toHaveText(count(lang, 1));
  await expect(locators.count('do-not-contact')).toHaveText(count(lang, 1));
  await expect(locators.count('no-address')).toHaveText(count(lang, 2));
  await locators.panel.scrollIntoViewIfNeeded();
  await app.screenshotTall(artifactPath(lang, 'send-sms'));

  const xlsx = await send.download(locators.smsXlsx);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheets = unzipSync(new Uint8Array(await bytesOf(xlsx)));
  const sheetText = Object.entries(sheets)
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('');
  // The number as a text cell, so Excel keeps its leading 0.
  expect(sheetText).toContain(`t="inlineStr"><is><t xml:space="preserve">${people.ava.phone}<`);
  await app.dismissToasts();

  const csv = await send.download(locators.smsCsv);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = (await bytesOf(csv)).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // One record, Ava's: her 09… number as written, and her message filled in.
  const records = text.slice(1).match(/^0\d{10},/gm) ?? [];
  expect(records).toEqual([`${people.ava.phone},`]);
  expect(text).toContain(people.ava.first);
  expect(text).not.toContain('{');
  expect(text).not.toContain(people.ben.phone);
  await app.dismissToasts();

  // --- Email: no server yet, then Settings → Email -------------------------------------------
  await messages.pick('email', lang, t('messages.moment.win_back'));
  await expect(locators.count('reachable')).toHaveText(count(lang, 2));
  await expect(locators.count('no-address')).toHaveText(count(lang, 1));
  await expect(locators.smtpMissing).toBeVisible();
  await expect(locators.eml).toBeEnabled();
  await app.screenshotTall(artifactPath(lang, 'send-email-no-server'));
  // Without a server: one .eml file per reachable recipient, in a .zip.
  const eml = await send.download(locators.eml);
  expect(eml.suggestedFilename()).toMatch(/\.zip$/);
  const emlFiles = Object.keys(unzipSync(new Uint8Array(await bytesOf(eml))));
  expect(emlFiles).toHaveLength(2);
  expect(emlFiles.every((name) => name.endsWith('.eml'))).toBe(true);
  await app.dismissToasts();
  await locators.smtpSettingsLink.click();
  await expect(locators.email).toBeInViewport();
  await expect(locators.email).toContainText(t('smtp.passwordMemory'));
  await expect(locators.testSend).toBeDisabled();

  const smtp = await startTestSmtp({
    refuseRecipient: (address) => (address.startsWith('refuse.') ? 'No such user here' : null),
  });
  try {
    await send.saveSmtp({
      host: '127.0.0.1',
      port: typed(lang, String(smtp.port)),
      security: 'none',
      user: smtp.user,
      password: smtp.password,
      fromAddress: 'shop@example.com',
      fromName: lang === 'fa' ? 'فروشگاه آزمایشی' : 'Test Shop',
    });
    await expect(locators.smtpStatus).toHaveText(t('smtp.saved'));
    await expect(locators.smtpPassword).toHaveValue('');
    await expect(locators.smtpPassword).toHaveAttribute('placeholder', t('smtp.passwordSaved'));

    await locators.testTo.fill('owner@example.com');
    await locators.testSend.click();
    await expect(locators.testOk).toContainText(t('smtp.test.ok', { to: 'owner@example.com' }));
    expect(smtp.received.some((mail) => mail.to.includes('owner@example.com'))).toBe(true);
    await locators.testTo.fill(`refuse.owner@example.com`);
    await locators.testSend.click();
    await expect(locators.testFailed).toContainText('No such user here');
    // The section alone: the settings page above it is long.
    await page.evaluate(() => document.fonts.ready);
    await locators.email.screenshot({
      path: artifactPath(lang, 'send-settings-email'),
      animations: 'disabled',
    });

    // --- Email: confirmed, sent at a pace, followed, and each recipient's result -------------
    await messageTheFamily();
    await messages.pick('email', lang, t('messages.moment.win_back'));
    await expect(locators.count('reachable')).toHaveText(count(lang, 2));
    await locators.sendEmail.click();
    await expect(locators.confirm).toBeVisible();
    await expect(locators.confirmRecipients).toContainText(count(lang, 2));
    await expect(locators.confirmSkipped).toContainText(count(lang, 1));
    await locators.rate.fill(typed(lang, '600'));
    await app.screenshot(artifactPath(lang, 'send-confirm'), { fullPage: false });
    await locators.confirmSubmit.click();
    await expect(locators.job).toBeVisible();
    await expect(locators.jobState).toHaveText(t('send.progress.done'), { timeout: 30_000 });
    await expect(locators.sent).toHaveText(count(lang, 1));
    await expect(locators.failed).toHaveText(count(lang, 1));
    await expect(locators.skipped).toHaveText(count(lang, 2));
    await expect(locators.resultRows).toHaveCount(4);
    await locators.resultsFilter.selectOption('failed');
    await expect(locators.resultRows).toHaveCount(1);
    await expect(locators.resultRows).toContainText(people.dan.first);
    await expect(locators.resultRows).toContainText('No such user here');
    await locators.resultsFilter.selectOption('');
    await expect(locators.resultRows).toHaveCount(4);
    expect(smtp.received.filter((mail) => mail.to.includes(people.ava.email))).toHaveLength(1);
    await app.dismissToasts();
    await locators.job.scrollIntoViewIfNeeded();
    await app.screenshotTall(artifactPath(lang, 'send-results'));
  } finally {
    await smtp.stop();
  }
});
