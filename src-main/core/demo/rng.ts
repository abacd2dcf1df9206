/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) for generated data. Math.random cannot be
 * seeded, and the demo shop must come out byte-identical for the same seed. Separate streams of
 * one seed give independent sequences, so a change in how one part of the data is drawn does not
 * shift every other part.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform 32-bit unsigned integer. */
  uint32: () => number;
  /** Uniform integer in [min, max], both inclusive. */
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Index drawn from a table made by cumulativeWeights. */
  weighted: (cumulative: Float64Array) => number;
  normal: (mean: number, sd: number) => number;
  /** Positive, right-skewed: exp(normal(ln median, sigma)). */
  logNormal: (median: number, sigma: number) => number;
  /** Gamma with an integer shape (a sum of exponentials): shape 1 is memoryless, higher is steadier. */
  gamma: (shape: number, mean: number) => number;
  /** A new array of random bytes. */
  bytes: (count: number) => Uint8Array;
  /** Fills the given array with random bytes and returns it (no allocation in hot loops). */
  fillBytes: (target: Uint8Array) => Uint8Array;
};

const TWO_POW_32 = 4294967296;

const splitmix32 = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
};

export const createRng = (seed: number, stream = 0): Rng => {
  const mix = splitmix32(Math.imul(seed >>> 0, 0x2545f491) ^ Math.imul(stream + 1, 0x9e3779b1));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // sfc32 is weak for its first few outputs after seeding.
  for (let i = 0; i < 12; i += 1) uint32();

  const next = (): number => uint32() / TWO_POW_32;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const normal = (mean: number, sd: number): number => {
    // Box–Muller; 1 − u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const fillBytes = (target: Uint8Array): Uint8Array => {
    for (let i = 0; i < target.length; i += 4) {
      let word = uint32();
      for (let j = i; j < i + 4 && j < target.length; j += 1) {
        target[j] = word & 0xff;
        word >>>= 8;
      }
    }
    return target;
  };

  return {
    next,
    uint32,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: (cumulative) => {
      const total = cumulative[cumulative.length - 1] ?? 0;
      return searchCumulative(cumulative, next() * total);
    },
    normal,
    logNormal: (median, sigma) => median * Math.exp(normal(0, sigma)),
    gamma: (shape, mean) => {
      let product = 1;
      for (let i = 0; i < shape; i += 1) product *= 1 - next();
      return (-Math.log(product) * mean) / shape;
    },
    bytes: (count) => fillBytes(new Uint8Array(count)),
    fillBytes,
  };
};

/** Running sums of the weights, for Rng.weighted and searchCumulative. */
export const cumulativeWeights = (weights: ArrayLike<number>): Float64Array => {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    const weight = weights[i] ?? 0;
    if (!(weight >= 0)) throw new RangeError(`weight ${i} is not a non-negative number`);
    sum += weight;
    cumulative[i] = sum;
  }
  if (sum <= 0) throw new RangeError('all weights are zero');
  return cumulative;
};

/** The first index whose running sum exceeds target (binary search); a zero weight is never hit. */
export const searchCumulative = (cumulative: Float64Array, target: number): number => {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > target) high = mid;
    else low = mid + 1;
  }
  return low;
};
