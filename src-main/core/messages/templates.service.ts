import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { templatePreview, templateSave } from '../../../src-shared/contract/schemas.ts';
import type {
  MessageTemplate,
  Settings,
  TemplatePreview,
} from '../../../src-shared/contract/types.ts';
import {
  TEMPLATE_MOMENTS,
  parseTemplate,
  renderTemplate,
} from '../../../src-shared/domain/message-template.ts';
import type {
  MessageChannel,
  RecipientValues,
  RenderResult,
  TemplateMoment,
} from '../../../src-shared/domain/message-template.ts';
import { countSms } from '../../../src-shared/domain/sms.ts';
import { daysBetween, todayIn } from '../../../src-shared/i18n/locale.ts';
import type { Locale } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { createLoyaltyFigures } from '../loyalty/loyalty.service.ts';
import { getSettings } from '../settings/settings.service.ts';

/**
 * Message templates (DESIGN.md §6): the owner's email and SMS texts with placeholders, and their
 * preview for one customer. The defaults for the playbook's moments are written by migration 7.
 */

type TemplateRecord = {
  id: string;
  name: string;
  channel: MessageChannel;
  locale: Locale;
  subject: string | null;
  body: string;
  moment: string | null;
  created_at: string;
  updated_at: string;
};

const COLUMNS = 'id, name, channel, locale, subject, body, moment, created_at, updated_at';

const isMoment = (value: string | null): value is TemplateMoment =>
  value !== null && (TEMPLATE_MOMENTS as readonly string[]).includes(value);

const toTemplate = (record: TemplateRecord): MessageTemplate => ({
  id: record.id,
  name: record.name,
  channel: record.channel,
  locale: record.locale,
  subject: record.subject,
  body: record.body,
  moment: isMoment(record.moment) ? record.moment : null,
  createdAt: record.created_at,
  updatedAt: record.updated_at,
});

// The playbook's order of moments, then the owner's own templates by name.
const MOMENT_ORDER = `CASE moment ${TEMPLATE_MOMENTS.map((m, i) => `WHEN '${m}' THEN ${i}`).join(' ')}
  ELSE ${TEMPLATE_MOMENTS.length} END`;

export const listTemplates = async (
  ctx: CoreContext,
  filter: { channel?: MessageChannel | undefined; locale?: Locale | undefined } = {},
): Promise<MessageTemplate[]> =>
  (
    ctx.database.sqlite
      .prepare(
        `SELECT ${COLUMNS} FROM message_templates
         WHERE deleted_at IS NULL AND (@channel IS NULL OR channel = @channel)
           AND (@locale IS NULL OR locale = @locale)
         ORDER BY channel, locale, ${MOMENT_ORDER}, name, id`,
      )
      .all({ channel: filter.channel ?? null, locale: filter.locale ?? null }) as TemplateRecord[]
  ).map(toTemplate);

const findTemplate = (ctx: CoreContext, id: string): TemplateRecord | undefined =>
  ctx.database.sqlite
    .prepare(`SELECT ${COLUMNS} FROM message_templates WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as TemplateRecord | undefined;

const requireTemplate = (ctx: CoreContext, id: string): TemplateRecord => {
  const record = findTemplate(ctx, id);
  if (!record) throw new AppError('not_found', `No message template with id ${id}.`, { id });
  return record;
};

export const getTemplate = async (ctx: CoreContext, id: string): Promise<MessageTemplate> =>
  toTemplate(requireTemplate(ctx, id));

/** Refuses a subject or body with a name in braces that is not a placeholder. */
const refuseUnknownPlaceholders = (fields: { subject: string | null; body: string }) => {
  for (const field of ['subject', 'body'] as const) {
    const [error] = parseTemplate(fields[field] ?? '').errors;
    if (error) {
      throw new AppError('bad_input', `{${error.name}} is not a placeholder.`, {
        field,
        reason: error.reason,
        name: error.name,
        offset: error.offset,
      });
    }
  }
};

export type TemplateSaveInput = z.output<typeof templateSave>;

/** Creates a template (no id) or replaces one's text; a default keeps its moment unless given. */
export const saveTemplate = async (
  ctx: CoreContext,
  input: TemplateSaveInput,
): Promise<MessageTemplate> => {
  refuseUnknownPlaceholders(input);
  const now = nowIso(ctx);
  const { sqlite } = ctx.database;
  if (input.id === undefined) {
    const id = ctx.newId();
    sqlite
      .prepare(`INSERT INTO message_templates (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        id,
        input.name,
        input.channel,
        input.locale,
        input.subject,
        input.body,
        input.moment ?? null,
        now,
        now,
      );
    return toTemplate(requireTemplate(ctx, id));
  }
  const current = requireTemplate(ctx, input.id);
  sqlite
    .prepare(
      `UPDATE message_templates SET name = ?, channel = ?, locale = ?, subject = ?, body = ?,
         moment = ?, updated_at = ? WHERE id = ?`,
    )
    .run(
      input.name,
      input.channel,
      input.locale,
      input.subject,
      input.body,
      input.moment === undefined ? current.moment : input.moment,
      now,
      input.id,
    );
  return toTemplate(requireTemplate(ctx, input.id));
};

/** Soft-deletes a template (rows are never removed, DESIGN.md sync rules); returns the rest. */
export const deleteTemplate = async (ctx: CoreContext, id: string): Promise<MessageTemplate[]> => {
  requireTemplate(ctx, id);
  const now = nowIso(ctx);
  ctx.database.sqlite
    .prepare('UPDATE message_templates SET deleted_at = ?, updated_at = ? WHERE id = ?')
    .run(now, now, id);
  return listTemplates(ctx);
};

/**
 * Reads what a template can say about a customer: their name, the first item of their last live
 * order, the days since it (in the shop's zone), their tier, points balance and the spend missing
 * to the next tier (src-main/core/loyalty), and the shop's name; null where there is nothing to
 * say. Settings and loyalty rules are read once, so a list of 100,000 costs a few lookups each.
 */
export const createRecipientReader = async (
  ctx: CoreContext,
  settings?: Settings,
): Promise<(customerId: string) => RecipientValues> => {
  const { sqlite } = ctx.database;
  const { shopName, timeZone } = settings ?? (await getSettings(ctx));
  const loyaltyOf = await createLoyaltyFigures(ctx);
  const today = todayIn(ctx.now(), timeZone);
  const customerOf = sqlite.prepare('SELECT name FROM customers WHERE id = ?');
  // The newest live order, walking the customer's orders index from the end (rowid, the
  // index's last column, breaks a tie of times), so the first live one found is the answer.
  const lastOrderOf = sqlite.prepare(
    `SELECT o.local_date,
       (SELECT product_name FROM order_items WHERE order_id = o.id ORDER BY line LIMIT 1)
         AS product
     FROM orders o
     WHERE o.customer_id = ? AND o.archived_at IS NULL AND o.status <> 'void'
     ORDER BY o.ordered_at DESC, o.rowid DESC LIMIT 1`,
  );
  return (customerId) => {
    const customer = customerOf.get(customerId) as { name: string } | undefined;
    if (!customer) {
      throw new AppError('not_found', `No customer with id ${customerId}.`, {
        field: 'customerId',
        id: customerId,
      });
    }
    const lastOrder = lastOrderOf.get(customerId) as
      { local_date: string; product: string | null } | undefined;
    const loyalty = loyaltyOf(customerId);
    return {
      fullName: customer.name.trim() || null,
      lastProduct: lastOrder?.product?.trim() || null,
      daysSinceLastPurchase: lastOrder
        ? Math.max(0, daysBetween(lastOrder.local_date, today))
        : null,
      tier: loyalty.tier.name.trim() || null,
      pointsBalance: loyalty.balance,
      pointsToNextTier: loyalty.next?.missing ?? null,
      shopName: shopName.trim() || null,
    };
  };
};

/** What a template can say about one customer (createRecipientReader, for one). */
export const recipientValues = async (
  ctx: CoreContext,
  customerId: string,
): Promise<RecipientValues> => (await createRecipientReader(ctx))(customerId);

/** A template filled for one customer: what was known, and the subject (email) and body. */
export type FilledTemplate = {
  values: RecipientValues;
  subject: RenderResult | null;
  body: RenderResult;
};

/**
 * Fills a template (saved or a draft) for customers, in the template's language, with money in
 * the shop's currency: the one way previews, emails, .eml files and SMS lists are personalised.
 */
export const createTemplateFiller = async (
  ctx: CoreContext,
  template: Pick<MessageTemplate, 'locale' | 'subject' | 'body'>,
): Promise<(customerId: string) => FilledTemplate> => {
  const settings = await getSettings(ctx);
  const read = await createRecipientReader(ctx, settings);
  const options = {
    locale: template.locale,
    money: { currency: settings.currency, displayUnit: settings.displayUnit },
  };
  return (customerId) => {
    const values = read(customerId);
    return {
      values,
      subject: template.subject === null ? null : renderTemplate(template.subject, values, options),
      body: renderTemplate(template.body, values, options),
    };
  };
};

export type TemplatePreviewInput = z.output<typeof templatePreview>;

/** A saved template or a draft filled for one customer, in the template's language. */
export const previewTemplate = async (
  ctx: CoreContext,
  input: TemplatePreviewInput,
): Promise<TemplatePreview> => {
  const template = input.templateId ? requireTemplate(ctx, input.templateId) : input.draft;
  if (!template) {
    throw new AppError('bad_input', 'Give a template or a draft to preview.', {
      field: 'templateId',
    });
  }
  const { values, subject, body } = (await createTemplateFiller(ctx, template))(input.customerId);
  const missing = [...new Set([...(subject?.missing ?? []), ...body.missing])];
  return {
    customerId: input.customerId,
    subject: subject?.text ?? null,
    body: body.text,
    missing,
    errors: [
      ...(subject?.errors ?? []).map((error) => ({ ...error, field: 'subject' as const })),
      ...body.errors.map((error) => ({ ...error, field: 'body' as const })),
    ],
    sms: template.channel === 'sms' ? countSms(body.text) : null,
    values,
  };
};
