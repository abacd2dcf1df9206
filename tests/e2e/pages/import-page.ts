import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The Import screen: the drop zone, the preview, the check, the result and the history. */
export class ImportPage {
  readonly locators: {
    screen: Locator;
    fileInput: Locator;
    dropZone: Locator;
    upload: Locator;
    fileError: Locator;
    fileErrorMessage: Locator;
    chooseAnother: Locator;
    preview: Locator;
    shape: Locator;
    warnings: Locator;
    previous: Locator;
    /** The field select of the column at this index (0-based). */
    mappingSelect: (column: number) => Locator;
    /** The parsed sample values shown for the column at this index. */
    mappingSample: (column: number) => Locator;
    preset: Locator;
    presetSave: Locator;
    presetDialog: Locator;
    presetName: Locator;
    presetDialogSave: Locator;
    presetDelete: Locator;
    presetDeleteConfirm: Locator;
    presetToast: Locator;
    source: Locator;
    dayOrder: Locator;
    calendar: Locator;
    amountUnit: Locator;
    check: Locator;
    checkReason: Locator;
    run: Locator;
    runTitle: Locator;
    runRows: Locator;
    runCancel: Locator;
    /** What just happened to a run (cancelled, failed), on the step it led back to. */
    notice: Locator;
    validate: Locator;
    figure: (key: string) => Locator;
    rejectedRows: Locator;
    rejectedRow: (line: number) => Locator;
    /** "Download these rows (CSV)" under the rows a check would leave out. */
    downloadChecked: Locator;
    dayOrderNote: Locator;
    commit: Locator;
    back: Locator;
    result: Locator;
    showCustomers: Locator;
    downloadRejected: Locator;
    another: Locator;
    history: Locator;
    historyEmpty: Locator;
    historyRow: (batchId: string) => Locator;
    /** The history's first row: the latest import. */
    newestHistoryRow: Locator;
    undoDialog: Locator;
    undoConfirm: Locator;
    undoToast: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const rejectedRows = page.getByTestId('rejected-row');
    this.locators = {
      screen: page.getByTestId('import-screen'),
      fileInput: page.getByTestId('import-file-input'),
      dropZone: page.getByTestId('import-drop-zone'),
      upload: page.getByTestId('import-upload'),
      fileError: page.getByTestId('import-file-error'),
      fileErrorMessage: page.getByTestId('import-file-error-message'),
      chooseAnother: page.getByTestId('import-choose-another'),
      preview: page.getByTestId('import-preview'),
      shape: page.getByTestId('import-shape'),
      warnings: page.getByTestId('import-warning'),
      previous: page.getByTestId('import-previous'),
      mappingSelect: (column) => page.getByTestId(`mapping-select-${column}`),
      mappingSample: (column) =>
        page.getByTestId(`mapping-sample-${column}`).getByTestId('sample-parsed'),
      preset: page.getByTestId('import-preset'),
      presetSave: page.getByTestId('import-preset-save'),
      presetDialog: page.getByTestId('import-preset-dialog'),
      presetName: page.getByTestId('import-preset-name'),
      presetDialogSave: page.getByTestId('import-preset-dialog-save'),
      presetDelete: page.getByTestId('import-preset-delete'),
      presetDeleteConfirm: page.getByTestId('import-preset-delete-dialog-confirm'),
      presetToast: page.getByTestId('import-preset-toast'),
      source: page.getByTestId('import-source'),
      dayOrder: page.getByTestId('import-day-order'),
      calendar: page.getByTestId('import-calendar'),
      amountUnit: page.getByTestId('import-amount-unit'),
      check: page.getByTestId('import-check'),
      checkReason: page.getByTestId('import-check-reason'),
      run: page.getByTestId('import-run'),
      runTitle: page.getByTestId('import-run').getByRole('heading'),
      runRows: page.getByTestId('import-run-rows'),
      runCancel: page.getByTestId('import-run-cancel'),
      notice: page.getByTestId('import-notice'),
      validate: page.getByTestId('import-validate'),
      figure: (key) => page.getByTestId(`figure-${key}-value`),
      rejectedRows,
      rejectedRow: (line) => rejectedRows.and(page.locator(`[data-line="${line}"]`)),
      downloadChecked: page.getByTestId('import-download-checked'),
      dayOrderNote: page.getByTestId('import-day-order-note'),
      commit: page.getByTestId('import-commit'),
      back: page.getByTestId('import-back'),
      result: page.getByTestId('import-result'),
      showCustomers: page.getByTestId('import-show-customers'),
      downloadRejected: page.getByTestId('import-rejected').getByTestId('export-csv'),
      another: page.getByTestId('import-another'),
      history: page.getByTestId('import-history'),
      historyEmpty: page.getByTestId('import-history-empty'),
      historyRow: (batchId) =>
        page.getByTestId('history-row').and(page.locator(`[data-batch-id="${batchId}"]`)),
      newestHistoryRow: page.getByTestId('history-row').first(),
      undoDialog: page.getByTestId('import-undo-dialog'),
      undoConfirm: page.getByTestId('import-undo-dialog-confirm'),
      undoToast: page.getByTestId('import-undo-toast'),
    };
  }

  async expectShown(): Promise<void> {
    await expect(this.locators.screen).toBeVisible();
  }

  /** Chooses a file as the picker would, and waits for its preview. */
  async chooseFile(path: string): Promise<void> {
    await this.locators.fileInput.setInputFiles(path);
  }

  /** Waits for the chosen file's preview (a large file takes longer to hand over: `timeout`). */
  async expectPreview(timeout?: number): Promise<void> {
    await expect(this.locators.preview).toBeVisible({ timeout });
  }

  /** Names where the sales come from (unique per run, so a retry imports afresh). */
  async setSource(source: string): Promise<void> {
    await this.locators.source.fill(source);
  }

  /** "Check the file": waits for the preview to settle, runs the dry run, waits for its summary. */
  async check(): Promise<void> {
    await expect(this.locators.check).toBeEnabled();
    await this.locators.check.click();
    await expect(this.locators.validate).toBeVisible();
  }

  /** "Check the file" without waiting for the check to finish: its progress is on show. */
  async startCheck(): Promise<void> {
    await expect(this.locators.check).toBeEnabled();
    await this.locators.check.click();
    await expect(this.locators.run).toBeVisible();
  }

  /** Imports what the check found and waits for the result. */
  async commit(): Promise<void> {
    await this.locators.commit.click();
    await expect(this.locators.result).toBeVisible();
  }

  /** The import's batch id, read from the link to its new customers. */
  async batchIdFromResult(): Promise<string> {
    const href = (await this.locators.showCustomers.getAttribute('href')) ?? '';
    const batchId = new URLSearchParams(href.split('?')[1] ?? '').get('import');
    if (!batchId) throw new Error(`No import id in ${href}`);
    return batchId;
  }

  /** "Save as a preset…" under this name. */
  async savePreset(name: string): Promise<void> {
    await this.locators.presetSave.click();
    await expect(this.locators.presetDialog).toBeVisible();
    await this.locators.presetName.fill(name);
    await this.locators.presetDialogSave.click();
    await expect(this.locators.presetDialog).toBeHidden();
  }

  /** Deletes the saved preset the columns came from, confirming. */
  async deletePreset(): Promise<void> {
    await this.locators.presetDelete.click();
    await this.locators.presetDeleteConfirm.click();
  }

  /** Undo… on the batch's history row, then confirm. */
  async undo(batchId: string): Promise<void> {
    await this.locators.historyRow(batchId).getByTestId('history-undo').click();
    await expect(this.locators.undoDialog).toBeVisible();
    await this.locators.undoConfirm.click();
    await expect(this.locators.undoDialog).toBeHidden();
  }
}
