import type {
  ImportEncoding,
  ImportPreset,
  ImportWarning,
  RejectedRow,
} from '../../../src-shared/contract/index.ts';
import { toPersianDigits } from '../../../src-shared/domain/persian-text.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import { formatNumber } from '../../../src-shared/i18n/locale.ts';
import { en } from '../../../src-shared/i18n/messages/en.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';
import { isApiError } from '../../api/client.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';

/*
 * The import speaks in codes (reasons, warnings, problems) and the screen in sentences. A code
 * the catalogues do not know yet (a newer core) falls back to something readable, never to a
 * missing message.
 */

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

// Excel's own name for the format, the same in every language.
const CSV_UTF8 = 'CSV UTF-8';

const ERROR_REASONS: Readonly<Record<string, MessageKey>> = {
  legacy_xls: 'import.error.legacy_xls',
  empty_file: 'import.error.empty_file',
  not_a_table: 'import.error.not_a_table',
  encrypted_xlsx: 'import.error.encrypted_xlsx',
  unreadable_xlsx: 'import.error.unreadable_xlsx',
  sheet_not_found: 'import.error.sheet_not_found',
  unreadable_file: 'import.error.unreadable_file',
  file_not_found: 'import.error.unreadable_file',
  no_file: 'import.error.no_file',
  incomplete_upload: 'import.error.incomplete_upload',
  out_of_order: 'import.error.changed',
  too_long: 'import.error.changed',
  too_large: 'import.error.too_large',
  no_such_line: 'import.error.no_such_line',
  import_running: 'import.error.import_running',
  already_undone: 'import.error.already_undone',
  incomplete_mapping: 'import.error.incomplete_mapping',
};

/** The reason code of an import failure (details.reason), when the core gave one. */
export function errorReasonOf(error: unknown): string | null {
  if (!isApiError(error)) return null;
  const reason = error.details['reason'];
  return typeof reason === 'string' ? reason : null;
}

/**
 * One sentence for a failed import call: a translated one for each reason the import knows, the
 * core's own message for a file problem it has no translation for, else the general error text.
 * `fileName` is the name the user chose: the core only knows its staged copy.
 */
export function importErrorText(t: T, error: unknown, fileName?: string): string {
  if (!isApiError(error)) return errorText(t, error);
  const reason = errorReasonOf(error);
  const key = reason === null ? undefined : ERROR_REASONS[reason];
  const staged = typeof error.details['file'] === 'string' ? error.details['file'] : null;
  if (key) return t(key, { file: isolate(fileName ?? staged ?? ''), csv: CSV_UTF8 });
  if (error.code === 'bad_input' && reason !== null && error.message !== '') {
    return staged && fileName ? error.message.replaceAll(staged, fileName) : error.message;
  }
  return errorText(t, error);
}

/** A warning of the preview or the run as a plain sentence. */
export function warningText(t: T, warning: ImportWarning): string {
  const key = `import.warning.${warning.code}`;
  return isKey(key) && key !== 'import.warning.other'
    ? t(key, warning.params)
    : t('import.warning.other', { code: warning.code });
}

/** Why a row was rejected, in the user's language, with its details. */
export function rejectReasonText(t: T, row: Pick<RejectedRow, 'reason' | 'params' | 'message'>) {
  const key = `import.reject.${row.reason}`;
  if (!isKey(key)) return row.message;
  const { value } = row.params;
  return t(key, typeof value === 'string' ? { ...row.params, value: isolate(value) } : row.params);
}

/** What is wrong with a sample value ('impossible_date', 'invalid_phone'…), in words. */
export function sampleProblemText(t: T, problem: string): string {
  const key = `import.problem.${problem}`;
  return isKey(key) ? t(key) : t('import.problem.other');
}

const ENCODING_CODES: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1256': '1256',
  'windows-1252': '1252',
};

/** "Windows Arabic/Persian (1256)": a name a shop owner knows, with the code for the expert. */
export function encodingLabel(t: T, locale: Locale, encoding: ImportEncoding): string {
  const code = ENCODING_CODES[encoding];
  const shown = locale === 'fa' && /^\d+$/.test(code) ? toPersianDigits(code) : code;
  return `${t(`import.encoding.${encoding}`)} (${shown})`;
}

/** A preset's name: the built-in ones in the user's language, the saved ones as typed. */
export function presetName(t: T, preset: Pick<ImportPreset, 'id' | 'name' | 'builtIn'>): string {
  const key = `import.presetName.${preset.id}`;
  return preset.builtIn && isKey(key) ? t(key) : preset.name;
}

const KIB = 1024;
const UNITS = [
  { unit: 'gigabyte', size: KIB ** 3 },
  { unit: 'megabyte', size: KIB ** 2 },
  { unit: 'kilobyte', size: KIB },
] as const;

/** A file size as people read it: "1.2 MB", "۳۴۰ کیلوبایت". */
export function formatSize(bytes: number, locale: Locale): string {
  // English has short units everyone knows (kB, MB); Persian reads better spelled out.
  const unitDisplay = locale === 'fa' ? 'long' : 'short';
  const step = UNITS.find(({ size }) => bytes >= size);
  if (!step)
    return formatNumber(bytes, locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const value = bytes / step.size;
  return formatNumber(value, locale, {
    style: 'unit',
    unit: step.unit,
    unitDisplay,
    maximumFractionDigits: value < 10 ? 1 : 0,
  });
}

/** How long a run took, in words: "less than a second", "4.2 seconds", "۳ دقیقه". */
export function durationText(t: T, locale: Locale, ms: number): string {
  return ms < 1000 ? t('import.duration.underSecond') : formatDuration(ms, locale);
}

/** A short span of time: "4.2 seconds", "۳ دقیقه". */
export function formatDuration(ms: number, locale: Locale): string {
  const seconds = ms / 1000;
  if (seconds < 60) {
    return formatNumber(seconds, locale, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'long',
      maximumFractionDigits: seconds < 10 ? 1 : 0,
    });
  }
  return formatNumber(Math.ceil(seconds / 60), locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  });
}
