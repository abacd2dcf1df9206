import { normaliseDigits, toPersianDigits } from '../../src-shared/domain/persian-text.ts';
import { formatDate } from '../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';

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
  // The app opens on Today, with the demo's follow-ups already planned.
  await app.today.expectShown();
  await app.today.expectList();
  await app.goToCustomers();
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
  await app.settings.expectRules();
  await app.screenshotTall(artifactPath(lang, 'settings'));

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

test('Today: three follow-ups worked from the keyboard; a detractor score plans the recovery call', async ({
  app,
  lang,
}) => {
  const t = createTranslator(lang);
  const { today, profile } = app;
  await app.ensureDemoShop();
  await app.goToToday();
  await today.expectList();
  await expect(today.locators.shortcuts).toBeVisible();

  // Who is working: the calls and changes below record them.
  const staffName =
    (await app.locators.staffPicker.locator('option').nth(1).textContent())?.trim() ?? '';
  expect(staffName).not.toBe('');
  await app.pickWorkingStaff(staffName);
  await expect(app.locators.staffPicker).not.toHaveValue('');
  const start = await today.progress();
  expect(start.total).toBeGreaterThan(3);
  await app.screenshot(artifactPath(lang, 'today'), { fullPage: false });

  // j/k and the arrows move the keyboard's place, which takes the focus.
  const first = await today.active();
  await today.press('j');
  const second = await today.active();
  expect(second.id).not.toBe(first.id);
  await expect(today.locators.task(second.id)).toBeFocused();
  await today.press('ArrowUp');
  expect((await today.active()).id).toBe(first.id);

  // 1. N: no answer. The call is retried the next working day, so it leaves today's list.
  await today.press('n');
  await expect(today.locators.callToast).toContainText(first.name);
  await expect(today.locators.task(first.id)).toHaveCount(0);

  // 2. C: done; the next task moved up into its place.
  const completed = await today.active();
  expect(completed.id).not.toBe(first.id);
  await today.press('c');
  await expect(today.locators.completeToast).toContainText(completed.name);
  await expect(today.locators.task(completed.id)).toHaveCount(0);
  await expect(today.locators.progressText).toHaveText(
    t('today.progress', { done: start.done + 1, total: start.total - 1 }),
  );

  // 3. R: reached. A note typed straight away, then a detractor NPS in the same dialog.
  const called = await today.active();
  await today.press('r');
  await expect(today.locators.logDialog).toBeVisible();
  await expect(today.locators.logNote).toBeFocused();
  const note =
    lang === 'fa'
      ? 'زیپ کیف خراب شده بود؛ عذرخواهی کردم.'
      : 'The zip of the bag broke; I apologised.';
  await app.page.keyboard.type(note);
  await today.locators.surveyKind('nps').check();
  await today.locators.surveyScore(3).check();
  await expect(today.locators.surveyLow).toHaveText(t('survey.lowHint'));
  const comment = lang === 'fa' ? 'زیپ خراب شد' : 'the zip broke';
  await today.locators.surveyComment.fill(comment);
  await app.screenshot(artifactPath(lang, 'today-log-call'), { fullPage: false });
  await today.locators.surveyComment.press('Control+Enter');
  await expect(today.locators.logDialog).toBeHidden();
  await expect(today.locators.recoveryToast).toContainText(called.name);

  // The urgent recovery call appears at once, at the top, saying why in plain words.
  const recovery = today.locators.group('recovery').filter({ hasText: called.name });
  await expect(recovery).toHaveCount(1);
  await expect(recovery.getByTestId('task-reason')).toContainText(comment);
  await expect(app.page.getByTestId('today-priority-urgent')).toBeVisible();
  await expect(today.locators.progressText).toHaveText(
    t('today.progress', { done: start.done + 2, total: start.total }),
  );
  await app.dismissToasts();
  await app.screenshot(artifactPath(lang, 'today-recovery'), { fullPage: false });

  // The rule filter narrows the list to the recovery calls.
  await today.locators.filterRule.selectOption('recovery');
  await expect(today.locators.tasks.first()).toHaveAttribute('data-rule', 'recovery');
  for (const rule of await today.locators.tasks.evaluateAll((tasks) =>
    tasks.map((task) => task.getAttribute('data-rule')),
  )) {
    expect(rule).toBe('recovery');
  }
  await today.locators.filterRule.selectOption('');

  // Enter on the recovery call opens the customer: the call, its score and the new follow-up.
  await recovery.focus();
  await expect(recovery).toHaveAttribute('aria-current', 'true');
  await today.press('Enter');
  await profile.expectOpen();
  await expect(profile.locators.name).toHaveText(called.name);
  const call = app.page.getByTestId('timeline-contact').filter({ hasText: note });
  await expect(call).toContainText(staffName);
  await expect(call.getByTestId('score-badge')).toHaveText(
    t('survey.answer', { kind: t('survey.kindShort.nps'), score: 3, max: 10 }),
  );
  await expect(
    app.page.getByTestId('profile-task').and(app.page.locator('[data-rule="recovery"]')),
  ).toHaveCount(1);

  // A contact no task asked for: they came to the counter.
  const visit = lang === 'fa' ? 'برای تعویض کیف به مغازه آمد.' : 'Came in to exchange the bag.';
  await app.page.getByTestId('profile-log-contact').click();
  await app.page.getByTestId('contact-channel-in_person').check();
  await app.page.getByTestId('contact-note').fill(visit);
  await app.page.getByTestId('contact-save').click();
  await expect(app.page.getByTestId('log-contact-dialog')).toBeHidden();
  await expect(app.page.getByTestId('timeline-contact').first()).toContainText(visit);
  await app.dismissToasts();
  await app.screenshot(artifactPath(lang, 'today-profile'));

  // The day's list on A4 paper: only the print view, with the window around it gone.
  await app.goToToday();
  await today.expectList();
  await app.page.setViewportSize({ width: 794, height: 1123 });
  await app.page.emulateMedia({ media: 'print' });
  await expect(today.locators.printView).toBeVisible();
  await expect(today.locators.screen).toBeHidden();
  await expect(today.locators.printView).toContainText(called.name);
  await app.screenshot(artifactPath(lang, 'today-print'), { fullPage: false });
  await app.page.emulateMedia({ media: 'screen' });
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
  // Today opens first and says what to do next on an empty shop.
  await expect(app.today.locators.empty).toBeVisible();
  await expect(app.locators.demoBanner).toBeHidden();
  await app.screenshot(artifactPath(lang, 'today-empty'));
  await app.goToCustomers();
  await expect(customers.locators.empty).toBeVisible();
  await app.screenshot(artifactPath(lang, 'customers-empty'));

  const name = lang === 'fa' ? 'مریم رضایی' : 'Mary Reed';
  await customers.addCustomer({ name, phone: '۰۹۱۲ ۳۴۵ ۶۷۸۹' });
  await profile.expectOpen();
  await expect(profile.locators.name).toHaveText(name);
  await expect(profile.locators.timelineEmpty).toBeVisible();
  await profile.locators.back.click();
  await expect(customers.locators.count).toHaveText(t('customers.count', { count: 1 }));
});

// The tests below create the customers they need (unique names), so they pass alone as well as
// after the demo has been cleared.

test('the tag filter narrows the book to the tagged customer', async ({ app, lang }, testInfo) => {
  const t = createTranslator(lang);
  const { customers, profile } = app;
  await app.ensureOnboarded();
  const surname = uniqueName(lang === 'fa' ? 'گلدوزیان' : 'Goldweaver', testInfo);
  const tagged = `${lang === 'fa' ? 'نیلوفر' : 'Nell'} ${surname}`;
  const other = `${lang === 'fa' ? 'سهراب' : 'Sam'} ${surname}`;
  const tag = uniqueName(lang === 'fa' ? 'کارت هدیه' : 'gift card', testInfo);

  await customers.addCustomer({ name: tagged });
  await profile.expectOpen();
  await profile.edit({ addTags: [tag] });
  await profile.saveAndWait();
  await profile.locators.back.click();
  await customers.addCustomer({ name: other });
  await profile.expectOpen();
  await profile.locators.back.click();

  await customers.search(surname);
  await expect(customers.locators.rows).toHaveCount(2);
  // Next to the search, one Tab away.
  await customers.locators.search.press('Tab');
  await expect(customers.locators.tagFilter).toBeFocused();
  await customers.filterByTag(tag);
  await expect(customers.locators.rows).toHaveCount(1);
  await expect(customers.locators.row(tagged)).toBeVisible();
  await expect(customers.locators.count).toHaveText(t('customers.matchCount', { count: 1 }));

  // The tag alone, with no search, finds them too.
  await customers.search('');
  await expect(customers.locators.rows).toHaveCount(1);
  await expect(customers.locators.row(tagged)).toBeVisible();
  await app.dismissToasts();
  await app.screenshot(artifactPath(lang, 'customers-tag-filter'));

  // A search the tag rules out says so, and the way out brings the other customer back.
  await customers.search(other);
  await expect(customers.locators.noMatch).toContainText(
    t('customers.noTagMatchTitle', { tag, query: other }),
  );
  await app.screenshot(artifactPath(lang, 'customers-tag-no-match'));
  await customers.locators.clearTag.click();
  await expect(customers.locators.tagFilter).toHaveValue('');
  await expect(customers.locators.row(other)).toBeVisible();
});

test('archive a customer; Undo in the toast puts them back in the book', async ({
  app,
  lang,
}, testInfo) => {
  const { customers, profile } = app;
  await app.ensureOnboarded();
  const name = uniqueName(lang === 'fa' ? 'بهرام بایگانی‌زاده' : 'Archibald Shelver', testInfo);
  await customers.addCustomer({ name });
  await profile.expectOpen();

  await profile.archive();
  await customers.search(name);
  await expect(customers.locators.noMatch).toBeVisible();
  await expect(customers.locators.row(name)).toHaveCount(0);

  await profile.locators.archiveUndo.click();
  await expect(customers.locators.row(name)).toBeVisible();
});

test('merge a duplicate: notes and tags move over and the duplicate leaves the book', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { customers, profile } = app;
  await app.ensureOnboarded();
  const keep = uniqueName(lang === 'fa' ? 'کیوان مهرآیین' : 'Kevin Merriweather', testInfo);
  const duplicate = `${keep} ${lang === 'fa' ? 'دوم' : 'duplicate'}`;
  const records = [
    {
      name: keep,
      notes: lang === 'fa' ? 'سفارش‌هایش را تلفنی می‌دهد.' : 'Orders by phone.',
      tag: lang === 'fa' ? 'خوش‌حساب' : 'pays on time',
    },
    {
      name: duplicate,
      notes: lang === 'fa' ? 'نشانی تازه: خیابان بهار.' : 'New address: Spring Street.',
      tag: lang === 'fa' ? 'مشتری قدیمی' : 'regular',
    },
  ];
  for (const record of records) {
    await customers.addCustomer({ name: record.name });
    await profile.expectOpen();
    await profile.edit({ notes: record.notes, addTags: [record.tag] });
    await profile.saveAndWait();
    await profile.locators.back.click();
  }

  await customers.openCustomer(keep);
  await profile.expectOpen();
  await expect(profile.locators.name).toHaveText(keep);
  await profile.mergeDuplicate(duplicate);
  await expect(profile.locators.mergeToast).toContainText(t('merge.done'));
  for (const record of records) {
    await profile.expectNotesContain(record.notes);
    await expect(profile.tagChip(record.tag)).toBeVisible();
  }
  await expect(profile.locators.tagChips).toHaveCount(2);

  await profile.locators.back.click();
  await customers.search(keep);
  await expect(customers.locators.row(keep)).toBeVisible();
  await expect(customers.locators.row(duplicate)).toHaveCount(0);
  await expect(customers.locators.rows).toHaveCount(1);
});

test('unsaved changes: leaving the profile asks first; Keep editing stays, Discard leaves', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { customers, profile } = app;
  await app.ensureOnboarded();
  const name = uniqueName(lang === 'fa' ? 'گیتا نگهدار' : 'Gita Keepwell', testInfo);
  const draft = lang === 'fa' ? 'یادداشتی که هنوز ذخیره نشده' : 'A note not saved yet';
  await customers.addCustomer({ name });
  await profile.expectOpen();
  const profileUrl = app.page.url();
  await profile.edit({ notes: draft });

  await app.goToCustomers();
  await expect(profile.locators.discardDialog).toBeVisible();
  await expect(profile.locators.discardDialog).toContainText(t('customer.discardTitle'));
  // Keep editing has the first focus: a reflexive Enter loses nothing.
  await expect(profile.locators.keepEditing).toBeFocused();
  await profile.locators.keepEditing.click();
  await expect(profile.locators.discardDialog).toBeHidden();
  await expect(profile.locators.notes).toHaveValue(draft);
  expect(app.page.url()).toBe(profileUrl);

  // The browser's Back is held the same way, and the address stays on the profile.
  await app.page.goBack();
  await expect(profile.locators.discardDialog).toBeVisible();
  await expect(app.page).toHaveURL(profileUrl);
  await profile.locators.keepEditing.click();
  await expect(profile.locators.notes).toHaveValue(draft);

  // Reloading the tab asks through the browser's own prompt.
  const prompts: string[] = [];
  app.page.once('dialog', (dialog) => {
    prompts.push(dialog.type());
    void dialog.dismiss();
  });
  await app.page.evaluate(() => window.location.reload());
  await expect.poll(() => prompts).toEqual(['beforeunload']);
  await expect(profile.locators.notes).toHaveValue(draft);

  await app.goToCustomers();
  await profile.locators.discardConfirm.click();
  await customers.expectShown();
  await expect(profile.locators.root).toBeHidden();

  // The edit was dropped, not saved.
  await customers.openCustomer(name);
  await profile.expectOpen();
  await expect(profile.locators.notes).toHaveValue('');
});

test('staff: add, rename and archive in Settings; the header picker follows', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  await app.ensureOnboarded();
  await app.goToSettings();
  const name = uniqueName(lang === 'fa' ? 'نسرین صبوری' : 'Nora Patience', testInfo);
  const renamed = `${name} ${lang === 'fa' ? 'کریمی' : 'Kemp'}`;
  const row = (text: string) =>
    app.page
      .getByTestId('staff-row')
      .filter({ has: app.page.getByTestId('staff-name').getByText(text, { exact: true }) });

  await app.page.getByTestId('staff-add-name').fill(name);
  await app.page.getByTestId('staff-add-submit').click();
  await expect(row(name)).toBeVisible();
  await app.pickWorkingStaff(name);
  await expect(row(name)).toContainText(t('staff.workingNow'));

  await row(name).getByTestId('staff-rename').click();
  await app.page.getByTestId('staff-rename-input').fill(renamed);
  await app.page.getByTestId('staff-rename-save').click();
  await expect(row(renamed)).toBeVisible();
  await expect(app.locators.staffPicker.locator('option:checked')).toHaveText(renamed);
  await app.screenshot(artifactPath(lang, 'settings-staff'));

  // Archived: no longer working here or to be picked; Undo brings them back.
  await row(renamed).getByTestId('staff-archive').click();
  await expect(app.locators.staffPicker).toHaveValue('');
  await expect(app.locators.staffPicker.locator('option', { hasText: renamed })).toHaveCount(0);
  await app.page.getByTestId('staff-archived-toast-action').click();
  await expect(row(renamed)).toBeVisible();
  await expect(app.locators.staffPicker.locator('option', { hasText: renamed })).toHaveCount(1);
});
