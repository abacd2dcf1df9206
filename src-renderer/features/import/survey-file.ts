import type { SurveyImportReport, SurveyRejectedLine } from '../../../src-shared/contract/index.ts';
import { toCsv } from '../../../src-shared/domain/csv.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import { en } from '../../../src-shared/i18n/messages/en.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { isApiError } from '../../api/client.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { errorReasonOf, formatSize, importErrorText } from './import-text.ts';

/*
 * Importing survey answers (surveys:import): one call carries the whole file, so it is at most
 * 512 KiB (the contract's limit, under the HTTP bridge's body limit once in base64). The import
 * is all or nothing: a file with a line that cannot be read records nothing.
 */

export const SURVEY_FILE_MAX_BYTES = 512 * 1024;

/** What the picker offers; the core reads the content (CSV, TSV, text or .xlsx) whatever the name. */
export const SURVEY_ACCEPT = '.csv,.tsv,.txt,.xlsx';

/** Rejected lines listed on screen; all of them are in the download. */
export const SHOWN_LINES = 200;

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** Why the file is refused before it is read: too large for one call. */
export function surveyFileTooLarge(t: T, locale: Locale, file: { name: string; size: number }) {
  if (file.size <= SURVEY_FILE_MAX_BYTES) return null;
  return t('surveyImport.tooLarge', {
    file: isolate(file.name),
    size: formatSize(file.size, locale),
    max: formatSize(SURVEY_FILE_MAX_BYTES, locale),
  });
}

/** Why a line was rejected, in the user's language (the core's English words for a new reason). */
export function surveyRejectText(t: T, line: Pick<SurveyRejectedLine, 'reason' | 'message'>) {
  const key = `surveyImport.reject.${line.reason}`;
  return isKey(key) ? t(key) : line.message;
}

const FILE_REASONS: Readonly<Record<string, MessageKey>> = {
  no_header: 'surveyImport.error.no_header',
  no_date_column: 'surveyImport.error.no_date_column',
  too_many_rows: 'surveyImport.error.too_many_rows',
};

/**
 * One sentence for a refused file: the survey import's own reasons, the contract's size limit
 * (a file that grew after it was chosen), else whatever the sales import says of such a file
 * (empty, an old .xls, not a table…).
 */
export function surveyImportErrorText(
  t: T,
  locale: Locale,
  error: unknown,
  fileName: string,
): string {
  const reason = errorReasonOf(error);
  const key = reason === null ? undefined : FILE_REASONS[reason];
  if (key) return t(key, { file: isolate(fileName) });
  if (isApiError(error) && error.code === 'bad_input' && error.details['field'] === 'data') {
    return t('surveyImport.error.too_large', { max: formatSize(SURVEY_FILE_MAX_BYTES, locale) });
  }
  return importErrorText(t, error, fileName);
}

export type SurveyFigure = {
  id: string;
  label: MessageKey;
  value: number;
  hint?: MessageKey;
  tone?: 'key' | 'warn';
};

/**
 * What the check found. A clean file: the new answers and those recorded before. A file with
 * rejected lines records nothing, so it says how many lines are ready and how many to fix.
 */
export function checkFigures(report: SurveyImportReport): SurveyFigure[] {
  const read: SurveyFigure = {
    id: 'read',
    label: 'surveyImport.figure.read',
    value: report.rowsRead,
  };
  if (report.rejected.length > 0) {
    return [
      read,
      {
        id: 'ready',
        label: 'surveyImport.figure.ready',
        value: Math.max(0, report.rowsRead - report.rejected.length),
      },
      {
        id: 'rejected',
        label: 'surveyImport.figure.rejected',
        value: report.rejected.length,
        tone: 'warn',
      },
    ];
  }
  return [
    read,
    { id: 'new', label: 'surveyImport.figure.new', value: report.imported, tone: 'key' },
    {
      id: 'present',
      label: 'surveyImport.figure.present',
      value: report.alreadyPresent,
      hint: 'surveyImport.figure.presentHint',
    },
  ];
}

/** What the import did. */
export function resultFigures(report: SurveyImportReport): SurveyFigure[] {
  return [
    { id: 'recorded', label: 'surveyImport.figure.recorded', value: report.imported, tone: 'key' },
    {
      id: 'present',
      label: 'surveyImport.figure.present',
      value: report.alreadyPresent,
      hint: 'surveyImport.figure.presentHint',
    },
    {
      id: 'recovery',
      label: 'surveyImport.figure.recovery',
      value: report.recoveryTasksCreated,
      ...(report.recoveryTasksCreated > 0 && { tone: 'warn' as const }),
    },
  ];
}

/** The way on from a check: fix the file, nothing new to record, or record the new answers. */
export function checkOutcome(report: SurveyImportReport): 'fix' | 'nothing_new' | 'import' {
  if (report.rejected.length > 0) return 'fix';
  return report.imported === 0 ? 'nothing_new' : 'import';
}

/**
 * A file to start from, with the headers the core recognises in the user's language and a date
 * in their calendar: an NPS answer found by phone, a CSAT answer found by email.
 */
export function exampleCsv(locale: Locale): string {
  return locale === 'fa'
    ? toCsv([
        ['موبایل', 'ایمیل', 'تاریخ', 'نوع', 'امتیاز', 'نظر'],
        ['09121234567', '', '1405/09/01', 'NPS', 9, 'برخورد فروشنده عالی بود'],
        ['', 'customer@example.com', '1405/09/02', 'CSAT', 4, ''],
      ])
    : toCsv([
        ['Phone', 'Email', 'Date', 'Kind', 'Score', 'Comment'],
        ['09121234567', '', '2026-11-22', 'NPS', 9, 'Friendly staff'],
        ['', 'customer@example.com', '2026-11-23', 'CSAT', 4, ''],
      ]);
}
