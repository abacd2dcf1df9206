import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { contactLog } from '../../../src-shared/contract/schemas.ts';
import type {
  ContactResult,
  Interaction,
  InteractionChannel,
  InteractionOutcome,
  SurveyChannel,
} from '../../../src-shared/contract/types.ts';
import type { CoreContext } from '../context.ts';
import { actingStaffId } from '../staff/staff.service.ts';
import { answerResult, answerSetting, checkScore, writeAnswer } from './surveys.service.ts';

/** The customer's timeline of contacts (DESIGN.md §2): append-only, each with its staff member. */

export type NewInteraction = {
  id: string;
  customerId: string;
  channel: InteractionChannel;
  direction: Interaction['direction'];
  outcome: InteractionOutcome | null;
  note: string;
  staffId: string | null;
  taskId: string | null;
  occurredAt: string;
  now: string;
};

export const insertInteraction = (sqlite: BetterSqlite3.Database, row: NewInteraction): void => {
  sqlite
    .prepare(
      `INSERT INTO interactions (id, customer_id, channel, direction, outcome, note, staff_id,
         task_id, occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.id,
      row.customerId,
      row.channel,
      row.direction,
      row.outcome,
      row.note,
      row.staffId,
      row.taskId,
      row.occurredAt,
      row.now,
    );
};

export const findInteraction = (sqlite: BetterSqlite3.Database, id: string): Interaction => {
  const row = sqlite
    .prepare(
      `SELECT id, customer_id AS customerId, channel, direction, outcome, note,
         staff_id AS staffId, occurred_at AS occurredAt, task_id AS taskId
       FROM interactions WHERE id = ?`,
    )
    .get(id) as Interaction | undefined;
  if (!row) throw new AppError('not_found', `No contact with id ${id}.`, { id });
  return row;
};

/** How a survey answer given in a contact was collected. */
export const surveyChannelOf = (channel: InteractionChannel): SurveyChannel =>
  channel === 'note' || channel === 'system' ? 'other' : channel;

/** A customer who can be written to: exists and was not merged into another. */
export const requireContactableCustomer = (
  sqlite: BetterSqlite3.Database,
  customerId: string,
): { id: string; do_not_contact: number } => {
  const customer = sqlite
    .prepare('SELECT id, merged_into_id, do_not_contact FROM customers WHERE id = ?')
    .get(customerId) as
    { id: string; merged_into_id: string | null; do_not_contact: number } | undefined;
  if (!customer) {
    throw new AppError('not_found', `No customer with id ${customerId}.`, {
      field: 'customerId',
      id: customerId,
    });
  }
  if (customer.merged_into_id !== null) {
    throw new AppError('conflict', `Customer ${customerId} was merged into another.`, {
      field: 'customerId',
      reason: 'merged',
    });
  }
  return customer;
};

/**
 * A contact no task asked for: an incoming call, a conversation at the counter. It counts for the
 * frequency cap like any other, and may carry the customer's satisfaction answer.
 */
export const logContact = async (
  ctx: CoreContext,
  input: z.output<typeof contactLog>,
): Promise<ContactResult> => {
  const { sqlite } = ctx.database;
  requireContactableCustomer(sqlite, input.customerId);
  if (input.survey) checkScore(input.survey.kind, input.survey.score);
  const staffId = await actingStaffId(ctx, input.staffId);
  const setting = await answerSetting(ctx);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : setting.now;
  if (occurredAt > setting.now) {
    throw new AppError('bad_input', 'A contact cannot be logged in the future.', {
      field: 'occurredAt',
      reason: 'future',
    });
  }
  const id = ctx.newId();
  const written = sqlite
    .transaction(() => {
      insertInteraction(sqlite, {
        id,
        customerId: input.customerId,
        channel: input.channel,
        direction: input.direction ?? (input.channel === 'note' ? 'internal' : 'outbound'),
        outcome: input.outcome ?? null,
        note: input.note ?? '',
        staffId,
        taskId: null,
        occurredAt,
        now: setting.now,
      });
      if (!input.survey) return null;
      return writeAnswer(ctx, setting, {
        customerId: input.customerId,
        ...input.survey,
        collectedVia: surveyChannelOf(input.channel),
        orderId: null,
        interactionId: id,
        taskId: null,
        answeredAt: occurredAt,
        staffId,
      });
    })
    .immediate();
  return {
    interaction: findInteraction(sqlite, id),
    task: null,
    ...(written ? answerResult(sqlite, written) : { survey: null, recoveryTask: null }),
  };
};
