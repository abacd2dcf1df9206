// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'initial';

export const up = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone_e164 TEXT,
  role TEXT,
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone_e164 TEXT,
  phone_raw TEXT,
  email TEXT,
  birthday TEXT,
  preferred_channel TEXT NOT NULL DEFAULT 'phone'
    CHECK (preferred_channel IN ('phone', 'sms', 'email', 'none')),
  do_not_contact INTEGER NOT NULL DEFAULT 0 CHECK (do_not_contact IN (0, 1)),
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
) STRICT;
CREATE INDEX idx_customers_phone_e164 ON customers (phone_e164);
CREATE INDEX idx_customers_email ON customers (email);
-- The book in name order, and everything the in-memory search index loads, in one index scan.
CREATE INDEX idx_customers_sort_name ON customers (sort_name, id, archived_at, search_text)
  WHERE merged_into_id IS NULL;
CREATE INDEX idx_customers_order_count ON customers (order_count);
CREATE INDEX idx_customers_total_spent ON customers (total_spent);
CREATE INDEX idx_customers_first_purchase_at ON customers (first_purchase_at);
CREATE INDEX idx_customers_last_purchase_at ON customers (last_purchase_at);

CREATE TABLE customer_external_ids (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers (id),
  source TEXT NOT NULL,
  external_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (source, external_id)
) STRICT;
CREATE INDEX idx_customer_external_ids_customer_id ON customer_external_ids (customer_id);

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
    CHECK (status IN ('completed', 'refunded', 'partially_refunded', 'void')),
  staff_id TEXT REFERENCES staff (id),
  import_batch_id TEXT,
  note TEXT NOT NULL DEFAULT '',
  archived_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (total >= 0 AND refunded >= 0)
) STRICT;
CREATE UNIQUE INDEX idx_orders_source_external_id ON orders (source, external_id)
  WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX idx_orders_source_content_hash ON orders (source, content_hash)
  WHERE content_hash IS NOT NULL;
CREATE INDEX idx_orders_customer_id_ordered_at ON orders (customer_id, ordered_at);
CREATE INDEX idx_orders_local_date ON orders (local_date);

CREATE TABLE order_items (
  id TEXT PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_name TEXT NOT NULL,
  sku TEXT,
  category TEXT,
  quantity REAL NOT NULL,
  unit_price INTEGER NOT NULL,
  line_total INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX idx_order_items_order_id ON order_items (order_id);

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
CREATE INDEX idx_interactions_customer_id_occurred_at ON interactions (customer_id, occurred_at);
`;
