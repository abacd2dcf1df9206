import { randomBytes } from 'node:crypto';
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

export const createContext = (
  database: OpenDatabase,
  options: { now?: () => Date; randomBytes?: (count: number) => Uint8Array } = {},
): CoreContext => {
  const now = options.now ?? (() => new Date());
  const bytes = options.randomBytes ?? ((count: number) => new Uint8Array(randomBytes(count)));
  return { database, now, newId: (at) => uuidv7((at ?? now()).getTime(), bytes) };
};

export const nowIso = (ctx: CoreContext): string => ctx.now().toISOString();
