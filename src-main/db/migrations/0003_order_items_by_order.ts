// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'order_items_by_order';

/**
 * An order's items stored together, keyed by (order, line number): one B-tree instead of a table,
 * its id index and its order_id index. Items are never referred to on their own, and an import
 * of a million lines writes a third of the bytes it did. Lines are numbered in their old order.
 */
export const up = `
CREATE TABLE order_items_by_order (
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
INSERT INTO order_items_by_order (order_id, line, product_name, sku, category, quantity,
    unit_price, line_total)
  SELECT order_id, row_number() OVER (PARTITION BY order_id ORDER BY rowid), product_name, sku,
    category, quantity, unit_price, line_total
  FROM order_items;
DROP TABLE order_items;
ALTER TABLE order_items_by_order RENAME TO order_items;
`;
