import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buy } from '../../tests/fixtures/followup.ts';
import { startTestSmtp } from '../../tests/fixtures/smtp.ts';
import type { TestSmtp, TestSmtpOptions } from '../../tests/fixtures/smtp.ts';
import { makeTempDir } from '../../tests/fixtures/temp-db.ts';
import type { TempDir } from '../../tests/fixtures/temp-db.ts';
import { createContext } from '../core/context.ts';
import { createCustomer } from '../core/customers/customers.service.ts';
import { createMemorySecretStore } from '../core/messages/secret-store.ts';
import { saveSmtpSettings } from '../core/messages/smtp-settings.ts';
import { saveTemplate } from '../core/messages/templates.service.ts';
import { openDatabase } from '../db/open.ts';
import { runCli } from './cli.ts';

let temp: TempDir;
let smtp: TestSmtp | undefined;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(async () => {
  await smtp?.stop();
  smtp = undefined;
  temp.remove();
});

const NOW = '2025-07-01T06:30:00.000Z';

/** `send --template T --segment S …` on the shop's database. */
const send = (
  env: NodeJS.ProcessEnv,
  db: string,
  template: string,
  segment: string,
  ...more: string[]
) => run(env, '--db', db, 'send', '--template', template, '--segment', segment, ...more);

/** The CLI in this process with its output collected and the given environment. */
const run = async (env: NodeJS.ProcessEnv, ...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    now: () => new Date(NOW),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

/**
 * A shop whose mail server is the test server: Zahra and Neda have an email, Ali too but is not
 * to be contacted, Sara has none. All are in the first tier (برنزی, id bronze).
 */
const makeShop = async (server: TestSmtpOptions = {}) => {
  smtp = await startTestSmtp(server);
  const path = temp.file('shop.db');
  const database = openDatabase(path, { create: true });
  try {
    const ctx = createContext(database, { now: () => new Date(NOW) });
    const zahra = (await createCustomer(ctx, { name: 'زهرا', email: 'zahra@example.com' })).id;
    await createCustomer(ctx, { name: 'Ali', email: 'ali@example.com', doNotContact: true });
    await createCustomer(ctx, { name: 'Sara' });
    await createCustomer(ctx, { name: 'Neda', email: 'neda@example.com' });
    await buy(ctx, zahra, '2025-05-01', 50_000);
    await saveTemplate(ctx, {
      name: 'Thanks Gold',
      channel: 'email',
      locale: 'fa',
      subject: 'سپاس {firstName}',
      body: '{firstName} عزیز، ممنونیم.',
    });
    await saveTemplate(ctx, {
      name: 'Thanks SMS',
      channel: 'sms',
      locale: 'fa',
      subject: null,
      body: 'سپاس {firstName}',
    });
    // Saved as the app saves it; the password is not kept (a fresh run must be given it).
    saveSmtpSettings(ctx, createMemorySecretStore(), smtp.settings('Shop'));
  } finally {
    await database.close();
  }
  return { db: path, env: { BAZGASHT_SMTP_PASSWORD: smtp.password } };
};

const loggedCount = (path: string) => {
  const database = openDatabase(path, { create: false });
  try {
    return (database.sqlite.prepare('SELECT count(*) AS n FROM message_log').get() as { n: number })
      .n;
  } finally {
    void database.close();
  }
};

describe('bazgasht send', () => {
  it('--dry-run counts who would be emailed and skipped, and sends nothing', async () => {
    const { db } = await makeShop();
    const result = await send({}, db, 'thanks gold', 'برنزی', '--dry-run');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'Would email 2 of 4 customers; skipped: 1 do not contact, 1 without an email. Nothing sent.',
    );
    expect(smtp?.received).toHaveLength(0);
    expect(loggedCount(db)).toBe(0);
  });

  it('sends through the saved server with the password from the environment', async () => {
    const { db, env } = await makeShop();
    const result = await send(env, db, 'THANKS GOLD', 'bronze', '--rate', '600');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      'Sent 2, skipped 2 (1 do not contact, 1 without an email), failed 0.',
    );
    expect(smtp?.received.map((mail) => [mail.to[0], mail.parsed.subject])).toEqual([
      ['neda@example.com', 'سپاس Neda'],
      ['zahra@example.com', 'سپاس زهرا'],
    ]);
    expect(loggedCount(db)).toBe(2);
  });

  it('prints each failure with the server’s reason and exits 1', async () => {
    const { db, env } = await makeShop({
      refuseRecipient: (address) => (address === 'neda@example.com' ? 'mailbox full' : null),
    });
    const result = await send(env, db, 'Thanks Gold', 'bronze', '--rate', '600');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^failed {2}Neda <neda@example\.com>: 550 mailbox full$/m);
    expect(result.stdout).toMatch(/^Sent 1, skipped 2 .*, failed 1\.$/m);
    expect(loggedCount(db)).toBe(1);
  });

  it.each([
    [['--segment', 'bronze'], /^bazgasht: send: --template NAME is required/],
    [['--template', 'Thanks Gold'], /^bazgasht: send: --segment NAME is required/],
    [
      ['--template', 'Nope', '--segment', 'bronze'],
      /^bazgasht: send: no email template "Nope" \(email templates: .*Thanks Gold/,
    ],
    [['--template', 'thanks sms', '--segment', 'bronze'], /is an SMS template/],
    [
      ['--template', 'Thanks Gold', '--segment', 'nobody'],
      /^bazgasht: send: no segment or tier "nobody"/,
    ],
    [['--template', 'Thanks Gold', '--segment', 'bronze', '--rate', '0'], /--rate "0" must be/],
  ])('refuses %j with exit 2 and one line, sending nothing', async (args, message) => {
    const { db, env } = await makeShop();
    const result = await run(env, '--db', db, 'send', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(smtp?.received).toHaveLength(0);
    expect(loggedCount(db)).toBe(0);
  });

  it('refuses without the password (exit 2), sending nothing', async () => {
    const { db } = await makeShop();
    const result = await send({}, db, 'Thanks Gold', 'bronze');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^bazgasht: The password of shop on 127\.0\.0\.1 is not known/);
    expect(loggedCount(db)).toBe(0);
  });

  it('is in the usage text', async () => {
    const result = await run({}, '--help');
    expect(result.stdout).toMatch(/send --template NAME --segment NAME \[--dry-run\] \[--rate N\]/);
    expect(result.stdout).toMatch(/BAZGASHT_SMTP_PASSWORD/);
  });
});
