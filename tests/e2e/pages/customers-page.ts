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
    clearSearch: Locator;
    empty: Locator;
    tagFilter: Locator;
    clearTag: Locator;
    importFilter: Locator;
    clearImportFilter: Locator;
    noImport: Locator;
    add: Locator;
    addDialog: Locator;
    addName: Locator;
    addPhone: Locator;
    addSubmit: Locator;
    columnHeader: (column: string) => Locator;
    /** The row of the customer with exactly this name. */
    row: (name: string) => Locator;
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
      clearSearch: page.getByTestId('customers-clear-search'),
      empty: page.getByTestId('customers-empty'),
      tagFilter: page.getByTestId('customers-tag-filter'),
      clearTag: page.getByTestId('customers-clear-tag'),
      importFilter: page.getByTestId('customers-import-filter'),
      clearImportFilter: page.getByTestId('customers-import-filter-clear'),
      noImport: page.getByTestId('customers-no-import'),
      add: page.getByTestId('customer-add'),
      addDialog: page.getByTestId('add-customer-dialog'),
      addName: page.getByTestId('add-name'),
      addPhone: page.getByTestId('add-phone'),
      addSubmit: page.getByTestId('add-submit'),
      columnHeader: (column) => page.getByTestId(`column-${column}`),
      row: (name) =>
        rows.filter({
          has: page.getByTestId('customer-name').and(page.getByText(name, { exact: true })),
        }),
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

  async expectShown(): Promise<void> {
    await expect(this.locators.search).toBeVisible();
  }

  /** Only customers with this tag; null for all of them. */
  async filterByTag(tag: string | null): Promise<void> {
    await this.locators.tagFilter.selectOption(tag === null ? { value: '' } : { label: tag });
  }

  /** Finds the customer by name and opens their profile. */
  async openCustomer(name: string): Promise<void> {
    await this.search(name);
    await this.locators.row(name).click();
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
