import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_MOMENTS, placeholdersOf } from '../../../src-shared/domain/message-template.ts';
import { UUID_PATTERN } from '../../../src-shared/domain/id.ts';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { addCustomer, buy } from '../../../tests/fixtures/followup.ts';
import type { CoreContext } from '../context.ts';
import { createDispatch } from '../dispatch.ts';
import type { Dispatch } from '../dispatch.ts';
import { createHandlers } from '../handlers.ts';
import { createImportService } from '../imports/imports.service.ts';
import { adjustPoints } from '../loyalty/loyalty.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import {
  deleteTemplate,
  getTemplate,
  listTemplates,
  previewTemplate,
  recipientValues,
  saveTemplate,
} from './templates.service.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(() => {
  // Noon in Tehran on 2026-10-15.
  ({ ctx, remove } = makeTestContext('2026-10-15T08:30:00.000Z'));
});
afterEach(() => remove());

const sms = (body: string) => ({ channel: 'sms', locale: 'fa', subject: null, body }) as const;

describe('default templates (migration 7)', () => {
  it('has one per moment, language and channel, with only known placeholders', async () => {
    const all = await listTemplates(ctx);
    expect(all).toHaveLength(TEMPLATE_MOMENTS.length * 2 * 2);
    for (const moment of TEMPLATE_MOMENTS) {
      for (const locale of ['fa', 'en'] as const) {
        for (const channel of ['email', 'sms'] as const) {
          const found = all.filter(
            (t) => t.moment === moment && t.locale === locale && t.channel === channel,
          );
          expect(found, `${moment} ${locale} ${channel}`).toHaveLength(1);
          const [template] = found;
          expect(template?.id).toMatch(UUID_PATTERN);
          expect(template?.subject === null).toBe(channel === 'sms');
          expect(placeholdersOf(template?.body ?? '')).toContain('firstName');
        }
      }
    }
    // Every default saves back unchanged: none has an unknown placeholder.
    for (const template of all) {
      await expect(
        saveTemplate(ctx, { ...template, moment: template.moment }),
      ).resolves.toBeTruthy();
    }
  });

  it('filters by channel and language, in the playbook order of moments', async () => {
    const list = await listTemplates(ctx, { channel: 'sms', locale: 'en' });
    expect(list.map((t) => t.moment)).toEqual([...TEMPLATE_MOMENTS]);
  });
});

describe('save and delete', () => {
  it('creates, replaces and soft-deletes a template', async () => {
    const created = await saveTemplate(ctx, {
      name: 'Eid',
      ...sms('{نام} عزیز، عید مبارک! {نام_فروشگاه}'),
    });
    expect(created).toMatchObject({ name: 'Eid', channel: 'sms', moment: null });
    const changed = await saveTemplate(ctx, {
      id: created.id,
      name: 'Nowruz',
      ...sms('{firstName}، نوروز مبارک!'),
    });
    expect(changed).toMatchObject({
      id: created.id,
      name: 'Nowruz',
      body: '{firstName}، نوروز مبارک!',
    });
    const left = await deleteTemplate(ctx, created.id);
    expect(left.some((t) => t.id === created.id)).toBe(false);
    await expect(getTemplate(ctx, created.id)).rejects.toMatchObject({ code: 'not_found' });
    // Kept as a row for sync, marked deleted.
    expect(
      ctx.database.sqlite
        .prepare('SELECT deleted_at FROM message_templates WHERE id = ?')
        .get(created.id),
    ).toEqual({ deleted_at: expect.any(String) });
  });

  it('keeps a default template’s moment when its text is edited', async () => {
    const [first] = await listTemplates(ctx, { channel: 'sms', locale: 'fa' });
    if (!first) throw new Error('no default');
    const saved = await saveTemplate(ctx, {
      id: first.id,
      name: first.name,
      ...sms('{نام} جان، ممنون!'),
    });
    expect(saved.moment).toBe(first.moment);
  });

  it('refuses an unknown placeholder, naming it and where it is', async () => {
    await expect(
      saveTemplate(ctx, {
        name: 'Typo',
        channel: 'email',
        locale: 'en',
        subject: 'Hi {frstName}',
        body: 'Hello',
      }),
    ).rejects.toMatchObject({
      code: 'bad_input',
      details: { field: 'subject', name: 'frstName', offset: 3 },
    });
  });
});

describe('preview', () => {
  it('fills the placeholders from the customer, their last order, loyalty and the settings', async () => {
    await updateSettings(ctx, { shopName: 'Noor Gallery' });
    const id = await addCustomer(ctx, 'خانم مریم رضایی');
    await buy(ctx, id, '2026-06-01', 500_000, ['Old hat']);
    await buy(ctx, id, '2026-09-15', 850_000, ['شال آبی', 'جعبه کادو']);
    await adjustPoints(ctx, { customerId: id, points: 1200, reason: 'welcome' });
    const values = await recipientValues(ctx, id);
    expect(values).toMatchObject({
      fullName: 'خانم مریم رضایی',
      lastProduct: 'شال آبی',
      daysSinceLastPurchase: 30,
      shopName: 'Noor Gallery',
    });
    expect(values.tier).toEqual(expect.any(String));
    expect(values.pointsBalance).toBeGreaterThanOrEqual(1200);

    const preview = await previewTemplate(ctx, {
      customerId: id,
      draft: sms('{نام} عزیز، {روز_از_آخرین_خرید} روز از خرید {آخرین_محصول} گذشته. {نام_فروشگاه}'),
    });
    expect(preview.body).toBe('مریم عزیز، ۳۰ روز از خرید شال آبی گذشته. Noor Gallery');
    expect(preview.missing).toEqual([]);
    expect(preview.sms).toMatchObject({ encoding: 'ucs2', parts: 1 });
  });

  it('previews a saved email template with its subject, in its language', async () => {
    const id = await addCustomer(ctx, 'Sara Karimi');
    await buy(ctx, id, '2026-10-10', 100_000, ['Gloves']);
    const [thanks] = (await listTemplates(ctx, { channel: 'email', locale: 'en' })).filter(
      (t) => t.moment === 'post_purchase_thanks',
    );
    const preview = await previewTemplate(ctx, { templateId: thanks?.id ?? '', customerId: id });
    expect(preview.subject).toBe('Thank you for your purchase');
    expect(preview.body).toContain('Hi Sara,');
    expect(preview.body).toContain('Gloves');
    // No shop name set yet: the owner is warned.
    expect(preview.missing).toEqual(['shopName']);
    expect(preview.sms).toBeNull();
  });

  it('lists what a customer without purchases cannot fill', async () => {
    const id = await addCustomer(ctx, '09121234567');
    const preview = await previewTemplate(ctx, {
      customerId: id,
      draft: sms('{firstName} {lastProduct} {daysSinceLastPurchase} {frstName}'),
    });
    expect(preview.missing).toEqual(['firstName', 'lastProduct', 'daysSinceLastPurchase']);
    expect(preview.errors).toEqual([
      { reason: 'unknown_placeholder', name: 'frstName', offset: 50, field: 'body' },
    ]);
  });

  it('refuses an unknown customer or template', async () => {
    await expect(
      previewTemplate(ctx, { customerId: 'nobody', draft: sms('hi') }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const id = await addCustomer(ctx, 'Ali');
    await expect(
      previewTemplate(ctx, { customerId: id, templateId: 'none' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('templates channels', () => {
  let dispatch: Dispatch;
  let close: () => Promise<void>;
  beforeEach(() => {
    const imports = createImportService(ctx, 'test');
    close = () => imports.close();
    dispatch = createDispatch(
      createHandlers(ctx, { version: '9.9.9', host: 'browser', systemLocale: 'fa' }, imports),
      { databasePath: '/tmp/shop.db', onUnexpected: () => undefined },
    );
  });
  afterEach(() => close());

  it('validates the subject against the channel and preview input', async () => {
    expect(
      await dispatch('templates:save', { name: 'x', ...sms('hi'), subject: 'no subject for SMS' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_input', details: { field: 'subject' } } });
    expect(
      await dispatch('templates:save', {
        name: 'x',
        channel: 'email',
        locale: 'en',
        subject: null,
        body: 'hi',
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_input', details: { field: 'subject' } } });
    expect(await dispatch('templates:preview', { customerId: 'c' })).toMatchObject({
      ok: false,
      error: { code: 'bad_input', details: { field: 'templateId' } },
    });
    expect(await dispatch('templates:list', { channel: 'sms', locale: 'fa' })).toMatchObject({
      ok: true,
      data: expect.arrayContaining([expect.objectContaining({ channel: 'sms', locale: 'fa' })]),
    });
  });
});
