import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex = (byte: number): string => HEX[byte & 0xff] ?? '00';

/** A 30-bit counter seeded below 2^29, so a millisecond has room for half a billion ids. */
const COUNTER_SEED_MASK = 0x1fff_ffff;
const COUNTER_MAX = 0x3fff_ffff;

/**
 * UUIDv7 keys for bulk inserts, strictly increasing (RFC 9562 §6.2, method 1: a counter in the
 * bits after the timestamp, seeded randomly each millisecond). A million random-suffix keys
 * minted in the same millisecond would land all over the primary-key B-tree; increasing ones
 * append, which is what keeps a million-row import fast.
 */
export const createMonotonicIds = (
  clock: () => number = Date.now,
  fillRandom: (buffer: Uint8Array) => void = randomFillSync,
): (() => string) => {
  const pool = new Uint8Array(8192);
  let poolAt = pool.length;
  const random = (): number => {
    if (poolAt >= pool.length) {
      fillRandom(pool);
      poolAt = 0;
    }
    return pool[poolAt++] ?? 0;
  };
  const seed = (): number =>
    ((random() << 24) | (random() << 16) | (random() << 8) | random()) & COUNTER_SEED_MASK;

  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = clock();
    if (ms > lastMs) {
      counter = seed();
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > COUNTER_MAX) {
        ms += 1;
        counter = seed();
      }
    }
    lastMs = ms;
    const high = Math.floor(ms / 0x1_0000_0000);
    const low = ms - high * 0x1_0000_0000;
    return (
      hex(high >>> 8) +
      hex(high) +
      hex(low >>> 24) +
      hex(low >>> 16) +
      '-' +
      hex(low >>> 8) +
      hex(low) +
      '-' +
      hex(0x70 | ((counter >>> 26) & 0x0f)) +
      hex(counter >>> 18) +
      '-' +
      hex(0x80 | ((counter >>> 12) & 0x3f)) +
      hex(counter >>> 4) +
      '-' +
      hex(((counter & 0x0f) << 4) | (random() & 0x0f)) +
      hex(random()) +
      hex(random()) +
      hex(random()) +
      hex(random()) +
      hex(random())
    );
  };
};
