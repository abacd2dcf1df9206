import { firstNameOf, placeholdersOf } from '../../src-shared/domain/message-template.ts';
import { countSms } from '../../src-shared/domain/sms.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';
import { MessagesPage } from './pages/messages-page.ts';

// Runs on the demo shop (made here on a new database) or whatever shop the earlier specs left:
// it needs the default templates, which every database has, and at least one customer.

test('messages: a default SMS previewed with its parts, a new email template written with a placeholder, saved, refused with an unknown one', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const messages = new MessagesPage(app.page);
  const { locators } = messages;
  await app.ensureDemoShop();
  await messages.open();

  // The SMS win-back default in this language: filled for the first customer, in the template's
  // direction, with the parts it takes.
  await messages.pick('sms', lang, t('messages.moment.win_back'));
  await expect(locators.subject).toHaveCount(0);
  await expect(locators.previewBody).toHaveAttribute('dir', lang === 'fa' ? 'rtl' : 'ltr');
  await expect(locators.previewBody).toContainText(
    lang === 'fa' ? 'دلمان برایتان تنگ شده' : 'We miss you',
  );
  await expect(locators.previewBody).not.toContainText('{');
  const customer = await messages.previewCustomerName();
  const firstName = firstNameOf(customer);
  if (firstName) await expect(locators.previewBody).toContainText(firstName);
  const filled = (await locators.previewBody.textContent()) ?? '';
  const count = countSms(filled);
  expect(count.encoding).toBe(lang === 'fa' ? 'ucs2' : 'gsm7');
  await expect(locators.smsParts).toHaveText(t('messages.sms.parts', { count: count.parts }));

  // A limit below the parts warns, and is remembered on this computer.
  await locators.smsLimit.selectOption(String(count.parts - 1 || 1));
  if (count.parts > 1) await expect(locators.smsOver).toBeVisible();
  await app.screenshotTall(artifactPath(lang, 'messages-sms'));
  await app.reload();
  await messages.open();
  await messages.pick('sms', lang, t('messages.moment.win_back'));
  await expect(locators.smsLimit).toHaveValue(String(count.parts - 1 || 1));
  await locators.smsLimit.selectOption(String(Math.max(count.parts, 2)));
  await expect(locators.smsOver).toHaveCount(0);

  // A new email template: a placeholder inserted where the cursor is, the preview following.
  const name = uniqueName(
    lang === 'fa' ? 'خوش‌آمد مشتری تازه' : 'Welcome a new customer',
    testInfo,
  );
  await locators.newTemplate.click();
  await expect(locators.channel).toHaveValue('email');
  await expect(locators.locale).toHaveValue(lang);
  await locators.name.fill(name);
  await locators.subject.fill(lang === 'fa' ? 'خوش آمدید' : 'Welcome');
  await locators.body.fill(lang === 'fa' ? 'سلام ' : 'Hello ');
  await locators.insert('firstName').click();
  await app.page.keyboard.type(lang === 'fa' ? '، به زودی می‌بینیمتان.' : ', see you soon.');
  const body = await locators.body.inputValue();
  expect(placeholdersOf(body)).toEqual(['firstName']);
  expect(body).toContain(lang === 'fa' ? '{نام}،' : '{firstName},');
  await expect(locators.previewSubject).toHaveText(lang === 'fa' ? 'خوش آمدید' : 'Welcome');
  await expect(locators.previewBody).toContainText(
    lang === 'fa' ? 'به زودی می‌بینیمتان' : 'see you soon',
  );
  await expect(locators.previewBody).not.toContainText('{');
  if (firstName) await expect(locators.previewBody).toContainText(firstName);

  // Ctrl+S saves; the template joins the list of its channel and language.
  await app.page.keyboard.press('Control+s');
  await expect(locators.status).toHaveText(t('messages.saved'));
  await expect(locators.title).toHaveText(name);
  await expect(
    locators.group('email', lang).getByTestId('template-item').filter({ hasText: name }),
  ).toHaveCount(1);
  await app.screenshotTall(artifactPath(lang, 'messages'));

  // A name in braces that is not a placeholder is refused by the core, on the body's field.
  await locators.body.fill(`${body} {foo}`);
  await locators.save.click();
  await expect(locators.bodyError).toHaveText(
    // The name comes isolated (FSI … PDI), so its braces keep their order in Persian.
    t('messages.error.unknownPlaceholder', { placeholder: '\u2068{foo}\u2069' }),
  );
  await expect(locators.body).toHaveAttribute('aria-invalid', 'true');
  await app.screenshotTall(artifactPath(lang, 'messages-error'));

  // Unsaved changes are not dropped by opening another template without asking.
  await locators.item('sms', lang, t('messages.moment.win_back')).click();
  await expect(locators.discardDialog).toBeVisible();
  await locators.discardKeep.click();
  await expect(locators.title).toHaveText(name);
  await expect(locators.body).toHaveValue(`${body} {foo}`);
  await locators.body.fill(body);
  await expect(locators.bodyError).toHaveCount(0);
  await expect(locators.save).toBeDisabled();

  // Deleting asks first, then the template leaves the list.
  await locators.delete.click();
  await locators.deleteConfirm.click();
  await expect(locators.items.filter({ hasText: name })).toHaveCount(0);
});
