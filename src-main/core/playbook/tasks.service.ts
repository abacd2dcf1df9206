import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  taskAssign,
  taskComplete,
  taskDismiss,
  taskLogCall,
  taskSnooze,
  tasksToday,
} from '../../../src-shared/contract/schemas.ts';
import type {
  ContactResult,
  InteractionChannel,
  InteractionOutcome,
  Task,
  TodayList,
  TierBadge,
  TodayTask,
} from '../../../src-shared/contract/types.ts';
import { addDays, localDateOf, todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { tierBadgesOf } from '../loyalty/tier-source.ts';
import { getSettings } from '../settings/settings.service.ts';
import { actingStaffId, requireActiveStaff } from '../staff/staff.service.ts';
import { createZonedClock } from '../zoned-time.ts';
import { findInteraction, insertInteraction, surveyChannelOf } from './contacts.service.ts';
import {
  ACTIVE,
  PRIORITY_RANK,
  RULE_ORDER,
  addEvent,
  findTask,
  rankSql,
  toTask,
} from './tasks.repository.ts';
import type { TaskRecord } from './tasks.repository.ts';
import { answerResult, answerSetting, checkScore, writeAnswer } from './surveys.service.ts';
import { nextWorkingDay } from './working-days.ts';
import { defaultWeekend } from '../../../src-shared/domain/playbook-rules.ts';

/** The Today inbox and what staff do with a task (DESIGN.md §4, §7). */

const tierName = (tier: TierBadge | undefined): string | null =>
  tier && tier.rank > 0 ? tier.name : null;

export const getTask = async (ctx: CoreContext, id: string): Promise<Task> => {
  const record = findTask(ctx.database.sqlite, id);
  if (!record) throw new AppError('not_found', `No task with id ${id}.`, { id });
  return toTask(record);
};

const requireActiveTask = (ctx: CoreContext, id: string): TaskRecord => {
  const record = findTask(ctx.database.sqlite, id);
  if (!record) throw new AppError('not_found', `No task with id ${id}.`, { id });
  if (record.status !== 'open' && record.status !== 'snoozed') {
    throw new AppError('conflict', `This task is already ${record.status}.`, {
      id,
      reason: 'task_closed',
    });
  }
  return record;
};

/** Start of a local day in the shop's zone, as an ISO instant. */
const dayStart = (day: string, timeZone: string): string => {
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  return new Date(createZonedClock(timeZone).toInstant(y, m, d, 0, 0, 0)).toISOString();
};

/** Resolutions that are not work done: the task was replaced or withdrawn. */
const NOT_DONE = `('superseded', 'obsolete', 'do_not_contact')`;

const RULE_ORDER_SQL = `(CASE t.rule ${Object.entries(RULE_ORDER)
  .map(([rule, order]) => `WHEN '${rule}' THEN ${order}`)
  .join(' ')} END)`;

type TodayRow = TaskRecord & {
  customer_name: string;
  phone: string | null;
  email: string | null;
  rid: number;
};

/**
 * Today: open (and snoozed) tasks due on the day or before, grouped by priority (urgent first)
 * then rule, a page at a time; each with the customer's last purchase and its items and the last
 * contact. The groups and counts come from one index (idx_tasks_due_date) whatever the list's
 * length; done counts the tasks closed that day (replaced or withdrawn ones aside), so progress
 * reads "done of total". Tasks of customers who may no longer be contacted are closed when that
 * changes, so they are not here.
 */
export const listToday = async (
  ctx: CoreContext,
  input: z.output<typeof tasksToday>,
): Promise<TodayList> => {
  const { sqlite } = ctx.database;
  const shop = await getSettings(ctx);
  const date = input.date ?? todayIn(ctx.now(), shop.timeZone);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 500;
  const where = `t.status IN ${ACTIVE} AND t.due_date <= @date
    ${input.assigneeId ? 'AND t.assignee_id = @assignee' : ''}
    ${input.rule ? 'AND t.rule = @rule' : ''}`;
  const params = {
    date,
    ...(input.assigneeId && { assignee: input.assigneeId }),
    ...(input.rule && { rule: input.rule }),
  };
  const groups = (
    sqlite
      .prepare(
        `SELECT t.priority, t.rule, count(*) AS count, sum(t.due_date < @date) AS overdue
         FROM tasks t WHERE ${where} GROUP BY t.priority, t.rule`,
      )
      .all(params) as Omit<TodayList['groups'][number], 'tasks'>[]
  ).sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      RULE_ORDER[a.rule] - RULE_ORDER[b.rule],
  );
  const page = sqlite
    .prepare(
      `SELECT t.rowid FROM tasks t WHERE ${where}
       ORDER BY ${rankSql('t.priority')}, ${RULE_ORDER_SQL}, t.due_date, t.rowid
       LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...params, limit, offset }) as number[];
  const done = sqlite
    .prepare(
      `SELECT count(*) FROM tasks t
       WHERE t.closed_at >= @start AND t.closed_at < @end AND t.due_date <= @date
         AND t.resolution NOT IN ${NOT_DONE}
         ${input.assigneeId ? 'AND t.assignee_id = @assignee' : ''}
         ${input.rule ? 'AND t.rule = @rule' : ''}`,
    )
    .pluck()
    .get({
      ...params,
      start: dayStart(date, shop.timeZone),
      end: dayStart(addDays(date, 1), shop.timeZone),
    }) as number;

  const position = new Map(page.map((rowid, index) => [rowid, index]));
  const rows = (
    sqlite
      .prepare(
        `SELECT t.rowid AS rid, t.*, c.name AS customer_name, c.phone_e164 AS phone, c.email
         FROM tasks t JOIN customers c ON c.id = t.customer_id
         WHERE t.rowid IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(page)) as TodayRow[]
  ).sort((a, b) => (position.get(a.rid) ?? 0) - (position.get(b.rid) ?? 0));
  const customerIds = JSON.stringify([...new Set(rows.map((row) => row.customer_id))]);
  const purchases = sqlite
    .prepare(
      `SELECT o.customer_id, o.id, o.local_date, o.total - o.refunded AS amount
       FROM json_each(?) AS k JOIN orders o ON o.id = (SELECT p.id FROM orders p
         WHERE p.customer_id = k.value AND p.archived_at IS NULL AND p.status <> 'void'
           AND p.total - p.refunded > 0 ORDER BY p.ordered_at DESC LIMIT 1)`,
    )
    .all(customerIds) as { customer_id: string; id: string; local_date: string; amount: number }[];
  const items = sqlite
    .prepare(
      `SELECT order_id, product_name, quantity FROM order_items
       WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, line_total DESC`,
    )
    .all(JSON.stringify(purchases.map((purchase) => purchase.id))) as {
    order_id: string;
    product_name: string;
    quantity: number;
  }[];
  const contacts = sqlite
    .prepare(
      `SELECT i.customer_id, i.occurred_at, i.channel, i.outcome, i.note, i.staff_id
       FROM json_each(?) AS k JOIN interactions i ON i.id = (SELECT j.id FROM interactions j
         WHERE j.customer_id = k.value ORDER BY j.occurred_at DESC, j.id DESC LIMIT 1)`,
    )
    .all(customerIds) as {
    customer_id: string;
    occurred_at: string;
    channel: InteractionChannel;
    outcome: InteractionOutcome | null;
    note: string;
    staff_id: string | null;
  }[];

  const itemsByOrder = new Map<string, { productName: string; quantity: number }[]>();
  for (const item of items) {
    const list = itemsByOrder.get(item.order_id) ?? [];
    if (list.length < 5) list.push({ productName: item.product_name, quantity: item.quantity });
    itemsByOrder.set(item.order_id, list);
  }
  const purchaseOf = new Map(purchases.map((purchase) => [purchase.customer_id, purchase]));
  const contactOf = new Map(contacts.map((contact) => [contact.customer_id, contact]));
  const tiers = tierBadgesOf(sqlite, [...new Set(rows.map((row) => row.customer_id))]);
  const tasks = rows.map((row): TodayTask => {
    const purchase = purchaseOf.get(row.customer_id);
    const contact = contactOf.get(row.customer_id);
    return {
      ...toTask(row),
      customerName: row.customer_name,
      phone: row.phone,
      email: row.email,
      // Loyalty members show their tier; the base tier, which everyone starts in, shows nothing.
      tier: tierName(tiers.get(row.customer_id)),
      isOverdue: row.due_date < date,
      lastPurchase: purchase
        ? {
            orderId: purchase.id,
            localDate: purchase.local_date,
            amount: purchase.amount,
            items: itemsByOrder.get(purchase.id) ?? [],
          }
        : null,
      lastContact: contact
        ? {
            occurredAt: contact.occurred_at,
            channel: contact.channel,
            outcome: contact.outcome,
            note: contact.note,
            staffId: contact.staff_id,
          }
        : null,
    };
  });
  const open = groups.reduce((sum, group) => sum + group.count, 0);
  const overdue = groups.reduce((sum, group) => sum + group.overdue, 0);
  return {
    date,
    counts: { open, overdue, done, total: open + done },
    groups: groups.map((group) => ({
      ...group,
      tasks: tasks.filter((task) => task.priority === group.priority && task.rule === group.rule),
    })),
    offset,
    limit,
  };
};

type StaffInput = { staffId?: string | null | undefined };

/** Updates a task and appends its event, in one transaction. */
const change = async (
  ctx: CoreContext,
  id: string,
  input: StaffInput,
  apply: (
    task: TaskRecord,
    staffId: string | null,
    now: string,
    today: string,
  ) => {
    set: Partial<Record<keyof TaskRecord, string | number | null>>;
    event: { kind: 'completed' | 'snoozed' | 'assigned' | 'dismissed'; details: object };
  },
): Promise<Task> => {
  const task = requireActiveTask(ctx, id);
  const staffId = await actingStaffId(ctx, input.staffId);
  const { timeZone } = await getSettings(ctx);
  const now = nowIso(ctx);
  const { set, event } = apply(task, staffId, now, todayIn(ctx.now(), timeZone));
  const { sqlite } = ctx.database;
  const columns = Object.keys(set);
  sqlite
    .transaction(() => {
      sqlite
        .prepare(
          `UPDATE tasks SET ${columns.map((column) => `${column} = @${column}`).join(', ')},
           updated_at = @now WHERE id = @id`,
        )
        .run({ ...set, now, id });
      addEvent(sqlite, {
        id: ctx.newId(),
        taskId: id,
        kind: event.kind,
        status: (set.status as Task['status'] | undefined) ?? (task.status as Task['status']),
        details: event.details as Record<string, unknown>,
        staffId,
        interactionId: null,
        at: now,
      });
    })
    .immediate();
  return getTask(ctx, id);
};

export const completeTask = (ctx: CoreContext, input: z.output<typeof taskComplete>) =>
  change(ctx, input.id, input, (task, staffId, now) => ({
    set: {
      status: 'done',
      resolution: 'completed',
      closed_at: now,
      closed_by_id: staffId,
      note: input.note ?? (task.note as string),
    },
    event: { kind: 'completed', details: { note: input.note ?? '' } },
  }));

/** Moves a task to tomorrow, a week from today, or a day after today. */
export const snoozeTask = (ctx: CoreContext, input: z.output<typeof taskSnooze>) =>
  change(ctx, input.id, input, (_task, _staffId, _now, today) => {
    const until =
      input.until === 'tomorrow'
        ? addDays(today, 1)
        : input.until === 'next_week'
          ? addDays(today, 7)
          : input.until;
    if (until <= today) {
      throw new AppError('bad_input', 'Snooze to a day after today.', {
        field: 'until',
        reason: 'not_future',
      });
    }
    return {
      set: { status: 'snoozed', due_date: until, snoozed_until: until },
      event: { kind: 'snoozed', details: { until } },
    };
  });

export const assignTask = (ctx: CoreContext, input: z.output<typeof taskAssign>) => {
  if (input.assigneeId !== null) requireActiveStaff(ctx, input.assigneeId);
  return change(ctx, input.id, input, () => ({
    set: { assignee_id: input.assigneeId },
    event: { kind: 'assigned', details: { assigneeId: input.assigneeId } },
  }));
};

export const dismissTask = (ctx: CoreContext, input: z.output<typeof taskDismiss>) =>
  change(ctx, input.id, input, (task, staffId, now) => ({
    set: {
      status: 'dismissed',
      resolution: 'dismissed',
      dismiss_reason: input.reason,
      note: input.note ?? (task.note as string),
      closed_at: now,
      closed_by_id: staffId,
    },
    event: { kind: 'dismissed', details: { reason: input.reason, note: input.note ?? '' } },
  }));

const CLOSING_OUTCOMES: Partial<Record<InteractionOutcome, Task['resolution']>> = {
  reached: 'reached',
  wrong_number: 'wrong_number',
  not_interested: 'not_interested',
};

/**
 * Logs a call on a task as one contact on the customer's timeline, with the staff member:
 * reached, wrong number and not interested close it; no answer and busy retry it the next
 * working day, until maxAttempts calls went unanswered (then it closes as unreachable); call
 * back later moves it to the day asked for. A survey answer given in the same call is recorded
 * with it, and a low score plans the recovery task at once.
 */
export const logCall = async (
  ctx: CoreContext,
  input: z.output<typeof taskLogCall>,
): Promise<ContactResult> => {
  const { sqlite } = ctx.database;
  const task = requireActiveTask(ctx, input.id);
  if (input.survey) checkScore(input.survey.kind, input.survey.score);
  const staffId = await actingStaffId(ctx, input.staffId);
  const setting = await answerSetting(ctx);
  const { now, today, timeZone, settings } = setting;
  const attempts = (task.attempts as number) + 1;
  const set: Partial<Record<keyof TaskRecord, string | number | null>> = {
    attempts,
    outcome: input.outcome,
  };
  const closing = CLOSING_OUTCOMES[input.outcome];
  if (closing) {
    Object.assign(set, {
      status: 'done',
      resolution: closing,
      closed_at: now,
      closed_by_id: staffId,
    });
  } else if (input.outcome === 'call_back_later') {
    const at = new Date(input.callBackAt as string).toISOString();
    const day = localDateOf(at, timeZone);
    if (day < today) {
      throw new AppError('bad_input', 'The time to call back is in the past.', {
        field: 'callBackAt',
        reason: 'past',
      });
    }
    Object.assign(set, { status: 'snoozed', due_date: day, snoozed_until: day, call_back_at: at });
  } else if (attempts >= settings.maxAttempts) {
    Object.assign(set, {
      status: 'done',
      resolution: 'unreachable',
      closed_at: now,
      closed_by_id: staffId,
    });
  } else {
    const weekend = settings.weekendDays ?? defaultWeekend(timeZone);
    Object.assign(set, { status: 'open', due_date: nextWorkingDay(today, weekend) });
  }
  if (input.note !== undefined) set.note = input.note;

  const interactionId = ctx.newId();
  const channel = input.channel ?? 'phone';
  const written = sqlite
    .transaction(() => {
      insertInteraction(sqlite, {
        id: interactionId,
        customerId: task.customer_id,
        channel,
        direction: 'outbound',
        outcome: input.outcome,
        note: input.note ?? '',
        staffId,
        taskId: task.id,
        occurredAt: now,
        now,
      });
      const columns = Object.keys(set);
      sqlite
        .prepare(
          `UPDATE tasks SET ${columns.map((column) => `${column} = @${column}`).join(', ')},
           updated_at = @now WHERE id = @id`,
        )
        .run({ ...set, now, id: task.id });
      addEvent(sqlite, {
        id: ctx.newId(),
        taskId: task.id,
        kind: 'attempt',
        status: (set.status as Task['status'] | undefined) ?? (task.status as Task['status']),
        details: { outcome: input.outcome, attempts, dueDate: set.due_date ?? task.due_date },
        staffId,
        interactionId,
        at: now,
      });
      if (!input.survey) return null;
      return writeAnswer(ctx, setting, {
        customerId: task.customer_id,
        ...input.survey,
        collectedVia: surveyChannelOf(channel),
        orderId: task.order_id,
        interactionId,
        taskId: task.id,
        answeredAt: now,
        staffId,
      });
    })
    .immediate();
  return {
    interaction: findInteraction(sqlite, interactionId),
    task: await getTask(ctx, task.id),
    ...(written ? answerResult(sqlite, written) : { survey: null, recoveryTask: null }),
  };
};
