import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  customerCreate,
  customerUpdate,
  customersList,
} from '../../../src-shared/contract/schemas.ts';
import type {
  Customer,
  CustomerProfile,
  CustomerRow,
  Interaction,
  Page,
} from '../../../src-shared/contract/types.ts';
import {
  buildCustomerSearchText,
  customerQueryFragments,
  customerSortKey,
} from '../../../src-shared/domain/customer-search.ts';
import { normaliseEmail } from '../../../src-shared/domain/email.ts';
import { normalisePhone } from '../../../src-shared/domain/phone.ts';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { rfmSegmentRowids } from '../kpis/rfm-filter.ts';
import { getSettings } from '../settings/settings.service.ts';
import { tierBadgesOf, tierRowids } from '../loyalty/tier-source.ts';
import { findOrders } from '../orders/orders.repository.ts';
import { findSurveys } from '../playbook/surveys.service.ts';
import { closeActiveTasksOf, toTask } from '../playbook/tasks.repository.ts';
import type { TaskRecord } from '../playbook/tasks.repository.ts';
import { refreshCustomerStats } from './customer-stats.ts';
import {
  findCustomerById,
  findCustomers,
  findExternalIds,
  parseTags,
  toCustomer,
  toCustomerRow,
} from './customers.repository.ts';
import type { CustomerRecord } from './customers.repository.ts';

export type CustomerListInput = z.output<typeof customersList>;
export type CustomerCreateInput = z.output<typeof customerCreate>;
export type CustomerPatch = z.output<typeof customerUpdate>['patch'];

export const listCustomers = async (
  ctx: CoreContext,
  input: CustomerListInput,
): Promise<Page<CustomerRow>> => {
  const { rows, total } = await findCustomers(ctx.database, {
    fragments: customerQueryFragments(input.search ?? ''),
    sort: input.sort ?? 'name',
    direction: input.direction ?? 'asc',
    offset: input.offset ?? 0,
    limit: input.limit ?? 100,
    tag: input.tag,
    importBatchId: input.importBatchId,
    rowids: await filterRowids(ctx, input),
    archived: input.archived ?? 'exclude',
  });
  // Each row's loyalty tier, as the last loyalty update placed it.
  const tiers = tierBadgesOf(
    ctx.database.sqlite,
    rows.map((row) => row.id),
  );
  return {
    rows: rows.map((row) => ({ ...toCustomerRow(row), tier: tiers.get(row.id) ?? null })),
    total,
  };
};

/** The customers the RFM segment and loyalty tier filters keep (rowids, ascending), if any. */
export const filterRowids = async (
  ctx: CoreContext,
  input: CustomerListInput,
): Promise<number[] | undefined> => {
  const segment =
    input.rfmSegment === undefined ? undefined : await segmentRowids(ctx, input.rfmSegment);
  const tier = input.tier === undefined ? undefined : tierRowids(ctx.database.sqlite, input.tier);
  if (segment === undefined || tier === undefined) return segment ?? tier;
  const inTier = new Set(tier);
  return segment.filter((rowid) => inTier.has(rowid));
};

/** The customers in an RFM segment as of today in the shop's zone, as the Insights grid counts. */
const segmentRowids = async (ctx: CoreContext, segment: RfmSegment): Promise<number[]> => {
  const { timeZone } = await getSettings(ctx);
  return rfmSegmentRowids(ctx.database.sqlite, todayIn(ctx.now(), timeZone), segment);
};

export const getCustomer = async (ctx: CoreContext, id: string): Promise<Customer> => {
  const record = await findCustomerById(ctx.database.db, id);
  if (!record) throw new AppError('not_found', `No customer with id ${id}.`, { id });
  const customer = toCustomer(record, await findExternalIds(ctx.database.db, id));
  return { ...customer, tier: tierBadgesOf(ctx.database.sqlite, [id]).get(id) ?? null };
};

/**
 * The 360° view: contact details, every order with its items, the timeline of contacts, and the
 * follow-up tasks and survey answers beside them.
 */
export const getCustomerProfile = async (
  ctx: CoreContext,
  id: string,
): Promise<CustomerProfile> => {
  const customer = await getCustomer(ctx, id);
  const orders = await findOrders(ctx.database.db, { customerId: id, offset: 0, limit: 500 });
  const timeline = await ctx.database.db
    .selectFrom('interactions')
    .select([
      'id',
      'customer_id as customerId',
      'channel',
      'direction',
      'outcome',
      'note',
      'staff_id as staffId',
      'occurred_at as occurredAt',
      'task_id as taskId',
    ])
    .where('customer_id', '=', id)
    .orderBy('occurred_at', 'desc')
    .limit(500)
    .execute();
  const tasks = ctx.database.sqlite
    .prepare(
      `SELECT * FROM tasks WHERE customer_id = ?
       ORDER BY status IN ('open', 'snoozed') DESC, created_at DESC, id DESC LIMIT 500`,
    )
    .all(id) as TaskRecord[];
  return {
    customer,
    orders: orders.rows,
    timeline: timeline satisfies Interaction[],
    tasks: tasks.map(toTask),
    surveys: findSurveys(ctx.database.sqlite, id),
  };
};

export const createCustomer = async (
  ctx: CoreContext,
  input: CustomerCreateInput,
): Promise<Customer> => {
  const fields = validateFields(input);
  const now = nowIso(ctx);
  const id = ctx.newId();
  const name = input.name.trim();
  await ctx.database.db
    .insertInto('customers')
    .values({
      id,
      name,
      phone_e164: fields.phoneE164 ?? null,
      phone_raw: fields.phoneRaw ?? null,
      email: fields.email ?? null,
      birthday: input.birthday ?? null,
      preferred_channel: input.preferredChannel ?? 'phone',
      do_not_contact: input.doNotContact ? 1 : 0,
      tags: JSON.stringify(cleanTags(input.tags ?? [])),
      notes: input.notes ?? '',
      search_text: buildCustomerSearchText({
        name,
        phoneE164: fields.phoneE164 ?? null,
        email: fields.email ?? null,
      }),
      sort_name: customerSortKey(name),
      merged_into_id: null,
      archived_at: null,
      import_batch_id: null,
      first_purchase_at: null,
      last_purchase_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return getCustomer(ctx, id);
};

export const updateCustomer = async (
  ctx: CoreContext,
  id: string,
  patch: CustomerPatch,
): Promise<Customer> => {
  const current = await requireCustomer(ctx, id);
  const fields = validateFields(patch);
  const name = patch.name?.trim() ?? current.name;
  const phoneE164 = fields.phoneE164 === undefined ? current.phone_e164 : fields.phoneE164;
  const email = fields.email === undefined ? current.email : fields.email;
  await ctx.database.db
    .updateTable('customers')
    .set({
      name,
      ...(fields.phoneE164 !== undefined && { phone_e164: phoneE164, phone_raw: fields.phoneRaw }),
      ...(fields.email !== undefined && { email }),
      ...(patch.birthday !== undefined && { birthday: patch.birthday }),
      ...(patch.preferredChannel !== undefined && { preferred_channel: patch.preferredChannel }),
      ...(patch.doNotContact !== undefined && { do_not_contact: patch.doNotContact ? 1 : 0 }),
      ...(patch.tags !== undefined && { tags: JSON.stringify(cleanTags(patch.tags)) }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      search_text: buildCustomerSearchText({ name, phoneE164, email }),
      sort_name: customerSortKey(name),
      updated_at: nowIso(ctx),
    })
    .where('id', '=', id)
    .execute();
  if (patch.doNotContact && current.do_not_contact === 0) {
    closeActiveTasksOf(ctx.database.sqlite, {
      customerId: id,
      resolution: 'do_not_contact',
      status: 'dismissed',
      now: nowIso(ctx),
      newId: () => ctx.newId(),
      staffId: null,
    });
  }
  return getCustomer(ctx, id);
};

/** Archiving hides a customer from the book without losing anything; restoring undoes it. */
export const archiveCustomer = async (
  ctx: CoreContext,
  id: string,
  archived: boolean,
): Promise<Customer> => {
  const current = await requireCustomer(ctx, id);
  if (current.merged_into_id !== null && !archived) {
    throw new AppError(
      'conflict',
      `Customer ${id} was merged into another and cannot be restored.`,
      {
        id,
        reason: 'merged',
      },
    );
  }
  const now = nowIso(ctx);
  await ctx.database.db
    .updateTable('customers')
    .set({ archived_at: archived ? (current.archived_at ?? now) : null, updated_at: now })
    .where('id', '=', id)
    .execute();
  // Nobody follows up an archived customer: the open tasks close now, not at the next run.
  if (archived) {
    closeActiveTasksOf(ctx.database.sqlite, {
      customerId: id,
      resolution: 'obsolete',
      status: 'dismissed',
      now,
      newId: () => ctx.newId(),
      staffId: null,
    });
  }
  return getCustomer(ctx, id);
};

/**
 * Merges a duplicate into the customer kept: orders, contacts and external ids move; tags are
 * united, notes appended, missing contact details filled in, and do-not-contact kept if either
 * asked for it. The duplicate stays, archived, pointing at the one kept (nothing is deleted).
 */
export const mergeCustomers = async (
  ctx: CoreContext,
  keepId: string,
  mergeId: string,
): Promise<CustomerProfile> => {
  const keep = await requireCustomer(ctx, keepId);
  const merge = await requireCustomer(ctx, mergeId);
  for (const customer of [keep, merge]) {
    if (customer.merged_into_id !== null) {
      throw new AppError('conflict', `Customer ${customer.id} was already merged into another.`, {
        id: customer.id,
        reason: 'merged',
      });
    }
  }
  const now = nowIso(ctx);
  const phoneE164 = keep.phone_e164 ?? merge.phone_e164;
  const email = keep.email ?? merge.email;
  const notes = [keep.notes, merge.notes].filter((note) => note.trim().length > 0).join('\n\n');
  const { sqlite } = ctx.database;
  sqlite
    .transaction(() => {
      sqlite
        .prepare('UPDATE orders SET customer_id = ?, updated_at = ? WHERE customer_id = ?')
        .run(keepId, now, mergeId);
      sqlite
        .prepare('UPDATE interactions SET customer_id = ? WHERE customer_id = ?')
        .run(keepId, mergeId);
      sqlite
        .prepare('UPDATE message_log SET customer_id = ? WHERE customer_id = ?')
        .run(keepId, mergeId);
      // The duplicate's answers and tasks move too; its open tasks close, as the playbook plans
      // the kept customer's own.
      sqlite
        .prepare('UPDATE survey_responses SET customer_id = ? WHERE customer_id = ?')
        .run(keepId, mergeId);
      closeActiveTasksOf(sqlite, {
        customerId: mergeId,
        resolution: 'obsolete',
        status: 'dismissed',
        now,
        newId: () => ctx.newId(),
        staffId: null,
      });
      sqlite.prepare('UPDATE tasks SET customer_id = ? WHERE customer_id = ?').run(keepId, mergeId);
      sqlite
        .prepare('UPDATE customer_external_ids SET customer_id = ? WHERE customer_id = ?')
        .run(keepId, mergeId);
      sqlite
        .prepare(
          `UPDATE customers SET phone_e164 = ?, phone_raw = ?, email = ?, birthday = ?, tags = ?,
           notes = ?, do_not_contact = ?, search_text = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          phoneE164,
          keep.phone_e164 ? keep.phone_raw : merge.phone_raw,
          email,
          keep.birthday ?? merge.birthday,
          JSON.stringify(cleanTags([...parseTags(keep.tags), ...parseTags(merge.tags)])),
          notes,
          keep.do_not_contact === 1 || merge.do_not_contact === 1 ? 1 : 0,
          buildCustomerSearchText({ name: keep.name, phoneE164, email }),
          now,
          keepId,
        );
      sqlite
        .prepare(
          `UPDATE customers SET merged_into_id = ?, archived_at = coalesce(archived_at, ?),
           updated_at = ? WHERE id = ?`,
        )
        .run(keepId, now, now, mergeId);
      refreshCustomerStats(sqlite, [keepId, mergeId]);
    })
    .immediate();
  return getCustomerProfile(ctx, keepId);
};

/** The tags in use, read from the tagged customers only: idx_customers_tagged's WHERE, as is. */
export const TAGS_IN_USE_SQL = `SELECT DISTINCT t.value AS tag
  FROM customers, json_each(customers.tags) AS t
  WHERE customers.tags <> '[]' AND customers.merged_into_id IS NULL ORDER BY tag`;

export const listTags = async (ctx: CoreContext): Promise<string[]> => {
  const rows = ctx.database.sqlite.prepare(TAGS_IN_USE_SQL).all() as { tag: string }[];
  return rows.map((row) => row.tag);
};

const requireCustomer = async (ctx: CoreContext, id: string): Promise<CustomerRecord> => {
  const record = await findCustomerById(ctx.database.db, id);
  if (!record) throw new AppError('not_found', `No customer with id ${id}.`, { id });
  return record;
};

type ValidatedFields = {
  phoneE164?: string | null;
  phoneRaw?: string | null;
  email?: string | null;
};

/** Phone and email as the user typed them; undefined means "not being changed". */
const validateFields = (input: {
  phone?: string | null | undefined;
  email?: string | null | undefined;
}): ValidatedFields => {
  const result: ValidatedFields = {};
  if (input.phone !== undefined) {
    const raw = input.phone?.trim() ?? '';
    if (raw === '') {
      result.phoneE164 = null;
      result.phoneRaw = null;
    } else {
      const phone = normalisePhone(raw);
      if (!phone) {
        throw new AppError('bad_input', `"${raw}" is not a valid phone number.`, {
          field: 'phone',
          reason: 'invalid_phone',
        });
      }
      result.phoneE164 = phone.e164;
      result.phoneRaw = raw;
    }
  }
  if (input.email !== undefined) {
    const raw = input.email?.trim() ?? '';
    if (raw === '') {
      result.email = null;
    } else {
      const email = normaliseEmail(raw);
      if (!email) {
        throw new AppError('bad_input', `"${raw}" is not a valid email address.`, {
          field: 'email',
          reason: 'invalid_email',
        });
      }
      result.email = email;
    }
  }
  return result;
};

const cleanTags = (tags: readonly string[]): string[] =>
  [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))].sort();
