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
  /** Fills the end of a segment the next call did not fit in: nothing to replay. */
  pad: 8,
} as const;

export type RowEncoder = RowSink & {
  /**
   * Hands the calls so far to `send`, in segments, and starts again empty. The segments are lent
   * for the length of the call (postMessage copies them there and then); the encoder fills the
   * same arrays again afterwards.
   */
  drain: (send: (segments: unknown[][]) => void) => void;
  /** Whether any call waits to be sent. */
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
  // Segments of a fixed length, made once and filled again for every batch: arrays grown a value
  // at a time were a fifth of everything the reading thread allocated.
  const pool: unknown[][] = [];
  const segmentAt = (index: number): unknown[] => {
    let segment = pool[index];
    if (segment === undefined) {
      // Pushed, not made with new Array(length): an array made with holes stays "holey" for V8,
      // and structured clone then writes it index by index, as if it were sparse.
      segment = [];
      for (let i = 0; i < SEGMENT_VALUES; i += 1) segment.push(OP.pad);
      pool.push(segment);
    }
    return segment;
  };
  let full = 0;
  let v = segmentAt(0);
  let at = 0;
  // The order id the decoder will take for an itemOfLast: the last one sent in this segment
  // (each segment is decoded on its own, so a new one starts without).
  let lastOrderId: string | null = null;
  /** Makes room for a call of `size` values (a call never spans two segments). */
  const room = (size: number): void => {
    if (at + size <= SEGMENT_VALUES) return;
    v.fill(OP.pad, at);
    full += 1;
    v = segmentAt(full);
    at = 0;
    lastOrderId = null;
  };
  return {
    customer: (...values) => {
      room(1 + values.length);
      v[at++] = OP.customer;
      for (const value of values) v[at++] = value;
    },
    externalId: (id, customerId, externalId) => {
      room(4);
      v[at++] = OP.externalId;
      v[at++] = id;
      v[at++] = customerId;
      v[at++] = externalId;
    },
    order: (id, ext, hash, customerId, orderedAt, day, total, refunded, status, staffId, note) => {
      room(12);
      lastOrderId = id;
      v[at++] = OP.order;
      v[at++] = id;
      v[at++] = ext;
      v[at++] = hash;
      v[at++] = customerId;
      v[at++] = orderedAt;
      v[at++] = day;
      v[at++] = total;
      v[at++] = refunded;
      v[at++] = status;
      v[at++] = staffId;
      v[at++] = note;
    },
    plainOrder: (id, externalId, customerId, orderedAt, localDate, total) => {
      room(7);
      lastOrderId = id;
      v[at++] = OP.plainOrder;
      v[at++] = id;
      v[at++] = externalId;
      v[at++] = customerId;
      v[at++] = orderedAt;
      v[at++] = localDate;
      v[at++] = total;
    },
    item: (orderId, line, productName, sku, category, quantity, unitPrice, lineTotal) => {
      // A million item rows would each carry their order's 36-character id across threads.
      room(9);
      if (orderId === lastOrderId) {
        v[at++] = OP.itemOfLast;
      } else {
        lastOrderId = orderId;
        v[at++] = OP.item;
        v[at++] = orderId;
      }
      v[at++] = line;
      v[at++] = text(productName);
      v[at++] = text(sku);
      v[at++] = text(category);
      v[at++] = quantity;
      v[at++] = unitPrice;
      v[at++] = lineTotal;
    },
    rejected: (id, line, reason, params, fields) => {
      room(6);
      v[at++] = OP.rejected;
      v[at++] = id;
      v[at++] = line;
      v[at++] = reason;
      v[at++] = params;
      v[at++] = fields;
    },
    addToOrder: (amount, orderId) => {
      room(3);
      v[at++] = OP.addToOrder;
      v[at++] = amount;
      v[at++] = orderId;
    },
    drain: (send) => {
      const segments = pool.slice(0, full);
      if (at > 0) segments.push(v.slice(0, at));
      send(segments);
      // Emptied, so they hold on to none of the batch's strings (slices of the file's text).
      for (let index = 0; index <= full; index += 1) pool[index]?.fill(OP.pad);
      full = 0;
      v = segmentAt(0);
      at = 0;
      lastOrderId = null;
    },
    get isEmpty() {
      return full === 0 && at === 0;
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
      case OP.pad:
        i += 1;
        break;
      default:
        throw new Error(`Unknown row operation ${String(v[i])} at ${i}.`);
    }
  }
};
