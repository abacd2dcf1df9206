import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';

/** The Insights screen: its period picker, figures, charts and the RFM grid. */
export class InsightsPage {
  readonly locators: {
    nav: Locator;
    screen: Locator;
    periodRange: Locator;
    preset: (preset: string) => Locator;
    customFrom: Locator;
    customTo: Locator;
    customApply: Locator;
    figureValue: (key: string) => Locator;
    figureInfo: (key: string) => Locator;
    figureInfoText: (key: string) => Locator;
    repeatInfo: Locator;
    returningInfo: Locator;
    repeatInfoText: Locator;
    returningInfoText: Locator;
    card: (name: string) => Locator;
    charts: Locator;
    heatmapRows: Locator;
    rfmCells: Locator;
    rfmCell: (r: number, f: number) => Locator;
    segmentCount: (segment: RfmSegment) => Locator;
    focusChoose: Locator;
    focusFigure: Locator;
    focusTarget: Locator;
    focusSave: Locator;
    focusTargetText: Locator;
    focusChange: Locator;
    focusRemove: Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.locators = {
      nav: page.getByTestId('nav-insights'),
      screen: page.getByTestId('insights-screen'),
      periodRange: page.getByTestId('insights-period-range'),
      preset: (preset) => page.getByTestId(`insights-period-${preset}`),
      customFrom: page.getByTestId('insights-period-from'),
      customTo: page.getByTestId('insights-period-to'),
      customApply: page.getByTestId('insights-period-apply'),
      figureValue: (key) => page.getByTestId(`insights-figure-${key}-value`),
      figureInfo: (key) => page.getByTestId(`insights-figure-${key}-info`),
      figureInfoText: (key) => page.getByTestId(`insights-figure-${key}-info-text`),
      repeatInfo: page.getByTestId('insights-repeat-info'),
      returningInfo: page.getByTestId('insights-returning-info'),
      repeatInfoText: page.getByTestId('insights-repeat-info-text'),
      returningInfoText: page.getByTestId('insights-returning-info-text'),
      card: (name) => page.getByTestId(`insights-${name}`),
      charts: page.locator('[data-testid="insights-screen"] canvas'),
      heatmapRows: page.getByTestId('heatmap-row'),
      rfmCells: page.locator('[data-testid^="rfm-cell-"]'),
      rfmCell: (r, f) => page.getByTestId(`rfm-cell-${r}-${f}`),
      segmentCount: (segment) => page.getByTestId(`rfm-segment-${segment}-count`),
      focusChoose: page.getByTestId('insights-focus-choose'),
      focusFigure: page.getByTestId('insights-focus-figure'),
      focusTarget: page.getByTestId('insights-focus-target-input'),
      focusSave: page.getByTestId('insights-focus-save'),
      focusTargetText: page.getByTestId('insights-focus-target'),
      focusChange: page.getByTestId('insights-focus-change'),
      focusRemove: page.getByTestId('insights-focus-remove'),
    };
  }

  async open(): Promise<void> {
    await this.locators.nav.click();
    await this.expectShown();
  }

  /** The screen with its figures in (not only the loading placeholder). */
  async expectShown(): Promise<void> {
    await expect(this.locators.screen).toBeVisible();
    await expect(this.locators.screen).toHaveAttribute('aria-busy', 'false');
    await expect(this.locators.figureValue('newCustomers')).toBeVisible();
  }

  async choosePreset(preset: string): Promise<void> {
    await this.locators.preset(preset).click();
    await expect(this.locators.preset(preset)).toHaveAttribute('aria-pressed', 'true');
    await expect(this.locators.screen).toHaveAttribute('aria-busy', 'false');
  }

  async chooseCustom(from: string, to: string): Promise<void> {
    await this.locators.preset('custom').click();
    await this.locators.customFrom.fill(from);
    await this.locators.customTo.fill(to);
    await this.locators.customApply.click();
    await expect(this.locators.screen).toHaveAttribute('aria-busy', 'false');
  }
}
