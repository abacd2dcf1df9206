import { test as base, expect } from '@playwright/test';
import type { TestInfo } from '@playwright/test';
import { en } from '../../src-shared/i18n/messages/en.ts';
import { fa } from '../../src-shared/i18n/messages/fa.ts';
import type { Catalogue } from '../../src-shared/i18n/messages/index.ts';
import { AppPage } from './pages/app-page.ts';

export type Lang = 'fa' | 'en';
export type E2eOptions = { lang: Lang };

type Fixtures = {
  /** The app opened with this run's access token, ready for a page object to drive. */
  app: AppPage;
  /** The catalogue of the project's language, to expect translated text. */
  messages: Catalogue;
};

export const test = base.extend<E2eOptions & Fixtures>({
  lang: ['fa', { option: true }],
  messages: async ({ lang }, use) => {
    await use(lang === 'fa' ? fa : en);
  },
  app: async ({ page, baseURL, lang }, use) => {
    if (!baseURL) throw new Error('The project needs a baseURL carrying #token=.');
    const app = new AppPage(page, lang, baseURL);
    await app.open();
    await use(app);
  },
});

export { expect };

/** Where the screenshots of each main screen go (gitignored). */
export const artifactPath = (lang: Lang, screen: string): string =>
  `tests/e2e/artifacts/${lang}-${screen}.png`;

/**
 * A name for the records a test creates: as written on a test's first attempt, so screenshots
 * read naturally; with a letters-only mark on a retry or repeat, whose database still holds the
 * first attempt's records (digits would read as part of a phone number to the search).
 */
export const uniqueName = (name: string, info: TestInfo): string => {
  if (info.retry === 0 && info.repeatEachIndex === 0) return name;
  const mark = Date.now()
    .toString(26)
    .replace(/[0-9]/g, (digit) => String.fromCharCode(0x71 + Number(digit)));
  return `${name} ${mark.slice(-5)}`;
};
