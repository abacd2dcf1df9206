import type { MessageChannel } from '../../../src-shared/domain/message-template.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';

/** How a message left the app: accepted by the SMTP server, saved as .eml, or on an SMS list. */
export type MessageDelivery = 'smtp' | 'eml' | 'sms_list';

/** A message sent or exported for one customer, as it was filled for them. */
export type LoggedMessage = {
  customerId: string;
  channel: MessageChannel;
  delivery: MessageDelivery;
  templateId: string | null;
  address: string;
  subject: string | null;
  body: string;
};

// What the timeline shows of a message: its subject, else the start of its text.
const NOTE_MAX = 500;

const noteOf = (message: LoggedMessage): string => {
  const text = (message.subject ?? message.body).trim();
  return text.length > NOTE_MAX ? `${text.slice(0, NOTE_MAX - 1)}…` : text;
};

/**
 * Logs messages in one transaction (DESIGN.md §6): each in message_log with what was sent, and as
 * an outbound interaction on the customer's timeline (email or sms), which the playbook's
 * frequency cap counts like a call. Call it only for what has left the app: an email once the
 * server accepted it, a file or list once written.
 */
export const logMessages = (
  ctx: CoreContext,
  runId: string,
  messages: readonly LoggedMessage[],
): void => {
  if (messages.length === 0) return;
  const { sqlite } = ctx.database;
  const now = nowIso(ctx);
  const interaction = sqlite.prepare(
    `INSERT INTO interactions (id, customer_id, channel, direction, outcome, note, staff_id,
       task_id, occurred_at, created_at)
     VALUES (?, ?, ?, 'outbound', NULL, ?, NULL, NULL, ?, ?)`,
  );
  const log = sqlite.prepare(
    `INSERT INTO message_log (id, customer_id, channel, delivery, template_id, run_id, address,
       subject, body, interaction_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite
    .transaction(() => {
      for (const message of messages) {
        const interactionId = ctx.newId();
        interaction.run(
          interactionId,
          message.customerId,
          message.channel,
          noteOf(message),
          now,
          now,
        );
        log.run(
          ctx.newId(),
          message.customerId,
          message.channel,
          message.delivery,
          message.templateId,
          runId,
          message.address,
          message.subject,
          message.body,
          interactionId,
          now,
        );
      }
    })
    .immediate();
};
