import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { E2eOptions } from './tests/e2e/fixtures.ts';
import { CHROMIUM_LAUNCH } from './tests/fixtures/chromium.ts';

/**
 * End-to-end tests against the browser build (`npm run serve`'s server), one server and one fresh
 * database per language, so the Persian and English runs never see each other's data. The
 * renderer must already be built (`npm test` runs `npm run build` first); this file never builds.
 */
const TOKEN = 'bazgasht-e2e-token';
const PORTS = { fa: 4873, en: 4874 } as const;

// Set once by the runner and inherited by its workers, which load this file again.
process.env.BAZGASHT_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'bazgasht-e2e-'));
const runDir = process.env.BAZGASHT_E2E_DIR;

const server = (lang: 'fa' | 'en') => ({
  command: `node src-main/server/main.ts --db ${JSON.stringify(join(runDir, `${lang}.db`))} --port ${PORTS[lang]}`,
  url: `http://127.0.0.1:${PORTS[lang]}/`,
  env: {
    BAZGASHT_SERVE_TOKEN: TOKEN,
    // The "operating system" language the app follows until the user picks one.
    LANG: lang === 'fa' ? 'fa_IR.UTF-8' : 'en_GB.UTF-8',
    LC_ALL: '',
    LC_MESSAGES: '',
  },
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig<E2eOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: [server('fa'), server('en')],
  projects: [
    {
      name: 'fa',
      // A project's spec files share its one database and some change the whole shop (first
      // run, demo, clear): one at a time, in file order. The two languages run side by side.
      workers: 1,
      use: {
        browserName: 'chromium',
        lang: 'fa',
        baseURL: `http://127.0.0.1:${PORTS.fa}/#token=${TOKEN}`,
      },
    },
    {
      name: 'en',
      workers: 1,
      use: {
        browserName: 'chromium',
        lang: 'en',
        baseURL: `http://127.0.0.1:${PORTS.en}/#token=${TOKEN}`,
      },
    },
  ],
});
