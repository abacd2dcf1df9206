// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'imports';

/**
 * Sales imports (DESIGN.md §5): each file is a batch that can be undone; returns that refer to an
 * earlier order are refund rows against it; user-saved column mappings are presets. The batch that
 * created a customer or an external-id link is recorded so undo removes exactly what it added.
 */
export const up = `
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
CREATE INDEX idx_import_batches_content_hash ON import_batches (content_hash);
CREATE INDEX idx_import_batches_started_at ON import_batches (started_at);

CREATE TABLE import_rejected_rows (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  reason TEXT NOT NULL,
  params TEXT NOT NULL DEFAULT '{}',
  fields TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX idx_import_rejected_rows_batch_id_line ON import_rejected_rows (batch_id, line);

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
CREATE UNIQUE INDEX idx_refunds_source_external_id ON refunds (source, external_id)
  WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX idx_refunds_source_content_hash ON refunds (source, content_hash)
  WHERE content_hash IS NOT NULL;
CREATE INDEX idx_refunds_order_id ON refunds (order_id);
CREATE INDEX idx_refunds_import_batch_id ON refunds (import_batch_id);

CREATE TABLE import_presets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

ALTER TABLE customers ADD COLUMN import_batch_id TEXT;
ALTER TABLE customer_external_ids ADD COLUMN import_batch_id TEXT;
CREATE INDEX idx_customers_import_batch_id ON customers (import_batch_id)
  WHERE import_batch_id IS NOT NULL;
CREATE INDEX idx_customer_external_ids_import_batch_id ON customer_external_ids (import_batch_id)
  WHERE import_batch_id IS NOT NULL;
CREATE INDEX idx_orders_import_batch_id ON orders (import_batch_id)
  WHERE import_batch_id IS NOT NULL;
`;
