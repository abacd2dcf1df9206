import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './context.ts';

describe('pooledRandomBytes', () => {
  it('hands out fresh bytes across refills, and a request larger than the pool whole', () => {
    const next = pooledRandomBytes(32);
    const taken = Array.from({ length: 20 }, () => next(10));
    expect(taken.every((bytes) => bytes.length === 10)).toBe(true);
    // 20 × 10 bytes from a 32-byte pool: refilled several times, never the same slice twice.
    const distinct = new Set(taken.map((bytes) => Buffer.from(bytes).toString('hex')));
    expect(distinct.size).toBe(20);
    // A slice is a copy: the next refill does not change what was handed out.
    const first = Buffer.from(taken[0] ?? []).toString('hex');
    next(30);
    next(30);
    expect(Buffer.from(taken[0] ?? []).toString('hex')).toBe(first);
    expect(next(100)).toHaveLength(100);
  });
});
