import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './bench-shop.ts';
import { IMPORT_BENCH_LINES, writeImportBenchFile } from './import-data.ts';

/**
 * The sales import on a 1,000,000-line line-item CSV (about 100 MB, 300,000 receipts, 50,000
 * customers), end to end into a fresh shop, against the floor of the same file parsed and inserted
 * raw. Targets (2-core machine): ≤ 10 s (≥ 100,000 lines/s), peak RSS ≤ 400 MB, ≥ 0.4 × the raw
 * rate; preview ≤ 1 s; progress at least every 500 ms; cancel within 1 s leaving nothing behind.
 */
const CSV = join(BENCH_DIR, 'sales-1m.csv');

type Figures = Record<string, number | string | null>;

const child = (mode: string, db: string): Figures => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const output = execFileSync(
    process.execPath,
    [join(import.meta.dirname, 'import-child.ts'), mode, CSV, db],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Figures;
};

const check = (label: string, ok: boolean): string => {
  if (!ok) process.exitCode = 1;
  return `${label}: ${ok ? 'met' : 'MISSED'}`;
};

export const run = async (): Promise<void> => {
  const generated = performance.now();
  await writeImportBenchFile(CSV);
  const size = statSync(CSV).size;
  console.log(
    `file: ${IMPORT_BENCH_LINES.toLocaleString('en')} lines, ${(size / 1e6).toFixed(0)} MB (ready in ${((performance.now() - generated) / 1000).toFixed(1)} s)`,
  );
  const raw = child('raw', join(BENCH_DIR, 'import-raw.db'));
  const full = child('import', join(BENCH_DIR, 'import-full.db'));
  const cancel = child('cancel', join(BENCH_DIR, 'import-cancel.db'));
  const rawRate = IMPORT_BENCH_LINES / (Number(raw.ms) / 1000);
  const rate = IMPORT_BENCH_LINES / (Number(full.ms) / 1000);
  console.log(
    `raw baseline: ${(Number(raw.ms) / 1000).toFixed(2)} s, ${Math.round(rawRate).toLocaleString('en')} lines/s, peak RSS ${raw.peakRssMb} MB`,
  );
  console.log(
    `import: ${(Number(full.ms) / 1000).toFixed(2)} s, ${Math.round(rate).toLocaleString('en')} lines/s, peak RSS ${full.peakRssMb} MB, ${(rate / rawRate).toFixed(2)} × raw`,
  );
  console.log(
    `  after the result is reported: the new sales' loyalty points and tiers ${(Number(full.loyaltyMs) / 1000).toFixed(2)} s (peak RSS then ${full.peakRssAfterMb} MB), the WAL checkpoint ${(Number(full.checkpointMs) / 1000).toFixed(2)} s`,
  );
  console.log(
    `  rows ${full.rowsRead}, orders ${full.ordersCreated}, refunds ${full.refundsRecorded}, customers ${full.customersCreated}, rejected ${full.rowsRejected}`,
  );
  console.log(`preview: ${Number(full.previewMs).toFixed(0)} ms`);
  console.log(
    `longest gap between progress reports (from the start on): ${Number(full.maxProgressGapMs).toFixed(0)} ms; from the last report to the result (the commit): ${Number(full.lastReportToResultMs).toFixed(0)} ms`,
  );
  console.log(
    `cancel after 2 s: stopped in ${Number(cancel.stoppedMs).toFixed(0)} ms, orders left behind: ${cancel.ordersAfter}`,
  );
  console.log(check('≤ 10 s end to end', Number(full.ms) <= 10_000));
  console.log(check('peak RSS ≤ 400 MB', Number(full.peakRssMb) <= 400));
  console.log(check('≥ 0.4 × raw', rate / rawRate >= 0.4));
  console.log(check('preview ≤ 1 s', Number(full.previewMs) <= 1000));
  console.log(
    check(
      'progress ≤ 500 ms apart, the result included',
      Math.max(Number(full.maxProgressGapMs), Number(full.lastReportToResultMs)) <= 500,
    ),
  );
  console.log(
    check(
      'cancel ≤ 1 s, nothing left',
      Number(cancel.stoppedMs) <= 1000 && cancel.ordersAfter === 0,
    ),
  );
};
