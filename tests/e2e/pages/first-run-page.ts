import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Lang } from '../fixtures.ts';

export class FirstRunPage {
  readonly locators: {
    root: Locator;
    language: (lang: Lang) => Locator;
    demoChoice: Locator;
    ownChoice: Locator;
    demoCreate: Locator;
    demoProgress: Locator;
    ownShopName: Locator;
    ownSubmit: Locator;
    currencyOther: Locator;
    currencyCode: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.locators = {
      root: page.getByTestId('first-run'),
      language: (lang) => page.getByTestId(`first-run-language-${lang}`),
      demoChoice: page.getByTestId('first-run-demo'),
      ownChoice: page.getByTestId('first-run-own'),
      demoCreate: page.getByTestId('first-run-demo-create'),
      demoProgress: page.getByTestId('demo-progress'),
      ownShopName: page.getByTestId('own-shop-name'),
      ownSubmit: page.getByTestId('own-submit'),
      currencyOther: page.getByTestId('currency-other'),
      currencyCode: page.getByTestId('currency-code'),
    };
  }

  async chooseLanguage(lang: Lang): Promise<void> {
    await this.locators.language(lang).click();
    await expect(this.locators.demoChoice).toBeVisible();
  }

  /** "Explore a demo shop": creates it and waits for the app (which opens on Today). */
  async exploreDemo(): Promise<void> {
    await this.locators.demoChoice.click();
    await this.locators.demoCreate.click();
    await expect(this.locators.root).toBeHidden({ timeout: 45_000 });
  }

  /** "Start with my own data": the shop's name, a currency code or the suggested one. */
  async startWithOwnData(shop: { shopName: string; currencyCode?: string }): Promise<void> {
    await this.locators.ownChoice.click();
    await this.locators.ownShopName.fill(shop.shopName);
    if (shop.currencyCode !== undefined) {
      await this.locators.currencyOther.check();
      await this.locators.currencyCode.fill(shop.currencyCode);
    }
    await this.locators.ownSubmit.click();
    await expect(this.locators.root).toBeHidden();
  }
}
