import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class ProfilePage {
  readonly locators: {
    root: Locator;
    name: Locator;
    email: Locator;
    emailError: Locator;
    notes: Locator;
    birthday: Locator;
    birthdayEcho: Locator;
    save: Locator;
    savedToast: Locator;
    orders: Locator;
    timelineEmpty: Locator;
    back: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.locators = {
      root: page.getByTestId('customer-profile'),
      name: page.getByTestId('profile-name'),
      email: page.getByTestId('field-email'),
      emailError: page.getByTestId('field-email-error'),
      notes: page.getByTestId('field-notes'),
      birthday: page.getByTestId('field-birthday'),
      birthdayEcho: page.getByTestId('birthday-echo'),
      save: page.getByTestId('profile-save'),
      savedToast: page.getByTestId('profile-saved'),
      orders: page.getByTestId('order'),
      timelineEmpty: page.getByTestId('timeline-empty'),
      back: page.getByTestId('profile-back'),
    };
  }

  async expectOpen(): Promise<void> {
    await expect(this.locators.root).toBeVisible();
  }

  async edit(fields: { email?: string; notes?: string; birthday?: string }): Promise<void> {
    if (fields.email !== undefined) await this.locators.email.fill(fields.email);
    if (fields.notes !== undefined) await this.locators.notes.fill(fields.notes);
    if (fields.birthday !== undefined) await this.locators.birthday.fill(fields.birthday);
  }

  async save(): Promise<void> {
    await this.locators.save.click();
  }
}
