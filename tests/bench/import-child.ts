/**
 * One measured run of the import bench, in a process of its own so its peak RSS is its own:
 *   node tests/bench/import-child.ts raw|import|cancel CSV DB
 * prints one JSON line of figures.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { buildPreview } from '../../src-main/core/imports/preview.ts';
import { runInWorker } from '../../src-main/core/imports/run-in-worker.ts';
import { readRows } from '../../src-main/core/imports/source.ts';
import { openDatabase } from '../../src-main/db/open.ts';

const [mode, csv, dbPath] = process.argv.slice(2) as [string, string, string];
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === 'raw') {
  // The floor: the same file parsed by the same reader and inserted as it is, one prepared
  // statement in one transaction, no mapping, no checks, no indexes.
  const database = openDatabase(dbPath, { create: true });
  const { sqlite } = database;
  sqlite.exec(`CREATE TABLE raw_lines (line INTEGER, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT,
    c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT)`);
  const insert = sqlite.prepare('INSERT INTO raw_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  let rows = 0;
  sqlite.exec('BEGIN');
  const reader = readRows(csv, { format: 'delimited', encoding: 'utf-8', delimiter: ',' });
  for await (const batch of reader.batches) {
    for (const row of batch) {
      const f = row.fields;
      insert.run(row.line, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
      rows += 1;
    }
  }
  sqlite.exec('COMMIT');
  const ms = performance.now() - started;
  await database.close();
  console.log(JSON.stringify({ ms, rows, peakRssMb: peakRssMb() }));
} else {
  // The app's own path: the run in a worker thread on a connection of its own (run-in-worker.ts),
  // this thread only receiving progress, as the app's main process does.
  openDatabase(dbPath, { create: true }).sqlite.close();
  const file = { fileId: 'bench', name: basename(csv), size: statSync(csv).size };
  const shop = { currency: 'IRR', displayUnit: 'toman' as const };
  const previewStarted = performance.now();
  const preview = await buildPreview(csv, file, {}, shop, []);
  const previewMs = performance.now() - previewStarted;
  let lastProgress = performance.now();
  let maxProgressGapMs = 0;
  let cancelAt: number | null = null;
  const started = performance.now();
  const run = runInWorker(
    dbPath,
    {
      path: csv,
      fileName: file.name,
      fileSize: file.size,
      contentHash: 'bench',
      plan: preview.plan,
      shop: { currency: 'IRR', timeZone: 'Asia/Tehran' },
      dryRun: false,
      createdBy: 'bench',
      dayOrderHint: preview.detected.dayOrder,
    },
    new Date(),
    () => {
      const at = performance.now();
      maxProgressGapMs = Math.max(maxProgressGapMs, at - lastProgress);
      lastProgress = at;
    },
  );
  if (mode === 'cancel') {
    setTimeout(() => {
      cancelAt = performance.now();
      run.cancel();
    }, 2000);
  }
  try {
    const report = await run.done;
    const ms = performance.now() - started;
    // The last stretch without a report: the commit (the result is the next thing the user sees).
    const lastReportToResultMs = performance.now() - lastProgress;
    const importPeakRssMb = peakRssMb();
    // After reporting, the worker writes the new sales' loyalty points and tiers (work the app
    // would otherwise do on its own thread), then copies the WAL into the database and stops.
    await run.afterDone;
    const loyaltyMs = performance.now() - started - ms;
    await run.exited;
    const checkpointMs = performance.now() - started - ms - loyaltyMs;
    const { rejected: _rejected, ...figures } = report;
    console.log(
      JSON.stringify({
        ms,
        loyaltyMs,
        checkpointMs,
        previewMs,
        maxProgressGapMs,
        lastReportToResultMs,
        peakRssMb: importPeakRssMb,
        peakRssAfterMb: peakRssMb(),
        ...figures,
      }),
    );
  } catch (error) {
    const stoppedMs = cancelAt === null ? null : performance.now() - cancelAt;
    await run.exited;
    const database = openDatabase(dbPath);
    const orders = database.sqlite.prepare('SELECT count(*) FROM orders').pluck().get();
    await database.close();
    console.log(JSON.stringify({ error: String(error), stoppedMs, ordersAfter: orders }));
  }
}
