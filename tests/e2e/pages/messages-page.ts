import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The Messages screen: the template list, the editor and its live preview. */
export class MessagesPage {
  readonly locators: {
    nav: Locator;
    screen: Locator;
    newTemplate: Locator;
    items: Locator;
    /** The list's group of one channel in one language. */
    group: (channel: 'email' | 'sms', locale: 'fa' | 'en') => Locator;
    /** The entry of that group whose list entry shows `text` (its name or moment). */
    item: (channel: 'email' | 'sms', locale: 'fa' | 'en', text: string) => Locator;
    editor: Locator;
    title: Locator;
    name: Locator;
    channel: Locator;
    locale: Locator;
    subject: Locator;
    body: Locator;
    bodyError: Locator;
    insert: (placeholder: string) => Locator;
    save: Locator;
    status: Locator;
    delete: Locator;
    deleteConfirm: Locator;
    discardDialog: Locator;
    discardKeep: Locator;
    preview: Locator;
    previewCustomer: Locator;
    previewSubject: Locator;
    previewBody: Locator;
    previewMissing: Locator;
    smsParts: Locator;
    smsLimit: Locator;
    smsOver: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const items = page.getByTestId('template-item');
    this.locators = {
      nav: page.getByTestId('nav-messages'),
      screen: page.getByTestId('messages-screen'),
      newTemplate: page.getByTestId('template-new'),
      items,
      group: (channel, locale) => page.getByTestId(`template-group-${channel}-${locale}`),
      item: (channel, locale, text) =>
        page
          .getByTestId(`template-group-${channel}-${locale}`)
          .getByTestId('template-item')
          .filter({ hasText: text })
          .first(),
      editor: page.getByTestId('template-editor'),
      title: page.getByTestId('template-title'),
      name: page.getByTestId('template-name'),
      channel: page.getByTestId('template-channel'),
      locale: page.getByTestId('template-locale'),
      subject: page.getByTestId('template-subject'),
      body: page.getByTestId('template-body'),
      bodyError: page.getByTestId('template-body-error'),
      insert: (placeholder) => page.getByTestId(`insert-${placeholder}`),
      save: page.getByTestId('template-save'),
      status: page.getByTestId('template-status'),
      delete: page.getByTestId('template-delete'),
      deleteConfirm: page.getByTestId('template-delete-dialog-confirm'),
      discardDialog: page.getByTestId('template-discard-dialog'),
      discardKeep: page.getByTestId('template-discard-dialog-cancel'),
      preview: page.getByTestId('message-preview'),
      previewCustomer: page.getByTestId('preview-customer'),
      previewSubject: page.getByTestId('preview-subject'),
      previewBody: page.getByTestId('preview-body'),
      previewMissing: page.getByTestId('preview-missing'),
      smsParts: page.getByTestId('sms-parts'),
      smsLimit: page.getByTestId('sms-limit'),
      smsOver: page.getByTestId('sms-over'),
    };
  }

  async open(): Promise<void> {
    await this.locators.nav.click();
    await expect(this.locators.screen).toBeVisible();
    await expect(this.locators.items.first()).toBeVisible();
  }

  /** Opens the template of this group whose list entry shows `text` (its name or moment). */
  async pick(channel: 'email' | 'sms', locale: 'fa' | 'en', text: string): Promise<void> {
    await this.locators.item(channel, locale, text).click();
    await expect(this.locators.item(channel, locale, text)).toHaveAttribute('aria-current', 'true');
    await expect(this.locators.editor).toBeVisible();
  }

  /** The chosen preview customer's name. */
  async previewCustomerName(): Promise<string> {
    return (await this.locators.previewCustomer.locator('option:checked').textContent()) ?? '';
  }
}
