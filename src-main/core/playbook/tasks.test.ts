import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, buy, onlyRules, run, tasksOf } from '../../../tests/fixtures/followup.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import {
  getCustomerProfile,
  mergeCustomers,
  updateCustomer,
} from '../customers/customers.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { archiveStaff, createStaff } from '../staff/staff.service.ts';
import { logContact } from './contacts.service.ts';
import { updatePlaybookSettings } from './playbook-settings.ts';
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../../src-shared/domain/playbook-rules.ts';
import {
  assignTask,
  completeTask,
  dismissTask,
  getTask,
  listToday,
  logCall,
  snoozeTask,
} from './tasks.service.ts';

// Thursday 5 November 2026, 10:00 in Tehran (UTC+03:30): the shop's weekend is Friday.
const NOW = '2026-11-05T06:30:00.000Z';
const TODAY = '2026-11-05';

let ctx: CoreContext;
let remove: () => Promise<void>;
let advance: (ms: number) => void;
beforeEach(() => {
  ({ ctx, remove, advance } = makeTestContext(NOW));
});
afterEach(() => remove());

const DAY_MS = 86_400_000;
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** A customer whose first purchase makes today their check-in day; returns the open task. */
const checkinToday = async (name = 'Maryam') => {
  await onlyRules(ctx, 'post_purchase_checkin');
  const id = await addCustomer(ctx, name, { phone: '09121234567' });
  await buy(
    ctx,
    id,
    addDays(TODAY, -DEFAULT_PLAYBOOK_SETTINGS.rules.post_purchase_checkin.days),
    850_000,
  );
  await run(ctx, TODAY);
  const task = tasksOf(ctx, id).at(-1);
  if (!task) throw new Error('no check-in planned');
  return { customerId: id, taskId: task.id };
};

describe('no-answer retries', () => {
  it('retries the next working day, and closes as unreachable after the last attempt', async () => {
    const { taskId } = await checkinToday();
    const max = DEFAULT_PLAYBOOK_SETTINGS.maxAttempts;
    let today = TODAY;
    for (let attempt = 1; attempt <= max; attempt += 1) {
      const { task, interaction } = await logCall(ctx, { id: taskId, outcome: 'no_answer' });
      expect(interaction).toMatchObject({ outcome: 'no_answer', taskId, channel: 'phone' });
      expect(task?.attempts).toBe(attempt);
      if (attempt < max) {
        // The next day that is not a Friday.
        let next = addDays(today, 1);
        while (weekday(next) === 5) next = addDays(next, 1);
        expect(task).toMatchObject({ status: 'open', dueDate: next });
        advance((Date.parse(next) - Date.parse(today)) as number);
        today = next;
      } else {
        expect(task).toMatchObject({ status: 'done', resolution: 'unreachable' });
      }
    }
    // Thursday's retry skipped Friday.
    expect(weekday(TODAY)).toBe(4);
  });

  it('treats busy as no answer and honours a weekend set in the playbook', async () => {
    const { taskId } = await checkinToday();
    await updatePlaybookSettings(ctx, { weekendDays: [5, 6] });
    const { task } = await logCall(ctx, { id: taskId, outcome: 'busy' });
    expect(task?.dueDate).toBe(addDays(TODAY, 3));
  });

  it('moves a call-back-later to the day asked for', async () => {
    const { taskId } = await checkinToday();
    const { task } = await logCall(ctx, {
      id: taskId,
      outcome: 'call_back_later',
      callBackAt: '2026-11-08T14:00:00+03:30',
      note: 'after work',
    });
    expect(task).toMatchObject({
      status: 'snoozed',
      dueDate: '2026-11-08',
      callBackAt: '2026-11-08T10:30:00.000Z',
      note: 'after work',
    });
    await expect(
      logCall(ctx, { id: taskId, outcome: 'call_back_later', callBackAt: '2026-11-01T10:00:00Z' }),
    ).rejects.toMatchObject({ code: 'bad_input', details: { field: 'callBackAt' } });
  });

  it.each([
    ['reached', 'reached'],
    ['wrong_number', 'wrong_number'],
    ['not_interested', 'not_interested'],
  ] as const)('%s closes the task', async (outcome, resolution) => {
    const { taskId } = await checkinToday();
    const { task } = await logCall(ctx, { id: taskId, outcome });
    expect(task).toMatchObject({ status: 'done', resolution, attempts: 1 });
    await expect(logCall(ctx, { id: taskId, outcome: 'reached' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('task actions and staff', () => {
  it('records the staff member working, or the one named', async () => {
    const { taskId, customerId } = await checkinToday();
    const sara = await createStaff(ctx, { name: 'Sara' });
    const omid = await createStaff(ctx, { name: 'Omid', role: 'cashier' });
    await updateSettings(ctx, { currentStaffId: sara.id });
    await logCall(ctx, { id: taskId, outcome: 'no_answer', note: 'rang twice' });
    await logCall(ctx, { id: taskId, outcome: 'reached', staffId: omid.id });
    const profile = await getCustomerProfile(ctx, customerId);
    expect(profile.timeline.map((contact) => [contact.outcome, contact.staffId])).toEqual(
      [
        ['no_answer', sara.id],
        ['reached', omid.id],
      ].reverse(),
    );
    expect(profile.tasks).toMatchObject([{ id: taskId, status: 'done', closedById: omid.id }]);
    const events = ctx.database.sqlite
      .prepare('SELECT kind, staff_id FROM task_events WHERE task_id = ? ORDER BY rowid')
      .all(taskId);
    expect(events).toEqual([
      { kind: 'created', staff_id: null },
      { kind: 'attempt', staff_id: sara.id },
      { kind: 'attempt', staff_id: omid.id },
    ]);
  });

  it('refuses an archived staff member and forgets them as the one working', async () => {
    const { taskId } = await checkinToday();
    const sara = await createStaff(ctx, { name: 'Sara' });
    await updateSettings(ctx, { currentStaffId: sara.id });
    await archiveStaff(ctx, sara.id, true);
    await expect(completeTask(ctx, { id: taskId, staffId: sara.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(updateSettings(ctx, { currentStaffId: sara.id })).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect((await completeTask(ctx, { id: taskId })).closedById).toBeNull();
  });

  it('snoozes to tomorrow, next week or a day, and reopens it when the day comes', async () => {
    const { taskId } = await checkinToday();
    expect((await snoozeTask(ctx, { id: taskId, until: 'tomorrow' })).dueDate).toBe(
      addDays(TODAY, 1),
    );
    expect((await snoozeTask(ctx, { id: taskId, until: 'next_week' })).dueDate).toBe(
      addDays(TODAY, 7),
    );
    const snoozed = await snoozeTask(ctx, { id: taskId, until: '2026-11-20' });
    expect(snoozed).toMatchObject({ status: 'snoozed', dueDate: '2026-11-20' });
    await expect(snoozeTask(ctx, { id: taskId, until: TODAY })).rejects.toMatchObject({
      code: 'bad_input',
    });
    expect((await listToday(ctx, { date: '2026-11-19' })).counts.open).toBe(0);
    await run(ctx, '2026-11-20');
    expect(await getTask(ctx, taskId)).toMatchObject({ status: 'open' });
    expect((await listToday(ctx, { date: '2026-11-20' })).counts.open).toBe(1);
  });

  it('assigns, filters Today by assignee, and dismisses with a reason', async () => {
    const { taskId } = await checkinToday();
    const omid = await createStaff(ctx, { name: 'Omid' });
    await assignTask(ctx, { id: taskId, assigneeId: omid.id });
    expect((await listToday(ctx, { assigneeId: omid.id })).counts.open).toBe(1);
    expect((await listToday(ctx, { assigneeId: 'someone-else' })).counts.open).toBe(0);
    const dismissed = await dismissTask(ctx, { id: taskId, reason: 'customer_request' });
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      resolution: 'dismissed',
      dismissReason: 'customer_request',
    });
  });
});

describe('Today', () => {
  it('lists due and overdue tasks by priority then rule, with the purchase and last contact', async () => {
    await onlyRules(ctx, 'post_purchase_checkin', 'second_purchase_nudge', 'churn_warning');
    const checkinDays = DEFAULT_PLAYBOOK_SETTINGS.rules.post_purchase_checkin.days;
    const early = await addCustomer(ctx, 'Early');
    await buy(ctx, early, addDays(TODAY, -(checkinDays + 2)), 100_000);
    const late = await addCustomer(ctx, 'Late', { phone: '09350000000' });
    await buy(ctx, late, addDays(TODAY, -checkinDays), 850_000, ['Blue scarf', 'Hat']);
    const nudged = await addCustomer(ctx, 'Nudged');
    await buy(ctx, nudged, addDays(TODAY, -30), 300_000);
    const lapsed = await addCustomer(ctx, 'Lapsed');
    await buy(ctx, lapsed, addDays(TODAY, -95), 300_000);
    await logContact(ctx, {
      customerId: lapsed,
      channel: 'in_person',
      note: 'said hello',
      occurredAt: `${addDays(TODAY, -20)}T10:00:00Z`,
    });
    await run(ctx, addDays(TODAY, -2));
    await run(ctx, TODAY);

    const today = await listToday(ctx, {});
    expect(today.date).toBe(TODAY);
    expect(today.groups.map((group) => [group.priority, group.rule])).toEqual([
      ['high', 'second_purchase_nudge'],
      ['high', 'churn_warning'],
      ['normal', 'post_purchase_checkin'],
    ]);
    const checkins = today.groups[2]!.tasks;
    expect(checkins.map((task) => [task.customerName, task.isOverdue])).toEqual([
      ['Early', true],
      ['Late', false],
    ]);
    expect(checkins[1]).toMatchObject({
      phone: '+989350000000',
      lastPurchase: {
        amount: 850_000,
        items: [
          { productName: 'Blue scarf', quantity: 1 },
          { productName: 'Hat', quantity: 1 },
        ],
      },
      lastContact: null,
    });
    expect(today.groups[1]!.tasks[0]!.lastContact).toMatchObject({
      channel: 'in_person',
      note: 'said hello',
    });
    // The run two days ago planned Early's check-in and Lapsed's warning (day 93 of 90).
    const overdue = tasksOf(ctx).filter((task) => task.due_date < TODAY).length;
    expect(overdue).toBe(2);
    expect(today.counts).toEqual({ open: 4, overdue, done: 0, total: 4 });

    await logCall(ctx, { id: checkins[0]!.id, outcome: 'reached' });
    expect((await listToday(ctx, {})).counts).toEqual({
      open: 3,
      overdue: overdue - 1,
      done: 1,
      total: 4,
    });
    expect((await listToday(ctx, { rule: 'churn_warning' })).counts.open).toBe(1);
    // A page at a time: every group with its size, the page's tasks in list order.
    const all = (await listToday(ctx, {})).groups.flatMap((group) => group.tasks.map((t) => t.id));
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 2) {
      const page = await listToday(ctx, { offset, limit: 2 });
      expect(page.groups.map((group) => group.count)).toEqual([1, 1, 1]);
      paged.push(...page.groups.flatMap((group) => group.tasks.map((t) => t.id)));
    }
    expect(paged).toEqual(all);
    // Tomorrow the day's progress starts again.
    advance(DAY_MS);
    expect((await listToday(ctx, {})).counts.done).toBe(0);
  });

  it('leaves out customers who asked not to be contacted at once', async () => {
    const { customerId } = await checkinToday();
    await updateCustomer(ctx, customerId, { doNotContact: true });
    expect((await listToday(ctx, {})).counts.open).toBe(0);
  });

  it('moves a merged duplicate’s tasks and closes its open ones', async () => {
    const { customerId, taskId } = await checkinToday();
    const keep = await addCustomer(ctx, 'Kept');
    await mergeCustomers(ctx, keep, customerId);
    expect(await getTask(ctx, taskId)).toMatchObject({
      customerId: keep,
      status: 'dismissed',
      resolution: 'obsolete',
    });
  });
});
