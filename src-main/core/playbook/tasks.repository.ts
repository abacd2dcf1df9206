import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type {
  DismissReason,
  Task,
  TaskPriority,
  TaskReason,
  TaskResolution,
  TaskRule,
  TaskStatus,
} from '../../../src-shared/contract/types.ts';
import type { TaskEventsTable, TasksTable } from '../../db/schema.ts';

export type TaskRecord = Selectable<TasksTable>;

/** Sort order of priorities (urgent first) and of rules within a priority. */
export const PRIORITY_RANK: Record<TaskPriority, number> = {
  urgent: 0,
  high: 1,
  normal: 2,
  low: 3,
};
export const PRIORITIES: readonly TaskPriority[] = ['urgent', 'high', 'normal', 'low'];
export const RULE_ORDER: Record<TaskRule, number> = {
  recovery: 0,
  second_purchase_nudge: 1,
  churn_warning: 2,
  post_purchase_checkin: 3,
  first_survey: 4,
  vip_opportunity: 5,
  birthday: 6,
  near_next_tier: 7,
};
export const RULE_PRIORITY: Record<TaskRule, TaskPriority> = {
  recovery: 'urgent',
  second_purchase_nudge: 'high',
  churn_warning: 'high',
  post_purchase_checkin: 'normal',
  first_survey: 'normal',
  vip_opportunity: 'normal',
  birthday: 'low',
  near_next_tier: 'low',
};

/** SQL for a priority column's rank, for ORDER BY and comparisons. */
export const rankSql = (column: string): string =>
  `(CASE ${column} WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END)`;

export const ACTIVE = `('open', 'snoozed')`;

const parseParams = (json: string): TaskReason['params'] => {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as TaskReason['params']) : {};
  } catch {
    return {};
  }
};

export const toTask = (record: TaskRecord): Task => ({
  id: record.id,
  customerId: record.customer_id,
  orderId: record.order_id,
  rule: record.rule,
  priority: record.priority,
  status: record.status as TaskStatus,
  resolution: record.resolution as TaskResolution | null,
  dismissReason: record.dismiss_reason as DismissReason | null,
  note: record.note as string,
  reason: {
    key: record.reason_key as TaskReason['key'],
    params: parseParams(record.reason_params as string),
  },
  dueDate: record.due_date,
  assigneeId: record.assignee_id,
  attempts: record.attempts as number,
  outcome: record.outcome,
  snoozedUntil: record.snoozed_until,
  callBackAt: record.call_back_at,
  createdAt: record.created_at,
  updatedAt: record.updated_at,
  closedAt: record.closed_at,
  closedById: record.closed_by_id,
});

export const findTask = (sqlite: BetterSqlite3.Database, id: string): TaskRecord | undefined =>
  sqlite.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRecord | undefined;

export type NewTask = {
  id: string;
  customerId: string;
  orderId: string | null;
  surveyResponseId: string | null;
  rule: TaskRule;
  anchor: string;
  reason: TaskReason;
  dueDate: string;
  now: string;
};

/** Plans a task unless its dedupe key exists; returns whether it was inserted. */
export const insertTask = (
  sqlite: BetterSqlite3.Database,
  task: NewTask,
  eventId: string,
  staffId: string | null,
): boolean => {
  const inserted = sqlite
    .prepare(
      `INSERT INTO tasks (id, customer_id, order_id, survey_response_id, rule, anchor, dedupe_key,
         reason_key, reason_params, due_date, priority, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
       ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .run(
      task.id,
      task.customerId,
      task.orderId,
      task.surveyResponseId,
      task.rule,
      task.anchor,
      dedupeKey(task.rule, task.customerId, task.anchor),
      task.reason.key,
      JSON.stringify(task.reason.params),
      task.dueDate,
      RULE_PRIORITY[task.rule],
      task.now,
      task.now,
    );
  if (inserted.changes === 0) return false;
  addEvent(sqlite, {
    id: eventId,
    taskId: task.id,
    kind: 'created',
    status: 'open',
    details: { rule: task.rule },
    staffId,
    interactionId: null,
    at: task.now,
  });
  return true;
};

export const dedupeKey = (rule: TaskRule, customerId: string, anchor: string): string =>
  `${rule}:${customerId}:${anchor}`;

export type TaskEvent = {
  id: string;
  taskId: string;
  kind: TaskEventsTable['kind'];
  status: TaskStatus;
  details: Record<string, unknown>;
  staffId: string | null;
  interactionId: string | null;
  at: string;
};

export const addEvent = (sqlite: BetterSqlite3.Database, event: TaskEvent): void => {
  sqlite
    .prepare(
      `INSERT INTO task_events (id, task_id, kind, status, details, staff_id, interaction_id,
         occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      event.id,
      event.taskId,
      event.kind,
      event.status,
      JSON.stringify(event.details),
      event.staffId,
      event.interactionId,
      event.at,
    );
};

/**
 * Closes a customer's open and snoozed tasks (all but `exceptId`) with a resolution, each with
 * its event; `belowRank` limits it to tasks of a lower priority than that rank.
 */
export const closeActiveTasksOf = (
  sqlite: BetterSqlite3.Database,
  options: {
    customerId: string;
    resolution: TaskResolution;
    status: 'done' | 'dismissed';
    now: string;
    newId: () => string;
    staffId: string | null;
    exceptId?: string;
    belowRank?: number;
    rules?: readonly TaskRule[];
  },
): number => {
  const ids = (
    sqlite
      .prepare(
        `SELECT id, rule FROM tasks WHERE customer_id = ? AND status IN ${ACTIVE} AND id <> ?
           AND ${rankSql('priority')} > ?`,
      )
      .all(options.customerId, options.exceptId ?? '', options.belowRank ?? -1) as {
      id: string;
      rule: TaskRule;
    }[]
  )
    .filter((row) => !options.rules || options.rules.includes(row.rule))
    .map((row) => row.id);
  const close = sqlite.prepare(
    `UPDATE tasks SET status = ?, resolution = ?, closed_at = ?, closed_by_id = ?, updated_at = ?
     WHERE id = ?`,
  );
  for (const id of ids) {
    close.run(options.status, options.resolution, options.now, options.staffId, options.now, id);
    addEvent(sqlite, {
      id: options.newId(),
      taskId: id,
      kind: 'resolved',
      status: options.status,
      details: { resolution: options.resolution },
      staffId: options.staffId,
      interactionId: null,
      at: options.now,
    });
  }
  return ids.length;
};
