import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src-shared/domain/id.ts';
import { isoInstantFormatter, uuidv7Factory } from './fast-ids.ts';
import { createRng } from './rng.ts';

describe('uuidv7Factory', () => {
  it('gives exactly the ids of the shared uuidv7 for the same time and random bytes', () => {
    const fast = uuidv7Factory(createRng(11, 4));
    const reference = createRng(11, 4);
    const times = [0, 1, 255, 2 ** 32, 2 ** 32 - 1, 2 ** 48 - 1, 1_762_000_000_000.7];
    for (const ms of times) expect(fast(ms)).toBe(uuidv7(ms, (n) => reference.bytes(n)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (ms) => {
        expect(fast(ms)).toBe(uuidv7(ms, (n) => reference.bytes(n)));
      }),
    );
  });
});

describe('isoInstantFormatter', () => {
  it('writes what Date#toISOString writes', () => {
    const iso = isoInstantFormatter();
    const times = [
      0, 999, 1000, 86_399_000, 1_742_500_800_000, 253_402_300_799_000, 253_402_300_800_000,
    ];
    for (const ms of times) expect(iso(ms)).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (seconds) => {
        expect(iso(seconds * 1000)).toBe(new Date(seconds * 1000).toISOString());
      }),
    );
  });
});
