import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { surveyRecord } from '../../../src-shared/contract/schemas.ts';
import type {
  ContactResult,
  PlaybookSettings,
  SurveyChannel,
  SurveyKind,
  SurveyResponse,
  TaskReason,
} from '../../../src-shared/contract/types.ts';
import { addDays, localDateOf, todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { getSettings } from '../settings/settings.service.ts';
import { actingStaffId } from '../staff/staff.service.ts';
import { truncate } from './playbook.ts';
import { getPlaybookSettings } from './playbook-settings.ts';
import {
  PRIORITY_RANK,
  closeActiveTasksOf,
  findTask,
  insertTask,
  toTask,
} from './tasks.repository.ts';

/** Satisfaction answers (DESIGN.md §2): NPS 0–10 and CSAT 1–5, facts never edited. */

type SurveyRecord = {
  id: string;
  customer_id: string;
  kind: SurveyKind;
  score: number;
  comment: string;
  reason_category: string | null;
  collected_via: SurveyChannel;
  staff_id: string | null;
  order_id: string | null;
  interaction_id: string | null;
  task_id: string | null;
  answered_at: string;
  local_date: string;
};

export const toSurvey = (record: SurveyRecord): SurveyResponse => ({
  id: record.id,
  customerId: record.customer_id,
  kind: record.kind,
  score: record.score,
  comment: record.comment,
  reasonCategory: record.reason_category,
  collectedVia: record.collected_via,
  staffId: record.staff_id,
  orderId: record.order_id,
  interactionId: record.interaction_id,
  taskId: record.task_id,
  answeredAt: record.answered_at,
  localDate: record.local_date,
});

export const findSurveys = (sqlite: BetterSqlite3.Database, customerId: string): SurveyResponse[] =>
  (
    sqlite
      .prepare(
        `SELECT * FROM survey_responses WHERE customer_id = ?
         ORDER BY answered_at DESC, id DESC LIMIT 500`,
      )
      .all(customerId) as SurveyRecord[]
  ).map(toSurvey);

/** A low score in the playbook's sense: NPS 0–6 or CSAT 1–2 by default. */
export const isLowScore = (kind: SurveyKind, score: number, settings: PlaybookSettings): boolean =>
  kind === 'nps'
    ? score <= settings.rules.recovery.npsMax
    : score <= settings.rules.recovery.csatMax;

export const recoveryReason = (
  kind: SurveyKind,
  score: number,
  comment: string,
  day: string,
): TaskReason => ({
  key: comment.trim() ? 'task.reason.recovery_comment' : 'task.reason.recovery',
  params: {
    kind: kind === 'csat' ? 'CSAT' : 'NPS',
    score,
    max: kind === 'csat' ? 5 : 10,
    ...(comment.trim() && { comment: truncate(comment.trim(), 160) }),
    date: day,
  },
});

export type NewSurvey = {
  id: string;
  customerId: string;
  kind: SurveyKind;
  score: number;
  comment: string;
  reasonCategory: string | null;
  collectedVia: SurveyChannel;
  staffId: string | null;
  orderId: string | null;
  interactionId: string | null;
  taskId: string | null;
  answeredAt: string;
  localDate: string;
  importKey: string | null;
  now: string;
};

/** Inserts an answer; false when one with the same import key exists (a re-import). */
export const insertSurvey = (sqlite: BetterSqlite3.Database, row: NewSurvey): boolean =>
  sqlite
    .prepare(
      `INSERT INTO survey_responses (id, customer_id, kind, score, comment, reason_category,
         collected_via, staff_id, order_id, interaction_id, task_id, answered_at, local_date,
         import_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    )
    .run(
      row.id,
      row.customerId,
      row.kind,
      row.score,
      row.comment,
      row.reasonCategory,
      row.collectedVia,
      row.staffId,
      row.orderId,
      row.interactionId,
      row.taskId,
      row.answeredAt,
      row.localDate,
      row.importKey,
      row.now,
    ).changes > 0;

export type AnswerEffects = {
  /** The shop's today and the playbook's settings. */
  today: string;
  settings: PlaybookSettings;
  now: string;
  newId: () => string;
  staffId: string | null;
  /** The task being worked in the same call: neither answered nor superseded here. */
  currentTaskId: string | null;
};

/**
 * What an answer changes at once: an NPS answer closes the customer's open first survey
 * ("answered"), and a low score recent enough to act on (within catchUpDays) plans the urgent
 * recovery task, due today, which supersedes the customer's other open tasks. A customer who
 * asked not to be contacted gets no recovery call. Returns the recovery task's id, if planned.
 */
export const applyAnswer = (
  sqlite: BetterSqlite3.Database,
  survey: Pick<
    NewSurvey,
    'id' | 'customerId' | 'kind' | 'score' | 'comment' | 'localDate' | 'orderId'
  >,
  effects: AnswerEffects,
): string | null => {
  if (survey.kind === 'nps') {
    closeActiveTasksOf(sqlite, {
      customerId: survey.customerId,
      resolution: 'answered',
      status: 'done',
      now: effects.now,
      newId: effects.newId,
      staffId: effects.staffId,
      rules: ['first_survey'],
      ...(effects.currentTaskId && { exceptId: effects.currentTaskId }),
    });
  }
  const { settings } = effects;
  if (!settings.rules.recovery.enabled || !isLowScore(survey.kind, survey.score, settings)) {
    return null;
  }
  if (survey.localDate < addDays(effects.today, -settings.catchUpDays)) return null;
  const customer = sqlite
    .prepare('SELECT do_not_contact, archived_at, merged_into_id FROM customers WHERE id = ?')
    .get(survey.customerId) as
    | { do_not_contact: number; archived_at: string | null; merged_into_id: string | null }
    | undefined;
  if (!customer || customer.do_not_contact || customer.archived_at || customer.merged_into_id) {
    return null;
  }
  const id = effects.newId();
  const inserted = insertTask(
    sqlite,
    {
      id,
      customerId: survey.customerId,
      orderId: survey.orderId,
      surveyResponseId: survey.id,
      rule: 'recovery',
      anchor: survey.id,
      reason: recoveryReason(survey.kind, survey.score, survey.comment, survey.localDate),
      dueDate: effects.today,
      now: effects.now,
    },
    effects.newId(),
    effects.staffId,
  );
  if (!inserted) return null;
  closeActiveTasksOf(sqlite, {
    customerId: survey.customerId,
    resolution: 'superseded',
    status: 'dismissed',
    now: effects.now,
    newId: effects.newId,
    staffId: effects.staffId,
    exceptId: effects.currentTaskId ?? id,
    belowRank: PRIORITY_RANK.urgent,
  });
  return id;
};

export type AnswerInput = {
  customerId: string;
  kind: SurveyKind;
  score: number;
  comment?: string | undefined;
  reasonCategory?: string | null | undefined;
  collectedVia: SurveyChannel;
  orderId: string | null;
  interactionId: string | null;
  taskId: string | null;
  answeredAt: string;
  staffId: string | null;
};

/** What writing an answer needs to know about the shop, read before its transaction. */
export type AnswerSetting = {
  today: string;
  timeZone: string;
  settings: PlaybookSettings;
  now: string;
};

export const answerSetting = async (ctx: CoreContext): Promise<AnswerSetting> => {
  const shop = await getSettings(ctx);
  return {
    today: todayIn(ctx.now(), shop.timeZone),
    timeZone: shop.timeZone,
    settings: await getPlaybookSettings(ctx),
    now: nowIso(ctx),
  };
};

/**
 * Writes an answer (already validated) and its effects; call inside the caller's transaction.
 * Returns the answer's id and the recovery task's id, if one was planned.
 */
export const writeAnswer = (
  ctx: CoreContext,
  setting: AnswerSetting,
  input: AnswerInput,
): { surveyId: string; recoveryId: string | null } => {
  const { sqlite } = ctx.database;
  const id = ctx.newId();
  const row: NewSurvey = {
    id,
    customerId: input.customerId,
    kind: input.kind,
    score: input.score,
    comment: input.comment?.trim() ?? '',
    reasonCategory: input.reasonCategory ?? null,
    collectedVia: input.collectedVia,
    staffId: input.staffId,
    orderId: input.orderId,
    interactionId: input.interactionId,
    taskId: input.taskId,
    answeredAt: input.answeredAt,
    localDate: localDateOf(input.answeredAt, setting.timeZone),
    importKey: null,
    now: setting.now,
  };
  insertSurvey(sqlite, row);
  const recoveryId = applyAnswer(sqlite, row, {
    today: setting.today,
    settings: setting.settings,
    now: setting.now,
    newId: () => ctx.newId(),
    staffId: input.staffId,
    currentTaskId: input.taskId,
  });
  return { surveyId: id, recoveryId };
};

/** The answer and recovery task as the contract returns them. */
export const answerResult = (
  sqlite: BetterSqlite3.Database,
  written: { surveyId: string; recoveryId: string | null },
): Pick<ContactResult, 'survey' | 'recoveryTask'> => {
  const survey = sqlite
    .prepare('SELECT * FROM survey_responses WHERE id = ?')
    .get(written.surveyId) as SurveyRecord;
  const task = written.recoveryId ? findTask(sqlite, written.recoveryId) : undefined;
  return { survey: toSurvey(survey), recoveryTask: task ? toTask(task) : null };
};

export const checkScore = (kind: SurveyKind, score: number): void => {
  const [min, max] = kind === 'nps' ? [0, 10] : [1, 5];
  if (!Number.isInteger(score) || score < min || score > max) {
    throw new AppError(
      'bad_input',
      `${score} is not a ${kind.toUpperCase()} score (${min} to ${max}).`,
      { field: 'score', reason: 'bad_score' },
    );
  }
};

/** surveys:record — an answer given outside a logged call (at the counter, by message). */
export const recordSurvey = async (
  ctx: CoreContext,
  input: z.output<typeof surveyRecord>,
): Promise<ContactResult> => {
  const { sqlite } = ctx.database;
  const customer = sqlite
    .prepare('SELECT merged_into_id FROM customers WHERE id = ?')
    .get(input.customerId) as { merged_into_id: string | null } | undefined;
  if (!customer) {
    throw new AppError('not_found', `No customer with id ${input.customerId}.`, {
      field: 'customerId',
      id: input.customerId,
    });
  }
  if (customer.merged_into_id !== null) {
    throw new AppError('conflict', `Customer ${input.customerId} was merged into another.`, {
      field: 'customerId',
      reason: 'merged',
    });
  }
  const belongs = (table: 'orders' | 'interactions' | 'tasks', id: string | null | undefined) => {
    if (!id) return;
    const owner = sqlite.prepare(`SELECT customer_id FROM ${table} WHERE id = ?`).pluck().get(id);
    if (owner !== input.customerId) {
      throw new AppError('bad_input', `${id} is not one of this customer's ${table}.`, {
        field: table === 'orders' ? 'orderId' : table === 'tasks' ? 'taskId' : 'interactionId',
        reason: 'not_this_customer',
      });
    }
  };
  belongs('orders', input.orderId);
  belongs('interactions', input.interactionId);
  belongs('tasks', input.taskId);
  const now = nowIso(ctx);
  const answeredAt = input.answeredAt ? new Date(input.answeredAt).toISOString() : now;
  if (answeredAt > now) {
    throw new AppError('bad_input', 'An answer cannot be recorded in the future.', {
      field: 'answeredAt',
      reason: 'future',
    });
  }
  checkScore(input.kind, input.score);
  const setting = await answerSetting(ctx);
  const staffId = await actingStaffId(ctx, input.staffId);
  const written = sqlite
    .transaction(() =>
      writeAnswer(ctx, setting, {
        customerId: input.customerId,
        kind: input.kind,
        score: input.score,
        comment: input.comment,
        reasonCategory: input.reasonCategory,
        collectedVia: input.collectedVia ?? 'phone',
        orderId: input.orderId ?? null,
        interactionId: input.interactionId ?? null,
        taskId: input.taskId ?? null,
        answeredAt,
        staffId,
      }),
    )
    .immediate();
  return { interaction: null, task: null, ...answerResult(sqlite, written) };
};
