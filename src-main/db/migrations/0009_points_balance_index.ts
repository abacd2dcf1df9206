// Frozen in time: this file never imports application code. Later schema changes are new files.
export const name = 'points_balance_index';

/**
 * A customer's points balance (the sum of their ledger rows) read from the index alone: the
 * customer index of the ledger carries the points too. A message to a segment fills in each
 * recipient's balance; reading every ledger row from the table cost about 60 µs a customer on
 * a shop of a million orders, the index alone a few.
 */
export const up = `
DROP INDEX idx_points_ledger_customer_id;
CREATE INDEX idx_points_ledger_customer_id ON points_ledger (customer_id, local_date, points);
`;
