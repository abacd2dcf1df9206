import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class CustomersPage {
  readonly locators: {
    search: Locator;
    count: Locator;
    grid: Locator;
    gridBody: Locator;
    rows: Locator;
    phoneCells: Locator;
    noMatch: Locator;
    empty: Locator;
    add: Locator;
    addDialog: Locator;
    addName: Locator;
    addPhone: Locator;
    addSubmit: Locator;
    columnHeader: (column: string) => Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const rows = page.getByTestId('customer-row');
    this.locators = {
      search: page.getByTestId('customers-search'),
      count: page.getByTestId('customer-count'),
      grid: page.getByTestId('customer-grid'),
      gridBody: page.getByTestId('customer-grid-body'),
      rows,
      phoneCells: rows.locator('[data-column="phone"] bdi'),
      noMatch: page.getByTestId('customers-no-match'),
      empty: page.getByTestId('customers-empty'),
      add: page.getByTestId('customer-add'),
      addDialog: page.getByTestId('add-customer-dialog'),
      addName: page.getByTestId('add-name'),
      addPhone: page.getByTestId('add-phone'),
      addSubmit: page.getByTestId('add-submit'),
      columnHeader: (column) => page.getByTestId(`column-${column}`),
    };
  }

  /** The phone number as shown in the first row that has one. */
  async firstShownPhone(): Promise<string> {
    const phone = this.locators.phoneCells.first();
    await expect(phone).toBeVisible();
    return (await phone.textContent()) ?? '';
  }

  async search(text: string): Promise<void> {
    await this.locators.search.fill(text);
  }

  async openRow(index: number): Promise<void> {
    await this.locators.rows.nth(index).click();
  }

  async sortBy(column: string): Promise<void> {
    await this.locators.columnHeader(column).getByRole('button').click();
  }

  async addCustomer(customer: { name: string; phone?: string }): Promise<void> {
    await this.locators.add.click();
    await expect(this.locators.addDialog).toBeVisible();
    await this.locators.addName.fill(customer.name);
    if (customer.phone !== undefined) await this.locators.addPhone.fill(customer.phone);
    await this.locators.addSubmit.click();
    await expect(this.locators.addDialog).toBeHidden();
  }
}
