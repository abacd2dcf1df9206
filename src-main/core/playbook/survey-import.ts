import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  SurveyImportReport,
  SurveyKind,
  SurveyRejectedLine,
} from '../../../src-shared/contract/types.ts';
import { normaliseEmail } from '../../../src-shared/domain/email.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import type { CoreContext } from '../context.ts';
import { headerKey } from '../imports/mapping.ts';
import { detectDayOrder } from '../imports/preview.ts';
import { readRows, sniffFile } from '../imports/source.ts';
import type { RawRow } from '../imports/source.ts';
import { parseDateTimeValue, parseDecimal } from '../imports/values.ts';
import { actingStaffId } from '../staff/staff.service.ts';
import { createZonedClock } from '../zoned-time.ts';
import { answerSetting, applyAnswer, insertSurvey } from './surveys.service.ts';

/**
 * Survey answers from a CSV (or .xlsx) file: phone or email, date, kind (NPS or CSAT), score and
 * an optional comment and reason, columns found by their English or Persian headers. All or
 * nothing: a file with any rejected line writes nothing and names each line and why. The same
 * answer imported again (customer, kind, day, score and comment) is recognised and not repeated.
 * Low scores from the last catchUpDays plan the recovery task, as an answer taken on the phone.
 */

type Column = 'phone' | 'email' | 'date' | 'kind' | 'score' | 'comment' | 'reason';

// prettier-ignore
const HEADERS: Record<Column, readonly string[]> = {
  phone: ['phone', 'mobile', 'tel', 'telephone', 'phone number', 'mobile number', 'cell',
    'موبایل', 'تلفن', 'تلفن همراه', 'شماره تماس', 'شماره موبایل', 'شماره تلفن', 'همراه'],
  email: ['email', 'e-mail', 'mail', 'email address', 'ایمیل', 'پست الکترونیک', 'رایانامه'],
  date: ['date', 'answered', 'answered at', 'answer date', 'survey date', 'time', 'timestamp',
    'تاریخ', 'تاریخ پاسخ', 'تاریخ نظرسنجی', 'زمان'],
  kind: ['kind', 'type', 'survey', 'survey type', 'question', 'نوع', 'نوع نظرسنجی'],
  score: ['score', 'rating', 'answer', 'value', 'امتیاز', 'نمره', 'پاسخ'],
  comment: ['comment', 'comments', 'feedback', 'note', 'notes', 'remark', 'نظر', 'توضیح',
    'توضیحات', 'یادداشت'],
  reason: ['reason', 'category', 'reason category', 'دلیل', 'علت', 'دسته', 'موضوع'],
};

const KEYS = new Map<string, Column>(
  (Object.entries(HEADERS) as [Column, readonly string[]][]).flatMap(([column, names]) =>
    names.map((name) => [headerKey(name), column] as const),
  ),
);

const MAX_ROWS = 100_000;

type Mapping = Partial<Record<Column, number>>;

const mapHeader = (fields: readonly string[]): Mapping => {
  const mapping: Mapping = {};
  fields.forEach((field, index) => {
    const column = KEYS.get(headerKey(field));
    if (column && mapping[column] === undefined) mapping[column] = index;
  });
  return mapping;
};

const KIND_WORDS = new Map<string, SurveyKind>([
  ['nps', 'nps'],
  ['netpromoterscore', 'nps'],
  ['csat', 'csat'],
  ['satisfaction', 'csat'],
  ['رضایت', 'csat'],
]);

type Parsed = {
  line: number;
  customerId: string;
  kind: SurveyKind;
  score: number;
  comment: string;
  reason: string | null;
  answeredAt: string;
  localDate: string;
};

export type SurveyImportOptions = { dryRun: boolean; staffId?: string | null | undefined };

/** Imports the answers in a file on disk (the CLI's path, or the channel's staged copy). */
export const importSurveyFile = async (
  ctx: CoreContext,
  path: string,
  fileName: string,
  options: SurveyImportOptions,
): Promise<SurveyImportReport> => {
  const { sqlite } = ctx.database;
  const staffId = await actingStaffId(ctx, options.staffId);
  const setting = await answerSetting(ctx);
  const sniffed = await sniffFile(path).catch((error: unknown) => {
    throw withName(error, path, fileName);
  });
  const reader = readRows(path, {
    format: sniffed.format,
    encoding: sniffed.encoding,
    delimiter: sniffed.delimiter,
    ...(sniffed.sheet && { sheet: sniffed.sheet }),
  });
  const rows: RawRow[] = [];
  for await (const batch of reader.batches) {
    for (const row of batch) {
      if (row.fields.every((field) => field.trim() === '')) continue;
      rows.push(row);
      if (rows.length > MAX_ROWS + 10) {
        throw new AppError('bad_input', `${fileName}: more than ${MAX_ROWS} answers in one file.`, {
          file: fileName,
          reason: 'too_many_rows',
        });
      }
    }
  }
  const headerIndex = rows.slice(0, 10).findIndex((row) => {
    const mapping = mapHeader(row.fields);
    return mapping.score !== undefined && (mapping.phone ?? mapping.email) !== undefined;
  });
  if (headerIndex < 0) {
    throw new AppError(
      'bad_input',
      `${fileName}: no header row naming a phone or email column and a score column.`,
      { file: fileName, reason: 'no_header' },
    );
  }
  const mapping = mapHeader(rows[headerIndex]?.fields ?? []);
  if (mapping.date === undefined) {
    throw new AppError('bad_input', `${fileName}: no date column.`, {
      file: fileName,
      reason: 'no_date_column',
    });
  }
  const data = rows.slice(headerIndex + 1);
  const cell = (row: RawRow, column: Column): string => {
    const index = mapping[column];
    return index === undefined ? '' : (row.fields[index] ?? '').trim();
  };
  const order = detectDayOrder(data.map((row) => cell(row, 'date'))) ?? 'dmy';
  const clock = createZonedClock(setting.timeZone);
  const byPhone = sqlite.prepare(
    `SELECT coalesce(merged_into_id, id) FROM customers WHERE phone_e164 = ?
     ORDER BY merged_into_id IS NOT NULL, archived_at IS NOT NULL, id LIMIT 1`,
  );
  const byEmail = sqlite.prepare(
    `SELECT coalesce(merged_into_id, id) FROM customers WHERE email = ?
     ORDER BY merged_into_id IS NOT NULL, archived_at IS NOT NULL, id LIMIT 1`,
  );

  const rejected: SurveyRejectedLine[] = [];
  const parsed: Parsed[] = [];
  for (const row of data) {
    const reject = (reason: SurveyRejectedLine['reason'], message: string) =>
      rejected.push({ line: row.line, reason, message, fields: row.fields });
    const phoneText = cell(row, 'phone');
    const emailText = cell(row, 'email');
    if (phoneText === '' && emailText === '') {
      reject('missing_customer', 'there is no phone number or email');
      continue;
    }
    const phone = phoneText ? normalisePhone(phoneText)?.e164 : undefined;
    const email = emailText ? normaliseEmail(emailText) : null;
    const customerId =
      (phone ? (byPhone.pluck().get(phone) as string | undefined) : undefined) ??
      (email ? (byEmail.pluck().get(email) as string | undefined) : undefined);
    if (!customerId) {
      reject(
        'unknown_customer',
        phoneText
          ? `no customer has the phone number "${phoneText}"${emailText ? ` or the email "${emailText}"` : ''}`
          : `no customer has the email "${emailText}"`,
      );
      continue;
    }
    const dateText = cell(row, 'date');
    if (dateText === '') {
      reject('missing_date', 'the date is empty');
      continue;
    }
    const date = parseDateTimeValue(dateText, { calendar: 'auto', order });
    if (!date.ok) {
      reject('bad_date', `"${dateText}" is not a date`);
      continue;
    }
    const v = date.value;
    const instant =
      v.offsetMinutes !== null
        ? Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) -
          v.offsetMinutes * 60_000
        : clock.toInstant(v.year, v.month, v.day, v.hasTime ? v.hour : 12, v.minute, v.second);
    const localDate = clock.localDate(instant);
    if (localDate > setting.today) {
      reject('future_date', `${dateText} is after today`);
      continue;
    }
    const kindText = cell(row, 'kind');
    const headerKind = KIND_WORDS.get(
      headerKey(rows[headerIndex]?.fields[mapping.score ?? 0] ?? ''),
    );
    const kind = kindText === '' ? headerKind : KIND_WORDS.get(headerKey(kindText));
    if (!kind) {
      reject(
        'bad_kind',
        kindText ? `"${kindText}" is neither NPS nor CSAT` : 'the kind (NPS or CSAT) is empty',
      );
      continue;
    }
    const scoreText = cell(row, 'score');
    const score = parseDecimal(scoreText, '.');
    const [min, max] = kind === 'nps' ? [0, 10] : [1, 5];
    if (!score.ok || !Number.isInteger(score.value) || score.value < min || score.value > max) {
      reject(
        'bad_score',
        `"${scoreText}" is not a${kind === 'nps' ? 'n NPS' : ' CSAT'} score (${min} to ${max})`,
      );
      continue;
    }
    parsed.push({
      line: row.line,
      customerId,
      kind,
      score: score.value,
      comment: cell(row, 'comment').slice(0, 2000),
      reason: cell(row, 'reason').slice(0, 60) || null,
      answeredAt: new Date(instant).toISOString(),
      localDate,
    });
  }

  const report: SurveyImportReport = {
    fileName,
    dryRun: options.dryRun,
    written: false,
    rowsRead: data.length,
    imported: 0,
    alreadyPresent: 0,
    recoveryTasksCreated: 0,
    rejected,
  };
  if (rejected.length > 0) return report;
  const importKey = (answer: Parsed) =>
    createHash('sha256')
      .update(
        [answer.customerId, answer.kind, answer.localDate, answer.score, answer.comment].join(
          '\u001f',
        ),
      )
      .digest('hex')
      .slice(0, 32);
  const present = sqlite.prepare('SELECT 1 FROM survey_responses WHERE import_key = ?').pluck();
  const write = () => {
    for (const answer of parsed) {
      const key = importKey(answer);
      if (options.dryRun) {
        if (present.get(key)) report.alreadyPresent += 1;
        else report.imported += 1;
        continue;
      }
      const row = {
        id: ctx.newId(),
        customerId: answer.customerId,
        kind: answer.kind,
        score: answer.score,
        comment: answer.comment,
        reasonCategory: answer.reason,
        collectedVia: 'import' as const,
        staffId,
        orderId: null,
        interactionId: null,
        taskId: null,
        answeredAt: answer.answeredAt,
        localDate: answer.localDate,
        importKey: key,
        now: setting.now,
      };
      if (!insertSurvey(sqlite, row)) {
        report.alreadyPresent += 1;
        continue;
      }
      report.imported += 1;
      const recovery = applyAnswer(sqlite, row, {
        today: setting.today,
        settings: setting.settings,
        now: setting.now,
        newId: () => ctx.newId(),
        staffId,
        currentTaskId: null,
      });
      if (recovery) report.recoveryTasksCreated += 1;
    }
  };
  sqlite.transaction(write).immediate();
  report.written = !options.dryRun;
  return report;
};

/** surveys:import — the file arrives as base64 (at most 512 KiB) and is read from a temp copy. */
export const importSurveyData = async (
  ctx: CoreContext,
  input: {
    fileName: string;
    data: string;
    dryRun?: boolean | undefined;
    staffId?: string | null | undefined;
  },
): Promise<SurveyImportReport> => {
  const dir = mkdtempSync(join(tmpdir(), 'bazgasht-surveys-'));
  try {
    const path = join(dir, 'answers.upload');
    writeFileSync(path, Buffer.from(input.data, 'base64'));
    return await importSurveyFile(ctx, path, input.fileName, {
      dryRun: input.dryRun ?? false,
      staffId: input.staffId,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The reader names the path it was given; the user knows the file by its name. */
const withName = (error: unknown, path: string, fileName: string): unknown => {
  if (!(error instanceof AppError)) return error;
  const message = error.message.replaceAll(path, fileName).replaceAll(basename(path), fileName);
  return new AppError(error.code, message, {
    ...error.details,
    file: fileName,
  });
};
