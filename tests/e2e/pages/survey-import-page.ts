import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Import → Survey answers: the file, its check with the lines to fix, the import, the result. */
export class SurveyImportPage {
  readonly locators: {
    /** The Sales / Survey answers switch at the top of the Import screen. */
    tab: Locator;
    screen: Locator;
    fileInput: Locator;
    dropZone: Locator;
    fileError: Locator;
    fileErrorMessage: Locator;
    check: Locator;
    /** A figure of the check or the result: read, new, present, ready, rejected, recorded… */
    figure: (id: string) => Locator;
    blocked: Locator;
    rejectedLines: Locator;
    rejectedLine: (line: number) => Locator;
    chooseAgain: Locator;
    commit: Locator;
    result: Locator;
    another: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const rejectedLines = page.getByTestId('survey-rejected-line');
    this.locators = {
      tab: page.getByTestId('import-kind-surveys'),
      screen: page.getByTestId('survey-import-screen'),
      fileInput: page.getByTestId('survey-file-input'),
      dropZone: page.getByTestId('survey-drop-zone'),
      fileError: page.getByTestId('survey-file-error'),
      fileErrorMessage: page.getByTestId('survey-file-error-message'),
      check: page.getByTestId('survey-check'),
      figure: (id) => page.getByTestId(`survey-figure-${id}-value`),
      blocked: page.getByTestId('survey-blocked'),
      rejectedLines,
      rejectedLine: (line) => rejectedLines.and(page.locator(`[data-line="${line}"]`)),
      chooseAgain: page.getByTestId('survey-choose-again'),
      commit: page.getByTestId('survey-commit'),
      result: page.getByTestId('survey-result'),
      another: page.getByTestId('survey-another'),
    };
  }

  async expectShown(): Promise<void> {
    await expect(this.locators.screen).toBeVisible();
  }

  /** Chooses a file as the picker would and waits for its check. */
  async chooseFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.locators.fileInput.setInputFiles(file);
  }

  async expectChecked(): Promise<void> {
    await expect(this.locators.check).toBeVisible();
  }

  /** Records what the check found and waits for the result. */
  async commit(): Promise<void> {
    await this.locators.commit.click();
    await expect(this.locators.result).toBeVisible();
  }
}
