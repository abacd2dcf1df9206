// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'followup';

/**
 * The daily follow-up (DESIGN.md §2, §4): survey answers, the tasks the playbook plans and the
 * append-only history of each task's changes; the customers' purchase days cached beside their
 * other figures, so the playbook picks its candidates from one table instead of a million orders.
 *
 * A task's dedupe key (rule, customer, anchor) is unique: re-running the playbook never plans the
 * same follow-up twice. Tasks and their events go with a customer an import undo removes; survey
 * answers are facts, and keep their customer.
 */
export const up = `
CREATE TABLE survey_responses (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  kind TEXT NOT NULL CHECK (kind IN ('nps', 'csat')),
  score INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  reason_category TEXT,
  collected_via TEXT NOT NULL
    CHECK (collected_via IN ('phone', 'in_person', 'sms', 'email', 'messenger', 'import', 'other')),
  staff_id TEXT REFERENCES staff (id),
  order_id TEXT REFERENCES orders (id) ON DELETE SET NULL,
  interaction_id TEXT REFERENCES interactions (id),
  task_id TEXT,
  answered_at TEXT NOT NULL,
  local_date TEXT NOT NULL,
  import_key TEXT,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5))
) STRICT;
CREATE INDEX idx_survey_responses_customer_id_answered_at
  ON survey_responses (customer_id, answered_at);
CREATE INDEX idx_survey_responses_local_date ON survey_responses (local_date);
CREATE INDEX idx_survey_responses_order_id ON survey_responses (order_id)
  WHERE order_id IS NOT NULL;
CREATE UNIQUE INDEX idx_survey_responses_import_key ON survey_responses (import_key)
  WHERE import_key IS NOT NULL;

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  order_id TEXT REFERENCES orders (id) ON DELETE SET NULL,
  survey_response_id TEXT REFERENCES survey_responses (id),
  rule TEXT NOT NULL CHECK (rule IN ('post_purchase_checkin', 'first_survey',
    'second_purchase_nudge', 'recovery', 'churn_warning', 'vip_opportunity', 'birthday',
    'near_next_tier')),
  anchor TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  reason_key TEXT NOT NULL,
  reason_params TEXT NOT NULL DEFAULT '{}',
  due_date TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'snoozed', 'dismissed')),
  resolution TEXT CHECK (resolution IN ('completed', 'reached', 'resolved_by_purchase',
    'answered', 'unreachable', 'wrong_number', 'not_interested', 'dismissed', 'superseded',
    'do_not_contact', 'expired', 'obsolete')),
  dismiss_reason TEXT,
  note TEXT NOT NULL DEFAULT '',
  assignee_id TEXT REFERENCES staff (id),
  attempts INTEGER NOT NULL DEFAULT 0,
  outcome TEXT CHECK (outcome IN ('reached', 'no_answer', 'busy', 'wrong_number',
    'call_back_later', 'not_interested')),
  snoozed_until TEXT,
  call_back_at TEXT,
  closed_by_id TEXT REFERENCES staff (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT,
  CHECK ((status IN ('open', 'snoozed')) = (closed_at IS NULL))
) STRICT;
-- Today: the open and snoozed tasks due by a day, counted and ordered from the index alone.
CREATE INDEX idx_tasks_due_date ON tasks (due_date, priority, rule, assignee_id)
  WHERE status IN ('open', 'snoozed');
-- The playbook's frequency cap and the customer's timeline.
CREATE INDEX idx_tasks_customer_id_status ON tasks (customer_id, status);
-- Today's progress: the tasks closed that day.
CREATE INDEX idx_tasks_closed_at ON tasks (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX idx_tasks_order_id ON tasks (order_id) WHERE order_id IS NOT NULL;

CREATE TABLE task_events (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'attempt', 'completed', 'snoozed', 'reopened',
    'assigned', 'dismissed', 'resolved')),
  status TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}',
  staff_id TEXT REFERENCES staff (id),
  interaction_id TEXT,
  occurred_at TEXT NOT NULL
) STRICT;
CREATE INDEX idx_task_events_task_id ON task_events (task_id, occurred_at);

CREATE INDEX idx_interactions_task_id ON interactions (task_id) WHERE task_id IS NOT NULL;

-- Purchase days (DESIGN.md §3: local calendar days with a positive net amount), cached with the
-- customer's other figures and rebuilt from the orders like them.
ALTER TABLE customers ADD COLUMN first_purchase_day TEXT;
ALTER TABLE customers ADD COLUMN last_purchase_day TEXT;
ALTER TABLE customers ADD COLUMN purchase_days INTEGER NOT NULL DEFAULT 0;
UPDATE customers SET first_purchase_day = s.first_day, last_purchase_day = s.last_day,
    purchase_days = s.days
  FROM (SELECT customer_id,
          min(CASE WHEN total - refunded > 0 THEN local_date END) AS first_day,
          max(CASE WHEN total - refunded > 0 THEN local_date END) AS last_day,
          count(DISTINCT CASE WHEN total - refunded > 0 THEN local_date END) AS days
        FROM orders WHERE archived_at IS NULL AND status <> 'void' AND customer_id IS NOT NULL
        GROUP BY customer_id) AS s
  WHERE customers.id = s.customer_id;
CREATE INDEX idx_customers_first_purchase_day ON customers (first_purchase_day)
  WHERE first_purchase_day IS NOT NULL;
-- The churn warning reads every lapsed customer: from this index alone, not the wide rows.
CREATE INDEX idx_customers_last_purchase_day ON customers (last_purchase_day, first_purchase_day,
  purchase_days, do_not_contact, archived_at, merged_into_id)
  WHERE last_purchase_day IS NOT NULL;
-- A live customer's figures by id, narrow: the playbook looks up the customer of every recent
-- order (VIP) and of every open task (has the reason gone?).
CREATE INDEX idx_customers_live_figures ON customers (id, order_count, total_spent,
  first_purchase_day, last_purchase_day)
  WHERE merged_into_id IS NULL AND archived_at IS NULL AND do_not_contact = 0;
-- Birthdays by month and day, for the few days ahead the playbook looks at.
CREATE INDEX idx_customers_birthday_month_day ON customers (substr(birthday, 6))
  WHERE birthday IS NOT NULL;
`;
