import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class ProfilePage {
  readonly locators: {
    root: Locator;
    name: Locator;
    email: Locator;
    emailError: Locator;
    notes: Locator;
    tagText: Locator;
    tagChips: Locator;
    birthday: Locator;
    birthdayEcho: Locator;
    save: Locator;
    savedToast: Locator;
    orders: Locator;
    timelineEmpty: Locator;
    back: Locator;
    archive: Locator;
    archiveToast: Locator;
    archiveUndo: Locator;
    merge: Locator;
    mergeDialog: Locator;
    mergeSearch: Locator;
    mergeResults: Locator;
    mergeConfirm: Locator;
    mergeToast: Locator;
    discardDialog: Locator;
    discardConfirm: Locator;
    keepEditing: Locator;
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
      tagText: page.getByTestId('field-tags-text'),
      tagChips: page.getByTestId('field-tags-chip'),
      birthday: page.getByTestId('field-birthday'),
      birthdayEcho: page.getByTestId('birthday-echo'),
      save: page.getByTestId('profile-save'),
      savedToast: page.getByTestId('profile-saved'),
      orders: page.getByTestId('order'),
      timelineEmpty: page.getByTestId('timeline-empty'),
      back: page.getByTestId('profile-back'),
      archive: page.getByTestId('profile-archive'),
      archiveToast: page.getByTestId('archive-toast'),
      archiveUndo: page.getByTestId('archive-toast-action'),
      merge: page.getByTestId('profile-merge'),
      mergeDialog: page.getByTestId('merge-dialog'),
      mergeSearch: page.getByTestId('merge-search'),
      mergeResults: page.getByTestId('merge-result'),
      mergeConfirm: page.getByTestId('merge-confirm-button'),
      mergeToast: page.getByTestId('merge-toast'),
      discardDialog: page.getByTestId('discard-dialog'),
      discardConfirm: page.getByTestId('discard-dialog-confirm'),
      keepEditing: page.getByTestId('discard-dialog-cancel'),
    };
  }

  async expectOpen(): Promise<void> {
    await expect(this.locators.root).toBeVisible();
  }

  async edit(fields: {
    email?: string;
    notes?: string;
    birthday?: string;
    addTags?: readonly string[];
  }): Promise<void> {
    if (fields.email !== undefined) await this.locators.email.fill(fields.email);
    if (fields.notes !== undefined) await this.locators.notes.fill(fields.notes);
    if (fields.birthday !== undefined) await this.locators.birthday.fill(fields.birthday);
    for (const tag of fields.addTags ?? []) {
      await this.locators.tagText.fill(tag);
      await this.locators.tagText.press('Enter');
      await expect(this.tagChip(tag)).toBeVisible();
    }
  }

  async save(): Promise<void> {
    await this.locators.save.click();
  }

  /** Saves and waits until the form holds the saved record again. */
  async saveAndWait(): Promise<void> {
    await this.save();
    await expect(this.locators.savedToast).toBeVisible();
    await expect(this.locators.save).toBeDisabled();
  }

  async expectNotesContain(text: string): Promise<void> {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(this.locators.notes).toHaveValue(new RegExp(escaped));
  }

  tagChip(tag: string): Locator {
    return this.locators.tagChips.filter({ hasText: tag });
  }

  /** Archive: the app goes back to the customer book and offers Undo in a toast. */
  async archive(): Promise<void> {
    await this.locators.archive.click();
    await expect(this.locators.archiveToast).toBeVisible();
    await expect(this.locators.root).toBeHidden();
  }

  /** Merge a duplicate…: find the other customer by name, pick them and confirm. */
  async mergeDuplicate(name: string): Promise<void> {
    await this.locators.merge.click();
    await expect(this.locators.mergeDialog).toBeVisible();
    await this.locators.mergeSearch.fill(name);
    await this.locators.mergeResults.filter({ hasText: name }).click();
    await this.locators.mergeConfirm.click();
    await expect(this.locators.mergeDialog).toBeHidden();
    await expect(this.locators.mergeToast).toBeVisible();
  }
}
