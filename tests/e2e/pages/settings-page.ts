import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  readonly locators: {
    screen: Locator;
    shopName: Locator;
    timeZone: Locator;
    timeZoneError: Locator;
    save: Locator;
    status: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.locators = {
      screen: page.getByTestId('settings-screen'),
      shopName: page.getByTestId('settings-shop-name'),
      timeZone: page.getByTestId('settings-time-zone'),
      timeZoneError: page.getByTestId('settings-time-zone-error'),
      save: page.getByTestId('settings-save'),
      status: page.getByTestId('settings-status'),
    };
  }

  async setShopName(name: string): Promise<void> {
    await this.locators.shopName.fill(name);
  }

  async save(): Promise<void> {
    await this.locators.save.click();
  }
}
