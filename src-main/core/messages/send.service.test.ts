import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendJob } from '../../../src-shared/contract/types.ts';
import { makeTestContext } from '../../../tests/fixtures/core.ts';
import { startTestSmtp } from '../../../tests/fixtures/smtp.ts';
import type { TestSmtp, TestSmtpOptions } from '../../../tests/fixtures/smtp.ts';
import type { CoreContext } from '../context.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { createDispatch } from '../dispatch.ts';
import { createHandlers } from '../handlers.ts';
import { createImportService } from '../imports/imports.service.ts';
import { updateSettings } from '../settings/settings.service.ts';
import { createMemorySecretStore } from './secret-store.ts';
import type { SecretStore } from './secret-store.ts';
import { createEmailService } from './send.service.ts';
import type { EmailService, EmailServiceOptions } from './send.service.ts';
import { saveTemplate } from './templates.service.ts';

let ctx: CoreContext;
let remove: () => Promise<void>;
let smtp: TestSmtp | undefined;
let service: EmailService | undefined;
beforeEach(() => {
  ({ ctx, remove } = makeTestContext('2026-10-15T08:30:00.000Z'));
});
afterEach(async () => {
  await service?.close();
  await smtp?.stop();
  service = undefined;
  smtp = undefined;
  await remove();
});

const FAST = { connection: 2_000, greeting: 2_000, socket: 5_000 };

/** A test server, and the service set up to send through it (fast: no waiting between messages). */
const setUp = async (
  server: TestSmtpOptions = {},
  options: Partial<EmailServiceOptions> & { secrets?: SecretStore } = {},
) => {
  smtp = await startTestSmtp(server);
  service = createEmailService(ctx, {
    secrets: createMemorySecretStore(),
    systemLocale: 'en',
    timeouts: FAST,
    sleep: async () => {},
    ...options,
  });
  service.smtpSave(smtp.settings('Golrang Shop'));
  return { smtp, service };
};

const SUBJECT = 'سلام {firstName}، از خرید شما ممنونیم';

const persianTemplate = async () =>
  (
    await saveTemplate(ctx, {
      name: 'Thanks (fa)',
      channel: 'email',
      locale: 'fa',
      subject: SUBJECT,
      body: '{firstName} عزیز،\n\nاز خرید شما سپاسگزاریم.\nبه امید دیدار دوباره <3',
    })
  ).id;

const customer = async (name: string, email: string | null, doNotContact = false) =>
  (await createCustomer(ctx, { name, email, doNotContact })).id;

const count = (sql: string, ...params: unknown[]) =>
  (ctx.database.sqlite.prepare(sql).get(...params) as { n: number }).n;

const loggedAddresses = () =>
  (
    ctx.database.sqlite
      .prepare(`SELECT address FROM message_log WHERE delivery = 'smtp' ORDER BY address`)
      .all() as { address: string }[]
  ).map((row) => row.address);

const statuses = async (jobId: string) =>
  (service as EmailService)
    .results({ jobId, limit: 500 })
    .rows.map((row) => [row.address ?? row.name, row.status, row.reason]);

describe('sending a template by email', () => {
  it('delivers to each reachable recipient, Persian subject and RTL HTML intact', async () => {
    const { smtp, service } = await setUp();
    const templateId = await persianTemplate();
    const ids = [
      await customer('زهرا احمدی', 'zahra@example.com'),
      await customer('Ali Rezaei', 'ali@example.com', true),
      await customer('سارا', null),
      await customer('مریم کریمی', 'maryam@example.com'),
      await customer('Neda', 'neda@example.com'),
    ];
    const started = await service.send({ templateId, audience: { customerIds: ids } });
    expect(started).toMatchObject({ state: 'running', total: 5, ratePerMinute: 60 });
    const job = await service.settled(started.id);
    expect(job).toMatchObject({
      state: 'done',
      position: 5,
      sent: 3,
      skipped: 2,
      failed: 0,
      secondsLeft: null,
      error: null,
    });
    expect(await statuses(job.id)).toEqual([
      ['zahra@example.com', 'sent', null],
      ['ali@example.com', 'skipped_do_not_contact', null],
      ['سارا', 'skipped_no_address', null],
      ['maryam@example.com', 'sent', null],
      ['neda@example.com', 'sent', null],
    ]);

    expect(smtp.received.map((mail) => mail.to)).toEqual([
      ['zahra@example.com'],
      ['maryam@example.com'],
      ['neda@example.com'],
    ]);
    const [first] = smtp.received;
    if (!first) throw new Error('nothing received');
    // The subject went over the wire encoded (RFC 2047), and decodes back to the Persian text.
    const rawHeader = first.raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
    expect(rawHeader).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(first.parsed.subject).toBe('سلام زهرا، از خرید شما ممنونیم');
    expect(first.from).toBe('shop@example.com');
    expect(first.parsed.from?.value).toEqual([
      { name: 'Golrang Shop', address: 'shop@example.com' },
    ]);
    expect(first.parsed.to).toMatchObject({ value: [{ address: 'zahra@example.com' }] });
    expect(first.parsed.text).toContain('زهرا عزیز،');
    expect(first.parsed.text).toContain('در پاسخ همین ایمیل بنویسید «لغو»');
    const html = String(first.parsed.html);
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('<div dir="rtl" lang="fa"');
    // Escaped, in paragraphs, with the unsubscribe line.
    expect(html).toContain('سپاسگزاریم.<br>\nبه امید دیدار دوباره &lt;3</p>');
    expect(html).toContain('بنویسید «لغو».</p>');
    expect(rawHeader).toMatch(
      /^List-Unsubscribe: <mailto:shop@example\.com\?subject=unsubscribe>\r?$/m,
    );

    // Logged once each, on the timeline too (what the playbook's frequency cap counts).
    expect(loggedAddresses()).toEqual([
      'maryam@example.com',
      'neda@example.com',
      'zahra@example.com',
    ]);
    expect(
      count(
        `SELECT count(*) AS n FROM message_log m JOIN interactions i ON i.id = m.interaction_id
         WHERE m.run_id = ? AND i.channel = 'email' AND i.direction = 'outbound'
           AND i.note = m.subject AND m.template_id = ?`,
        job.id,
        templateId,
      ),
    ).toBe(3);
  });

  it('fails a refused recipient with the server’s reason and sends the others', async () => {
    const { smtp, service } = await setUp({
      refuseRecipient: (address) =>
        address === 'gone@example.com' ? '5.1.1 <gone@example.com>: no such mailbox' : null,
    });
    const templateId = await persianTemplate();
    const ids = [
      await customer('Zahra', 'zahra@example.com'),
      await customer('Gone', 'gone@example.com'),
      await customer('Neda', 'neda@example.com'),
    ];
    const job = await service.settled(
      (await service.send({ templateId, audience: { customerIds: ids } })).id,
    );
    expect(job).toMatchObject({ state: 'done', sent: 2, failed: 1, position: 3 });
    const failed = service.results({ jobId: job.id, status: 'failed' });
    expect(failed.total).toBe(1);
    expect(failed.rows[0]).toMatchObject({ address: 'gone@example.com', status: 'failed' });
    expect(failed.rows[0]?.reason).toMatch(/550.*no such mailbox/);
    expect(smtp.received.map((mail) => mail.to[0])).toEqual([
      'zahra@example.com',
      'neda@example.com',
    ]);
    expect(loggedAddresses()).toEqual(['neda@example.com', 'zahra@example.com']);
    expect(count(`SELECT count(*) AS n FROM interactions WHERE channel = 'email'`)).toBe(2);
  });

  it('marks nothing sent after the server drops the connection mid-batch', async () => {
    // The third message is read whole, then the connection is cut instead of answering it.
    const { smtp, service } = await setUp({ dropAt: (index) => index === 2 });
    const templateId = await persianTemplate();
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      ids.push(await customer(name, `${name}@example.com`));
    }
    const job = await service.settled(
      (await service.send({ templateId, audience: { customerIds: ids } })).id,
    );
    expect(job).toMatchObject({ state: 'failed', sent: 2, failed: 3, position: 5 });
    expect(job.error?.code).toBe('smtp_failed');
    const results = await statuses(job.id);
    expect(results.map(([address, status]) => [address, status])).toEqual([
      ['a@example.com', 'sent'],
      ['b@example.com', 'sent'],
      ['c@example.com', 'failed'],
      ['d@example.com', 'failed'],
      ['e@example.com', 'failed'],
    ]);
    for (const [, , reason] of results.slice(2))
      expect(reason).toMatch(/connection|closed|socket/i);
    expect(smtp.received).toHaveLength(2);
    expect(loggedAddresses()).toEqual(['a@example.com', 'b@example.com']);
    expect(count(`SELECT count(*) AS n FROM interactions`)).toBe(2);
  });

  it('spaces messages by the rate, measured on its own clock', async () => {
    let clock = 0;
    const waits: number[] = [];
    const { service } = await setUp(
      {},
      {
        monotonicMs: () => clock,
        sleep: async (ms) => {
          waits.push(ms);
          clock += ms;
        },
      },
    );
    const templateId = await persianTemplate();
    const ids = [];
    for (const name of ['a', 'b', 'c', 'd']) ids.push(await customer(name, `${name}@example.com`));
    const started = await service.send({
      templateId,
      audience: { customerIds: ids },
      ratePerMinute: 30,
    });
    expect(started.secondsLeft).toBe(8);
    const job = await service.settled(started.id);
    expect(job.sent).toBe(4);
    // The first goes at once, then one every two seconds.
    expect(waits).toEqual([2_000, 2_000, 2_000]);
  });

  it('stops before the next message when cancelled; what was accepted stays sent', async () => {
    // One a minute with the real clock: the second message waits, and cancel ends the wait.
    const { smtp, service } = await setUp({}, { sleep: undefined });
    const templateId = await persianTemplate();
    const ids = [];
    for (const name of ['a', 'b', 'c']) ids.push(await customer(name, `${name}@example.com`));
    const started = await service.send({
      templateId,
      audience: { customerIds: ids },
      ratePerMinute: 1,
    });
    await vi.waitFor(() => expect(service.job(started.id).sent).toBe(1), { timeout: 5_000 });
    expect(service.job(started.id).secondsLeft).toBe(120);
    expect(service.cancel(started.id).state).toBe('running');
    const job = await service.settled(started.id);
    expect(job).toMatchObject({ state: 'cancelled', sent: 1, failed: 0, position: 1 });
    expect(service.results({ jobId: job.id, status: 'cancelled' }).total).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(loggedAddresses()).toEqual(['a@example.com']);
  });

  it('refuses an SMS template, an audience nobody can be emailed, and a second send', async () => {
    const { service } = await setUp({}, { sleep: undefined });
    const emailId = await persianTemplate();
    const smsId = (
      await saveTemplate(ctx, {
        name: 'SMS',
        channel: 'sms',
        locale: 'fa',
        subject: null,
        body: 'سلام {firstName}',
      })
    ).id;
    const reachable = await customer('a', 'a@example.com');
    const blocked = await customer('b', 'b@example.com', true);
    await expect(
      service.send({ templateId: smsId, audience: { customerIds: [reachable] } }),
    ).rejects.toMatchObject({ code: 'bad_input', details: { reason: 'not_email' } });
    await expect(
      service.send({ templateId: emailId, audience: { customerIds: [blocked] } }),
    ).rejects.toMatchObject({ code: 'bad_input', details: { reason: 'no_recipients' } });
    const first = await service.send({
      templateId: emailId,
      audience: { customerIds: [reachable, reachable] },
      ratePerMinute: 1,
    });
    await expect(
      service.send({ templateId: emailId, audience: { customerIds: [reachable] } }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'send_running' } });
    service.cancel(first.id);
    await service.settled(first.id);
    expect(() => service.job('nope')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('refuses to send until a server, a sender and (with a user) a password are known', async () => {
    const secrets = createMemorySecretStore();
    service = createEmailService(ctx, { secrets, systemLocale: 'en' });
    const templateId = await persianTemplate();
    const audience = { customerIds: [await customer('a', 'a@example.com')] };
    await expect(service.send({ templateId, audience })).rejects.toMatchObject({
      code: 'smtp_not_configured',
      details: { reason: 'no_server' },
    });
    service.smtpSave({
      host: 'mail.example.com',
      port: 587,
      security: 'starttls',
      user: 'shop',
      fromAddress: 'shop@example.com',
      fromName: '',
    });
    await expect(service.send({ templateId, audience })).rejects.toMatchObject({
      code: 'smtp_not_configured',
      details: { reason: 'no_password' },
    });
    await expect(service.smtpTest({ to: 'me@example.com' })).rejects.toMatchObject({
      code: 'smtp_not_configured',
    });
  });
});

describe('SMTP settings', () => {
  it('never give the password back; left out keeps it, empty forgets it', () => {
    const secrets = createMemorySecretStore();
    service = createEmailService(ctx, { secrets, systemLocale: 'en' });
    expect(service.smtpGet()).toEqual({
      host: '',
      port: 587,
      security: 'starttls',
      user: '',
      fromAddress: '',
      fromName: '',
      passwordSaved: false,
      passwordStorage: 'memory',
      configured: false,
    });
    const base = {
      host: 'mail.example.com',
      port: 465,
      security: 'tls' as const,
      user: 'shop',
      fromAddress: 'shop@example.com',
      fromName: 'Shop',
    };
    const saved = service.smtpSave({ ...base, password: 'secret-1' });
    expect(saved).toMatchObject({ ...base, passwordSaved: true, configured: true });
    expect(JSON.stringify(saved)).not.toContain('secret-1');
    expect(service.smtpSave({ ...base, port: 2525 })).toMatchObject({
      port: 2525,
      passwordSaved: true,
    });
    expect(secrets.read()).toBe('secret-1');
    expect(service.smtpSave({ ...base, password: '' }).passwordSaved).toBe(false);
    expect(secrets.read()).toBeNull();
    // Kept in memory: nothing of it in the settings table.
    service.smtpSave({ ...base, password: 'secret-2' });
    const rows = ctx.database.sqlite.prepare('SELECT key, value FROM settings').all();
    expect(JSON.stringify(rows)).not.toContain('secret-2');
    expect(() => service?.smtpSave({ ...base, fromAddress: 'not an address' })).toThrow(
      expect.objectContaining({
        code: 'bad_input',
        details: expect.objectContaining({ field: 'fromAddress' }),
      }),
    );
  });

  it('send a test email in the shop’s language, or fail with the server’s reason', async () => {
    const { smtp, service } = await setUp();
    await updateSettings(ctx, { locale: 'fa', shopName: 'گلرنگ' });
    const answer = await service.smtpTest({ to: 'owner@example.com' });
    expect(answer.accepted).toEqual(['owner@example.com']);
    expect(answer.response).toMatch(/^250/);
    expect(smtp.received[0]?.parsed.subject).toBe('ایمیل آزمایشی از بازگشت');
    expect(smtp.received[0]?.parsed.text).toContain('برای گلرنگ');
    expect(count('SELECT count(*) AS n FROM message_log')).toBe(0);

    service.smtpSave({ ...smtp.settings(''), password: 'wrong' });
    const refused = service.smtpTest({ to: 'owner@example.com' });
    await expect(refused).rejects.toMatchObject({ code: 'smtp_failed' });
    await expect(refused).rejects.toHaveProperty('details.reason', expect.stringMatching(/535/));
    await expect(service.smtpTest({ to: 'nobody' })).rejects.toMatchObject({ code: 'bad_input' });
  });
});

describe('messages channels', () => {
  it('answer through the dispatch: audience, smtp settings, send, job and results', async () => {
    const { smtp } = await setUp();
    const imports = createImportService(ctx, 'test');
    const email = createEmailService(ctx, {
      secrets: createMemorySecretStore(smtp.password),
      systemLocale: 'en',
      timeouts: FAST,
    });
    const dispatch = createDispatch(
      createHandlers(
        ctx,
        { version: '9.9.9', host: 'browser', systemLocale: 'en' },
        imports,
        undefined,
        email,
      ),
      { databasePath: ctx.database.path, onUnexpected: (error) => console.error(error) },
    );
    try {
      const templateId = await persianTemplate();
      const ids = [await customer('a', 'a@example.com'), await customer('b', null)];
      const audience = { customerIds: ids };
      expect(await dispatch('messages:audience', { templateId, audience })).toEqual({
        ok: true,
        data: { total: 2, sendable: 1, skipped: { doNotContact: 0, noAddress: 1 } },
      });
      // Without a password: the one the store already keeps stays.
      const { password: _kept, ...settings } = smtp.settings('Shop');
      const saved = await dispatch('smtp:save', settings);
      expect(saved).toMatchObject({ ok: true, data: { passwordSaved: true, configured: true } });
      const sent = await dispatch('messages:send', { templateId, audience, ratePerMinute: 600 });
      if (!sent.ok) throw new Error(sent.error.message);
      const jobId = (sent.data as SendJob).id;
      await email.settled(jobId);
      expect(await dispatch('messages:job', { jobId })).toMatchObject({
        ok: true,
        data: { state: 'done', sent: 1, skipped: 1 },
      });
      expect(await dispatch('messages:results', { jobId, status: 'sent' })).toMatchObject({
        ok: true,
        data: { total: 1, rows: [{ address: 'a@example.com' }] },
      });
    } finally {
      await email.close();
      await imports.close();
    }
  });
});
