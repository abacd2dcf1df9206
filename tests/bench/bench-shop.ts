import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DemoSummary } from '../../src-shared/contract/types.ts';
import { createDemoShop } from '../../src-main/core/app/demo.service.ts';
import type { DemoRequest } from '../../src-main/core/app/demo.service.ts';
import { createContext } from '../../src-main/core/context.ts';
import { openDatabase } from '../../src-main/db/open.ts';

/**
 * The shop every bench measures against: the app's own 100,000-customer Persian demo, generated
 * once into .bench/ (git-ignored) and reused. Delete .bench/ to regenerate it after the generator
 * changes.
 */
export const BENCH_DIR = join(import.meta.dirname, '..', '..', '.bench');
export const BENCH_SHOP_PATH = join(BENCH_DIR, 'demo-100k.db');
export const BENCH_SHOP_REQUEST: DemoRequest = {
  customers: 100_000,
  seed: 1,
  locale: 'fa',
  asOf: '2026-11-01',
};

export type GeneratedShop = { summary: DemoSummary; wallMs: number; cpuMs: number };

/** Generates the bench shop into a new file at `path`, as the app's demo command does. */
export const generateBenchShop = async (
  path: string,
  onProgress?: (done: number, total: number) => void,
): Promise<GeneratedShop> => {
  removeDatabaseFiles(path);
  const database = openDatabase(path, { create: true });
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const summary = await createDemoShop(createContext(database), BENCH_SHOP_REQUEST, onProgress);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { summary, wallMs, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    await database.close();
  }
};

/** Puts a finished shop in place as the bench shop (a rename: never a half-written file). */
export const adoptBenchShop = (path: string): void => {
  mkdirSync(BENCH_DIR, { recursive: true });
  renameSync(path, BENCH_SHOP_PATH);
};

/** The bench shop's path, generating it first (about half a minute) when it is missing. */
export const ensureBenchShop = async (): Promise<string> => {
  if (existsSync(BENCH_SHOP_PATH)) return BENCH_SHOP_PATH;
  mkdirSync(BENCH_DIR, { recursive: true });
  const partial = `${BENCH_SHOP_PATH}.partial`;
  console.log(`bench shop: generating ${BENCH_SHOP_PATH} (once)…`);
  await generateBenchShop(partial);
  adoptBenchShop(partial);
  return BENCH_SHOP_PATH;
};

export const removeDatabaseFiles = (path: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${path}${suffix}`, { force: true });
};
