import { fileURLToPath } from 'node:url';
import { toPersianDigits } from '../../src-shared/domain/persian-text.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { formatSize } from '../../src-renderer/features/import/import-text.ts';
import { artifactPath, expect, test, uniqueName } from './fixtures.ts';
import type { Lang } from './fixtures.ts';

// Runs after app.e2e.ts has cleared its demo shop (or alone, on a new shop): every test creates
// the customers it needs. The rules are put back to their defaults at the end of their test.

const surveys = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/surveys/${name}`, import.meta.url));

/** A number as the owner types it in this language. */
const typed = (lang: Lang, n: number): string =>
  lang === 'fa' ? toPersianDigits(String(n)) : String(n);

test('follow-up rules: a changed threshold is saved and Today plans what it now calls for; defaults come back', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { customers, profile, settings, today } = app;
  await app.ensureOnboarded();

  // A passive score (NPS 7) plans no recovery call under the shipped rule (6 or lower).
  const name = uniqueName(lang === 'fa' ? 'پرستو میانه‌رو' : 'Paula Middleton', testInfo);
  await customers.addCustomer({ name });
  await profile.expectOpen();
  await app.page.getByTestId('profile-record-score').click();
  await app.page.getByTestId('survey-kind-nps').check();
  await app.page.getByTestId('survey-score-7').check();
  await expect(app.page.getByTestId('survey-low')).toHaveCount(0);
  await app.page.getByTestId('survey-save').click();
  await expect(app.page.getByTestId('survey-dialog')).toBeHidden();
  await expect(app.page.getByTestId('timeline-survey')).toHaveCount(1);
  await app.goToToday();
  await expect(today.locators.group('recovery').filter({ hasText: name })).toHaveCount(0);

  await app.goToSettings();
  await settings.expectRules();
  await expect(settings.locators.ruleNumber('rules.recovery.npsMax')).toHaveValue(typed(lang, 6));
  await expect(settings.locators.rulesSave).toBeDisabled();

  // Out of range: the field says why, nothing is saved.
  await settings.locators.ruleNumber('rules.recovery.npsMax').fill(typed(lang, 12));
  await settings.locators.ruleNumber('rules.second_purchase_nudge.fromDays').fill(typed(lang, 70));
  await settings.saveRules();
  await expect(settings.locators.ruleNumberError('rules.recovery.npsMax')).toHaveText(
    t('playbook.error.rangeWhole', { min: 0, max: 9 }),
  );
  await expect(
    settings.locators.ruleNumberError('rules.second_purchase_nudge.fromDays'),
  ).toHaveText(t('playbook.error.window'));
  // The first field to fix, in the page's order, has the focus.
  await expect(settings.locators.ruleNumber('rules.second_purchase_nudge.fromDays')).toBeFocused();
  await app.dismissToasts();
  await app.screenshotTall(artifactPath(lang, 'settings-rules-error'));

  // Cancel puts the saved values back.
  await settings.locators.rulesCancel.click();
  await expect(settings.locators.ruleNumber('rules.recovery.npsMax')).toHaveValue(typed(lang, 6));
  await expect(settings.locators.ruleNumberError('rules.recovery.npsMax')).toHaveCount(0);
  await expect(settings.locators.rulesSave).toBeDisabled();

  // 7 and below is now a low score; and no birthday calls.
  await settings.locators.ruleNumber('rules.recovery.npsMax').fill(typed(lang, 7));
  await settings.setRuleEnabled('birthday', false);
  await settings.saveRules();
  await expect(settings.locators.rulesStatus).toContainText(t('playbook.saved'));
  await expect(settings.locators.rulesStatus).toContainText(
    t('playbook.runResult', { count: 1 }).split(':')[0] ?? '',
  );
  await expect(settings.locators.rulesSave).toBeDisabled();
  await app.dismissToasts();
  await app.screenshotTall(artifactPath(lang, 'settings-rules'));

  await app.reload();
  await app.goToSettings();
  await settings.expectRules();
  await expect(settings.locators.ruleNumber('rules.recovery.npsMax')).toHaveValue(typed(lang, 7));
  await expect(settings.locators.ruleSwitch('birthday')).not.toBeChecked();

  // The playbook ran on saving: the passive score is now a recovery call on Today.
  await app.goToToday();
  const recovery = today.locators.group('recovery').filter({ hasText: name });
  await expect(recovery).toHaveCount(1);

  // Restore defaults, after asking.
  await app.goToSettings();
  await settings.expectRules();
  await settings.restoreRules();
  await expect(settings.locators.rulesStatus).toContainText(t('playbook.restored'));
  await expect(settings.locators.ruleNumber('rules.recovery.npsMax')).toHaveValue(typed(lang, 6));
  await expect(settings.locators.ruleSwitch('birthday')).toBeChecked();
  await expect(settings.locators.rulesRestore).toBeDisabled();
});

test('survey answers: a file with a bad line is explained, the corrected one is recorded', async ({
  app,
  lang,
}, testInfo) => {
  const t = createTranslator(lang);
  const { customers, profile, surveyImport } = app;
  await app.ensureOnboarded();

  // The customers the file's answers are for: one by phone, one by email.
  const byPhone = uniqueName(lang === 'fa' ? 'نگار پاسخ‌دهنده' : 'Nina Answers', testInfo);
  const byEmail = uniqueName(lang === 'fa' ? 'سامان نظرسنج' : 'Sam Surveyed', testInfo);
  await customers.addCustomer({ name: byPhone, phone: '0912 700 1101' });
  await profile.expectOpen();
  await profile.locators.back.click();
  await customers.addCustomer({ name: byEmail });
  await profile.expectOpen();
  await profile.edit({ email: 'survey.e2e@example.com' });
  await profile.saveAndWait();

  await app.goToSurveyImport();
  await expect(surveyImport.locators.dropZone).toBeVisible();
  await app.dismissToasts();
  await app.screenshot(artifactPath(lang, 'import-surveys'));

  // Over 512 KiB: refused before anything is read, saying so.
  await surveyImport.chooseFile({
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.alloc(600 * 1024, 'a'),
  });
  await expect(surveyImport.locators.fileErrorMessage).toContainText(formatSize(512 * 1024, lang));

  // One line scores 12 on the 0–10 scale: the check names it, and nothing can be recorded.
  await surveyImport.chooseFile(surveys(`answers-${lang}-one-bad.csv`));
  await surveyImport.expectChecked();
  await expect(surveyImport.locators.figure('read')).toHaveText(typed(lang, 3));
  await expect(surveyImport.locators.figure('ready')).toHaveText(typed(lang, 2));
  await expect(surveyImport.locators.figure('rejected')).toHaveText(typed(lang, 1));
  await expect(surveyImport.locators.rejectedLines).toHaveCount(1);
  await expect(surveyImport.locators.rejectedLine(4)).toContainText(
    t('surveyImport.reject.bad_score'),
  );
  await expect(surveyImport.locators.blocked).toHaveText(t('surveyImport.blocked'));
  await expect(surveyImport.locators.commit).toHaveCount(0);
  await app.screenshot(artifactPath(lang, 'import-surveys-rejected'));

  // The corrected file: two new answers, recorded.
  await expect(surveyImport.locators.chooseAgain).toBeVisible();
  await surveyImport.chooseFile(surveys(`answers-${lang}.csv`));
  await expect(surveyImport.locators.figure('new')).toHaveText(typed(lang, 2));
  await expect(surveyImport.locators.rejectedLines).toHaveCount(0);
  await expect(surveyImport.locators.commit).toHaveText(
    t('surveyImport.action.import', { count: 2 }),
  );
  await surveyImport.commit();
  await expect(surveyImport.locators.figure('recorded')).toHaveText(typed(lang, 2));
  await app.screenshot(artifactPath(lang, 'import-surveys-result'));

  // Each answer is on its customer's timeline.
  await app.goToCustomers();
  await customers.openCustomer(byPhone);
  await profile.expectOpen();
  await expect(app.page.getByTestId('timeline-survey').getByTestId('score-badge')).toHaveText(
    t('survey.answer', { kind: t('survey.kindShort.nps'), score: 9, max: 10 }),
  );
  await profile.locators.back.click();
  await customers.openCustomer(byEmail);
  await profile.expectOpen();
  await expect(app.page.getByTestId('timeline-survey').getByTestId('score-badge')).toHaveText(
    t('survey.answer', { kind: t('survey.kindShort.csat'), score: 4, max: 5 }),
  );

  // The same file again records nothing twice.
  await app.goToSurveyImport();
  await surveyImport.chooseFile(surveys(`answers-${lang}.csv`));
  await expect(surveyImport.locators.figure('present')).toHaveText(typed(lang, 2));
  await expect(surveyImport.locators.commit).toBeDisabled();
  await expect(surveyImport.locators.commit).toHaveText(t('surveyImport.action.nothingNew'));
});

test('reminder: a note in the browser; in the desktop app its time is chosen and kept', async ({
  app,
  lang,
}) => {
  const t = createTranslator(lang);
  const { settings } = app;
  await app.ensureOnboarded();
  await app.goToSettings();
  await expect(settings.locators.reminderBrowserNote).toHaveText(t('settings.reminder.browser'));
  await expect(settings.locators.reminderTime).toHaveCount(0);

  // The same screen as the desktop shell shows it: the host is all that differs.
  await app.page.route('**/api/call', async (route) => {
    const body = route.request().postDataJSON() as { channel?: string } | null;
    if (body?.channel !== 'app:info') return route.continue();
    const response = await route.fetch();
    const reply = (await response.json()) as { ok: boolean; data: { host: string } };
    reply.data.host = 'desktop';
    await route.fulfill({ response, json: reply });
  });
  await app.reload();
  await app.goToSettings();
  await expect(settings.locators.reminderBrowserNote).toHaveCount(0);
  await expect(settings.locators.reminderEnabled).toBeChecked();
  await expect(settings.locators.reminderTime).toHaveValue('09:00');
  await expect(settings.locators.reminderTime.locator('option:checked')).toHaveText(
    lang === 'fa' ? '۰۹:۰۰' : '09:00',
  );

  await settings.locators.reminderTime.selectOption('07:30');
  await settings.save();
  await expect(settings.locators.status).toHaveText(t('settings.saved'));
  await app.screenshotTall(artifactPath(lang, 'settings-reminder'));

  // Off, then on again: back at the time it had.
  await settings.setReminderEnabled(false);
  await expect(settings.locators.reminderTime).toBeDisabled();
  await settings.setReminderEnabled(true);
  await expect(settings.locators.reminderTime).toHaveValue('07:30');
  await expect(settings.locators.save).toBeDisabled();

  await app.reload();
  await app.goToSettings();
  await expect(settings.locators.reminderTime).toHaveValue('07:30');
  await settings.locators.reminderTime.selectOption('09:00');
  await settings.save();
  await expect(settings.locators.status).toHaveText(t('settings.saved'));
});
