import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Locale } from '../../src-shared/contract/types.ts';
import { openDatabase } from '../db/open.ts';
import type { OpenDatabase } from '../db/open.ts';
import { createContext } from './context.ts';
import type { CoreContext, HostInfo } from './context.ts';
import { listCustomers } from './customers/customers.service.ts';
import { createDispatch } from './dispatch.ts';
import type { Dispatch } from './dispatch.ts';
import { createExportJobs } from './exports/export-jobs.ts';
import { createHandlers } from './handlers.ts';
import type { Handlers } from './handlers.ts';
import { createImportService } from './imports/imports.service.ts';
import type { ImportService } from './imports/imports.service.ts';
import { afterSalesChanged } from './loyalty/after-sales.ts';
import { createMemorySecretStore } from './messages/secret-store.ts';
import type { SecretStore } from './messages/secret-store.ts';
import { createEmailService } from './messages/send.service.ts';
import type { EmailService } from './messages/send.service.ts';
import { createDailyScheduler } from './playbook/scheduler.ts';
import type { DailyScheduler } from './playbook/scheduler.ts';
import { getSettings } from './settings/settings.service.ts';
import { APP_VERSION } from './version.ts';

export type Core = {
  context: CoreContext;
  handlers: Handlers;
  dispatch: Dispatch;
  database: OpenDatabase;
  imports: ImportService;
  /** SMTP settings and email sends (the CLI's `send` waits on its jobs). */
  email: EmailService;
  /** Loads what the first screen needs (the customer search index) ahead of the first call. */
  warmUp: () => Promise<void>;
  /** Runs the playbook now and then once a day (null for the CLI, whose inbox runs it). */
  scheduler: DailyScheduler | null;
  close: () => Promise<void>;
};

export type StartOptions = {
  databasePath: string;
  host: HostInfo['host'];
  /** Create the database file (and its folder) when missing. */
  create: boolean;
  systemLocale?: Locale;
  now?: () => Date;
  onUnexpected?: (error: unknown, channel: string) => void;
  /** Start the daily playbook schedule (default: for the desktop app and serve, not the CLI). */
  schedulePlaybook?: boolean;
  /**
   * Where the SMTP password is kept: the desktop app passes one sealed by the operating system;
   * by default it is held in memory for this run only (serve mode, the CLI).
   */
  secrets?: (context: CoreContext) => SecretStore;
};

/** Opens the shop database and wires every service behind one dispatch: the same for all hosts. */
export const startCore = (options: StartOptions): Core => {
  if (options.create && options.databasePath !== ':memory:') {
    mkdirSync(dirname(options.databasePath), { recursive: true });
  }
  const database = openDatabase(options.databasePath, { create: options.create });
  const context = createContext(database, options.now ? { now: options.now } : {});
  const imports = createImportService(context, options.host, {
    // Points and tiers for the new sales, then the follow-ups they call for.
    afterCommit: () => afterSalesChanged(context),
  });
  const exportJobs = createExportJobs(context);
  const systemLocale = options.systemLocale ?? systemLocaleFromEnv();
  const email = createEmailService(context, {
    secrets: options.secrets?.(context) ?? createMemorySecretStore(),
    systemLocale,
  });
  const handlers = createHandlers(
    context,
    { version: APP_VERSION, host: options.host, systemLocale },
    imports,
    exportJobs,
    email,
  );
  const dispatch = createDispatch(handlers, {
    databasePath: database.path,
    ...(options.onUnexpected && { onUnexpected: options.onUnexpected }),
  });
  const scheduler =
    (options.schedulePlaybook ?? options.host !== 'cli')
      ? createDailyScheduler({
          // Tiers move with the days (the window slides, holds end): loyalty, then the playbook.
          run: (day) => afterSalesChanged(context, { date: day }),
          now: context.now,
          timeZone: async () => (await getSettings(context)).timeZone,
          onError: (error) => options.onUnexpected?.(error, 'playbook:schedule'),
        })
      : null;
  return {
    context,
    handlers,
    dispatch,
    database,
    imports,
    email,
    warmUp: async () => {
      await listCustomers(context, { limit: 1 });
      // The start-up run of the playbook, then one a day: Today is ready when it is opened.
      await scheduler?.start();
    },
    scheduler,
    close: async () => {
      scheduler?.stop();
      await imports.close();
      await exportJobs.close();
      await email.close();
      await database.close();
    },
  };
};

/** Persian when the OS language is Persian, English otherwise (DESIGN.md §8). */
export const systemLocaleFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
  intlLocale: string = Intl.DateTimeFormat().resolvedOptions().locale,
): Locale => {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || intlLocale;
  return /^fa\b|^fa[-_]/i.test(tag) ? 'fa' : 'en';
};
