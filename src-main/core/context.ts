import { randomFillSync } from 'node:crypto';
import type { Locale } from '../../src-shared/contract/types.ts';
import { uuidv7 } from '../../src-shared/domain/id.ts';
import type { OpenDatabase } from '../db/open.ts';

/**
 * What every service function receives first: the open database plus the clock and the id source,
 * passed in rather than read globally so tests are deterministic.
 */
export type CoreContext = {
  database: OpenDatabase;
  now: () => Date;
  newId: (at?: Date) => string;
};

export type HostInfo = {
  version: string;
  host: 'desktop' | 'browser' | 'cli';
  systemLocale: Locale;
};

/**
 * Random bytes for ids, from a pool filled 4 KiB at a time: one call into the system's random
 * source serves hundreds of ids (one call per id cost 12 µs, most of logging a message).
 */
export const pooledRandomBytes = (poolSize = 4096): ((count: number) => Uint8Array) => {
  const pool = new Uint8Array(poolSize);
  let offset = poolSize;
  return (count) => {
    if (count > poolSize) return randomFillSync(new Uint8Array(count));
    if (offset + count > poolSize) {
      randomFillSync(pool);
      offset = 0;
    }
    offset += count;
    return pool.slice(offset - count, offset);
  };
};

export const createContext = (
  database: OpenDatabase,
  options: { now?: () => Date; randomBytes?: (count: number) => Uint8Array } = {},
): CoreContext => {
  const now = options.now ?? (() => new Date());
  const bytes = options.randomBytes ?? pooledRandomBytes();
  return { database, now, newId: (at) => uuidv7((at ?? now()).getTime(), bytes) };
};

export const nowIso = (ctx: CoreContext): string => ctx.now().toISOString();
