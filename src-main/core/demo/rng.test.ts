import { describe, expect, it } from 'vitest';
import { createRng, cumulativeWeights, searchCumulative } from './rng.ts';

describe('createRng', () => {
  it('repeats its sequence for a seed and stream, and differs across them', () => {
    const draw = (seed: number, stream: number) => {
      const rng = createRng(seed, stream);
      return Array.from({ length: 8 }, () => rng.uint32());
    };
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
  });

  it('draws uniform numbers and integers within their bounds', () => {
    const rng = createRng(42);
    let sum = 0;
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i += 1) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      const n = rng.int(-2, 3);
      expect(Number.isInteger(n) && n >= -2 && n <= 3).toBe(true);
      seen.add(n);
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2, 3]);
  });

  it('follows weights, never picking a zero weight', () => {
    const rng = createRng(3);
    const table = cumulativeWeights([0, 1, 0, 3, 0]);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 40_000; i += 1) counts[rng.weighted(table)]! += 1;
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    expect(counts[4]).toBe(0);
    expect(counts[3]! / counts[1]!).toBeCloseTo(3, 0);
    expect(searchCumulative(table, 0)).toBe(1);
    expect(searchCumulative(table, 3.999)).toBe(3);
  });

  it('has the means its distributions promise', () => {
    const rng = createRng(9);
    const mean = (draw: () => number) => {
      let sum = 0;
      for (let i = 0; i < 50_000; i += 1) sum += draw();
      return sum / 50_000;
    };
    expect(mean(() => rng.normal(10, 2))).toBeCloseTo(10, 1);
    expect(mean(() => rng.gamma(3, 12))).toBeCloseTo(12, 0);
    const logNormals = Array.from({ length: 20_001 }, () => rng.logNormal(40, 0.5)).sort(
      (a, b) => a - b,
    );
    expect(logNormals[10_000]! / 40).toBeCloseTo(1, 1);
  });

  it('fills bytes in place and as new arrays', () => {
    const rng = createRng(5);
    const target = new Uint8Array(10);
    expect(rng.fillBytes(target)).toBe(target);
    expect(target.some((b) => b !== 0)).toBe(true);
    expect(rng.bytes(7)).toHaveLength(7);
  });

  it('refuses weights that cannot be drawn from', () => {
    expect(() => cumulativeWeights([0, 0])).toThrow(RangeError);
    expect(() => cumulativeWeights([1, -1])).toThrow(RangeError);
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});
