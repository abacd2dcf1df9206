import { describe, expect, it } from 'vitest';
import { createMonotonicIds } from './ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('monotonic import ids', () => {
  it('are UUIDv7 strings carrying the clock millisecond, strictly increasing within it', () => {
    const ms = Date.UTC(2026, 11, 5, 19, 0, 0);
    const next = createMonotonicIds(() => ms);
    const ids = Array.from({ length: 5000 }, next);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // The first 48 bits are the millisecond.
    expect(Number.parseInt(ids[0]?.replaceAll('-', '').slice(0, 12) ?? '', 16)).toBe(ms);
  });

  it('keep increasing when the clock goes back, and across milliseconds', () => {
    const times = [1000, 1000, 999, 2000, 1500, 2000];
    const next = createMonotonicIds(() => times.shift() ?? 3000);
    const ids = Array.from({ length: 8 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
