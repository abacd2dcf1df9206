import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, tehranNoon } from '../../../tests/fixtures/followup.ts';
import { addDays } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { archiveCustomer, createCustomer, mergeCustomers } from '../customers/customers.service.ts';
import { saveLoyaltyRules, updateLoyalty } from '../loyalty/loyalty.service.ts';
import { createOrder } from '../orders/orders.service.ts';
import { resolveAudience, smsNumberOf, summariseAudience } from './audience.ts';
import type { MessageAudience } from './audience.ts';

/** Today is 2025-08-01 in Tehran. */
let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ ctx, remove } = makeTestContext('2025-08-01T09:00:00.000Z'));
  await saveLoyaltyRules(ctx, {
    window: 'rolling12',
    earn: { per: 100, points: 1 },
    expiryMonths: null,
    tiers: [
      { id: 'bronze', name: 'Bronze', threshold: 0 },
      { id: 'gold', name: 'Gold', threshold: 5000 },
    ],
  });
});
afterEach(() => remove());

const TODAY = '2025-08-01';

/** Orders `daysAgo` before today, each of `total`. */
const bought = async (customerId: string, total: number, ...daysAgo: number[]) => {
  for (const ago of daysAgo) {
    await createOrder(ctx, { customerId, orderedAt: tehranNoon(addDays(TODAY, -ago)), total });
  }
};

/**
 * Zahra: a gold champion (R5 F4) with a mobile and an email; Ali: at risk (R2 F3), mobile only;
 * an office with a landline; a customer abroad; one who asked not to be contacted (and has only a
 * landline); an archived customer; and Zahra's duplicate, merged into her.
 */
const shop = async () => {
  const zahra = (
    await createCustomer(ctx, { name: 'Zahra Ahmadi', phone: '0912 111 1111', email: 'z@x.ir' })
  ).id;
  await bought(zahra, 2000, 12, 40, 70, 100);
  const ali = await addCustomer(ctx, 'Ali Karimi', { phone: '09122222222' });
  await bought(ali, 100, 153, 160, 170);
  const office = await addCustomer(ctx, 'Office', { phone: '021 8877 6655' });
  const abroad = (
    await createCustomer(ctx, { name: 'Abroad', phone: '+447911123456', email: '  ' })
  ).id;
  const optedOut = await addCustomer(ctx, 'Opted out', {
    phone: '02188776600',
    doNotContact: true,
  });
  const archived = await addCustomer(ctx, 'Archived', { phone: '09123333333' });
  await archiveCustomer(ctx, archived, true);
  const duplicate = await addCustomer(ctx, 'Zahra A.', { phone: '09124444444' });
  await mergeCustomers(ctx, zahra, duplicate);
  await updateLoyalty(ctx);
  return { zahra, ali, office, abroad, optedOut, archived, duplicate };
};

const idsOf = async (audience: MessageAudience) =>
  (await resolveAudience(ctx, audience, 'sms')).map((recipient) => recipient.customerId);

describe('resolveAudience', () => {
  it('takes chosen customers in the order given, once each, without archived or merged ones', async () => {
    const c = await shop();
    expect(
      await idsOf({
        customerIds: [c.abroad, c.zahra, c.archived, c.duplicate, c.zahra, c.office, 'unknown'],
      }),
    ).toEqual([c.abroad, c.zahra, c.office]);
  });

  it('takes the customer book’s filters: search, tier, RFM segment, and its order', async () => {
    const c = await shop();
    expect(await idsOf({ filters: { search: 'zahra' } })).toEqual([c.zahra]);
    expect(await idsOf({ filters: { tier: 'gold' } })).toEqual([c.zahra]);
    expect(await idsOf({ filters: { rfmSegment: 'atRisk' } })).toEqual([c.ali]);
    expect(await idsOf({ filters: { rfmSegment: 'champions', tier: 'bronze' } })).toEqual([]);
    // Everyone not archived, by name and then reversed.
    const everyone = [c.abroad, c.ali, c.office, c.optedOut, c.zahra];
    expect(await idsOf({ filters: {} })).toEqual(everyone);
    expect(await idsOf({ filters: { direction: 'desc' } })).toEqual([...everyone].reverse());
  });

  it('gives each SMS recipient a panel’s number, or why they are skipped', async () => {
    const c = await shop();
    const recipients = await resolveAudience(
      ctx,
      { customerIds: [c.zahra, c.office, c.abroad, c.optedOut] },
      'sms',
    );
    expect(recipients).toEqual([
      { customerId: c.zahra, name: 'Zahra Ahmadi', address: '09121111111', skip: null },
      { customerId: c.office, name: 'Office', address: null, skip: 'no_address' },
      { customerId: c.abroad, name: 'Abroad', address: '+447911123456', skip: null },
      // Do-not-contact comes first, though a landline has no SMS address either.
      { customerId: c.optedOut, name: 'Opted out', address: null, skip: 'do_not_contact' },
    ]);
    expect(summariseAudience(recipients)).toEqual({
      total: 4,
      sendable: 2,
      skipped: { doNotContact: 1, noAddress: 1 },
    });
  });

  it('gives each email recipient their address; a blank one is no address', async () => {
    const c = await shop();
    const recipients = await resolveAudience(ctx, { customerIds: [c.zahra, c.abroad] }, 'email');
    expect(recipients.map(({ address, skip }) => ({ address, skip }))).toEqual([
      { address: 'z@x.ir', skip: null },
      { address: null, skip: 'no_address' },
    ]);
  });
});

describe('smsNumberOf', () => {
  it.each([
    ['+989121234567', '09121234567'],
    ['+982188776655', null],
    ['+447911123456', '+447911123456'],
    [null, null],
  ])('%s → %s', (e164, expected) => {
    expect(smsNumberOf(e164)).toBe(expected);
  });
});
