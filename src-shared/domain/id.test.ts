import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UUID_PATTERN, uuidv7 } from './id.ts';

const fixed = (value: number) => (count: number) => new Uint8Array(count).fill(value);

describe('uuidv7', () => {
  it('encodes the millisecond timestamp in the first 48 bits', () => {
    const id = uuidv7(Date.UTC(2025, 2, 21), fixed(0));
    expect(id.slice(0, 13).replace('-', '')).toBe(
      Date.UTC(2025, 2, 21).toString(16).padStart(12, '0'),
    );
    expect(id).toMatch(UUID_PATTERN);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    expect(uuidv7(0, fixed(0xff))).toMatch(UUID_PATTERN);
    expect(uuidv7(0, fixed(0x00))).toMatch(UUID_PATTERN);
  });

  it('sorts as text in timestamp order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 2 ** 20 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (t, dt, r1, r2) => uuidv7(t, () => r1) < uuidv7(t + dt, () => r2),
      ),
    );
  });
});
