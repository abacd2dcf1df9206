import type { z } from 'zod';
import type { messageAudience } from '../../../src-shared/contract/schemas.ts';
import type { AudienceSummary } from '../../../src-shared/contract/types.ts';
import { customerQueryFragments } from '../../../src-shared/domain/customer-search.ts';
import type { MessageChannel } from '../../../src-shared/domain/message-template.ts';
import type { CoreContext } from '../context.ts';
import { findCustomerRowids } from '../customers/customers.repository.ts';
import { filterRowids } from '../customers/customers.service.ts';

export type MessageAudience = z.output<typeof messageAudience>;

/** Why a customer of an audience gets no message. */
export type SkipReason = 'do_not_contact' | 'no_address';

/** A customer of an audience, with where a message on the channel would go. */
export type Recipient = {
  customerId: string;
  name: string;
  /** The email address, or for SMS the mobile number as a panel takes it (09… for Iran). */
  address: string | null;
  skip: SkipReason | null;
};

type RecipientRecord = {
  rowid: number;
  id: string;
  name: string;
  email: string | null;
  phone_e164: string | null;
  do_not_contact: 0 | 1;
};

/**
 * An SMS panel's form of a mobile number: an Iranian mobile (+989…) as 09…, which Iranian panels
 * and the people reading the list expect; another country's number as it is stored (E.164). An
 * Iranian landline cannot take an SMS.
 */
export const smsNumberOf = (e164: string | null): string | null => {
  if (!e164) return null;
  if (e164.startsWith('+98')) return e164.startsWith('+989') ? `0${e164.slice(3)}` : null;
  return e164;
};

const addressOf = (record: RecipientRecord, channel: MessageChannel): string | null =>
  channel === 'email' ? record.email?.trim() || null : smsNumberOf(record.phone_e164);

const PAGE = 5_000;

/**
 * The customers of an audience, in the customer book's order (or the order chosen), each with
 * their address on the channel and why they are skipped: do-not-contact first, then no address.
 * Archived customers and merged duplicates are never in an audience.
 */
export const resolveAudience = async (
  ctx: CoreContext,
  audience: MessageAudience,
  channel: MessageChannel,
): Promise<Recipient[]> => {
  const { sqlite } = ctx.database;
  const columns = 'rowid AS rowid, id, name, email, phone_e164, do_not_contact';
  let records: RecipientRecord[];
  if ('customerIds' in audience) {
    const statement = sqlite.prepare(
      `SELECT ${columns} FROM customers WHERE id IN (SELECT value FROM json_each(?))
         AND archived_at IS NULL AND merged_into_id IS NULL`,
    );
    const byId = new Map<string, RecipientRecord>();
    for (let start = 0; start < audience.customerIds.length; start += PAGE) {
      const page = audience.customerIds.slice(start, start + PAGE);
      for (const row of statement.all(JSON.stringify(page)) as RecipientRecord[]) {
        byId.set(row.id, row);
      }
    }
    records = [...new Set(audience.customerIds)].flatMap((customerId) => {
      const record = byId.get(customerId);
      return record ? [record] : [];
    });
  } else {
    const { filters } = audience;
    const rowids = await findCustomerRowids(ctx.database, {
      fragments: customerQueryFragments(filters.search ?? ''),
      sort: filters.sort ?? 'name',
      direction: filters.direction ?? 'asc',
      tag: filters.tag,
      importBatchId: filters.importBatchId,
      rowids: await filterRowids(ctx, filters),
      archived: 'exclude',
    });
    const statement = sqlite.prepare(
      `SELECT ${columns} FROM customers WHERE rowid IN (SELECT value FROM json_each(?))
         AND merged_into_id IS NULL`,
    );
    records = [];
    for (let start = 0; start < rowids.length; start += PAGE) {
      const page = rowids.slice(start, start + PAGE);
      const byRowid = new Map(
        (statement.all(JSON.stringify(page)) as RecipientRecord[]).map((row) => [row.rowid, row]),
      );
      for (const rowid of page) {
        const record = byRowid.get(rowid);
        if (record) records.push(record);
      }
    }
  }
  return records.map((record) => {
    const address = addressOf(record, channel);
    return {
      customerId: record.id,
      name: record.name,
      address,
      skip: record.do_not_contact === 1 ? 'do_not_contact' : address === null ? 'no_address' : null,
    };
  });
};

export const summariseAudience = (recipients: readonly Recipient[]): AudienceSummary => {
  let doNotContact = 0;
  let noAddress = 0;
  for (const recipient of recipients) {
    if (recipient.skip === 'do_not_contact') doNotContact += 1;
    else if (recipient.skip === 'no_address') noAddress += 1;
  }
  return {
    total: recipients.length,
    sendable: recipients.length - doNotContact - noAddress,
    skipped: { doNotContact, noAddress },
  };
};
