import type { RowSink } from './row-sink.ts';

/**
 * A RowSink's calls as data, to send from the reading thread to the writing one: each call is an
 * op code and its values in flat arrays of strings, numbers and nulls. (Posted as they are, the
 * arrays are structured-cloned: for a million Persian item rows that takes half the time of
 * JSON.stringify, which escapes two-byte strings character by character.)
 *
 * The values go in segments of at most a few thousand: an array over 128 KB is born in V8's old
 * generation, where the writing thread would keep a hundred such dead arrays until its next full
 * collection; small ones die young.
 */
const SEGMENT_VALUES = 8000;

/**
 * Item texts (product name, SKU, category) repeat from line to line: each distinct one is sent
 * once, then as its number in a table both threads build in the same order (a run's messages
 * are decoded in the order they were encoded). Up to this many texts; later new ones go as they
 * are, so a file of all-different names costs no more memory than before.
 */
const TEXTS_MAX = 100_000;

export type CodecOptions = { textsMax?: number };

const OP = {
  customer: 0,
  externalId: 1,
  order: 2,
  plainOrder: 3,
  item: 4,
  rejected: 5,
  addToOrder: 6,
  /** An item of the order written or itemised last: its order id is not sent again. */
  itemOfLast: 7,
} as const;

export type RowEncoder = RowSink & {
  /** The calls so far, in segments; the encoder starts again empty. */
  take: () => unknown[][];
  /** Whether any call waits to be taken. */
  readonly isEmpty: boolean;
};

export const createRowEncoder = ({ textsMax = TEXTS_MAX }: CodecOptions = {}): RowEncoder => {
  const texts = new Map<string, number>();
  const text = (value: string | null): string | number | null => {
    if (value === null) return null;
    const known = texts.get(value);
    if (known !== undefined) return known;
    // Kept as a copy: the value is a slice of the file's text, which it would keep alive.
    if (texts.size < textsMax) texts.set(` ${value}`.slice(1), texts.size);
    return value;
  };
  let segments: unknown[][] = [];
  let ops: unknown[] = [];
  // The order id the decoder will take for an itemOfLast: the last one sent in this segment
  // (each segment is decoded on its own, so a new one starts without).
  let lastOrderId: string | null = null;
  /** The segment to write the next call in (a call never spans two). */
  const room = (): unknown[] => {
    if (ops.length >= SEGMENT_VALUES) {
      segments.push(ops);
      ops = [];
      lastOrderId = null;
    }
    return ops;
  };
  return {
    customer: (...values) => {
      room().push(OP.customer, ...values);
    },
    externalId: (id, customerId, externalId) => {
      room().push(OP.externalId, id, customerId, externalId);
    },
    order: (id, ext, hash, customerId, at, day, total, refunded, status, staffId, note) => {
      const segment = room();
      lastOrderId = id;
      segment.push(
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
      const segment = room();
      lastOrderId = id;
      segment.push(OP.plainOrder, id, externalId, customerId, orderedAt, localDate, total);
    },
    item: (orderId, line, productName, sku, category, quantity, unitPrice, lineTotal) => {
      // A million item rows would each carry their order's 36-character id across threads.
      const segment = room();
      if (orderId === lastOrderId) {
        segment.push(OP.itemOfLast);
      } else {
        lastOrderId = orderId;
        segment.push(OP.item, orderId);
      }
      segment.push(
        line,
        text(productName),
        text(sku),
        text(category),
        quantity,
        unitPrice,
        lineTotal,
      );
    },
    rejected: (id, line, reason, params, fields) => {
      room().push(OP.rejected, id, line, reason, params, fields);
    },
    addToOrder: (amount, orderId) => {
      room().push(OP.addToOrder, amount, orderId);
    },
    take: () => {
      const taken = ops.length > 0 ? [...segments, ops] : segments;
      segments = [];
      ops = [];
      lastOrderId = null;
      return taken;
    },
    get isEmpty() {
      return ops.length === 0 && segments.length === 0;
    },
  };
};

export type RowDecoder = {
  /** Replays encoded calls on a sink, in their order; one decoder takes all of a run's batches. */
  decode: (segments: readonly (readonly unknown[])[], sink: RowSink) => void;
};

export const createRowDecoder = ({ textsMax = TEXTS_MAX }: CodecOptions = {}): RowDecoder => {
  const texts: string[] = [];
  const text = (value: unknown): never => {
    if (typeof value === 'number') return texts[value] as never;
    if (typeof value === 'string' && texts.length < textsMax) texts.push(value);
    return value as never;
  };
  return {
    decode: (segments, sink) => {
      for (const segment of segments) decodeSegment(segment, sink, text);
    },
  };
};

const decodeSegment = (
  v: readonly unknown[],
  sink: RowSink,
  text: (value: unknown) => never,
): void => {
  // Each value goes back to the parameter it was taken from: `never` stands for "as encoded".
  const a = (at: number): never => v[at] as never;
  let lastOrderId: never = null as never;
  for (let i = 0; i < v.length;) {
    switch (v[i]) {
      case OP.item:
      case OP.itemOfLast: {
        // An itemOfLast has no order id of its own: its values start one place earlier.
        const at = v[i] === OP.item ? i + 1 : i;
        if (at > i) lastOrderId = a(at);
        sink.item(
          lastOrderId,
          a(at + 1),
          text(v[at + 2]),
          text(v[at + 3]),
          text(v[at + 4]),
          a(at + 5),
          a(at + 6),
          a(at + 7),
        );
        i = at + 8;
        break;
      }
      case OP.plainOrder:
        lastOrderId = a(i + 1);
        sink.plainOrder(lastOrderId, a(i + 2), a(i + 3), a(i + 4), a(i + 5), a(i + 6));
        i += 7;
        break;
      case OP.order:
        lastOrderId = a(i + 1);
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
