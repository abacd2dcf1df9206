import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class SettingsPage {
  readonly locators: {
    screen: Locator;
    shopName: Locator;
    timeZone: Locator;
    timeZoneError: Locator;
    save: Locator;
    status: Locator;
    /** The reminder card, and in a browser its note that reminders are the desktop app's. */
    reminder: Locator;
    reminderBrowserNote: Locator;
    reminderEnabled: Locator;
    reminderTime: Locator;
    /** Settings → Follow-up rules. */
    rules: Locator;
    /** A rule's on/off switch, e.g. ruleSwitch('birthday'). */
    ruleSwitch: (rule: string) => Locator;
    /** A number of the rules by its path in the settings, e.g. 'rules.recovery.npsMax'. */
    ruleNumber: (key: string) => Locator;
    ruleNumberError: (key: string) => Locator;
    rulesSave: Locator;
    rulesCancel: Locator;
    rulesStatus: Locator;
    rulesRestore: Locator;
    rulesRestoreDialog: Locator;
    rulesRestoreConfirm: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const number = (key: string) => `playbook-${key.replaceAll('.', '-')}`;
    this.locators = {
      screen: page.getByTestId('settings-screen'),
      shopName: page.getByTestId('settings-shop-name'),
      timeZone: page.getByTestId('settings-time-zone'),
      timeZoneError: page.getByTestId('settings-time-zone-error'),
      save: page.getByTestId('settings-save'),
      status: page.getByTestId('settings-status'),
      reminder: page.getByTestId('settings-reminder'),
      reminderBrowserNote: page.getByTestId('settings-reminder-browser'),
      reminderEnabled: page.getByTestId('settings-reminder-enabled'),
      reminderTime: page.getByTestId('settings-reminder-time'),
      rules: page.getByTestId('playbook-section'),
      ruleSwitch: (rule) => page.getByTestId(`playbook-rule-${rule}`),
      ruleNumber: (key) => page.getByTestId(number(key)),
      ruleNumberError: (key) => page.getByTestId(`${number(key)}-error`),
      rulesSave: page.getByTestId('playbook-save'),
      rulesCancel: page.getByTestId('playbook-cancel'),
      rulesStatus: page.getByTestId('playbook-status'),
      rulesRestore: page.getByTestId('playbook-restore'),
      rulesRestoreDialog: page.getByTestId('playbook-restore-dialog'),
      rulesRestoreConfirm: page.getByTestId('playbook-restore-dialog-confirm'),
    };
  }

  async setShopName(name: string): Promise<void> {
    await this.locators.shopName.fill(name);
  }

  async save(): Promise<void> {
    await this.locators.save.click();
  }

  /** The follow-up rules, loaded and ready to edit. */
  async expectRules(): Promise<void> {
    await expect(this.locators.ruleNumber('maxAttempts')).toBeVisible();
  }

  /** Saves the follow-up rules (the form then runs the playbook and says what it planned). */
  async saveRules(): Promise<void> {
    await this.locators.rulesSave.click();
  }

  /** Switches a rule on or off, by its label as a user would (the input itself is hidden). */
  async setRuleEnabled(rule: string, isOn: boolean): Promise<void> {
    await this.flip(this.locators.ruleSwitch(rule), isOn);
  }

  /** Switches the desktop reminder on or off. */
  async setReminderEnabled(isOn: boolean): Promise<void> {
    await this.flip(this.locators.reminderEnabled, isOn);
  }

  private async flip(input: Locator, isOn: boolean): Promise<void> {
    if ((await input.isChecked()) !== isOn) await input.locator('xpath=ancestor::label[1]').click();
    await expect(input).toBeChecked({ checked: isOn });
  }

  /** Restore defaults…, confirmed. */
  async restoreRules(): Promise<void> {
    await this.locators.rulesRestore.click();
    await expect(this.locators.rulesRestoreDialog).toBeVisible();
    await this.locators.rulesRestoreConfirm.click();
    await expect(this.locators.rulesRestoreDialog).toBeHidden();
  }
}
