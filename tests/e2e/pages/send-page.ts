import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The send panel under a saved template, and Settings → Email. */
export class SendPage {
  readonly locators: {
    fromCustomers: Locator;
    panel: Locator;
    audience: Locator;
    segmentFilter: Locator;
    searchChip: Locator;
    count: (figure: 'total' | 'reachable' | 'do-not-contact' | 'no-address') => Locator;
    smsXlsx: Locator;
    smsCsv: Locator;
    smtpMissing: Locator;
    smtpSettingsLink: Locator;
    sendEmail: Locator;
    eml: Locator;
    confirm: Locator;
    confirmRecipients: Locator;
    confirmSkipped: Locator;
    rate: Locator;
    confirmSubmit: Locator;
    job: Locator;
    jobState: Locator;
    progress: Locator;
    sent: Locator;
    skipped: Locator;
    failed: Locator;
    resultsFilter: Locator;
    resultRows: Locator;
    email: Locator;
    smtpHost: Locator;
    smtpPort: Locator;
    smtpSecurity: Locator;
    smtpUser: Locator;
    smtpPassword: Locator;
    smtpFromAddress: Locator;
    smtpFromName: Locator;
    smtpSave: Locator;
    smtpStatus: Locator;
    testTo: Locator;
    testSend: Locator;
    testOk: Locator;
    testFailed: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.locators = {
      fromCustomers: page.getByTestId('customers-message'),
      panel: page.getByTestId('send-panel'),
      audience: page.getByTestId('send-audience'),
      segmentFilter: page.getByTestId('send-audience').getByTestId('customers-segment-filter'),
      searchChip: page.getByTestId('send-audience-search'),
      count: (figure) => page.getByTestId(`send-count-${figure}`),
      smsXlsx: page.getByTestId('send-sms-xlsx'),
      smsCsv: page.getByTestId('send-sms-csv'),
      smtpMissing: page.getByTestId('send-smtp-missing'),
      smtpSettingsLink: page.getByTestId('send-smtp-settings'),
      sendEmail: page.getByTestId('send-email'),
      eml: page.getByTestId('send-eml'),
      confirm: page.getByTestId('send-confirm'),
      confirmRecipients: page.getByTestId('send-confirm-recipients'),
      confirmSkipped: page.getByTestId('send-confirm-skipped'),
      rate: page.getByTestId('send-rate'),
      confirmSubmit: page.getByTestId('send-confirm-submit'),
      job: page.getByTestId('send-job'),
      jobState: page.getByTestId('send-job-state'),
      progress: page.getByTestId('send-progress'),
      sent: page.getByTestId('send-sent'),
      skipped: page.getByTestId('send-skipped'),
      failed: page.getByTestId('send-failed'),
      resultsFilter: page.getByTestId('send-results-filter'),
      resultRows: page.getByTestId('send-result-row'),
      email: page.getByTestId('email-section'),
      smtpHost: page.getByTestId('smtp-host'),
      smtpPort: page.getByTestId('smtp-port'),
      smtpSecurity: page.getByTestId('smtp-security'),
      smtpUser: page.getByTestId('smtp-user'),
      smtpPassword: page.getByTestId('smtp-password'),
      smtpFromAddress: page.getByTestId('smtp-from-address'),
      smtpFromName: page.getByTestId('smtp-from-name'),
      smtpSave: page.getByTestId('smtp-save'),
      smtpStatus: page.getByTestId('smtp-status'),
      testTo: page.getByTestId('smtp-test-to'),
      testSend: page.getByTestId('smtp-test-send'),
      testOk: page.getByTestId('smtp-test-ok'),
      testFailed: page.getByTestId('smtp-test-failed'),
    };
  }

  /** The file a button saves, once the browser has it. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  /** Fills and saves Settings → Email. */
  async saveSmtp(server: {
    host: string;
    port: string;
    security: 'tls' | 'starttls' | 'none';
    user: string;
    password: string;
    fromAddress: string;
    fromName: string;
  }): Promise<void> {
    const { locators } = this;
    await locators.smtpHost.fill(server.host);
    await locators.smtpSecurity.selectOption(server.security);
    await locators.smtpPort.fill(server.port);
    await locators.smtpUser.fill(server.user);
    await locators.smtpPassword.fill(server.password);
    await locators.smtpFromAddress.fill(server.fromAddress);
    await locators.smtpFromName.fill(server.fromName);
    await locators.smtpSave.click();
    await expect(locators.smtpSave).toBeDisabled();
  }
}
