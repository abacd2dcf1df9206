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
import { DEFAULT_PLAYBOOK_SETTINGS } from '../../../src-shared/domain/playbook-rules.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { getCustomerProfile, mergeCustomers } from '../customers/customers.service.ts';
import { logMessages } from './message-log.ts';
import type { LoggedMessage } from './message-log.ts';

const F = '2026-09-01';

let env: ReturnType<typeof makeTestContext>;
let ctx: CoreContext;
beforeEach(() => {
  // An hour after Tehran noon on F, when the tests' purchases are made.
  env = makeTestContext(new Date(Date.parse(tehranNoon(F)) + 3_600_000).toISOString());
  ctx = env.ctx;
});
afterEach(() => env.remove());

const email = (customerId: string, subject: string, body = 'Hello'): LoggedMessage => ({
  customerId,
  channel: 'email',
  delivery: 'smtp',
  templateId: null,
  address: 'someone@example.com',
  subject,
  body,
});

const sms = (customerId: string, body: string): LoggedMessage => ({
  customerId,
  channel: 'sms',
  delivery: 'sms_list',
  templateId: null,
  address: '09121234567',
  subject: null,
  body,
});

const logOf = () =>
  ctx.database.sqlite
    .prepare(
      `SELECT m.customer_id, m.channel, m.delivery, m.run_id, m.subject, m.body,
         i.customer_id AS i_customer, i.channel AS i_channel, i.direction, i.outcome, i.note,
         i.occurred_at
       FROM message_log m JOIN interactions i ON i.id = m.interaction_id ORDER BY m.rowid`,
    )
    .all();

describe('logMessages', () => {
  it('logs each message and puts it on the timeline: an email by its subject, an SMS by its text', async () => {
    const id = await addCustomer(ctx, 'Zahra');
    const long = 'س'.repeat(600);
    logMessages(ctx, 'run-1', [email(id, '  Thank you  ', 'Body'), sms(id, long)]);
    const at = ctx.now().toISOString();
    expect(logOf()).toEqual([
      {
        customer_id: id,
        channel: 'email',
        delivery: 'smtp',
        run_id: 'run-1',
        subject: '  Thank you  ',
        body: 'Body',
        i_customer: id,
        i_channel: 'email',
        direction: 'outbound',
        outcome: null,
        note: 'Thank you',
        occurred_at: at,
      },
      {
        customer_id: id,
        channel: 'sms',
        delivery: 'sms_list',
        run_id: 'run-1',
        subject: null,
        body: long,
        i_customer: id,
        i_channel: 'sms',
        direction: 'outbound',
        outcome: null,
        // The timeline keeps the start of a long text; the log keeps all of it.
        note: `${'س'.repeat(499)}…`,
        occurred_at: at,
      },
    ]);
    // Both at the same instant: the timeline's order between them is not defined.
    const { timeline } = await getCustomerProfile(ctx, id);
    const entries = timeline.map((item) => [item.channel, item.direction, item.note]);
    expect(entries.sort()).toEqual([
      ['email', 'outbound', 'Thank you'],
      ['sms', 'outbound', `${'س'.repeat(499)}…`],
    ]);
  });

  it('writes all of a batch or none of it', async () => {
    const id = await addCustomer(ctx, 'Zahra');
    expect(() => logMessages(ctx, 'run-1', [sms(id, 'Hi'), sms('no-such-customer', 'Hi')])).toThrow(
      /FOREIGN KEY/,
    );
    expect(logOf()).toEqual([]);
    expect(ctx.database.sqlite.prepare('SELECT count(*) AS n FROM interactions').get()).toEqual({
      n: 0,
    });
  });

  it('moves with the customer when a duplicate is merged', async () => {
    const keep = await addCustomer(ctx, 'Zahra Ahmadi');
    const duplicate = await addCustomer(ctx, 'Zahra A.');
    logMessages(ctx, 'run-1', [sms(duplicate, 'Hi')]);
    await mergeCustomers(ctx, keep, duplicate);
    expect(logOf()).toMatchObject([{ customer_id: keep, i_customer: keep, body: 'Hi' }]);
    expect((await getCustomerProfile(ctx, keep)).timeline).toHaveLength(1);
  });
});

describe('the playbook’s frequency cap', () => {
  const checkinDay = addDays(F, DEFAULT_PLAYBOOK_SETTINGS.rules.post_purchase_checkin.days);
  const cap = DEFAULT_PLAYBOOK_SETTINGS.frequencyCapDays;

  it('counts a message logged within the cap like a call', async () => {
    await onlyRules(ctx, 'post_purchase_checkin');
    const outside = await addCustomer(ctx, 'Messaged before the cap');
    const inside = await addCustomer(ctx, 'Messaged within the cap');
    const quiet = await addCustomer(ctx, 'Not messaged');
    for (const id of [outside, inside, quiet]) await buy(ctx, id, F, 400_000);
    // Noon `cap` days before the check-in (just outside the cap), then the first day within it.
    const step = (day: string) => env.advance(Date.parse(tehranNoon(day)) - ctx.now().getTime());
    step(addDays(checkinDay, -cap));
    logMessages(ctx, 'run-1', [sms(outside, 'Hi')]);
    step(addDays(checkinDay, 1 - cap));
    logMessages(ctx, 'run-2', [email(inside, 'Hi')]);
    step(checkinDay);
    await run(ctx, checkinDay);
    expect(tasksOf(ctx, outside).map((task) => task.rule)).toEqual(['post_purchase_checkin']);
    expect(tasksOf(ctx, inside)).toEqual([]);
    expect(tasksOf(ctx, quiet).map((task) => task.rule)).toEqual(['post_purchase_checkin']);
  });
});
