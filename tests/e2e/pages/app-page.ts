import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Lang } from '../fixtures.ts';
import { CustomersPage } from './customers-page.ts';
import { FirstRunPage } from './first-run-page.ts';
import { ImportPage } from './import-page.ts';
import { LoyaltyPage } from './loyalty-page.ts';
import { ProfilePage } from './profile-page.ts';
import { SettingsPage } from './settings-page.ts';
import { SurveyImportPage } from './survey-import-page.ts';
import { TodayPage } from './today-page.ts';

/** The whole window: which screen is showing, the frame around it, and the screens themselves. */
export class AppPage {
  readonly firstRun: FirstRunPage;
  readonly customers: CustomersPage;
  readonly profile: ProfilePage;
  readonly settings: SettingsPage;
  readonly importer: ImportPage;
  readonly surveyImport: SurveyImportPage;
  readonly today: TodayPage;
  readonly loyalty: LoyaltyPage;
  readonly locators: {
    html: Locator;
    firstRun: Locator;
    demoBanner: Locator;
    demoClear: Locator;
    demoClearDialog: Locator;
    demoClearConfirm: Locator;
    navToday: Locator;
    navCustomers: Locator;
    navSettings: Locator;
    navImport: Locator;
    toastClose: Locator;
    staffPicker: Locator;
  };

  readonly page: Page;
  readonly lang: Lang;
  readonly url: string;

  constructor(page: Page, lang: Lang, url: string) {
    this.page = page;
    this.lang = lang;
    this.url = url;
    this.firstRun = new FirstRunPage(page);
    this.customers = new CustomersPage(page);
    this.profile = new ProfilePage(page);
    this.settings = new SettingsPage(page);
    this.importer = new ImportPage(page);
    this.surveyImport = new SurveyImportPage(page);
    this.today = new TodayPage(page);
    this.loyalty = new LoyaltyPage(page);
    this.locators = {
      html: page.locator('html'),
      firstRun: page.getByTestId('first-run'),
      demoBanner: page.getByTestId('demo-banner'),
      demoClear: page.getByTestId('demo-clear'),
      demoClearDialog: page.getByTestId('demo-clear-dialog'),
      demoClearConfirm: page.getByTestId('demo-clear-dialog-confirm'),
      navToday: page.getByTestId('nav-today'),
      navCustomers: page.getByTestId('nav-customers'),
      navSettings: page.getByTestId('nav-settings'),
      navImport: page.getByTestId('nav-import'),
      toastClose: page.getByTestId('toast-close'),
      staffPicker: page.getByTestId('staff-picker'),
    };
  }

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await expect(this.locators.firstRun.or(this.locators.navCustomers)).toBeVisible();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.locators.firstRun.or(this.locators.navCustomers)).toBeVisible();
  }

  async isFirstRun(): Promise<boolean> {
    return this.locators.firstRun.isVisible();
  }

  /**
   * A demo shop in this project's language, made through the first-run screen if needed; ends
   * on the customer book (the app itself opens on Today).
   */
  async ensureDemoShop(): Promise<void> {
    if (await this.isFirstRun()) {
      await this.firstRun.chooseLanguage(this.lang);
      await this.firstRun.exploreDemo();
    }
    await this.goToCustomers();
    await expect(this.customers.locators.rows.first()).toBeVisible();
  }

  /**
   * Past the first-run screen whatever the earlier tests did: a fresh database starts a small shop
   * of its own (quicker than the demo); tests that need particular customers create them.
   */
  async ensureOnboarded(): Promise<void> {
    if (await this.isFirstRun()) {
      await this.firstRun.chooseLanguage(this.lang);
      await this.firstRun.startWithOwnData({
        shopName: this.lang === 'fa' ? 'فروشگاه آزمایشی' : 'Test Shop',
      });
    }
    await this.goToCustomers();
    await this.customers.expectShown();
  }

  async goToToday(): Promise<void> {
    await this.locators.navToday.click();
    await this.today.expectShown();
  }

  /** "Who is working": the header's picker, by the staff member's name (null: nobody). */
  async pickWorkingStaff(name: string | null): Promise<void> {
    if (name === null) await this.locators.staffPicker.selectOption({ value: '' });
    else await this.locators.staffPicker.selectOption({ label: name });
  }

  async goToCustomers(): Promise<void> {
    await this.locators.navCustomers.click();
  }

  async expectLanguage(lang: Lang): Promise<void> {
    await expect(this.locators.html).toHaveAttribute('lang', lang);
    await expect(this.locators.html).toHaveAttribute('dir', lang === 'fa' ? 'rtl' : 'ltr');
  }

  async goToSettings(): Promise<void> {
    await this.locators.navSettings.click();
    await expect(this.settings.locators.screen).toBeVisible();
  }

  async goToImport(): Promise<void> {
    await this.locators.navImport.click();
    await this.importer.expectShown();
  }

  /** Import → Survey answers. */
  async goToSurveyImport(): Promise<void> {
    await this.goToImport();
    await this.surveyImport.locators.tab.click();
    await this.surveyImport.expectShown();
  }

  /** Closes the toast on show, for a screenshot of the screen itself. */
  async dismissToasts(): Promise<void> {
    for (const close of await this.locators.toastClose.all()) await close.click();
    await expect(this.locators.toastClose).toHaveCount(0);
  }

  /**
   * The whole of a long form in a window as tall as the page, so sticky Save bars (and the
   * sidebar) rest where they do at the end of a scroll instead of floating over the middle of the
   * picture. Not for virtualised lists, which would draw every row into the taller window.
   */
  async screenshotTall(path: string): Promise<void> {
    const size = this.page.viewportSize() ?? { width: 1366, height: 860 };
    const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
    await this.page.setViewportSize({ width: size.width, height: Math.max(height, size.height) });
    await this.screenshot(path, { fullPage: false });
    await this.page.setViewportSize(size);
  }

  /** The whole page, or with fullPage false its top as the window shows it (a long list). */
  async screenshot(path: string, options: { fullPage?: boolean } = {}): Promise<void> {
    const fullPage = options.fullPage ?? true;
    // Fonts first, so the Persian text is not caught in a fallback font,
    // and from the top, so the sticky sidebar and banner sit where a user sees them.
    await this.page.evaluate(async () => {
      await document.fonts.ready;
      window.scrollTo(0, 0);
    });
    await this.page.screenshot({ path, fullPage, animations: 'disabled' });
  }
}
