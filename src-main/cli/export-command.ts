import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { RfmSegment } from '../../src-shared/domain/kpis.ts';
import { RFM_SEGMENTS } from '../../src-shared/domain/kpis.ts';
import { normaliseForSearch } from '../../src-shared/domain/persian-text.ts';
import type { Core } from '../core/core.ts';
import { exportToFile } from '../core/exports/exports.service.ts';
import type { ExportRequest } from '../core/exports/exports.service.ts';
import { afterSalesChanged } from '../core/loyalty/after-sales.ts';
import { readLoyaltyRules } from '../core/loyalty/loyalty-settings.ts';
import type { Command } from './cli.ts';
import { isIsoDate, UsageError } from './usage-error.ts';

/** `export`: a list of the app to a .csv or .xlsx file (DESIGN.md §6 and §9). */

export const EXPORT_USAGE = `  export customers|orders|inbox|segment NAME|cohorts|rfm --out FILE [--search TEXT]
         [--tag TAG] [--date YYYY-MM-DD] [--locale fa|en] [--persian-digits] [--json]
        write a list to FILE, .csv (UTF-8 with BOM, for Excel) or .xlsx by its extension,
        through a temporary file renamed into place when complete: the customers (optionally
        found by --search or --tag), every order, the inbox of --date (default today), the
        customers of a segment — an RFM segment (${RFM_SEGMENTS.join(', ')}) or a
        loyalty tier's name — or the Insights cohorts and RFM counts; headers and dates in
        --locale (default the shop's language), dates and CSV numbers in Persian digits with
        --persian-digits; do-not-contact is a column, not a filter`;

const KINDS = ['customers', 'orders', 'inbox', 'segment', 'cohorts', 'rfm'] as const;
type Kind = (typeof KINDS)[number];

export const exportCommand: Command = {
  options: {
    out: { type: 'string' },
    search: { type: 'string' },
    tag: { type: 'string' },
    date: { type: 'string' },
    locale: { type: 'string' },
    'persian-digits': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: 2,
  creates: false,
  prepare: (values, io, positionals) => {
    const [kind, name] = positionals;
    if (kind === undefined || !(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(
        `export: say what to export: ${KINDS.join(', ')} (got ${kind === undefined ? 'nothing' : `"${kind}"`})`,
      );
    }
    if (kind === 'segment' && name === undefined) {
      throw new UsageError('export: segment needs a name: an RFM segment or a loyalty tier');
    }
    if (kind !== 'segment' && name !== undefined) {
      throw new UsageError(`export: unexpected argument "${name}"`);
    }
    const out = values.out;
    if (typeof out !== 'string' || out === '') {
      throw new UsageError('export: --out FILE is required (a .csv or .xlsx file)');
    }
    const extension = extname(out).toLowerCase();
    if (extension !== '.csv' && extension !== '.xlsx') {
      throw new UsageError(`export: --out ${out}: the file must end in .csv or .xlsx`);
    }
    const folder = dirname(resolve(out));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      throw new UsageError(`export: --out ${out}: the folder ${folder} does not exist`);
    }
    if (existsSync(out) && statSync(out).isDirectory()) {
      throw new UsageError(`export: --out ${out} is a folder`);
    }
    const locale = values.locale;
    if (locale !== undefined && locale !== 'fa' && locale !== 'en') {
      throw new UsageError('export: --locale must be fa or en');
    }
    const date = values.date;
    if (date !== undefined && (kind !== 'inbox' || !isIsoDate(date))) {
      throw new UsageError(
        kind !== 'inbox'
          ? 'export: --date is for the inbox'
          : `export: --date "${String(date)}" is not a date (YYYY-MM-DD)`,
      );
    }
    for (const option of ['search', 'tag'] as const) {
      if (values[option] !== undefined && kind !== 'customers' && kind !== 'segment') {
        throw new UsageError(`export: --${option} is for customers and segments`);
      }
    }
    return async (core) => {
      const request = await requestOf(core, kind as Kind, name, values);
      const result = await exportToFile(core.context, request, out, {
        locale: locale as 'fa' | 'en' | undefined,
        persianDigits: values['persian-digits'] === true,
      });
      if (values.json) {
        io.stdout(JSON.stringify({ path: resolve(out), format: result.format, rows: result.rows }));
      } else {
        io.stdout(`Exported ${result.rows} rows to ${out} (${result.format}).`);
      }
    };
  },
};

const requestOf = async (
  core: Core,
  kind: Kind,
  name: string | undefined,
  values: Record<string, unknown>,
): Promise<ExportRequest> => {
  const text = (option: string) =>
    typeof values[option] === 'string' ? (values[option] as string) : undefined;
  const filters = {
    ...(text('search') !== undefined && { search: text('search') }),
    ...(text('tag') !== undefined && { tag: text('tag') }),
  };
  switch (kind) {
    case 'customers':
      return { dataset: 'customers', filters };
    case 'segment':
      return { dataset: 'customers', filters: { ...filters, ...segmentFilter(core, name ?? '') } };
    case 'orders':
      return { dataset: 'orders' };
    case 'inbox': {
      // As `inbox` does: tiers and the playbook brought up to the day first.
      const report = await afterSalesChanged(
        core.context,
        text('date') ? { date: text('date') as string } : {},
      );
      return { dataset: 'today', date: report.date };
    }
    case 'cohorts':
      return { dataset: 'cohorts' };
    case 'rfm':
      return { dataset: 'rfm' };
  }
};

/**
 * An RFM segment by its name, else a loyalty tier by its name or id (any case, any digits); a
 * UsageError naming the choices otherwise (`command` starts its message: export, send).
 */
export const segmentFilter = (
  core: Core,
  name: string,
  command = 'export',
): { rfmSegment: RfmSegment } | { tier: string } => {
  const wanted = normaliseForSearch(name);
  const segment = RFM_SEGMENTS.find((s) => s.toLowerCase() === wanted.replace(/[\s_-]/g, ''));
  if (segment) return { rfmSegment: segment };
  const { tiers } = readLoyaltyRules(core.database.sqlite);
  const tier = tiers.find(
    (candidate) => normaliseForSearch(candidate.name) === wanted || candidate.id === name,
  );
  if (tier) return { tier: tier.id };
  throw new UsageError(
    `${command}: no segment or tier "${name}" (RFM segments: ${RFM_SEGMENTS.join(', ')}; tiers: ${tiers.map((t) => t.name).join(', ')})`,
  );
};
