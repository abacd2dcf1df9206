import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { messagesSmsList } from '../../../src-shared/contract/schemas.ts';
import type { ExportedFile } from '../../../src-shared/contract/types.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import type { CoreContext } from '../context.ts';
import type { OpenSink } from '../exports/atomic-file.ts';
import { writeForDownload } from '../exports/download.ts';
import { exportTableToFile } from '../exports/export-file.ts';
import type { ExportCell, WriteOptions } from '../exports/table.ts';
import { getSettings } from '../settings/settings.service.ts';
import { resolveAudience } from './audience.ts';
import { logMessages } from './message-log.ts';
import type { LoggedMessage } from './message-log.ts';
import { createTemplateFiller, getTemplate } from './templates.service.ts';

/**
 * SMS lists for Iranian bulk-SMS panels (DESIGN.md §6): the app sends no SMS itself; it writes a
 * recipient/message table that the owner uploads to their panel. The number is always text:
 * the .xlsx writes it as a string cell, so Excel keeps a 09… number's leading 0. A CSV holds the
 * plain 09… too, but Excel reads a CSV cell of digits as a number and drops the 0; the one way
 * to stop it (="09…") is formula syntax, which our neutraliser refuses. So the .xlsx is the file
 * to open in Excel, and the CSV is for panels that take a CSV upload (the send screen says so:
 * send.sms.xlsxHint).
 */

export type SmsListInput = z.output<typeof messagesSmsList>;

/**
 * A number as a panel takes it: an Iranian mobile as 09… (resolveAudience already gives that);
 * a foreign one in the international dialling form from Iran (+44… → 0044…), which the panels
 * accept and which, unlike a leading +, the CSV neutraliser leaves as it is.
 */
export const panelNumberOf = (address: string): string =>
  address.startsWith('+') ? `00${address.slice(1)}` : address;

/**
 * Writes an SMS template filled for each recipient of an audience to `path` (.csv or .xlsx by
 * its extension, through a temporary file renamed when complete), in the template's language.
 * Do-not-contact customers and those without a mobile number are left out. Once the file is
 * complete, every message on it is logged on its customer's timeline (delivery sms_list); a
 * failed write logs nothing.
 */
export const writeSmsList = async (
  ctx: CoreContext,
  input: Omit<SmsListInput, 'format'>,
  path: string,
  options: WriteOptions & { openSink?: OpenSink } = {},
): Promise<{ rows: number }> => {
  const template = await getTemplate(ctx, input.templateId);
  if (template.channel !== 'sms') {
    throw new AppError('bad_input', 'An SMS list needs an SMS template.', {
      field: 'templateId',
      reason: 'not_sms',
    });
  }
  const recipients = (await resolveAudience(ctx, input.audience, 'sms')).flatMap((recipient) =>
    recipient.skip === null && recipient.address !== null
      ? [{ customerId: recipient.customerId, address: panelNumberOf(recipient.address) }]
      : [],
  );
  const fill = await createTemplateFiller(ctx, template);
  // Filled in customer-id order, then written in the audience's: every lookup a message needs
  // (the customer, their orders, tier and points) is by an index that leads with the customer id,
  // so this order walks each index forward instead of jumping about a big book.
  const bodies = new Map<string, string>();
  for (const customerId of recipients.map((recipient) => recipient.customerId).sort()) {
    bodies.set(customerId, fill(customerId).body.text);
  }
  const messages: LoggedMessage[] = [];
  async function* rows(): AsyncIterable<ExportCell[]> {
    for (const { customerId, address } of recipients) {
      const body = bodies.get(customerId) ?? '';
      messages.push({
        customerId,
        channel: 'sms',
        delivery: 'sms_list',
        templateId: template.id,
        address,
        subject: null,
        body,
      });
      yield [address, body];
    }
  }
  const t = createTranslator(template.locale);
  const written = await exportTableToFile(
    path,
    {
      title: t('export.title.smsList'),
      headers: [t('export.column.recipient'), t('export.column.message')],
      rows: rows(),
      total: recipients.length,
      locale: template.locale,
    },
    options,
  );
  logMessages(ctx, ctx.newId(), messages);
  return { rows: written.rows };
};

/**
 * messages:sms-list: the list written by writeSmsList in a temporary folder and handed back as
 * bytes for the renderer to save (a browser page cannot be given a path to write to).
 */
export const smsListForDownload = async (
  ctx: CoreContext,
  input: SmsListInput,
): Promise<ExportedFile> => {
  const { format, ...request } = input;
  const { timeZone } = await getSettings(ctx);
  const fileName = `sms-list-${todayIn(ctx.now(), timeZone)}.${format}`;
  return writeForDownload(fileName, format, (path) => writeSmsList(ctx, request, path));
};
