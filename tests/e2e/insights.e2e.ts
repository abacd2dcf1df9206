import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { ChannelName, InputOf } from '../../src-shared/contract/index.ts';
import type { RfmSegment } from '../../src-shared/domain/kpis.ts';
import { addDays, todayIn } from '../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { SEGMENT_NAMES } from '../../src-renderer/app/i18n/rfm-segments.ts';
import { formatValue } from '../../src-renderer/features/insights/figures.ts';
import { presetPeriod } from '../../src-renderer/features/insights/period.ts';
import { dayInputValue } from '../../src-renderer/features/today/DayField.tsx';
import { createFormatter } from '../../src-renderer/app/i18n/format.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';
import { InsightsPage } from './pages/insights-page.ts';
import { callCore } from './core-call.ts';

// Runs on whatever shop the earlier specs left (or a new one): it adds its own customers, sales
// and answers, and checks the screen against the core's own figures for the same periods.

/** Clicks an export button and reads the CSV saved: a BOM (Excel then reads Persian), its lines. */
const downloadCsv = async (page: Page, button: Locator): Promise<string[]> => {
  const downloading = page.waitForEvent('download');
  await button.click();
  const bytes = await readFile(await (await downloading).path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
};

/** Customers who bought on the days given (days before today), at noon UTC: the same local day. */
const SHOP: { name: [string, string]; daysAgo: number[] }[] = [
  { name: ['ستاره همیشگی', 'Stella Regular'], daysAgo: [3, 20, 40, 70, 100] },
  { name: ['نوید تازه', 'Nadia New'], daysAgo: [10] },
  { name: ['خسرو خفته', 'Hugo Sleeper'], daysAgo: [200, 150] },
  { name: ['مهتاب مردد', 'Maud Wavering'], daysAgo: [75, 160] },
  { name: ['رضا در خطر', 'Rita Risk'], daysAgo: [130, 140, 170] },
  { name: ['فرهاد برگشته', 'Felix Back'], daysAgo: [250, 5] },
  { name: ['گلاره دوباره', 'Greta Again'], daysAgo: [220, 215] },
  { name: ['هومن یک‌باره', 'Hank Once'], daysAgo: [190] },
];

test('insights: figures for a period against the core, definitions, focus figure, and an RFM segment opens its customers', async ({
  app,
  lang,
  messages,
}, testInfo) => {
  const t = createTranslator(lang);
  const page = app.page;
  const insights = new InsightsPage(page);
  await app.ensureOnboarded();
  const core = <C extends ChannelName>(channel: C, input: InputOf<C>) =>
    callCore(page, app.url, channel, input);

  const settings = await core('settings:get', {});
  const today = todayIn(new Date(), settings.timeZone);
  const noon = (daysAgo: number) => `${addDays(today, -daysAgo)}T12:00:00Z`;
  const ids: string[] = [];
  for (const customer of SHOP) {
    const name = uniqueName(customer.name[lang === 'fa' ? 0 : 1], testInfo);
    const { id } = await core('customers:create', { name });
    ids.push(id);
    for (const [i, daysAgo] of customer.daysAgo.entries()) {
      await core('orders:create', {
        customerId: id,
        orderedAt: noon(daysAgo),
        total: 1_200_000 + i * 350_000,
      });
    }
  }
  // A walk-in sale, and satisfaction answers for NPS and CSAT.
  await core('orders:create', { customerId: null, orderedAt: noon(12), total: 400_000 });
  for (const [i, score] of [10, 9, 6].entries()) {
    await core('surveys:record', {
      customerId: ids[i] as string,
      kind: 'nps',
      score,
      answeredAt: noon(4 + i),
    });
  }
  await core('surveys:record', {
    customerId: ids[0] as string,
    kind: 'csat',
    score: 5,
    answeredAt: noon(4),
  });

  await insights.open();
  await app.expectLanguage(lang);
  const money = { currency: settings.currency, displayUnit: settings.displayUnit };
  const fmt = createFormatter(
    { locale: lang, calendar: settings.calendar, timeZone: settings.timeZone },
    money,
  );

  /** The headline figures on screen are the core's for the same period, written the locale's way. */
  const expectFigures = async (period: { from: string; to: string }) => {
    const kpis = await core('kpis:get', { from: period.from, to: period.to });
    await expect(insights.locators.periodRange).toHaveText(
      t('insights.period.range', { from: fmt.date(period.from), to: fmt.date(period.to) }),
    );
    for (const [key, kind] of [
      ['newCustomers', 'count'],
      ['repeatPurchaseRate', 'share'],
      ['returningCustomerRate', 'share'],
      ['revenue', 'money'],
      ['nps', 'nps'],
    ] as const) {
      const value = kpis[key];
      await expect(insights.locators.figureValue(key), key).toHaveText(
        value === null
          ? (messages['insights.notEnoughData'] as string)
          : formatValue(kind, value, lang, money),
      );
    }
    return kpis;
  };

  // The last 12 months are shown first.
  await expect(insights.locators.preset('last12Months')).toHaveAttribute('aria-pressed', 'true');
  const year = await expectFigures(presetPeriod('last12Months', today, settings.calendar));
  expect(year.newCustomers).toBeGreaterThanOrEqual(SHOP.length);
  expect(year.nps).not.toBeNull();
  await expect(insights.locators.charts.first()).toBeVisible();
  await expect(insights.locators.heatmapRows.first()).toBeVisible();

  // The cohorts table exports as shown: a row per cohort of the period, headers in the language.
  const cohortsCsv = await downloadCsv(
    page,
    insights.locators.card('cohorts').getByTestId('export-csv'),
  );
  expect(cohortsCsv[0]).toMatch(
    new RegExp(`^${t('export.column.cohort')},${t('export.column.cohortSize')},`),
  );
  expect(cohortsCsv).toHaveLength(1 + (await insights.locators.heatmapRows.count()));

  // Repeat purchase rate and returning customer rate each say what they are, differently.
  await insights.locators.figureInfo('repeatPurchaseRate').focus();
  await expect(insights.locators.figureInfoText('repeatPurchaseRate')).toBeVisible();
  await expect(insights.locators.figureInfoText('repeatPurchaseRate')).toHaveText(
    t('insights.def.repeatPurchaseRate'),
  );
  await page.keyboard.press('Escape');
  await expect(insights.locators.figureInfoText('repeatPurchaseRate')).toBeHidden();
  await insights.locators.returningInfo.hover();
  await expect(insights.locators.returningInfoText).toHaveText(
    t('insights.def.returningCustomerRate'),
  );
  await page.mouse.move(0, 0);
  await app.screenshotTall(artifactPath(lang, 'insights'));

  // The last 3 months: fewer new customers (some of ours first bought 7 months ago).
  await insights.choosePreset('last3Months');
  const quarter = await expectFigures(presetPeriod('last3Months', today, settings.calendar));
  expect(quarter.newCustomers).toBeLessThan(year.newCustomers);

  // A custom period typed in the shop's own calendar and digits.
  const custom = { from: addDays(today, -300), to: addDays(today, -100) };
  await insights.chooseCustom(dayInputValue(fmt, custom.from), dayInputValue(fmt, custom.to));
  await expect(insights.locators.preset('custom')).toHaveAttribute('aria-pressed', 'true');
  await expectFigures(custom);
  await insights.choosePreset('last12Months');

  // A focus figure with a target, kept in the settings.
  await insights.locators.focusChoose.or(insights.locators.focusChange).click();
  await insights.locators.focusFigure.selectOption('repeatPurchaseRate');
  await insights.locators.focusTarget.fill(lang === 'fa' ? '۴۵' : '45');
  await insights.locators.focusSave.click();
  await expect(insights.locators.focusTargetText).toHaveText(
    t('insights.focus.targetAtLeast', { value: formatValue('share', 0.45, lang, money) }),
  );
  expect((await core('settings:get', {})).focusFigure).toEqual({
    figure: 'repeatPurchaseRate',
    target: 0.45,
  });

  // A cell of the RFM grid opens the Customers list filtered to its segment, as many as it counts.
  const cell = insights.locators.rfmCells.filter({ hasNotText: /^[0۰]$/ }).first();
  const segment = (await cell.getAttribute('data-segment')) as RfmSegment;
  const kpisNow = await core('kpis:get', {});
  const inSegment = kpisNow.rfmSegments[segment];
  await expect(insights.locators.segmentCount(segment)).toHaveText(fmt.number(inSegment));
  // The segments' counts export too, as the grid's legend shows them.
  const rfmCsv = await downloadCsv(page, insights.locators.card('rfm').getByTestId('export-csv'));
  expect(rfmCsv[0]).toBe(`${t('export.column.segment')},${t('export.column.customers')}`);
  expect(rfmCsv).toContain(`${t(SEGMENT_NAMES[segment])},${inSegment}`);
  await cell.click();
  const chip = page.getByTestId('customers-rfm-filter');
  await expect(page.getByTestId('customers-rfm-filter-text')).toHaveText(
    t('customers.rfmFilter', { segment: t(SEGMENT_NAMES[segment]) }),
  );
  await expect(page).toHaveURL(new RegExp(`#/customers\\?segment=${segment}$`));
  await expect(app.customers.locators.count).toHaveText(
    t('customers.matchCount', { count: inSegment }),
  );
  await expect(page.getByTestId('customers-segment-filter')).toHaveValue(segment);
  await expect(app.customers.locators.rows.first()).toBeVisible();
  await app.screenshot(artifactPath(lang, 'customers-rfm-segment'), { fullPage: false });

  // The segment exports as the list shows it: a CSV with a BOM (Excel then reads Persian), the
  // list's columns in the user's language, one row per customer in the segment.
  const lines = await downloadCsv(page, page.getByTestId('export-csv'));
  expect(lines[0]).toContain(t('customers.column.name'));
  expect(lines[0]).toContain(t('customers.column.totalSpent'));
  expect(lines).toHaveLength(1 + inSegment);
  expect(lines[1]).toMatch(/[0-9]/);
  if (lang === 'fa') {
    // In Persian the file can have Persian digits (for reading and printing), and remembers it.
    await page.getByTestId('export-persian-digits').check();
    const persian = await downloadCsv(page, page.getByTestId('export-csv'));
    expect(persian).toHaveLength(1 + inSegment);
    expect(persian[1]).toMatch(/[۰-۹]/);
    await page.getByTestId('export-persian-digits').uncheck();
  } else {
    await expect(page.getByTestId('export-persian-digits')).toHaveCount(0);
  }

  // Its × shows everyone again; the saved filter picks a segment from the list itself.
  await page.getByTestId('customers-rfm-filter-clear').click();
  await expect(chip).toHaveCount(0);
  await expect(page).toHaveURL(/#\/customers$/);
  await page.getByTestId('customers-segment-filter').selectOption(segment);
  await expect(chip).toBeVisible();
  await expect(app.customers.locators.count).toHaveText(
    t('customers.matchCount', { count: inSegment }),
  );

  // Back on Insights, the period chosen is still there; the focus figure is put away.
  await insights.open();
  await insights.locators.focusChange.click();
  await insights.locators.focusRemove.click();
  await expect(insights.locators.focusChoose).toBeVisible();
  expect((await core('settings:get', {})).focusFigure).toBeNull();
});
