import type { RowSink } from './row-sink.ts';

/**
 * A RowSink's calls as data, to send from the reading thread to the writing one: each call is an
 * op code and its values in one flat array of strings, numbers and nulls. (Posted as it is, the
 * array is structured-cloned: for a million Persian item rows that takes half the time of
 * JSON.stringify, which escapes two-byte strings character by character.)
 */

const OP = {
  customer: 0,
  externalId: 1,
  order: 2,
  plainOrder: 3,
  item: 4,
  rejected: 5,
  addToOrder: 6,
} as const;

export type RowEncoder = RowSink & {
  /** The calls so far; the encoder starts again empty. */
  take: () => unknown[];
  /** Whether any call waits to be taken. */
  readonly isEmpty: boolean;
};

export const createRowEncoder = (): RowEncoder => {
  let ops: unknown[] = [];
  return {
    customer: (...values) => {
      ops.push(OP.customer, ...values);
    },
    externalId: (id, customerId, externalId) => {
      ops.push(OP.externalId, id, customerId, externalId);
    },
    order: (id, ext, hash, customerId, at, day, total, refunded, status, staffId, note) => {
      ops.push(
        OP.order,
        id,
        ext,
        hash,
        customerId,
        at,
        day,
        total,
        refunded,
        status,
        staffId,
        note,
      );
    },
    plainOrder: (id, externalId, customerId, orderedAt, localDate, total) => {
      ops.push(OP.plainOrder, id, externalId, customerId, orderedAt, localDate, total);
    },
    item: (orderId, line, productName, sku, category, quantity, unitPrice, lineTotal) => {
      ops.push(OP.item, orderId, line, productName, sku, category, quantity, unitPrice, lineTotal);
    },
    rejected: (id, line, reason, params, fields) => {
      ops.push(OP.rejected, id, line, reason, params, fields);
    },
    addToOrder: (amount, orderId) => {
      ops.push(OP.addToOrder, amount, orderId);
    },
    take: () => {
      const taken = ops;
      ops = [];
      return taken;
    },
    get isEmpty() {
      return ops.length === 0;
    },
  };
};

/** Replays encoded calls on a sink, in their order. */
export const decodeRows = (v: readonly unknown[], sink: RowSink): void => {
  // Each value goes back to the parameter it was taken from: `never` stands for "as encoded".
  const a = (at: number): never => v[at] as never;
  for (let i = 0; i < v.length;) {
    switch (v[i]) {
      case OP.item:
        sink.item(a(i + 1), a(i + 2), a(i + 3), a(i + 4), a(i + 5), a(i + 6), a(i + 7), a(i + 8));
        i += 9;
        break;
      case OP.plainOrder:
        sink.plainOrder(a(i + 1), a(i + 2), a(i + 3), a(i + 4), a(i + 5), a(i + 6));
        i += 7;
        break;
      case OP.order:
        sink.order(
          a(i + 1),
          a(i + 2),
          a(i + 3),
          a(i + 4),
          a(i + 5),
          a(i + 6),
          a(i + 7),
          a(i + 8),
          a(i + 9),
          a(i + 10),
          a(i + 11),
        );
        i += 12;
        break;
      case OP.customer:
        sink.customer(
          a(i + 1),
          a(i + 2),
          a(i + 3),
          a(i + 4),
          a(i + 5),
          a(i + 6),
          a(i + 7),
          a(i + 8),
          a(i + 9),
          a(i + 10),
          a(i + 11),
          a(i + 12),
          a(i + 13),
          a(i + 14),
        );
        i += 15;
        break;
      case OP.externalId:
        sink.externalId(a(i + 1), a(i + 2), a(i + 3));
        i += 4;
        break;
      case OP.rejected:
        sink.rejected(a(i + 1), a(i + 2), a(i + 3), a(i + 4), a(i + 5));
        i += 6;
        break;
      case OP.addToOrder:
        sink.addToOrder(a(i + 1), a(i + 2));
        i += 3;
        break;
      default:
        throw new Error(`Unknown row operation ${String(v[i])} at ${i}.`);
    }
  }
};
