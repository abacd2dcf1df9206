import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  ImportPlan,
  ImportPreset,
  ImportPreview,
  ImportReadSettings,
  ImportSampleCell,
  ImportWarning,
  UploadedFile,
} from '../../../src-shared/contract/types.ts';
import {
  CUSTOMER_FIELDS,
  hasAmountColumn,
  isItemField,
  MONEY_FIELDS,
} from '../../../src-shared/domain/import-fields.ts';
import type {
  ColumnMapping,
  ImportField,
  ImportOptions,
} from '../../../src-shared/domain/import-fields.ts';
import { normaliseEmail } from '../../../src-shared/domain/email.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import { autoMap, detectPreset, headerKey, mappingFromPreset } from './mapping.ts';
import { isRounding, minorUnitFactor } from './receipts.ts';
import { sniffFile } from './source.ts';
import type { RawRow, Sniffed } from './source.ts';
import {
  dateShapeOf,
  detectDecimalMark,
  parseDateTimeValue,
  parseDecimal,
  parseTimeOfDay,
} from './values.ts';
import type { DayOrder } from './values.ts';
import { cleanName } from './writer.ts';

/**
 * The preview: what the file looks like and how it will be read — encoding, delimiter, header
 * row, column mapping, calendar, day order, decimal mark, amount unit — each detected from the
 * first rows and each overridable, with a parsed sample of every mapped column. It reads at most
 * the first MiB, so it takes the same time whatever the file's size.
 */

export type PreviewRequest = {
  read?: Partial<Pick<ImportReadSettings, 'encoding' | 'delimiter'> & { sheet: string }>;
  headerLine?: number;
  mapping?: ColumnMapping;
  options?: Partial<ImportOptions>;
  presetId?: string;
};

export type PreviewShop = { currency: string; displayUnit: 'toman' | 'rial' | null };

export const PREVIEW_ROWS = 50;
const SAMPLE_CELLS = 5;

export const buildPreview = async (
  path: string,
  file: UploadedFile,
  request: PreviewRequest,
  shop: PreviewShop,
  presets: readonly ImportPreset[],
): Promise<Omit<ImportPreview, 'previousImport'>> => {
  const sniffed = await sniffFile(path, request.read ?? {});
  const headerLine = request.headerLine ?? detectHeaderLine(sniffed.rows);
  const headerRow = sniffed.rows.find((row) => row.line === headerLine);
  if (request.headerLine !== undefined && headerLine > 0 && !headerRow) {
    throw new AppError(
      'bad_input',
      `${file.name}: line ${headerLine} is not in the file's first rows.`,
      {
        file: file.name,
        field: 'headerLine',
        reason: 'no_such_line',
      },
    );
  }
  const headers = (headerRow?.fields ?? []).map((header) => header.trim());
  const dataRows = sniffed.rows.filter(
    (row) => row.line > headerLine && row.fields.some((field) => field.trim() !== ''),
  );

  const detectedPreset = detectPreset(headers);
  const chosen = request.presetId
    ? presets.find((preset) => preset.id === request.presetId)
    : detectedPreset;
  if (request.presetId && !chosen) {
    throw new AppError('not_found', `No import preset ${request.presetId}.`, {
      field: 'presetId',
    });
  }
  const preset = chosen ?? detectedPreset;
  const mapping = sanitiseMapping(
    request.mapping ??
      (Object.keys(preset.fields).length > 0
        ? mappingFromPreset(headers, preset.fields)
        : autoMap(headers)),
    Math.max(headers.length, ...dataRows.map((row) => row.fields.length)),
  );

  const column = (field: ImportField) => valuesOf(dataRows, mapping[field]);
  const dateValues = column('orderedAt');
  const calendar = detectCalendar(dateValues);
  const dayOrder = detectDayOrder(dateValues);
  const amountValues = [...MONEY_FIELDS, 'quantity' as const].flatMap((field) => column(field));
  const options: ImportOptions = {
    calendar: 'auto',
    dayOrder: 'auto',
    decimalMark: detectDecimalMark(amountValues),
    amountUnit: detectAmountUnit(headers, mapping, shop),
    source: 'import',
    returnPrefix: detectReturnPrefix(column('receiptId')),
    ...preset.options,
    ...request.options,
  };
  if (shop.currency.toUpperCase() !== 'IRR') options.amountUnit = 'major';
  else if (options.amountUnit === 'major') options.amountUnit = shop.displayUnit ?? 'toman';

  const read: ImportReadSettings = {
    format: sniffed.format,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    sheet: sniffed.sheet,
    headerLine,
  };
  const plan: ImportPlan = { read, mapping, options };
  const resolvedOrder: DayOrder =
    options.dayOrder === 'auto' ? (dayOrder ?? 'dmy') : options.dayOrder;
  return {
    file,
    plan,
    detected: {
      encoding: sniffed.encoding,
      hasBom: sniffed.hasBom,
      delimiter: sniffed.delimiter,
      sepLine: sniffed.sepLine,
      calendar,
      dayOrder,
      shape: (Object.keys(mapping) as ImportField[]).some(isItemField) ? 'line' : 'receipt',
      preset: request.mapping ? null : preset.id,
    },
    sheets: sniffed.sheets,
    headers,
    rows: dataRows.slice(0, PREVIEW_ROWS).map((row) => ({ line: row.line, fields: row.fields })),
    samples: samplesOf(dataRows.slice(0, SAMPLE_CELLS), plan, resolvedOrder, shop.currency),
    warnings: [
      ...warningsOf(sniffed, plan, dateValues, dayOrder),
      ...(hasFinerAmounts(plan, shop.currency, (field) => column(field))
        ? [{ code: 'amounts_rounded', params: { currency: shop.currency } }]
        : []),
    ],
  };
};

/**
 * The header row: among the first rows, the one naming the most known fields (a report title or
 * blank lines may come first); failing that, the first row of two or more texts that are not
 * numbers or dates.
 */
export const detectHeaderLine = (rows: readonly RawRow[]): number => {
  let best: { line: number; hits: number } | null = null;
  for (const row of rows.slice(0, 30)) {
    const hits = Object.keys(autoMap(row.fields)).length;
    if (hits >= 2 && (best === null || hits > best.hits)) best = { line: row.line, hits };
  }
  if (best) return best.line;
  const texty = rows.find((row) => {
    const cells = row.fields.map((field) => field.trim()).filter((field) => field !== '');
    return cells.length >= 2 && cells.every((cell) => !/^[-+\d\s.,/:٫٬۰-۹٠-٩]+$/.test(cell));
  });
  return texty?.line ?? rows[0]?.line ?? 0;
};

const valuesOf = (rows: readonly RawRow[], index: number | undefined): string[] =>
  index === undefined
    ? []
    : rows.map((row) => (row.fields[index] ?? '').trim()).filter((value) => value !== '');

/** Mapped columns must exist; anything else is dropped rather than failing the preview. */
const sanitiseMapping = (mapping: ColumnMapping, width: number): ColumnMapping => {
  const clean: ColumnMapping = {};
  for (const [field, index] of Object.entries(mapping) as [ImportField, number][]) {
    if (Number.isInteger(index) && index >= 0 && index < Math.max(width, 1)) clean[field] = index;
  }
  return clean;
};

export const detectCalendar = (
  values: readonly string[],
): ImportPreview['detected']['calendar'] => {
  let persian = 0;
  let gregory = 0;
  for (const value of values) {
    const shape = dateShapeOf(value);
    if (shape.calendar === 'persian') persian += 1;
    else if (shape.calendar === 'gregory') gregory += 1;
  }
  if (persian > 0 && gregory > 0) return 'mixed';
  return persian > 0 ? 'persian' : gregory > 0 ? 'gregory' : null;
};

/** 'dmy' or 'mdy' when the sample proves it; null when every value reads either way. */
export const detectDayOrder = (values: readonly string[]): DayOrder | null => {
  let dmy = 0;
  let mdy = 0;
  for (const value of values) {
    const { order } = dateShapeOf(value);
    if (order === 'dmy') dmy += 1;
    else if (order === 'mdy') mdy += 1;
  }
  if (dmy > 0 && mdy === 0) return 'dmy';
  if (mdy > 0 && dmy === 0) return 'mdy';
  return null;
};

/** A Rial shop's file in Rial or Toman: a header that says so, else the shop's display unit. */
const detectAmountUnit = (
  headers: readonly string[],
  mapping: ColumnMapping,
  shop: PreviewShop,
): ImportOptions['amountUnit'] => {
  if (shop.currency.toUpperCase() !== 'IRR') return 'major';
  const amountHeaders = (Object.entries(mapping) as [ImportField, number][])
    .filter(([field]) => MONEY_FIELDS.has(field))
    .map(([, index]) => headerKey(headers[index] ?? ''));
  if (amountHeaders.some((key) => /ریال|rial|irr/.test(key))) return 'rial';
  if (amountHeaders.some((key) => /تومان|تومن|toman|irt/.test(key))) return 'toman';
  return shop.displayUnit ?? 'toman';
};

/** 'C' when receipt numbers are digits and some are a letter then digits (C536379: a return). */
export const detectReturnPrefix = (receipts: readonly string[]): string => {
  const prefixes = new Map<string, number>();
  let plain = 0;
  for (const receipt of receipts) {
    if (/^\d+$/.test(receipt)) plain += 1;
    const match = /^([A-Za-z])\d+$/.exec(receipt);
    if (match?.[1]) prefixes.set(match[1], (prefixes.get(match[1]) ?? 0) + 1);
  }
  if (plain === 0 || prefixes.size !== 1) return '';
  const [[prefix = '', count = 0] = []] = [...prefixes];
  return count < plain ? prefix.toUpperCase() : '';
};

const samplesOf = (
  rows: readonly RawRow[],
  plan: ImportPlan,
  dayOrder: DayOrder,
  currency: string,
): ImportPreview['samples'] => {
  const samples: ImportPreview['samples'] = {};
  const factor = minorUnitFactor(currency, plan.options.amountUnit);
  for (const [field, index] of Object.entries(plan.mapping) as [ImportField, number][]) {
    samples[field] = rows.map((row): ImportSampleCell => {
      const raw = (row.fields[index] ?? '').trim();
      if (raw === '') return { line: row.line, raw, parsed: null, problem: null };
      return { line: row.line, raw, ...parseSample(field, raw, plan.options, dayOrder, factor) };
    });
  }
  return samples;
};

const parseSample = (
  field: ImportField,
  raw: string,
  options: ImportOptions,
  dayOrder: DayOrder,
  factor: number,
): { parsed: string | null; problem: string | null } => {
  if (field === 'orderedAt') {
    const result = parseDateTimeValue(raw, { calendar: options.calendar, order: dayOrder });
    if (!result.ok) return { parsed: null, problem: result.problem };
    const v = result.value;
    const date = `${String(v.year).padStart(4, '0')}-${pad(v.month)}-${pad(v.day)}`;
    if (v.offsetMinutes !== null) {
      // An instant (Shopify's "+0000"): shown, like the import stores it, in the shop's zone.
      const utc = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
      return { parsed: new Date(utc - v.offsetMinutes * 60_000).toISOString(), problem: null };
    }
    return { parsed: v.hasTime ? `${date}T${pad(v.hour)}:${pad(v.minute)}` : date, problem: null };
  }
  if (field === 'time') {
    const result = parseTimeOfDay(raw);
    return result.ok
      ? { parsed: `${pad(result.value.hour)}:${pad(result.value.minute)}`, problem: null }
      : { parsed: null, problem: result.problem };
  }
  if (MONEY_FIELDS.has(field) || field === 'quantity') {
    const result = parseDecimal(raw, options.decimalMark);
    if (!result.ok) return { parsed: null, problem: result.problem };
    const value = field === 'quantity' ? result.value : Math.round(result.value * factor);
    return { parsed: String(value), problem: null };
  }
  if (field === 'phone') {
    const phone = normalisePhone(raw);
    return phone
      ? { parsed: phone.e164, problem: null }
      : { parsed: null, problem: 'invalid_phone' };
  }
  if (field === 'email') {
    const email = normaliseEmail(raw);
    return email ? { parsed: email, problem: null } : { parsed: null, problem: 'invalid_email' };
  }
  if (field === 'customerName' || field === 'firstName' || field === 'lastName') {
    return { parsed: cleanName(raw), problem: null };
  }
  return { parsed: raw, problem: null };
};

const pad = (n: number) => String(n).padStart(2, '0');

const warningsOf = (
  sniffed: Sniffed,
  plan: ImportPlan,
  dateValues: readonly string[],
  dayOrder: DayOrder | null,
): ImportWarning[] => {
  const warnings: ImportWarning[] = sniffed.warnings.map((code) => ({ code, params: {} }));
  const { mapping } = plan;
  if (mapping.orderedAt === undefined) warnings.push({ code: 'no_date_column', params: {} });
  if (!hasAmountColumn(mapping)) warnings.push({ code: 'no_amount_column', params: {} });
  if (!CUSTOMER_FIELDS.some((field) => mapping[field] !== undefined))
    warnings.push({ code: 'no_customer_columns', params: {} });
  if (sniffed.encoding === 'windows-1256' || sniffed.encoding === 'windows-1252') {
    warnings.push({ code: 'legacy_encoding', params: { encoding: sniffed.encoding } });
  }
  const needsOrder = dateValues.some((value) => dateShapeOf(value).order !== null);
  if (plan.options.dayOrder === 'auto' && needsOrder && dayOrder === null) {
    warnings.push({ code: 'day_order_undecided', params: {} });
  }
  return warnings;
};

/**
 * Whether the first rows hold amounts finer than the shop's currency keeps (pence in a Rial
 * shop): they would be rounded, so the preview says so while the currency can still be changed.
 */
const hasFinerAmounts = (
  plan: ImportPlan,
  currency: string,
  column: (field: ImportField) => string[],
): boolean => {
  const factor = minorUnitFactor(currency, plan.options.amountUnit);
  return [...MONEY_FIELDS].some((field) =>
    column(field).some((raw) => {
      const parsed = parseDecimal(raw, plan.options.decimalMark);
      return parsed.ok && isRounding(parsed.value * factor, Math.round(parsed.value * factor));
    }),
  );
};

/** Why a plan cannot be run (a date and an amount are the least a sale needs), or null. */
export const planProblem = (plan: ImportPlan): string | null => {
  const { mapping } = plan;
  if (mapping.orderedAt === undefined) return 'no column is mapped to the date';
  if (!hasAmountColumn(mapping))
    return 'no column is mapped to an amount (total, line total or unit price)';
  return null;
};
