// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'message_log';

/**
 * Every message sent or exported for a customer (DESIGN.md §6): an email the SMTP server accepted,
 * an .eml file saved, or a line of an SMS list for a bulk-SMS panel. Each is also an outbound
 * interaction on the customer's timeline (interaction_id), which is what the playbook's frequency
 * cap counts. `run_id` groups the messages of one send or export; `delivery` says how the message
 * left the app. Nothing is written for a message the server refused.
 */
export const up = `
CREATE TABLE message_log (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  delivery TEXT NOT NULL CHECK (delivery IN ('smtp', 'eml', 'sms_list')),
  template_id TEXT REFERENCES message_templates (id),
  run_id TEXT NOT NULL,
  address TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  interaction_id TEXT NOT NULL REFERENCES interactions (id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX idx_message_log_customer_id ON message_log (customer_id, created_at);
CREATE INDEX idx_message_log_run_id ON message_log (run_id);
`;
