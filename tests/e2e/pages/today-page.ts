import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { normaliseDigits } from '../../../src-shared/domain/persian-text.ts';

/** The Today inbox: its list, the active task, the call dialog and the print view. */
export class TodayPage {
  readonly locators: {
    screen: Locator;
    progressText: Locator;
    tasks: Locator;
    activeTask: Locator;
    shortcuts: Locator;
    empty: Locator;
    filterStaff: Locator;
    filterRule: Locator;
    printView: Locator;
    logDialog: Locator;
    logNote: Locator;
    logSave: Locator;
    surveyComment: Locator;
    surveyLow: Locator;
    callToast: Locator;
    completeToast: Locator;
    recoveryToast: Locator;
    /** The tasks of one rule's group, e.g. recovery. */
    group: (rule: string) => Locator;
    task: (id: string) => Locator;
    outcome: (outcome: string) => Locator;
    surveyKind: (kind: 'none' | 'nps' | 'csat') => Locator;
    surveyScore: (score: number) => Locator;
  };

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    const tasks = page.getByTestId('today-task');
    this.locators = {
      screen: page.getByTestId('today-screen'),
      progressText: page.getByTestId('today-progress-text'),
      tasks,
      activeTask: tasks.and(page.locator('[aria-current="true"]')),
      shortcuts: page.getByTestId('today-shortcuts'),
      empty: page.getByTestId('today-empty'),
      filterStaff: page.getByTestId('today-filter-staff'),
      filterRule: page.getByTestId('today-filter-rule'),
      printView: page.getByTestId('today-print'),
      logDialog: page.getByTestId('log-call-dialog'),
      logNote: page.getByTestId('log-note'),
      logSave: page.getByTestId('log-save'),
      surveyComment: page.getByTestId('survey-comment'),
      surveyLow: page.getByTestId('survey-low'),
      callToast: page.getByTestId('call-toast'),
      completeToast: page.getByTestId('complete-toast'),
      recoveryToast: page.getByTestId('recovery-toast'),
      group: (rule) => page.getByTestId(`today-group-${rule}`).getByTestId('today-task'),
      task: (id) => page.locator(`[data-testid="today-task"][data-task-id="${id}"]`),
      outcome: (outcome) => page.getByTestId(`outcome-${outcome}`),
      surveyKind: (kind) => page.getByTestId(`survey-kind-${kind}`),
      surveyScore: (score) => page.getByTestId(`survey-score-${score}`),
    };
  }

  async expectShown(): Promise<void> {
    await expect(this.locators.screen).toBeVisible();
  }

  /** The list is there and the keyboard has its place on the first task. */
  async expectList(): Promise<void> {
    await expect(this.locators.tasks.first()).toBeVisible();
    await expect(this.locators.activeTask).toHaveCount(1);
  }

  /** "12 of 30 done" read back as numbers, in either language's digits. */
  async progress(): Promise<{ done: number; total: number }> {
    const text = normaliseDigits((await this.locators.progressText.textContent()) ?? '');
    const [done = NaN, total = NaN] = (text.match(/\d+/g) ?? []).map(Number);
    return { done, total };
  }

  /** The active task's id and customer's name. */
  async active(): Promise<{ id: string; name: string }> {
    const task = this.locators.activeTask;
    await expect(task).toHaveCount(1);
    return {
      id: (await task.getAttribute('data-task-id')) ?? '',
      name: (await task.getByTestId('task-name').textContent()) ?? '',
    };
  }

  /** A key as the user presses it, with no field focused (the list's shortcuts). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }
}
