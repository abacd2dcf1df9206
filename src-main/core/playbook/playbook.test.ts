import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import {
  addCustomer,
  buy,
  onlyRules,
  run,
  tasksOf,
  tehranNoon,
} from '../../../tests/fixtures/followup.ts';
import type { TaskRule } from '../../../src-shared/contract/types.ts';
import { gregorianToJalali, jalaliToGregorian } from '../../../src-shared/i18n/jalali.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { rebuildAllCustomerStats } from '../customers/customer-stats.ts';
import { updateCustomer } from '../customers/customers.service.ts';
import { archiveOrder, createOrder, updateOrder } from '../orders/orders.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { logContact } from './contacts.service.ts';
import { percentileOrderValue, runPlaybook } from './playbook.ts';
import { updatePlaybookSettings } from './playbook-settings.ts';
import { recordSurvey } from './surveys.service.ts';
import { logCall } from './tasks.service.ts';
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../../src-shared/domain/playbook-rules.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(() => {
  // "Now" is far after every day the tests run the playbook on, so nothing is in the future.
  ({ ctx, remove } = makeTestContext('2027-06-01T08:00:00.000Z'));
});
afterEach(() => remove());

const RULES = DEFAULT_PLAYBOOK_SETTINGS.rules;
const CATCH_UP = DEFAULT_PLAYBOOK_SETTINGS.catchUpDays;
const F = '2026-09-01';

/** The rules planned for a customer by one run on a fresh copy of the same history. */
const plannedOn = async (
  setup: (ctx: CoreContext) => Promise<string>,
  rules: TaskRule[],
  date: string,
): Promise<TaskRule[]> => {
  const fresh = makeTestContext('2027-06-01T08:00:00.000Z');
  try {
    await onlyRules(fresh.ctx, ...rules);
    const customer = await setup(fresh.ctx);
    await run(fresh.ctx, date);
    return tasksOf(fresh.ctx, customer).map((task) => task.rule);
  } finally {
    await fresh.remove();
  }
};

describe('post-purchase check-in', () => {
  const oneTimer = async (c: CoreContext) => {
    const id = await addCustomer(c, 'Maryam');
    await buy(c, id, F, 850_000, ['Blue scarf', 'Gift box']);
    return id;
  };
  const days = RULES.post_purchase_checkin.days;

  it.each([
    [days - 1, false],
    [days, true],
    [days + 1, true],
    [days + CATCH_UP, true],
    [days + CATCH_UP + 1, false],
  ])('first purchase %i days before the run: planned %s', async (offset, expected) => {
    const planned = await plannedOn(oneTimer, ['post_purchase_checkin'], addDays(F, offset));
    expect(planned).toEqual(expected ? ['post_purchase_checkin'] : []);
  });

  it('says why in words: the days, the product, the amount; due on the run day', async () => {
    await onlyRules(ctx, 'post_purchase_checkin');
    const id = await oneTimer(ctx);
    await run(ctx, addDays(F, days));
    const [task] = tasksOf(ctx, id);
    expect(task).toMatchObject({
      rule: 'post_purchase_checkin',
      priority: 'normal',
      anchor: F,
      due_date: addDays(F, days),
      reason_key: 'task.reason.post_purchase_checkin',
    });
    expect(JSON.parse(task!.reason_params)).toMatchObject({
      count: days,
      product: 'Blue scarf',
      others: 1,
      amount: 850_000,
    });
  });

  it('is not planned for a customer who came back before it', async () => {
    const planned = await plannedOn(
      async (c) => {
        const id = await oneTimer(c);
        await buy(c, id, addDays(F, 3), 100_000);
        return id;
      },
      ['post_purchase_checkin'],
      addDays(F, days),
    );
    expect(planned).toEqual([]);
  });

  it('counts purchase days in the shop’s time zone, and only orders with a positive net', async () => {
    await onlyRules(ctx, 'post_purchase_checkin');
    const id = await addCustomer(ctx, 'Reza');
    // 23:00 UTC on 31 August is 02:30 on 1 September in Tehran: the purchase day is F.
    await buyAt(ctx, id, '2026-08-31T23:00:00Z', 500_000);
    // A fully refunded order earlier is not a purchase day.
    const refunded = await buy(ctx, id, '2026-08-20', 200_000);
    await updateOrder(ctx, refunded, { refunded: 200_000 });
    await run(ctx, addDays(F, days));
    expect(tasksOf(ctx, id)).toMatchObject([{ rule: 'post_purchase_checkin', anchor: F }]);
  });
});

const buyAt = async (c: CoreContext, customerId: string, instant: string, total: number) => {
  return (await createOrder(c, { customerId, orderedAt: instant, total })).id;
};

describe('first survey and the second-purchase nudge', () => {
  const oneTimer = async (c: CoreContext) => {
    const id = await addCustomer(c, 'Nima');
    await buy(c, id, F, 300_000);
    return id;
  };

  it.each([
    [RULES.first_survey.days - 1, false],
    [RULES.first_survey.days, true],
    [RULES.first_survey.days + CATCH_UP + 1, false],
  ])('first survey %i days after the first purchase: planned %s', async (offset, expected) => {
    const planned = await plannedOn(oneTimer, ['first_survey'], addDays(F, offset));
    expect(planned).toEqual(expected ? ['first_survey'] : []);
  });

  it('asks no first survey of a customer who has given an NPS answer', async () => {
    const planned = await plannedOn(
      async (c) => {
        const id = await oneTimer(c);
        await recordSurvey(c, {
          customerId: id,
          kind: 'nps',
          score: 9,
          answeredAt: tehranNoon(addDays(F, 10)),
        });
        return id;
      },
      ['first_survey'],
      addDays(F, RULES.first_survey.days),
    );
    expect(planned).toEqual([]);
  });

  const { fromDays, toDays } = RULES.second_purchase_nudge;
  it.each([
    [fromDays - 1, false],
    [fromDays, true],
    [Math.round((fromDays + toDays) / 2), true],
    [toDays, true],
    [toDays + 1, false],
  ])('nudge on day %i after the first purchase: planned %s', async (offset, expected) => {
    const planned = await plannedOn(oneTimer, ['second_purchase_nudge'], addDays(F, offset));
    expect(planned).toEqual(expected ? ['second_purchase_nudge'] : []);
  });

  it('does not nudge a customer who has returned', async () => {
    const planned = await plannedOn(
      async (c) => {
        const id = await oneTimer(c);
        await buy(c, id, addDays(F, 20), 100_000);
        return id;
      },
      ['second_purchase_nudge'],
      addDays(F, fromDays),
    );
    expect(planned).toEqual([]);
  });

  it('on day 30 plans the nudge (high) and not the survey (normal): one contact', async () => {
    const planned = await plannedOn(
      oneTimer,
      ['first_survey', 'second_purchase_nudge'],
      addDays(F, 30),
    );
    expect(planned).toEqual(['second_purchase_nudge']);
  });
});

describe('churn warning', () => {
  const { days, gapFactor } = RULES.churn_warning;
  /** Purchase days at these offsets from F; returns the customer and the last purchase day. */
  const history = (offsets: number[]) => async (c: CoreContext) => {
    const id = await addCustomer(c, 'Leila');
    for (const offset of offsets) await buy(c, id, addDays(F, offset), 200_000);
    return id;
  };
  const last = (offsets: number[]) => addDays(F, Math.max(...offsets));
  /** The day the warning comes due: 90 days, or more than 2× the mean gap, whichever is later. */
  const dueAfter = (offsets: number[]) => {
    const sorted = [...offsets].sort((a, b) => a - b);
    const gap = sorted.length > 1 ? (sorted.at(-1)! - sorted[0]!) / (sorted.length - 1) : null;
    return Math.max(days, gap === null ? 0 : Math.floor(gapFactor * gap) + 1);
  };

  it.each([
    ['one purchase', [0]],
    ['a short usual gap (30 days): 90 days decide', [0, 30, 60]],
    ['a long usual gap (60 days): more than 2× the gap decides', [0, 60, 120]],
    ['an uneven gap (mean 70.5 days)', [0, 141]],
  ])('%s', async (_label, offsets) => {
    const threshold = dueAfter(offsets);
    const at = (extra: number) => addDays(last(offsets), threshold + extra);
    expect(await plannedOn(history(offsets), ['churn_warning'], at(-1))).toEqual([]);
    expect(await plannedOn(history(offsets), ['churn_warning'], at(0))).toEqual(['churn_warning']);
    expect(await plannedOn(history(offsets), ['churn_warning'], at(CATCH_UP))).toEqual([
      'churn_warning',
    ]);
    expect(await plannedOn(history(offsets), ['churn_warning'], at(CATCH_UP + 1))).toEqual([]);
  });

  it('names the usual gap when it is what decided', async () => {
    await onlyRules(ctx, 'churn_warning');
    const offsets = [0, 60, 120];
    const id = await history(offsets)(ctx);
    await run(ctx, addDays(last(offsets), dueAfter(offsets)));
    const [task] = tasksOf(ctx, id);
    expect(task?.reason_key).toBe('task.reason.churn_warning_gap');
    expect(JSON.parse(task!.reason_params)).toMatchObject({ gap: 60, count: dueAfter(offsets) });
  });

  it('two receipts on one day are one purchase day (the gap is between days)', async () => {
    // Days 0, 0 and 100: two purchase days 100 apart, so the warning waits for day 201 after.
    const offsets = [0, 0, 100];
    const threshold = Math.max(days, Math.floor(gapFactor * 100) + 1);
    const at = addDays(last(offsets), threshold);
    expect(await plannedOn(history(offsets), ['churn_warning'], addDays(at, -1))).toEqual([]);
    expect(await plannedOn(history(offsets), ['churn_warning'], at)).toEqual(['churn_warning']);
  });
});

describe('VIP opportunity', () => {
  it('plans for orders at or above the shop’s 90th-percentile order value', async () => {
    await onlyRules(ctx, 'vip_opportunity');
    const day = '2026-10-10';
    const amounts = Array.from({ length: 20 }, (_, i) => (i + 1) * 100_000);
    const ids: string[] = [];
    for (const [i, amount] of amounts.entries()) {
      const id = await addCustomer(ctx, `Customer ${i}`);
      ids.push(id);
      await buy(ctx, id, day, amount);
    }
    // A walk-in sale counts in the shop's distribution too.
    await buy(ctx, null, day, 50_000);
    const all = [...amounts, 50_000].sort((a, b) => a - b);
    const expected = all[Math.ceil(0.9 * all.length) - 1]!;
    expect(percentileOrderValue(ctx.database.sqlite, day, 365, 90)).toBe(expected);

    await run(ctx, day);
    const planned = tasksOf(ctx).map((task) => task.customer_id);
    const qualifying = ids.filter((_, i) => amounts[i]! >= expected);
    expect(planned.sort()).toEqual(qualifying.sort());
    expect(tasksOf(ctx)[0]?.reason_key).toBe('task.reason.vip_top');
  });

  it('plans for an order of at least twice the customer’s earlier average', async () => {
    await onlyRules(ctx, 'vip_opportunity');
    const big = await addCustomer(ctx, 'Big spender elsewhere');
    await buy(ctx, big, '2026-09-01', 50_000_000);
    await buy(ctx, big, '2026-09-02', 50_000_000);
    const twice = await addCustomer(ctx, 'Twice');
    const almost = await addCustomer(ctx, 'Almost');
    for (const id of [twice, almost]) {
      await buy(ctx, id, '2026-08-01', 100_000);
      await buy(ctx, id, '2026-08-15', 300_000);
    }
    const average = (100_000 + 300_000) / 2;
    await buy(ctx, twice, '2026-10-10', RULES.vip_opportunity.ownAverageFactor * average);
    await buy(ctx, almost, '2026-10-10', RULES.vip_opportunity.ownAverageFactor * average - 1);
    await run(ctx, '2026-10-10');
    expect(tasksOf(ctx).map((task) => [task.customer_id, task.reason_key])).toEqual([
      [twice, 'task.reason.vip_own'],
    ]);
    expect(JSON.parse(tasksOf(ctx)[0]!.reason_params)).toMatchObject({ average });
  });
});

describe('birthday', () => {
  const { daysBefore } = RULES.birthday;

  it.each([
    // Gregorian: 1 January seen from late December.
    ['gregory', '1990-01-01', '2026-12-29', '2027-01-01'],
    ['gregory', '1990-01-01', addDays('2027-01-01', -daysBefore - 1), null],
    ['gregory', '1990-12-31', '2026-12-31', '2026-12-31'],
    ['gregory', '1990-12-30', '2026-12-31', null],
    // 29 February in a common year: greeted on 28 February.
    ['gregory', '1992-02-29', '2027-02-26', '2027-02-28'],
  ] as const)('%s birthday %s seen on %s: %s', async (calendar, birthday, on, expected) => {
    await updateSettings(ctx, { calendar, timeZone: 'Europe/London' });
    await onlyRules(ctx, 'birthday');
    const id = await addCustomer(ctx, 'Birthday person', { birthday });
    await run(ctx, on);
    expect(tasksOf(ctx, id).map((task) => task.anchor)).toEqual(expected ? [expected] : []);
  });

  const jalali = (y: number, m: number, d: number) => {
    const g = jalaliToGregorian(y, m, d);
    return `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
  };

  it('in the Jalali calendar: 1 Farvardin seen from the end of Esfand, across the year end', async () => {
    await onlyRules(ctx, 'birthday');
    const id = await addCustomer(ctx, 'Nowruz baby', { birthday: jalali(1370, 1, 1) });
    // 1405 is a common year: Esfand has 29 days.
    const seenOn = jalali(1405, 12, 29 - daysBefore + 1);
    await run(ctx, addDays(seenOn, -1));
    expect(tasksOf(ctx, id)).toEqual([]);
    await run(ctx, seenOn);
    expect(tasksOf(ctx, id).map((task) => task.anchor)).toEqual([jalali(1406, 1, 1)]);
  });

  it('follows the Jalali day, not the Gregorian one, when the two part', async () => {
    await onlyRules(ctx, 'birthday');
    // Born 10 Dey 1369 = 31 December 1990; 10 Dey 1405 is 31 December 2026, but 10 Dey 1402
    // was 31 December 2023 and 10 Dey 1403 30 December 2024: find a year where they differ.
    const born = jalali(1369, 10, 10);
    let year = 1400;
    while (jalali(year, 10, 10).slice(5) === born.slice(5)) year += 1;
    const id = await addCustomer(ctx, 'Dey', { birthday: born });
    const occurrence = jalali(year, 10, 10);
    await run(ctx, addDays(occurrence, -daysBefore));
    expect(tasksOf(ctx, id).map((task) => task.anchor)).toEqual([occurrence]);
    expect(
      gregorianToJalali(...(occurrence.split('-').map(Number) as [number, number, number])),
    ).toEqual({ year, month: 10, day: 10 });
  });

  it('greets a 30 Esfand birthday on 29 Esfand in a common year', async () => {
    await onlyRules(ctx, 'birthday');
    // 1403 is a Jalali leap year; 1405 is not.
    const id = await addCustomer(ctx, 'Leap', { birthday: jalali(1403, 12, 30) });
    await run(ctx, jalali(1405, 12, 29));
    expect(tasksOf(ctx, id).map((task) => task.anchor)).toEqual([jalali(1405, 12, 29)]);
  });

  it('closes a birthday task once the day has passed', async () => {
    await onlyRules(ctx, 'birthday');
    const id = await addCustomer(ctx, 'Late', { birthday: '1990-03-10' });
    await updateSettings(ctx, { calendar: 'gregory' });
    await run(ctx, '2027-03-08');
    await run(ctx, '2027-03-11');
    expect(tasksOf(ctx, id)).toMatchObject([{ status: 'dismissed', resolution: 'expired' }]);
  });
});

describe('frequency cap and priority', () => {
  const checkinDay = addDays(F, RULES.post_purchase_checkin.days);
  const cap = DEFAULT_PLAYBOOK_SETTINGS.frequencyCapDays;

  it.each([
    [cap - 1, false],
    [cap, true],
  ])('a contact logged %i days before the run: check-in planned %s', async (ago, planned) => {
    await onlyRules(ctx, 'post_purchase_checkin');
    const id = await addCustomer(ctx, 'Just called');
    await buy(ctx, id, F, 400_000);
    await logContact(ctx, {
      customerId: id,
      channel: 'phone',
      outcome: 'reached',
      occurredAt: tehranNoon(addDays(checkinDay, -ago)),
    });
    await run(ctx, checkinDay);
    expect(tasksOf(ctx, id).map((task) => task.rule)).toEqual(
      planned ? ['post_purchase_checkin'] : [],
    );
  });

  it('a note is not a contact', async () => {
    await onlyRules(ctx, 'post_purchase_checkin');
    const id = await addCustomer(ctx, 'Noted');
    await buy(ctx, id, F, 400_000);
    await logContact(ctx, { customerId: id, channel: 'note', occurredAt: tehranNoon(checkinDay) });
    await run(ctx, checkinDay);
    expect(tasksOf(ctx, id)).toHaveLength(1);
  });

  it('a higher-priority task supersedes an open lower one; a lower one waits', async () => {
    await onlyRules(ctx, 'post_purchase_checkin', 'second_purchase_nudge');
    await updatePlaybookSettings(ctx, { frequencyCapDays: 0 });
    const id = await addCustomer(ctx, 'Busy');
    await buy(ctx, id, F, 400_000);
    await run(ctx, checkinDay);
    await run(ctx, addDays(F, RULES.second_purchase_nudge.fromDays));
    expect(tasksOf(ctx, id).map((task) => [task.rule, task.status, task.resolution])).toEqual([
      ['post_purchase_checkin', 'dismissed', 'superseded'],
      ['second_purchase_nudge', 'open', null],
    ]);
  });

  it('an open task of the same or higher priority keeps a new candidate out', async () => {
    await onlyRules(ctx, 'second_purchase_nudge', 'birthday');
    await updateSettings(ctx, { calendar: 'gregory' });
    const nudgeDay = addDays(F, RULES.second_purchase_nudge.fromDays);
    const id = await addCustomer(ctx, 'Birthday soon', { birthday: `1990-${nudgeDay.slice(5)}` });
    await buy(ctx, id, F, 400_000);
    await run(ctx, addDays(nudgeDay, -1 - daysBeforeBirthday()));
    await run(ctx, nudgeDay);
    expect(tasksOf(ctx, id).map((task) => task.rule)).toEqual(['second_purchase_nudge']);
  });

  it('a low score’s recovery is urgent: it ignores the cap and supersedes open tasks', async () => {
    await onlyRules(ctx, 'post_purchase_checkin', 'recovery');
    const id = await addCustomer(ctx, 'Unhappy');
    await buy(ctx, id, F, 400_000);
    await run(ctx, checkinDay);
    const [checkin] = tasksOf(ctx, id);
    const result = await logCall(ctx, {
      id: checkin!.id,
      outcome: 'reached',
      survey: { kind: 'nps', score: 3, comment: 'The scarf tore' },
    });
    expect(result.recoveryTask).toMatchObject({ rule: 'recovery', priority: 'urgent' });
    expect(tasksOf(ctx, id).map((task) => [task.rule, task.status])).toEqual([
      ['post_purchase_checkin', 'done'],
      ['recovery', 'open'],
    ]);
  });
});

const daysBeforeBirthday = () => RULES.birthday.daysBefore;

describe('idempotence and self-resolution', () => {
  it('plans the same follow-ups however often it runs', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const id = await addCustomer(ctx, `Customer ${i}`, {
        birthday: `1990-${String((i % 12) + 1).padStart(2, '0')}-15`,
      });
      ids.push(id);
      await buy(ctx, id, addDays(F, -i * 11), 100_000 * (i + 1));
      if (i % 3 === 0) await buy(ctx, id, addDays(F, -i * 11 + 40), 80_000);
    }
    const snapshot = () =>
      tasksOf(ctx)
        .map((task) => `${task.dedupe_key}:${task.status}:${task.resolution ?? ''}`)
        .sort();
    const days = Array.from({ length: 120 }, (_, i) => addDays(F, i));
    for (const day of days) await run(ctx, day);
    const once = snapshot();
    expect(once.length).toBeGreaterThan(5);
    for (const day of days) {
      const report = await run(ctx, day);
      expect(report.created).toBe(0);
    }
    expect(snapshot()).toEqual(once);
    const keys = ctx.database.sqlite.prepare('SELECT dedupe_key FROM tasks').pluck().all();
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('closes a nudge as resolved by purchase when the customer comes back', async () => {
    await onlyRules(ctx, 'second_purchase_nudge');
    const id = await addCustomer(ctx, 'Returner');
    await buy(ctx, id, F, 400_000);
    await run(ctx, addDays(F, 30));
    await buy(ctx, id, addDays(F, 33), 90_000);
    const report = await run(ctx, addDays(F, 33));
    expect(report.closed).toEqual({ resolved_by_purchase: 1 });
    expect(tasksOf(ctx, id)).toMatchObject([
      { rule: 'second_purchase_nudge', status: 'done', resolution: 'resolved_by_purchase' },
    ]);
  });

  it('closes a churn warning as resolved by purchase, and a later lapse warns again', async () => {
    await onlyRules(ctx, 'churn_warning');
    const id = await addCustomer(ctx, 'Lapsed');
    await buy(ctx, id, F, 400_000);
    await run(ctx, addDays(F, 90));
    await buy(ctx, id, addDays(F, 95), 90_000);
    await run(ctx, addDays(F, 95));
    // Two purchase days 95 apart: the next warning waits for more than twice that gap.
    await run(ctx, addDays(F, 95 + 2 * 95 + 1));
    expect(tasksOf(ctx, id).map((task) => [task.anchor, task.status, task.resolution])).toEqual([
      [F, 'done', 'resolved_by_purchase'],
      [addDays(F, 95), 'open', null],
    ]);
  });

  it('closes the tasks of a customer who asks not to be contacted, and plans no more', async () => {
    await onlyRules(ctx, 'second_purchase_nudge', 'churn_warning');
    const id = await addCustomer(ctx, 'Private');
    await buy(ctx, id, F, 400_000);
    await run(ctx, addDays(F, 30));
    await updateCustomer(ctx, id, { doNotContact: true });
    await run(ctx, addDays(F, 31));
    await run(ctx, addDays(F, 90));
    expect(tasksOf(ctx, id)).toMatchObject([{ status: 'dismissed', resolution: 'do_not_contact' }]);
  });

  it('closes a task whose purchase was taken back (archived) as obsolete', async () => {
    await onlyRules(ctx, 'post_purchase_checkin');
    const id = await addCustomer(ctx, 'Mistake');
    const order = await buy(ctx, id, F, 400_000);
    await run(ctx, addDays(F, 7));
    await archiveOrder(ctx, order, true);
    await run(ctx, addDays(F, 8));
    expect(tasksOf(ctx, id)).toMatchObject([{ status: 'dismissed', resolution: 'obsolete' }]);
  });

  it('a task completed in the window counts as a contact', async () => {
    await onlyRules(ctx, 'post_purchase_checkin', 'vip_opportunity');
    const id = await addCustomer(ctx, 'Seen');
    await buy(ctx, id, F, 400_000);
    await run(ctx, F);
    const [vip] = tasksOf(ctx, id);
    expect(vip?.rule).toBe('vip_opportunity');
    ctx.database.sqlite
      .prepare(`UPDATE tasks SET status = 'done', resolution = 'completed', closed_at = ?`)
      .run(`${addDays(F, 2)}T09:00:00.000Z`);
    await run(ctx, addDays(F, 7));
    expect(tasksOf(ctx, id)).toHaveLength(1);
    await run(ctx, addDays(F, 9));
    expect(tasksOf(ctx, id).map((task) => task.rule)).toEqual([
      'vip_opportunity',
      'post_purchase_checkin',
    ]);
  });
});

describe('near next tier', () => {
  it('plans nothing before any tier is computed, and plans through the tier seam', async () => {
    await onlyRules(ctx, 'near_next_tier');
    const id = await addCustomer(ctx, 'Almost gold');
    await buy(ctx, id, F, 400_000);
    expect((await run(ctx, addDays(F, 1))).created).toBe(0);
    const report = await runPlaybook(ctx, {
      date: addDays(F, 1),
      tiers: {
        nearNextTier: () => [{ customerId: id, tierId: 'gold', tierName: 'Gold', missing: 40_000 }],
      },
    });
    expect(report.createdByRule).toEqual({ near_next_tier: 1 });
    expect(JSON.parse(tasksOf(ctx, id)[0]!.reason_params)).toEqual({
      amount: 40_000,
      tier: 'Gold',
    });
  });
});

describe('the cached purchase days', () => {
  const days = () =>
    ctx.database.sqlite
      .prepare(
        'SELECT id, first_purchase_day, last_purchase_day, purchase_days FROM customers ORDER BY id',
      )
      .all();

  it('stay equal to a rebuild from the orders through edits, refunds and playbook runs', async () => {
    const known = await addCustomer(ctx, 'Known');
    await buy(ctx, known, F, 100_000);
    await run(ctx, F);
    const after = days();
    rebuildAllCustomerStats(ctx.database.sqlite);
    expect(days()).toEqual(after);

    // Known days follow every refresh: a second day, a same-day receipt, a full refund.
    await buy(ctx, known, addDays(F, 5), 50_000);
    await buy(ctx, known, addDays(F, 5), 20_000);
    const refunded = await buy(ctx, known, addDays(F, 9), 70_000);
    await updateOrder(ctx, refunded, { refunded: 70_000 });
    expect(days()).toMatchObject([
      { first_purchase_day: F, last_purchase_day: addDays(F, 5), purchase_days: 2 },
    ]);
    const incremental = days();
    rebuildAllCustomerStats(ctx.database.sqlite);
    expect(days()).toEqual(incremental);
  });
});
