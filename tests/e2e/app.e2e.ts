import { normaliseDigits, toPersianDigits } from '../../src-shared/domain/persian-text.ts';
import { formatDate } from '../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../src-renderer/app/i18n/translate.ts';
import { artifactPath, expect, test } from './fixtures.ts';

// One file per project, run in order against that project's own fresh database: the first test
// meets the first-run screen; the later ones create the demo shop themselves if they run alone.

test('first run → demo shop → phone search in Persian digits → edit → reload keeps it', async ({
  app,
  lang,
}) => {
  const t = createTranslator(lang);
  const { firstRun, customers, profile } = app;

  await expect(firstRun.locators.root).toBeVisible();
  await app.expectLanguage(lang);
  await app.screenshot(artifactPath(lang, 'first-run'));

  await firstRun.chooseLanguage(lang);
  await app.expectLanguage(lang);
  await app.screenshot(artifactPath(lang, 'first-run-choice'));
  await firstRun.exploreDemo();
  await expect(app.locators.demoBanner).toBeVisible();
  await expect(customers.locators.count).toHaveText(t('customers.count', { count: 2000 }));
  // Virtualised: thousands of customers, a screenful of rows in the DOM.
  expect(await customers.locators.rows.count()).toBeLessThan(60);
  await app.screenshot(artifactPath(lang, 'customers'));

  const shownPhone = await customers.firstShownPhone();
  const typed = toPersianDigits(normaliseDigits(shownPhone)).replace(/\s+/g, '');
  expect(typed).toMatch(/^\+?[۰-۹]{8,}$/);
  await customers.search(typed);
  await expect(customers.locators.count).not.toHaveText(t('customers.count', { count: 2000 }));
  await expect(customers.locators.phoneCells.first()).toHaveText(shownPhone);
  for (const phone of await customers.locators.phoneCells.allTextContents()) {
    expect(phone).toBe(shownPhone);
  }
  const name =
    (await customers.locators.rows.first().getByTestId('customer-name').textContent()) ?? '';

  // The keyboard opens it: down from the search into the list, Enter on the row.
  await customers.locators.search.press('ArrowDown');
  await expect(customers.locators.gridBody).toBeFocused();
  await customers.locators.gridBody.press('Enter');
  await profile.expectOpen();
  await expect(profile.locators.name).toHaveText(name);
  await expect(profile.locators.orders.first()).toBeVisible();
  await expect(profile.locators.timelineEmpty).toBeVisible();

  const notes =
    lang === 'fa'
      ? 'چای سبز دوست دارد؛ عصرها تماس بگیرید.'
      : 'Likes green tea; call in the afternoon.';
  const email = `e2e.${lang}@example.com`;
  // A Jalali date typed in Persian digits, shown back in the shop's calendar.
  await profile.edit({ notes, email, birthday: '۱۳۷۰/۸/۱۵' });
  const ctx = {
    locale: lang,
    calendar: lang === 'fa' ? 'persian' : 'gregory',
    timeZone: 'UTC',
  } as const;
  await expect(profile.locators.birthdayEcho).toContainText(formatDate('1991-11-06', ctx, 'long'));
  await profile.save();
  await expect(profile.locators.savedToast).toContainText(t('customer.saved'));
  await app.screenshot(artifactPath(lang, 'profile'));

  await app.reload();
  await profile.expectOpen();
  await expect(profile.locators.notes).toHaveValue(notes);
  await expect(profile.locators.email).toHaveValue(email);
  await expect(profile.locators.birthday).toHaveValue(formatDate('1991-11-06', ctx, 'short'));
});

test('an invalid email shows the translated message and nothing is saved', async ({
  app,
  lang,
}) => {
  const t = createTranslator(lang);
  await app.ensureDemoShop();
  await app.customers.openRow(1);
  await app.profile.expectOpen();
  const saved = await app.profile.locators.email.inputValue();

  await app.profile.edit({ email: 'not-an-email@' });
  await app.profile.save();
  await expect(app.profile.locators.emailError).toHaveText(t('validation.email'));
  await expect(app.profile.locators.email).toHaveAttribute('aria-invalid', 'true');

  await app.reload();
  await app.profile.expectOpen();
  await expect(app.profile.locators.email).toHaveValue(saved);
});

test('settings: a wrong time zone is explained, a good change is saved', async ({ app, lang }) => {
  const t = createTranslator(lang);
  const { settings } = app;
  await app.ensureDemoShop();
  await app.goToSettings();
  await app.screenshot(artifactPath(lang, 'settings'));

  await settings.locators.timeZone.fill('Mars/Olympus');
  await settings.save();
  await expect(settings.locators.timeZoneError).toHaveText(t('validation.timeZone'));

  const shopName = lang === 'fa' ? 'عطاری سبز' : 'Green Corner Shop';
  await settings.locators.timeZone.fill('Asia/Tehran');
  await settings.setShopName(shopName);
  await settings.save();
  await expect(settings.locators.status).toHaveText(t('settings.saved'));

  await app.reload();
  await app.goToSettings();
  await expect(settings.locators.shopName).toHaveValue(shopName);
  await expect(app.page.getByTestId('shop-name')).toHaveText(shopName);
});

test('the demo banner clears the demo; own data starts with an empty book', async ({
  app,
  lang,
}) => {
  const t = createTranslator(lang);
  const { firstRun, customers, profile } = app;
  await app.ensureDemoShop();

  await app.locators.demoClear.click();
  await expect(app.locators.demoClearDialog).toBeVisible();
  await app.screenshot(artifactPath(lang, 'demo-clear'));
  await app.locators.demoClearConfirm.click();

  await expect(firstRun.locators.ownChoice).toBeVisible();
  await firstRun.startWithOwnData(
    lang === 'fa'
      ? { shopName: 'لوازم‌التحریر امید' }
      : { shopName: 'Hope Stationery', currencyCode: 'EUR' },
  );
  await expect(customers.locators.empty).toBeVisible();
  await expect(app.locators.demoBanner).toBeHidden();
  await app.screenshot(artifactPath(lang, 'customers-empty'));

  const name = lang === 'fa' ? 'مریم رضایی' : 'Mary Reed';
  await customers.addCustomer({ name, phone: '۰۹۱۲ ۳۴۵ ۶۷۸۹' });
  await profile.expectOpen();
  await expect(profile.locators.name).toHaveText(name);
  await expect(profile.locators.timelineEmpty).toBeVisible();
  await profile.locators.back.click();
  await expect(customers.locators.count).toHaveText(t('customers.count', { count: 1 }));
});
