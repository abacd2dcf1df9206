import { describe, expect, it } from 'vitest';
import { createRowDecoder, createRowEncoder } from './row-codec.ts';
import type { RowEncoder } from './row-codec.ts';
import type { RowSink } from './row-sink.ts';

/** The encoder's calls as they reach the other thread: a structured clone of what it lends. */
const take = (encoder: RowEncoder): unknown[][] => {
  let sent: unknown[][] = [];
  encoder.drain((segments) => {
    sent = structuredClone(segments);
  });
  return sent;
};

/** A sink that writes down every call it gets, in order. */
const recorder = () => {
  const calls: [string, unknown[]][] = [];
  const record =
    (name: string) =>
    (...values: unknown[]) => {
      calls.push([name, values]);
    };
  const sink: RowSink = {
    customer: record('customer'),
    externalId: record('externalId'),
    order: record('order'),
    plainOrder: record('plainOrder'),
    item: record('item'),
    rejected: record('rejected'),
    addToOrder: record('addToOrder'),
  };
  return { sink, calls };
};

/** Every kind of call with awkward values: nulls, Persian text, a NUL, a lone surrogate. */
const play = (sink: RowSink) => {
  sink.customer(
    'c1',
    'سارا حسینی',
    '+989121106366',
    '۰۹۱۲ ۱۱۰ ۶۳۶۶',
    null,
    'سارا حسینی 989121106366',
    'سارا حسینی',
    2,
    400_000,
    '2023-01-01T01:33:43.000Z',
    '2023-02-01T01:33:43.000Z',
    '2023-01-01',
    '2023-02-01',
    2,
  );
  sink.externalId('x1', 'c1', 'C-18182');
  sink.plainOrder('o1', '300001', 'c1', '2023-01-01T01:33:43.000Z', '2023-01-01', 4_000_000);
  sink.item('o1', 1, 'عطر زنانه ۴۶', 'SKU-1046', null, 1, 2_000_000, 2_000_000);
  sink.item('o1', 2, 'line\nbreak "quoted"', null, 'ساعت', 2.5, 1, 3);
  sink.order(
    'o2',
    null,
    'hash',
    null,
    '2023-01-02T00:00:00.000Z',
    '2023-01-02',
    0,
    0,
    'void',
    's1',
    'یادداشت',
  );
  sink.addToOrder(-250, 'o1');
  sink.rejected('r1', 17, 'bad_date', '{"value":"1404/12/30"}', '["a\\u0000b","\ud800"]');
};

describe('the row codec between the reading and writing threads', () => {
  it('replays every call, in order, with the same values', () => {
    const direct = recorder();
    play(direct.sink);
    const encoder = createRowEncoder();
    play(encoder);
    expect(encoder.isEmpty).toBe(false);
    const taken = take(encoder);
    expect(encoder.isEmpty).toBe(true);
    const replayed = recorder();
    // As between threads: a structured clone of what the encoder took.
    createRowDecoder().decode(structuredClone(taken), replayed.sink);
    expect(replayed.calls).toEqual(direct.calls);
  });

  it('keeps a long run of calls in order across its segments, no call split between two', () => {
    const encoder = createRowEncoder();
    const direct = recorder();
    for (let i = 0; i < 5000; i += 1) {
      for (const sink of [encoder, direct.sink]) {
        sink.item(`o${i >> 2}`, (i & 3) + 1, `product ${i}`, null, null, 1, i, i);
        if (i % 7 === 0) sink.addToOrder(i, `o${i >> 2}`);
      }
    }
    const taken = take(encoder);
    expect(taken.length).toBeGreaterThan(1);
    for (const segment of taken) expect([0, 1, 2, 3, 4, 5, 6, 7]).toContain(segment[0]);
    // Every segment but the last is as long as the others (its end padded).
    expect(new Set(taken.slice(0, -1).map((segment) => segment.length)).size).toBe(1);
    const replayed = recorder();
    createRowDecoder().decode(structuredClone(taken), replayed.sink);
    expect(replayed.calls).toEqual(direct.calls);
  });

  it("sends an order's id once for its items, and again for items of another order", () => {
    const encoder = createRowEncoder();
    const direct = recorder();
    const takes: unknown[][][] = [];
    for (const sink of [encoder, direct.sink]) {
      sink.plainOrder('order-a', '1', null, '2023-01-01T00:00:00.000Z', '2023-01-01', 30);
      sink.item('order-a', 1, 'tea', null, null, 1, 10, 10);
      sink.item('order-a', 2, 'cup', null, null, 1, 20, 20);
      sink.order(
        'order-b',
        '2',
        null,
        null,
        '2023-01-02T00:00:00.000Z',
        '2023-01-02',
        5,
        0,
        'completed',
        null,
        '',
      );
      sink.item('order-b', 1, 'pen', null, null, 1, 5, 5);
      // More lines of the first receipt, met further down the file.
      sink.item('order-a', 3, 'pot', null, null, 1, 40, 40);
      sink.item('order-a', 4, 'lid', null, null, 1, 2, 2);
      sink.item('order-b', 2, 'ink', null, null, 1, 1, 1);
      if (sink === encoder) takes.push(take(encoder));
      // A new batch starts afresh: its first item names its order again.
      sink.item('order-b', 3, 'nib', null, null, 1, 1, 1);
      if (sink === encoder) takes.push(take(encoder));
    }
    const flat = takes.flat(2);
    expect(flat.filter((value) => value === 'order-a')).toHaveLength(2);
    expect(flat.filter((value) => value === 'order-b')).toHaveLength(3);
    const replayed = recorder();
    const decoder = createRowDecoder();
    for (const taken of takes) decoder.decode(structuredClone(taken), replayed.sink);
    expect(replayed.calls).toEqual(direct.calls);
  });

  it('sends an item text once, then its number, across batches, and as it is past the table size', () => {
    const options = { textsMax: 3 };
    const encoder = createRowEncoder(options);
    const direct = recorder();
    const takes: unknown[][][] = [];
    const names = ['چای', 'قند', 'چای', 'قند', 'نبات', 'نان', 'نان', 'چای'];
    for (const sink of [encoder, direct.sink]) {
      names.forEach((name, index) => {
        sink.item(
          `o${index >> 1}`,
          (index & 1) + 1,
          name,
          index % 3 ? 'SKU-1' : null,
          null,
          1,
          5,
          5,
        );
        if (sink === encoder && index % 3 === 2) takes.push(take(encoder));
      });
      if (sink === encoder) takes.push(take(encoder));
    }
    const flat = takes.flat(2);
    // The table holds چای, قند and SKU-1 (three texts); نبات and نان come past it, each time.
    expect(flat.filter((value) => value === 'چای')).toHaveLength(1);
    expect(flat.filter((value) => value === 'قند')).toHaveLength(1);
    expect(flat.filter((value) => value === 'SKU-1')).toHaveLength(1);
    expect(flat.filter((value) => value === 'نان')).toHaveLength(2);
    const replayed = recorder();
    const decoder = createRowDecoder(options);
    for (const taken of takes) decoder.decode(structuredClone(taken), replayed.sink);
    expect(replayed.calls).toEqual(direct.calls);
  });

  it('fills the same segments again: a small batch after a big one carries only its own calls', () => {
    const encoder = createRowEncoder();
    const direct = recorder();
    const takes: unknown[][][] = [];
    for (let i = 0; i < 3000; i += 1) {
      encoder.item(`o${i}`, 1, `big ${i}`, null, null, 1, i, i);
    }
    takes.push(take(encoder));
    expect(takes[0]?.length).toBeGreaterThan(2);
    for (const sink of [encoder, direct.sink]) {
      sink.plainOrder('o-small', '9', null, '2023-01-01T00:00:00.000Z', '2023-01-01', 7);
      sink.item('o-small', 1, 'small', null, null, 1, 7, 7);
    }
    const small = take(encoder);
    expect(small).toHaveLength(1);
    expect(small.flat().some((value) => typeof value === 'string' && value.startsWith('big'))).toBe(
      false,
    );
    expect(encoder.isEmpty).toBe(true);
    const replayed = recorder();
    createRowDecoder().decode(small, replayed.sink);
    expect(replayed.calls).toEqual(direct.calls);
  });

  it('refuses data that is not a run of calls, rather than writing rows out of step', () => {
    expect(() => createRowDecoder().decode([[99, 'x']], recorder().sink)).toThrow(
      /Unknown row operation 99/,
    );
  });
});
