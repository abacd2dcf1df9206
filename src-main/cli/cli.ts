import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AppError, isAppError } from '../../src-shared/contract/errors.ts';
import type { CustomerRow, Settings } from '../../src-shared/contract/types.ts';
import { formatMoney, localDateOf } from '../../src-shared/i18n/locale.ts';
import { createDemoShop } from '../core/app/demo.service.ts';
import { startCore } from '../core/core.ts';
import type { Core } from '../core/core.ts';
import { listCustomers } from '../core/customers/customers.service.ts';
import { createMemorySecretStore } from '../core/messages/secret-store.ts';
import { resolveDatabasePath } from '../core/paths.ts';
import { getSettings } from '../core/settings/settings.service.ts';
import { APP_VERSION } from '../core/version.ts';
import { EXPORT_USAGE, exportCommand } from './export-command.ts';
import {
  FOLLOWUP_USAGE,
  inboxCommand,
  logContactCommand,
  surveyCommand,
} from './followup-commands.ts';
import { prepareImport } from './import-command.ts';
import { KPIS_USAGE, kpisCommand } from './kpis-command.ts';
import { SEND_USAGE, sendCommand } from './send-command.ts';
import { SETTINGS_USAGE, settingsCommand } from './settings-command.ts';
import { isIsoDate, UsageError } from './usage-error.ts';

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
};

export const USAGE = `Bazgasht ${APP_VERSION}: win back customers who buy once and vanish.

usage: bazgasht [--db PATH] <command> [options]
  (default database: the desktop app's; or set BAZGASHT_DB)

commands:
  demo [--customers N] [--seed S] [--locale fa|en] [--as-of YYYY-MM-DD] [--json]
        create a demo shop in an empty database (N from 100 to 100000, default 2000)
${SETTINGS_USAGE}
  import FILE [--mapping MAPPING.json] [--preset NAME] [--sheet NAME] [--dry-run] [--json]
        import sales from a CSV/TSV/TXT or .xlsx file (columns mapped automatically, by a
        preset — shopify, fa-accounting, generic-en, generic-fa or one saved in the app — or
        by a mapping file); --sheet names a workbook's sheet (default the first); --dry-run
        checks and counts without writing anything
  customers [--search TEXT] [--json]
        list customers (search by any part of a name, phone or email)
${FOLLOWUP_USAGE}
${KPIS_USAGE}
${EXPORT_USAGE}
${SEND_USAGE}
  check [--json]
        verify the database file page by page
  help | --help    this text;   --version    the version

exit codes: 0 success; 2 bad usage or bad input (reason on stderr); 1 unexpected failure`;

type Options = ParseArgsConfig['options'];
type Run = (core: Core) => Promise<void | number>;
export type Command = {
  options: Options;
  /** How many positional arguments the command takes. */
  positionals?: number;
  /** Whether the command may create the database file. */
  creates: boolean | ((values: Record<string, unknown>) => boolean);
  /** Without a database file, run on an empty shop in memory instead of refusing. */
  readsEmptyWhenMissing?: boolean;
  /**
   * Checks the options (throwing UsageError) before any database is opened, then runs; a run
   * may give its exit code (send: 1 when the server refused a message), else 0.
   */
  prepare: (
    values: Record<string, unknown>,
    io: CliIo,
    positionals: string[],
  ) => Run | Promise<Run>;
};

const COMMANDS: Record<string, Command> = {
  import: {
    options: {
      mapping: { type: 'string' },
      preset: { type: 'string' },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    positionals: 1,
    creates: (values) => values['dry-run'] !== true,
    readsEmptyWhenMissing: true,
    prepare: (values, io, positionals) => prepareImport(values, io, positionals),
  },
  demo: {
    options: {
      customers: { type: 'string' },
      seed: { type: 'string' },
      locale: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
    },
    creates: true,
    prepare: (values, io) => {
      const customers = integerOption(values.customers, '--customers', 2000, 100, 100_000);
      const seed = integerOption(values.seed, '--seed', 1, 0, 2 ** 31);
      const locale = values.locale ?? 'fa';
      if (locale !== 'fa' && locale !== 'en') throw new UsageError('--locale must be fa or en');
      const asOf = values['as-of'];
      if (asOf !== undefined && !isIsoDate(asOf)) {
        throw new UsageError(`--as-of: "${String(asOf)}" is not a date (YYYY-MM-DD)`);
      }
      return async (core) => {
        const started = Date.now();
        const summary = await createDemoShop(core.context, {
          customers,
          seed,
          locale,
          asOf: asOf as string | undefined,
        });
        if (values.json) {
          io.stdout(JSON.stringify(summary));
        } else {
          io.stdout(
            `Demo shop created in ${core.database.path} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
              `${summary.customers} customers, ${summary.orders} orders, ${summary.items} items, ${summary.staff} staff.`,
          );
        }
      };
    },
  },
  settings: settingsCommand,
  customers: {
    options: { search: { type: 'string' }, json: { type: 'boolean' } },
    creates: false,
    prepare: (values, io) => async (core) => {
      const search = typeof values.search === 'string' ? values.search : undefined;
      const rows: CustomerRow[] = [];
      for (let offset = 0; ; offset += 500) {
        const page = await listCustomers(core.context, { search, offset, limit: 500 });
        rows.push(...page.rows);
        if (rows.length >= page.total || page.rows.length === 0) break;
      }
      if (values.json) {
        io.stdout(JSON.stringify(rows.map(toJsonCustomer), null, 2));
        return;
      }
      const settings = await getSettings(core.context);
      io.stdout(formatCustomerTable(rows, settings));
    },
  },
  inbox: inboxCommand,
  'log-contact': logContactCommand,
  survey: surveyCommand,
  kpis: kpisCommand,
  export: exportCommand,
  send: sendCommand,
  check: {
    options: { json: { type: 'boolean' } },
    creates: false,
    prepare: (values, io) => async (core) => {
      const { sqlite } = core.database;
      const problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
        .map((row) => row.integrity_check)
        .filter((line) => line !== 'ok');
      const report = {
        ok: problems.length === 0,
        schemaVersion: core.database.schemaVersion,
        problems,
      };
      if (values.json) io.stdout(JSON.stringify(report));
      else io.stdout(report.ok ? `${core.database.path}: ok` : problems.join('\n'));
      if (!report.ok) {
        throw new AppError(
          'db_corrupt',
          `The database ${core.database.path} is damaged: ${problems[0]}`,
        );
      }
    },
  },
};

/** Runs one command line and returns the exit code; all output goes through io. */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  let core: Core | undefined;
  try {
    const { command, rest, db } = splitGlobal(argv);
    if (command === undefined && rest.includes('--version')) {
      io.stdout(APP_VERSION);
      return 0;
    }
    if (command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === undefined) throw new UsageError('no command given (see bazgasht --help)');
    const spec = COMMANDS[command];
    if (!spec) throw new UsageError(`unknown command "${command}" (see bazgasht --help)`);
    const { values, positionals } = parseCommandOptions(command, spec, rest);
    const run = await spec.prepare(values, io, positionals);
    const path = resolveDatabasePath(db, io.env);
    const creates = typeof spec.creates === 'function' ? spec.creates(values) : spec.creates;
    core = startCore({
      // A command that writes nothing may look at an empty shop that does not exist yet.
      databasePath: !creates && spec.readsEmptyWhenMissing && !existsSync(path) ? ':memory:' : path,
      host: 'cli',
      create: creates,
      ...(io.now && { now: io.now }),
      // The SMTP password is never saved by the CLI: the environment gives it for this run.
      secrets: () => createMemorySecretStore(io.env['BAZGASHT_SMTP_PASSWORD'] || null),
    });
    return (await run(core)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`bazgasht: ${error.message}`);
      return 2;
    }
    if (isAppError(error) && error.code !== 'internal') {
      io.stderr(`bazgasht: ${error.message}`);
      return 2;
    }
    io.stderr(
      `bazgasht: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  } finally {
    await core?.close();
  }
};

/** Global options (--db, --help, --version) may stand before the command; the rest is the command's. */
const splitGlobal = (argv: readonly string[]) => {
  const rest: string[] = [];
  let db: string | undefined;
  let command: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--db') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError('--db needs a file path');
      db = value;
      i += 1;
    } else if (arg.startsWith('--db=')) {
      db = arg.slice('--db='.length);
    } else if (command === undefined && (arg === '--help' || arg === '-h')) {
      command = 'help';
    } else if (command === undefined && !arg.startsWith('-')) {
      command = arg;
    } else {
      rest.push(arg);
    }
  }
  return { command, rest, db };
};

const parseCommandOptions = (command: string, spec: Command, args: string[]) => {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: spec.options,
      strict: true,
      allowPositionals: true,
    });
    const allowed = spec.positionals ?? 0;
    if (positionals.length > allowed) {
      throw new UsageError(`${command}: unexpected argument "${positionals[allowed]}"`);
    }
    return { values: values as Record<string, unknown>, positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node:util's messages are long and mention internals; keep the one line a user needs.
    const message = (error as Error).message.split('\n')[0] ?? '';
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
    throw new UsageError(
      option ? `${command}: unknown or malformed option ${option}` : `${command}: ${message}`,
    );
  }
};

const integerOption = (raw: unknown, name: string, fallback: number, min: number, max: number) => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${name}: "${String(raw)}" must be a whole number from ${min} to ${max}`);
  }
  return value;
};

/** The machine-readable shape of DESIGN.md §9: camelCase, money in minor units, ISO times. */
const toJsonCustomer = (row: CustomerRow) => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  email: row.email,
  orders: row.orders,
  totalSpent: row.totalSpent,
  firstPurchaseAt: row.firstPurchaseAt,
  lastPurchaseAt: row.lastPurchaseAt,
  tags: row.tags,
  doNotContact: row.doNotContact,
});

const formatCustomerTable = (rows: CustomerRow[], settings: Settings): string => {
  if (rows.length === 0) return 'No customers match.';
  const lines = rows.map((row) => [
    row.name,
    row.phone ?? '',
    String(row.orders),
    formatMoney(row.totalSpent, settings, 'en'),
    row.lastPurchaseAt ? localDateOf(row.lastPurchaseAt, settings.timeZone) : '',
  ]);
  const header = ['name', 'phone', 'orders', 'total spent', 'last purchase'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(header), ...lines.map(render), `${rows.length} customers`].join('\n');
};
