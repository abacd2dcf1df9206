import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/contract/errors.ts';
import { importOptions } from '../../src-shared/contract/schemas.ts';
import type { ImportPreset, ImportReport } from '../../src-shared/contract/types.ts';
import { IMPORT_FIELDS } from '../../src-shared/domain/import-fields.ts';
import type { ImportField } from '../../src-shared/domain/import-fields.ts';
import type { Core } from '../core/core.ts';
import { createMonotonicIds } from '../core/imports/ids.ts';
import { hashFile } from '../core/imports/imports.service.ts';
import { BUILT_IN_PRESETS, mappingFromPreset } from '../core/imports/mapping.ts';
import { buildPreview, planProblem } from '../core/imports/preview.ts';
import type { PreviewRequest, PreviewShop } from '../core/imports/preview.ts';
import { startReadThread } from '../core/imports/read-thread-start.ts';
import { checkpointAfterRun, runImport } from '../core/imports/run-import.ts';
import { afterSalesChanged } from '../core/loyalty/after-sales.ts';
import { getSettings } from '../core/settings/settings.service.ts';
import type { CliIo } from './cli.ts';
import { UsageError } from './usage-error.ts';

/**
 * `bazgasht import FILE`: the app's import, headless. Everything that can make the file unusable
 * (unreadable, not a table, a legacy .xls, no date or amount column, a bad mapping file) is found
 * before the database is opened, so such a run exits 2 having written nothing.
 */

/** A mapping file: columns by header name (or '#3'), with the options and read settings. */
const mappingFile = z
  .object({
    name: z.string().optional(),
    fields: z.partialRecord(z.enum(IMPORT_FIELDS as [ImportField, ...ImportField[]]), z.string()),
    options: importOptions.partial().optional(),
    read: z
      .object({
        encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252']),
        delimiter: z.enum([',', ';', '\t', '|']),
        sheet: z.string(),
        headerLine: z.number().int().min(0),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

type MappingFile = z.output<typeof mappingFile>;

export const prepareImport = async (
  values: Record<string, unknown>,
  io: CliIo,
  positionals: string[],
): Promise<(core: Core) => Promise<void>> => {
  const path = positionals[0];
  if (path === undefined) throw new UsageError('import: which file? (bazgasht import FILE)');
  checkReadable(path);
  const saved = typeof values.mapping === 'string' ? readMappingFile(values.mapping) : null;
  const presetName = typeof values.preset === 'string' ? values.preset : undefined;
  if (saved && presetName) throw new UsageError('import: use --mapping or --preset, not both');
  const builtIn = presetName ? findPreset(BUILT_IN_PRESETS, presetName) : undefined;
  const sheet = typeof values.sheet === 'string' ? values.sheet : saved?.read?.sheet;
  const file = { fileId: 'cli', name: basename(path), size: statSync(path).size };

  const preview = async (shop: PreviewShop, preset: ImportPreset | undefined) => {
    const request: PreviewRequest = {
      ...((saved?.read || sheet) && {
        read: {
          ...(saved?.read?.encoding && { encoding: saved.read.encoding }),
          ...(saved?.read?.delimiter && { delimiter: saved.read.delimiter }),
          ...(sheet && { sheet }),
        },
      }),
      ...(saved?.read?.headerLine !== undefined && { headerLine: saved.read.headerLine }),
      ...((saved ?? preset)?.options && { options: (saved ?? preset)?.options }),
    };
    const first = await buildPreview(path, file, request, shop, []);
    const fields = saved?.fields ?? preset?.fields;
    if (!fields || Object.keys(fields).length === 0) return first;
    // A preset or mapping file names columns by header: resolve them on this file's header row.
    return buildPreview(
      path,
      file,
      { ...request, mapping: mappingFromPreset(first.headers, fields, { withSynonyms: !saved }) },
      shop,
      [],
    );
  };

  // Checked before the database is touched, with the default shop; redone below with the shop's.
  const checked = await preview({ currency: 'IRR', displayUnit: 'toman' }, builtIn);
  const problem = planProblem(checked.plan);
  if (problem) throw new UsageError(`import: ${file.name}: ${problem} (see --mapping)`);

  return async (core) => {
    const settings = await getSettings(core.context);
    let preset: ImportPreset | undefined = builtIn;
    if (presetName && !preset) {
      preset = findPreset(core.imports.presets(), presetName);
      if (!preset) throw new AppError('bad_input', `import: no preset named "${presetName}"`);
    }
    const { plan, detected } = await preview(
      { currency: settings.currency, displayUnit: settings.displayUnit },
      preset,
    );
    const report = await runImport(
      core.database.sqlite,
      {
        path,
        fileName: file.name,
        fileSize: file.size,
        contentHash: await hashFile(path),
        plan,
        shop: { currency: settings.currency, timeZone: settings.timeZone },
        dryRun: values['dry-run'] === true,
        createdBy: 'cli',
        dayOrderHint: detected.dayOrder,
        rejectedLimit: Number.POSITIVE_INFINITY,
      },
      {
        now: core.context.now,
        newId: createMonotonicIds(() => core.context.now().getTime()),
        // As in the app, a second thread reads and matches the file while this one writes (a
        // dry run without a database looks at an empty shop in memory, on this thread).
        ...(core.database.path !== ':memory:' && {
          readThread: () => startReadThread(core.database.path),
        }),
      },
    );
    if (!report.dryRun) {
      checkpointAfterRun(core.database.sqlite);
      // As in the app: the new sales earn their points, move tiers, and plan (and close)
      // follow-ups at once.
      await afterSalesChanged(core.context);
    }
    io.stdout(values.json ? JSON.stringify(toJson(report), null, 2) : describeReport(report));
    // A workbook's other sheets are not read unless asked for: say so, beside the report.
    if (sheet === undefined && checked.sheets.length > 1) {
      io.stderr(
        `import: ${file.name} has ${checked.sheets.length} sheets (${checked.sheets
          .map((name) => `"${name}"`)
          .join(
            ', ',
          )}); this read "${plan.read.sheet ?? checked.sheets[0]}" (another: --sheet NAME)`,
      );
    }
  };
};

const checkReadable = (path: string): void => {
  try {
    if (!statSync(path).isFile()) throw new UsageError(`import: ${path} is not a file`);
    accessSync(path, constants.R_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `import: there is no file ${path}`
        : `import: cannot read ${path} (${code})`,
    );
  }
};

const readMappingFile = (path: string): MappingFile => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--mapping: ${path} is not a readable JSON file (${(error as Error).message.split('\n')[0]})`,
    );
  }
  const parsed = mappingFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `--mapping: ${path}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
};

const findPreset = <P extends ImportPreset>(presets: readonly P[], name: string): P | undefined => {
  const wanted = name.trim().toLowerCase();
  return presets.find(
    (preset) => preset.id.toLowerCase() === wanted || preset.name.trim().toLowerCase() === wanted,
  );
};

/** DESIGN.md §9's machine-readable report. */
const toJson = (report: ImportReport) => ({
  batchId: report.batchId,
  rowsRead: report.rowsRead,
  ordersCreated: report.ordersCreated,
  ordersAlreadyPresent: report.ordersAlreadyPresent,
  refundsRecorded: report.refundsRecorded,
  customersCreated: report.customersCreated,
  customersMatched: report.customersMatched,
  rowsRejected: report.rowsRejected,
  rejected: report.rejected.map((row) => ({ line: row.line, reason: row.message })),
});

const describeReport = (report: ImportReport): string => {
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.rowsRead} rows read in ${(report.durationMs / 1000).toFixed(1)} s.`,
    `Orders: ${report.ordersCreated} new, ${report.ordersAlreadyPresent} already there; refunds: ${report.refundsRecorded}.`,
    `Customers: ${report.customersCreated} new, ${report.customersMatched} matched.`,
    `Rejected rows: ${report.rowsRejected}.`,
    ...report.rejected.slice(0, 20).map((row) => `  line ${row.line}: ${row.message}`),
  ];
  if (report.rejected.length > 20) lines.push(`  … and ${report.rejected.length - 20} more`);
  return lines.join('\n');
};
