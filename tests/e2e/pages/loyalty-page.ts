import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The Loyalty screen (distribution, close to the next tier, tier rules) and the profile's card. */
export class LoyaltyPage {
  readonly locators: {
    nav: Locator;
    screen: Locator;
    distribution: Locator;
    tierCounts: Locator;
    near: Locator;
    nearRows: Locator;
    rules: Locator;
    tierRows: Locator;
    /** The editor row of the tier at this place (0 is the base tier). */
    tierRow: (index: number) => Locator;
    tierName: (index: number) => Locator;
    tierThreshold: (index: number) => Locator;
    tierNow: (index: number) => Locator;
    tierPreview: (index: number) => Locator;
    previewStatus: Locator;
    save: Locator;
    status: Locator;
    /** The profile's loyalty card. */
    card: Locator;
    balance: Locator;
    ledgerRows: Locator;
    adjust: Locator;
    redeem: Locator;
    pointsDialog: Locator;
    pointsAmount: Locator;
    pointsReason: Locator;
    pointsSave: Locator;
    pointsToast: Locator;
    tierFilter: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const tierRows = page.getByTestId('loyalty-tier-row');
    this.locators = {
      nav: page.getByTestId('nav-loyalty'),
      screen: page.getByTestId('loyalty-screen'),
      distribution: page.getByTestId('loyalty-distribution'),
      tierCounts: page.getByTestId('loyalty-tier-count'),
      near: page.getByTestId('loyalty-near'),
      nearRows: page.getByTestId('loyalty-near-row'),
      rules: page.getByTestId('loyalty-rules'),
      tierRows,
      tierRow: (index) => tierRows.nth(index),
      tierName: (index) => tierRows.nth(index).getByTestId('loyalty-tier-name'),
      tierThreshold: (index) => tierRows.nth(index).getByTestId('loyalty-tier-threshold'),
      tierNow: (index) => tierRows.nth(index).getByTestId('loyalty-tier-now'),
      tierPreview: (index) => tierRows.nth(index).getByTestId('loyalty-tier-preview'),
      previewStatus: page.getByTestId('loyalty-preview-status'),
      save: page.getByTestId('loyalty-rules-save'),
      status: page.getByTestId('loyalty-rules-status'),
      card: page.getByTestId('profile-loyalty'),
      balance: page.getByTestId('loyalty-balance'),
      ledgerRows: page.getByTestId('loyalty-ledger-row'),
      adjust: page.getByTestId('loyalty-adjust'),
      redeem: page.getByTestId('loyalty-redeem'),
      pointsDialog: page.getByTestId('points-dialog'),
      pointsAmount: page.getByTestId('points-amount'),
      pointsReason: page.getByTestId('points-reason'),
      pointsSave: page.getByTestId('points-save'),
      pointsToast: page.getByTestId('points-toast'),
      tierFilter: page.getByTestId('customers-tier-filter'),
    };
  }

  async open(): Promise<void> {
    await this.locators.nav.click();
    await expect(this.locators.screen).toBeVisible();
    await expect(this.locators.rules).toBeVisible();
  }

  /** Types a tier's threshold (in the shop's unit, as the owner writes it). */
  async setThreshold(index: number, amount: string): Promise<void> {
    await this.locators.tierThreshold(index).fill(amount);
  }

  async save(): Promise<void> {
    await expect(this.locators.save).toBeEnabled();
    await this.locators.save.click();
    await expect(this.locators.save).toBeDisabled();
  }

  /** Adjust points… on the profile's card, with a reason. */
  async adjustPoints(points: string, reason: string): Promise<void> {
    await this.locators.adjust.click();
    await expect(this.locators.pointsDialog).toBeVisible();
    await this.locators.pointsAmount.fill(points);
    await this.locators.pointsReason.fill(reason);
    await this.locators.pointsSave.click();
    await expect(this.locators.pointsDialog).toBeHidden();
  }
}
