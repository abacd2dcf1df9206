import { zipSync } from 'fflate';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import { EML_MAX_FILES } from '../../../src-shared/contract/schemas.ts';
import type { messagesEml } from '../../../src-shared/contract/schemas.ts';
import type { ExportedFile } from '../../../src-shared/contract/types.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { getSettings } from '../settings/settings.service.ts';
import { resolveAudience } from './audience.ts';
import { createEmailComposer, mailOptionsOf } from './email-message.ts';
import { logMessages } from './message-log.ts';
import type { LoggedMessage } from './message-log.ts';
import { requireEmailTemplate, requireReachable, senderOf } from './send.service.ts';
import { readSmtpConfig } from './smtp-settings.ts';

/**
 * Email without SMTP (DESIGN.md §6): one .eml file per reachable recipient, composed exactly as a
 * sent email is, zipped into one file for the user's mail program. Each is marked X-Unsent, so
 * Outlook opens it as a draft ready to send (other programs offer "edit as new").
 */

const NAME_MAX = 60;

/**
 * A file name from a customer's name that every system accepts: no path separators, reserved
 * characters, control or direction marks; Persian letters kept. The short id (the random end of
 * the customer id) keeps two customers of the same name apart.
 */
export const emlFileName = (name: string, customerId: string): string => {
  const cleaned = name
    .normalize('NFC')
    // Control characters, characters Windows refuses, and bidi controls (which can disguise an
    // extension); a zero-width non-joiner stays, Persian spelling needs it.
    .replace(/[\p{Cc}<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const short = Array.from(cleaned).slice(0, NAME_MAX).join('').trim();
  const id = customerId.replace(/-/g, '').slice(-8);
  return `${short || 'customer'}-${id}.eml`;
};

export type EmlInput = z.output<typeof messagesEml>;

/** messages:eml: the .zip of .eml files, each one logged on its customer's timeline. */
export const emlZip = async (
  ctx: CoreContext,
  input: EmlInput,
  maxFiles: number = EML_MAX_FILES,
): Promise<ExportedFile> => {
  const template = await requireEmailTemplate(ctx, input.templateId);
  const recipients = await resolveAudience(ctx, input.audience, 'email');
  requireReachable(recipients);
  const reachable = recipients.filter((recipient) => recipient.skip === null).length;
  if (reachable > maxFiles) {
    throw new AppError(
      'bad_input',
      `${reachable} .eml files are too many for one .zip (at most ${maxFiles}): send them over SMTP, or choose a smaller audience.`,
      { field: 'audience', reason: 'too_many_eml', max: maxFiles, count: reachable },
    );
  }
  const settings = await getSettings(ctx);
  // Without a saved sender the mail program fills in From (and there is no List-Unsubscribe).
  const sender = senderOf(readSmtpConfig(ctx), settings.shopName);
  const now = ctx.now();
  const files: Record<string, Uint8Array> = {};
  const messages: LoggedMessage[] = [];
  const compose = await createEmailComposer(ctx, template);
  for (const recipient of recipients) {
    if (recipient.skip !== null || recipient.address === null) continue;
    const email = compose(recipient.customerId);
    const mail = mailOptionsOf(
      email,
      { from: sender, to: { name: recipient.name, address: recipient.address } },
      { date: now, headers: { 'X-Unsent': '1' } },
    );
    const raw = await new MailComposer(mail).compile().build();
    files[emlFileName(recipient.name, recipient.customerId)] = new Uint8Array(raw);
    messages.push({
      customerId: recipient.customerId,
      channel: 'email',
      delivery: 'eml',
      templateId: template.id,
      address: recipient.address,
      subject: email.subject,
      body: email.body,
    });
  }
  const zip = zipSync(files, { mtime: now });
  // Logged once the file is complete: a failure above logs nothing.
  logMessages(ctx, ctx.newId(), messages);
  return {
    fileName: `emails-${todayIn(now, settings.timeZone)}.zip`,
    mimeType: 'application/zip',
    base64: Buffer.from(zip).toString('base64'),
    rows: messages.length,
  };
};
