import { unzipSync } from 'fflate';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import type { CoreContext } from '../context.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { emlFileName, emlZip } from './eml.ts';
import { createMemorySecretStore } from './secret-store.ts';
import { saveSmtpSettings } from './smtp-settings.ts';
import { saveTemplate } from './templates.service.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
beforeEach(() => {
  ({ ctx, remove } = makeTestContext('2026-10-15T08:30:00.000Z'));
});
afterEach(() => remove());

const template = async (locale: 'fa' | 'en', channel: 'email' | 'sms' = 'email') =>
  (
    await saveTemplate(ctx, {
      name: `t-${locale}-${channel}`,
      channel,
      locale,
      subject:
        channel === 'sms'
          ? null
          : locale === 'fa'
            ? 'هدیه‌ای برای {firstName}'
            : 'A gift for {firstName}',
      body:
        locale === 'fa'
          ? '{firstName} عزیز،\n\nمنتظر شما هستیم.'
          : 'Dear {firstName},\n\nSee you soon.',
    })
  ).id;

const customer = async (name: string, email: string | null, doNotContact = false) =>
  (await createCustomer(ctx, { name, email, doNotContact })).id;

const unzip = (base64: string) => unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));

describe('.eml files (messages:eml)', () => {
  it('zips one correctly encoded .eml per reachable recipient and logs each', async () => {
    saveSmtpSettings(ctx, createMemorySecretStore(), {
      host: 'mail.example.com',
      port: 587,
      security: 'starttls',
      user: '',
      fromAddress: 'shop@example.com',
      fromName: 'گلرنگ',
    });
    const templateId = await template('fa');
    const zahra = await customer('زهرا / احمدی', 'zahra@example.com');
    const blocked = await customer('Ali', 'ali@example.com', true);
    const noEmail = await customer('Sara', null);
    const file = await emlZip(ctx, {
      templateId,
      audience: { customerIds: [zahra, blocked, noEmail] },
    });
    expect(file).toMatchObject({
      fileName: 'emails-2026-10-15.zip',
      mimeType: 'application/zip',
      rows: 1,
    });
    const entries = unzip(file.base64);
    const names = Object.keys(entries);
    expect(names).toEqual([emlFileName('زهرا / احمدی', zahra)]);
    expect(names[0]).toMatch(/^زهرا احمدی-[0-9a-f]{8}\.eml$/);
    const raw = Buffer.from(entries[names[0] as string] as Uint8Array);
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(raw.toString('latin1')).toMatch(/^X-Unsent: 1\r?$/m);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('هدیه‌ای برای زهرا');
    expect(parsed.from?.value).toEqual([{ name: 'گلرنگ', address: 'shop@example.com' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'zahra@example.com' }] });
    expect(parsed.date?.toISOString()).toBe('2026-10-15T08:30:00.000Z');
    expect(parsed.text).toContain('زهرا عزیز،');
    expect(String(parsed.html)).toContain('<html lang="fa" dir="rtl">');
    expect(String(parsed.html)).toContain('«لغو»');

    const logged = ctx.database.sqlite
      .prepare('SELECT customer_id, delivery, address, subject FROM message_log')
      .all();
    expect(logged).toEqual([
      {
        customer_id: zahra,
        delivery: 'eml',
        address: 'zahra@example.com',
        subject: 'هدیه‌ای برای زهرا',
      },
    ]);
  });

  it('works without SMTP settings (the mail program fills in the sender), left to right in English', async () => {
    const templateId = await template('en');
    const ids = [
      await customer('Neda', 'neda@example.com'),
      await customer('Neda', 'n2@example.com'),
    ];
    const file = await emlZip(ctx, { templateId, audience: { customerIds: ids } });
    const entries = unzip(file.base64);
    // Two customers of one name: two files.
    expect(Object.keys(entries)).toHaveLength(2);
    const parsed = await simpleParser(Buffer.from(Object.values(entries)[0] as Uint8Array));
    expect(parsed.subject).toBe('A gift for Neda');
    expect(parsed.from).toBeUndefined();
    expect(parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(parsed.text).toContain('To stop receiving these emails, reply with “unsubscribe”.');
    expect(String(parsed.html)).toContain('<html lang="en" dir="ltr">');
  });

  it('refuses an SMS template, an audience nobody can be emailed and one too big, logging nothing', async () => {
    const sms = await template('fa', 'sms');
    const email = await template('fa');
    const reachable = await customer('a', 'a@example.com');
    const blocked = await customer('b', 'b@example.com', true);
    await expect(
      emlZip(ctx, { templateId: sms, audience: { customerIds: [reachable] } }),
    ).rejects.toMatchObject({ code: 'bad_input', details: { reason: 'not_email' } });
    await expect(
      emlZip(ctx, { templateId: email, audience: { customerIds: [blocked] } }),
    ).rejects.toMatchObject({ code: 'bad_input', details: { reason: 'no_recipients' } });
    // More reachable recipients than one .zip may hold (the do-not-contact one does not count).
    const another = await customer('c', 'c@example.com');
    await expect(
      emlZip(ctx, { templateId: email, audience: { customerIds: [reachable, blocked] } }, 1),
    ).resolves.toMatchObject({ rows: 1 });
    await expect(
      emlZip(ctx, { templateId: email, audience: { customerIds: [reachable, another] } }, 1),
    ).rejects.toMatchObject({
      code: 'bad_input',
      details: { reason: 'too_many_eml', max: 1, count: 2 },
    });
    // Only the one zip made was logged.
    expect(ctx.database.sqlite.prepare('SELECT count(*) AS n FROM message_log').get()).toEqual({
      n: 1,
    });
  });
});

describe('emlFileName', () => {
  const id = '0192f1a2-0000-7000-8000-00000000abcd';
  it.each([
    ['Zahra Ahmadi', 'Zahra Ahmadi-0000abcd.eml'],
    ['علی‌رضا', 'علی‌رضا-0000abcd.eml'],
    ['../../etc/passwd', 'etc passwd-0000abcd.eml'],
    ['a<b>:c"d|e?f*g\\h', 'a b c d e f g h-0000abcd.eml'],
    ['evil\u202egpj.exe', 'evil gpj.exe-0000abcd.eml'],
    ['line\nbreak\ttab', 'line break tab-0000abcd.eml'],
    ['  ...  ', 'customer-0000abcd.eml'],
    ['x'.repeat(80), `${'x'.repeat(60)}-0000abcd.eml`],
  ])('%j → %s', (name, expected) => {
    expect(emlFileName(name, id)).toBe(expected);
  });
});
