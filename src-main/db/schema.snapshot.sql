-- index idx_customer_days_day_prev_day
CREATE INDEX idx_customer_days_day_prev_day ON customer_days (day, prev_day)
  WHERE prev_day IS NOT NULL;

-- index idx_customer_days_gregorian_cohort
CREATE INDEX idx_customer_days_gregorian_cohort ON customer_days (g_cohort, g_month, day)
  WHERE g_new = 1;

-- index idx_customer_days_jalali_cohort
CREATE INDEX idx_customer_days_jalali_cohort ON customer_days (j_cohort, j_month, day)
  WHERE j_new = 1;

-- index idx_customer_days_second_purchase
CREATE INDEX idx_customer_days_second_purchase ON customer_days (gap, day) WHERE ordinal = 2;

-- index idx_customer_external_ids_customer_id
CREATE INDEX idx_customer_external_ids_customer_id ON customer_external_ids (customer_id);

-- index idx_customer_external_ids_import_batch_id
CREATE INDEX idx_customer_external_ids_import_batch_id ON customer_external_ids (import_batch_id)
  WHERE import_batch_id IS NOT NULL;

-- index idx_customer_tiers_tier_id
CREATE INDEX idx_customer_tiers_tier_id ON customer_tiers (tier_id);

-- index idx_customer_tiers_tier_rank
CREATE INDEX idx_customer_tiers_tier_rank ON customer_tiers (tier_rank, spend);

-- index idx_customers_birthday_month_day
CREATE INDEX idx_customers_birthday_month_day ON customers (substr(birthday, 6))
  WHERE birthday IS NOT NULL;

-- index idx_customers_email
CREATE INDEX idx_customers_email ON customers (email);

-- index idx_customers_first_purchase_at
CREATE INDEX idx_customers_first_purchase_at ON customers (first_purchase_at);

-- index idx_customers_first_purchase_day
CREATE INDEX idx_customers_first_purchase_day ON customers (first_purchase_day)
  WHERE first_purchase_day IS NOT NULL;

-- index idx_customers_import_batch_id
CREATE INDEX idx_customers_import_batch_id ON customers (import_batch_id)
  WHERE import_batch_id IS NOT NULL;

-- index idx_customers_last_purchase_at
CREATE INDEX idx_customers_last_purchase_at ON customers (last_purchase_at);

-- index idx_customers_last_purchase_day
CREATE INDEX idx_customers_last_purchase_day ON customers (last_purchase_day, first_purchase_day,
  purchase_days, do_not_contact, archived_at, merged_into_id)
  WHERE last_purchase_day IS NOT NULL;

-- index idx_customers_live_figures
CREATE INDEX idx_customers_live_figures ON customers (id, order_count, total_spent,
  first_purchase_day, last_purchase_day)
  WHERE merged_into_id IS NULL AND archived_at IS NULL AND do_not_contact = 0;

-- index idx_customers_order_count
CREATE INDEX idx_customers_order_count ON customers (order_count);

-- index idx_customers_phone_e164
CREATE INDEX idx_customers_phone_e164 ON customers (phone_e164);

-- index idx_customers_sort_name
CREATE INDEX idx_customers_sort_name ON customers (sort_name, id, archived_at, search_text)
  WHERE merged_into_id IS NULL;

-- index idx_customers_tagged
CREATE INDEX idx_customers_tagged ON customers (tags)
  WHERE tags <> '[]' AND merged_into_id IS NULL;

-- index idx_customers_total_spent
CREATE INDEX idx_customers_total_spent ON customers (total_spent);

-- index idx_import_batches_content_hash
CREATE INDEX idx_import_batches_content_hash ON import_batches (content_hash);

-- index idx_import_batches_started_at
CREATE INDEX idx_import_batches_started_at ON import_batches (started_at);

-- index idx_import_rejected_rows_batch_id_line
CREATE INDEX idx_import_rejected_rows_batch_id_line ON import_rejected_rows (batch_id, line);

-- index idx_interactions_customer_id_occurred_at
CREATE INDEX idx_interactions_customer_id_occurred_at ON interactions (customer_id, occurred_at);

-- index idx_interactions_task_id
CREATE INDEX idx_interactions_task_id ON interactions (task_id) WHERE task_id IS NOT NULL;

-- index idx_message_log_customer_id
CREATE INDEX idx_message_log_customer_id ON message_log (customer_id, created_at);

-- index idx_message_log_run_id
CREATE INDEX idx_message_log_run_id ON message_log (run_id);

-- index idx_message_templates_channel
CREATE INDEX idx_message_templates_channel ON message_templates (channel, locale)
  WHERE deleted_at IS NULL;

-- index idx_orders_customer_id_ordered_at
CREATE INDEX idx_orders_customer_id_ordered_at ON orders (customer_id, ordered_at);

-- index idx_orders_import_batch_id
CREATE INDEX idx_orders_import_batch_id ON orders (import_batch_id)
  WHERE import_batch_id IS NOT NULL;

-- index idx_orders_local_date
CREATE INDEX idx_orders_local_date ON orders (local_date);

-- index idx_orders_source_content_hash
CREATE UNIQUE INDEX idx_orders_source_content_hash ON orders (source, content_hash)
  WHERE content_hash IS NOT NULL;

-- index idx_orders_source_external_id
CREATE UNIQUE INDEX idx_orders_source_external_id ON orders (source, external_id)
  WHERE external_id IS NOT NULL;

-- index idx_points_ledger_customer_id
CREATE INDEX idx_points_ledger_customer_id ON points_ledger (customer_id, local_date, points);

-- index idx_points_ledger_expires_on
CREATE INDEX idx_points_ledger_expires_on ON points_ledger (expires_on)
  WHERE expires_on IS NOT NULL;

-- index idx_points_ledger_order_id
CREATE INDEX idx_points_ledger_order_id ON points_ledger (order_id) WHERE order_id IS NOT NULL;

-- index idx_refunds_import_batch_id
CREATE INDEX idx_refunds_import_batch_id ON refunds (import_batch_id);

-- index idx_refunds_order_id
CREATE INDEX idx_refunds_order_id ON refunds (order_id);

-- index idx_refunds_source_content_hash
CREATE UNIQUE INDEX idx_refunds_source_content_hash ON refunds (source, content_hash)
  WHERE content_hash IS NOT NULL;

-- index idx_refunds_source_external_id
CREATE UNIQUE INDEX idx_refunds_source_external_id ON refunds (source, external_id)
  WHERE external_id IS NOT NULL;

-- index idx_survey_responses_customer_id_answered_at
CREATE INDEX idx_survey_responses_customer_id_answered_at
  ON survey_responses (customer_id, answered_at);

-- index idx_survey_responses_import_key
CREATE UNIQUE INDEX idx_survey_responses_import_key ON survey_responses (import_key)
  WHERE import_key IS NOT NULL;

-- index idx_survey_responses_local_date
CREATE INDEX idx_survey_responses_local_date ON survey_responses (local_date);

-- index idx_survey_responses_order_id
CREATE INDEX idx_survey_responses_order_id ON survey_responses (order_id)
  WHERE order_id IS NOT NULL;

-- index idx_task_events_task_id
CREATE INDEX idx_task_events_task_id ON task_events (task_id, occurred_at);

-- index idx_tasks_closed_at
CREATE INDEX idx_tasks_closed_at ON tasks (closed_at) WHERE closed_at IS NOT NULL;

-- index idx_tasks_customer_id_status
CREATE INDEX idx_tasks_customer_id_status ON tasks (customer_id, status);

-- index idx_tasks_due_date
CREATE INDEX idx_tasks_due_date ON tasks (due_date, priority, rule, assignee_id)
  WHERE status IN ('open', 'snoozed');

-- index idx_tasks_order_id
CREATE INDEX idx_tasks_order_id ON tasks (order_id) WHERE order_id IS NOT NULL;

-- index idx_tier_history_customer_id
CREATE INDEX idx_tier_history_customer_id ON tier_history (customer_id, created_at);

-- table customer_days
CREATE TABLE customer_days (
  customer_id TEXT NOT NULL,
  day TEXT NOT NULL,
  net INTEGER NOT NULL,
  gross INTEGER NOT NULL,
  refunded INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  ordinal INTEGER,
  prev_day TEXT,
  gap INTEGER,
  first_day TEXT,
  g_month INTEGER,
  g_cohort INTEGER,
  g_new INTEGER,
  j_month INTEGER,
  j_cohort INTEGER,
  j_new INTEGER,
  PRIMARY KEY (customer_id, day)
) STRICT, WITHOUT ROWID;

-- table customer_external_ids
CREATE TABLE customer_external_ids (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  source TEXT NOT NULL,
  external_id TEXT NOT NULL,
  created_at TEXT NOT NULL, import_batch_id TEXT,
  UNIQUE (source, external_id)
) STRICT;

-- table customer_tiers
CREATE TABLE customer_tiers (
  customer_id TEXT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  tier_id TEXT NOT NULL,
  tier_rank INTEGER NOT NULL,
  spend INTEGER NOT NULL,
  reached_on TEXT,
  held_until TEXT,
  first_day TEXT,
  return_gap INTEGER
) STRICT, WITHOUT ROWID;

-- table customers
CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone_e164 TEXT,
  phone_raw TEXT,
  email TEXT,
  birthday TEXT,
  preferred_channel TEXT NOT NULL DEFAULT 'phone'
    CHECK (preferred_channel = 'phone' OR preferred_channel = 'sms' OR preferred_channel = 'email' OR preferred_channel = 'none'),
  do_not_contact INTEGER NOT NULL DEFAULT 0 CHECK (do_not_contact = 0 OR do_not_contact = 1),
  tags TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  sort_name TEXT NOT NULL DEFAULT '',
  merged_into_id TEXT REFERENCES customers (id),
  archived_at TEXT,
  order_count INTEGER NOT NULL DEFAULT 0,
  total_spent INTEGER NOT NULL DEFAULT 0,
  first_purchase_at TEXT,
  last_purchase_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
, import_batch_id TEXT, first_purchase_day TEXT, last_purchase_day TEXT, purchase_days INTEGER NOT NULL DEFAULT 0) STRICT;

-- table import_batches
CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  settings TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('committed', 'undone')),
  rows_read INTEGER NOT NULL DEFAULT 0,
  orders_created INTEGER NOT NULL DEFAULT 0,
  orders_already_present INTEGER NOT NULL DEFAULT 0,
  refunds_recorded INTEGER NOT NULL DEFAULT 0,
  customers_created INTEGER NOT NULL DEFAULT 0,
  customers_matched INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  staff_id TEXT REFERENCES staff (id),
  created_by TEXT NOT NULL DEFAULT '',
  started_at TEXT NOT NULL,
  finished_at TEXT,
  undone_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- table import_presets
CREATE TABLE import_presets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- table import_rejected_rows
CREATE TABLE import_rejected_rows (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  params TEXT NOT NULL DEFAULT '{}',
  fields TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- table interactions
CREATE TABLE interactions (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  channel TEXT NOT NULL
    CHECK (channel IN ('phone', 'sms', 'email', 'in_person', 'messenger', 'note', 'system')),
  direction TEXT NOT NULL DEFAULT 'outbound' CHECK (direction IN ('inbound', 'outbound', 'internal')),
  outcome TEXT CHECK (outcome IN ('reached', 'no_answer', 'busy', 'wrong_number', 'call_back_later', 'not_interested')),
  note TEXT NOT NULL DEFAULT '',
  staff_id TEXT REFERENCES staff (id),
  task_id TEXT,
  occurred_at TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- table kpi_days
CREATE TABLE kpi_days (
  day TEXT PRIMARY KEY,
  revenue INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  refunded INTEGER NOT NULL DEFAULT 0,
  orders INTEGER NOT NULL DEFAULT 0,
  purchase_days INTEGER NOT NULL DEFAULT 0,
  new_customers INTEGER NOT NULL DEFAULT 0,
  second_purchases INTEGER NOT NULL DEFAULT 0,
  returned_90 INTEGER NOT NULL DEFAULT 0,
  clv_spend INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- table kpi_pending
CREATE TABLE kpi_pending (customer_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

-- table loyalty_pending
CREATE TABLE loyalty_pending (customer_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

-- table message_log
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

-- table message_templates
CREATE TABLE message_templates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  locale TEXT NOT NULL CHECK (locale IN ('fa', 'en')),
  subject TEXT,
  body TEXT NOT NULL,
  moment TEXT,
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((channel = 'email') = (subject IS NOT NULL))
) STRICT;

-- table order_items
CREATE TABLE "order_items" (
  order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line INTEGER NOT NULL CHECK (line >= 1),
  product_name TEXT NOT NULL,
  sku TEXT,
  category TEXT,
  quantity REAL NOT NULL,
  unit_price INTEGER NOT NULL,
  line_total INTEGER NOT NULL,
  PRIMARY KEY (order_id, line)
) STRICT, WITHOUT ROWID;

-- table orders
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  external_id TEXT,
  content_hash TEXT,
  customer_id TEXT REFERENCES customers (id),
  ordered_at TEXT NOT NULL,
  local_date TEXT NOT NULL,
  total INTEGER NOT NULL,
  refunded INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'completed'
    CHECK (status = 'completed' OR status = 'refunded' OR status = 'partially_refunded' OR status = 'void'),
  staff_id TEXT REFERENCES staff (id),
  import_batch_id TEXT,
  note TEXT NOT NULL DEFAULT '',
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (total >= 0 AND refunded >= 0)
) STRICT;

-- table points_ledger
CREATE TABLE points_ledger (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'adjust', 'redeem', 'expire', 'reversal')),
  cause TEXT NOT NULL CHECK (cause IN ('order', 'refund', 'order_removed', 'order_moved',
    'expiry', 'merge', 'manual')),
  points INTEGER NOT NULL CHECK (points <> 0),
  spend INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  order_id TEXT,
  batch_id TEXT,
  staff_id TEXT REFERENCES staff (id),
  local_date TEXT NOT NULL,
  expires_on TEXT,
  created_at TEXT NOT NULL
) STRICT;

-- table refunds
CREATE TABLE refunds (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  amount INTEGER NOT NULL CHECK (amount > 0),
  refunded_at TEXT NOT NULL,
  local_date TEXT NOT NULL,
  source TEXT NOT NULL,
  external_id TEXT,
  content_hash TEXT,
  import_batch_id TEXT REFERENCES import_batches (id),
  created_at TEXT NOT NULL
) STRICT;

-- table settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- table staff
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone_e164 TEXT,
  role TEXT,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- table survey_responses
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

-- table task_events
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

-- table tasks
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

-- table tier_history
CREATE TABLE tier_history (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  tier_id TEXT NOT NULL,
  tier_name TEXT NOT NULL,
  tier_rank INTEGER NOT NULL,
  from_tier_id TEXT,
  from_tier_name TEXT,
  from_tier_rank INTEGER,
  reached_on TEXT,
  held_until TEXT,
  changed_on TEXT NOT NULL,
  cause TEXT NOT NULL CHECK (cause IN ('spend', 'hold_ended', 'orders_changed', 'rules_changed')),
  created_at TEXT NOT NULL
) STRICT;

-- table walk_in_days
CREATE TABLE walk_in_days (
  day TEXT PRIMARY KEY,
  revenue INTEGER NOT NULL DEFAULT 0,
  gross INTEGER NOT NULL DEFAULT 0,
  refunded INTEGER NOT NULL DEFAULT 0,
  orders INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

-- trigger customers_kpi_pending_delete
CREATE TRIGGER customers_kpi_pending_delete AFTER DELETE ON customers BEGIN
  INSERT OR IGNORE INTO kpi_pending (customer_id) VALUES (OLD.id);
END;

-- trigger customers_kpi_pending_insert
CREATE TRIGGER customers_kpi_pending_insert AFTER INSERT ON customers BEGIN
  INSERT OR IGNORE INTO kpi_pending (customer_id) VALUES (NEW.id);
END;

-- trigger kpi_pending_loyalty_pending
CREATE TRIGGER kpi_pending_loyalty_pending BEFORE INSERT ON kpi_pending BEGIN
  INSERT OR IGNORE INTO loyalty_pending (customer_id) VALUES (NEW.customer_id);
END;

-- trigger orders_walk_in_delete
CREATE TRIGGER orders_walk_in_delete AFTER DELETE ON orders
  WHEN OLD.customer_id IS NULL AND OLD.archived_at IS NULL AND OLD.status <> 'void'
BEGIN
  UPDATE walk_in_days SET revenue = revenue - (OLD.total - OLD.refunded),
      gross = gross - OLD.total, refunded = refunded - OLD.refunded,
      orders = orders - (OLD.total - OLD.refunded > 0)
    WHERE day = OLD.local_date;
  DELETE FROM walk_in_days WHERE day = OLD.local_date
    AND revenue = 0 AND gross = 0 AND refunded = 0 AND orders = 0;
END;

-- trigger orders_walk_in_insert
CREATE TRIGGER orders_walk_in_insert AFTER INSERT ON orders
  WHEN NEW.customer_id IS NULL AND NEW.archived_at IS NULL AND NEW.status <> 'void'
    AND (NEW.total <> 0 OR NEW.refunded <> 0)
BEGIN
  INSERT INTO walk_in_days (day, revenue, gross, refunded, orders)
    VALUES (NEW.local_date, NEW.total - NEW.refunded, NEW.total, NEW.refunded,
      NEW.total - NEW.refunded > 0)
    ON CONFLICT (day) DO UPDATE SET revenue = revenue + excluded.revenue,
      gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      orders = orders + excluded.orders;
END;

-- trigger orders_walk_in_update
CREATE TRIGGER orders_walk_in_update
  AFTER UPDATE OF customer_id, local_date, total, refunded, status, archived_at ON orders
  WHEN (OLD.customer_id IS NULL AND OLD.archived_at IS NULL AND OLD.status <> 'void')
    OR (NEW.customer_id IS NULL AND NEW.archived_at IS NULL AND NEW.status <> 'void')
BEGIN
  UPDATE walk_in_days SET revenue = revenue - (OLD.total - OLD.refunded),
      gross = gross - OLD.total, refunded = refunded - OLD.refunded,
      orders = orders - (OLD.total - OLD.refunded > 0)
    WHERE day = OLD.local_date
      AND OLD.customer_id IS NULL AND OLD.archived_at IS NULL AND OLD.status <> 'void';
  INSERT INTO walk_in_days (day, revenue, gross, refunded, orders)
    SELECT NEW.local_date, NEW.total - NEW.refunded, NEW.total, NEW.refunded,
      NEW.total - NEW.refunded > 0
    WHERE NEW.customer_id IS NULL AND NEW.archived_at IS NULL AND NEW.status <> 'void'
      AND (NEW.total <> 0 OR NEW.refunded <> 0)
    ON CONFLICT (day) DO UPDATE SET revenue = revenue + excluded.revenue,
      gross = gross + excluded.gross, refunded = refunded + excluded.refunded,
      orders = orders + excluded.orders;
  DELETE FROM walk_in_days WHERE day = OLD.local_date
    AND revenue = 0 AND gross = 0 AND refunded = 0 AND orders = 0;
END;
