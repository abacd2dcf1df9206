import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { appendFile, open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type {
  importPreview,
  presetSave,
  uploadBegin,
  uploadChunk,
} from '../../../src-shared/contract/schemas.ts';
import { importOptions } from '../../../src-shared/contract/schemas.ts';
import type {
  ImportBatch,
  ImportJob,
  ImportPlan,
  ImportPreset,
  ImportPreview,
  ImportReport,
  RejectedRow,
  UploadedFile,
} from '../../../src-shared/contract/types.ts';
import type { CoreContext } from '../context.ts';
import { nowIso } from '../context.ts';
import { getSettings } from '../settings/settings.service.ts';
import {
  findBatchByContent,
  getBatch,
  listBatches,
  listRejected,
  rejectedCsv,
  undoBatch,
} from './batches.ts';
import { createMonotonicIds } from './ids.ts';
import { BUILT_IN_PRESETS } from './mapping.ts';
import { buildPreview, planProblem } from './preview.ts';
import type { PreviewRequest } from './preview.ts';
import { runInWorker } from './run-in-worker.ts';
import { checkpointAfterRun, runImport } from './run-import.ts';
import type { RunInput, RunProgress } from './run-import.ts';
import type { DayOrder } from './values.ts';

/**
 * The import feature behind the contract: files handed over in chunks (so the same calls work
 * over Electron IPC and the HTTP bridge), previews, runs in the background with progress and
 * cancel, history, undo and presets. A run writes through its own SQLite connection, so its long
 * transaction never captures the app's other writes, and the event loop stays free between
 * chunks of the file to answer progress and cancel calls.
 */

export type ImportService = {
  uploadBegin: (input: z.output<typeof uploadBegin>) => Promise<UploadedFile>;
  uploadChunk: (input: z.output<typeof uploadChunk>) => Promise<{ received: number }>;
  uploadEnd: (fileId: string) => Promise<UploadedFile>;
  preview: (input: z.output<typeof importPreview>) => Promise<ImportPreview>;
  start: (fileId: string, plan: ImportPlan, dryRun: boolean) => Promise<ImportJob>;
  job: (jobId: string) => ImportJob;
  cancel: (jobId: string) => ImportJob;
  /** The run still going, if any (the screen may have been left and come back). */
  current: () => ImportJob | null;
  /** Forgets a handed-over file that will not be imported after all. */
  discard: (fileId: string) => boolean;
  history: () => ImportBatch[];
  batch: (batchId: string) => ImportBatch;
  undo: (batchId: string) => ImportBatch;
  rejected: (
    batchId: string,
    offset: number,
    limit: number,
  ) => { rows: RejectedRow[]; total: number };
  rejectedCsv: (batchId: string) => { fileName: string; content: string };
  presets: () => ImportPreset[];
  savePreset: (input: z.output<typeof presetSave>) => ImportPreset;
  deletePreset: (id: string) => ImportPreset[];
  /** Waits for running jobs to stop (cancelling them) and removes staged files. */
  close: () => Promise<void>;
};

type Staged = UploadedFile & {
  path: string;
  received: number;
  contentHash: string | null;
  /** The day/month order a run of this file settled on, for the next run of it. */
  dayOrder: DayOrder | null;
};

type JobState = {
  job: ImportJob;
  cancelRequested: boolean;
  fileId: string;
  /** Tells a run in a worker to stop (one on this thread reads cancelRequested). */
  stop: () => void;
  startedMs: number;
  done: Promise<void>;
};

const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export type ImportHooks = {
  /** After a real (not dry) run committed: the follow-up playbook runs on the new sales. */
  afterCommit?: () => Promise<unknown>;
};

export const createImportService = (
  ctx: CoreContext,
  createdBy: string,
  hooks: ImportHooks = {},
): ImportService => {
  const dbPath = ctx.database.path;
  // Each running app (or CLI) stages its uploads in a folder of its own, removed on close.
  let stagingDir: string | null = null;
  const staging = (): string => {
    stagingDir ??= mkdtempSync(join(tmpdir(), 'bazgasht-import-'));
    return stagingDir;
  };
  const uploads = new Map<string, Staged>();
  const jobs = new Map<string, JobState>();
  const { sqlite } = ctx.database;

  const staged = (fileId: string): Staged => {
    const file = uploads.get(fileId);
    if (!file) {
      throw new AppError('not_found', 'That file is no longer available; choose it again.', {
        field: 'fileId',
        reason: 'no_file',
      });
    }
    return file;
  };

  const completeFile = (fileId: string): Staged & { contentHash: string } => {
    const file = staged(fileId);
    if (file.contentHash === null) {
      throw new AppError('bad_input', `${file.name} has not been received completely.`, {
        field: 'fileId',
        reason: 'incomplete_upload',
      });
    }
    return file as Staged & { contentHash: string };
  };

  const userPresets = (): ImportPreset[] =>
    (
      sqlite.prepare('SELECT id, name, definition FROM import_presets ORDER BY name').all() as {
        id: string;
        name: string;
        definition: string;
      }[]
    ).map((row) => {
      const definition = JSON.parse(row.definition) as Pick<ImportPreset, 'fields' | 'options'>;
      return { id: row.id, name: row.name, builtIn: false, ...definition };
    });

  const allPresets = (): ImportPreset[] => [
    ...BUILT_IN_PRESETS.map(({ signature: _signature, ...preset }) => preset),
    ...userPresets(),
  ];

  const jobView = (state: JobState): ImportJob => {
    const elapsedMs = Math.round(performance.now() - state.startedMs);
    const { job } = state;
    const seconds = elapsedMs / 1000;
    const rowsPerSecond = seconds > 0 ? Math.round(job.rowsRead / seconds) : 0;
    const fraction = job.total > 0 ? job.position / job.total : 0;
    const secondsLeft =
      job.state === 'running' && fraction > 0.02 && seconds > 0.5
        ? Math.max(0, Math.round((seconds / fraction) * (1 - fraction)))
        : null;
    return {
      ...job,
      elapsedMs: job.state === 'running' ? elapsedMs : job.elapsedMs,
      rowsPerSecond: job.state === 'running' ? rowsPerSecond : job.rowsPerSecond,
      secondsLeft,
    };
  };

  return {
    uploadBegin: async ({ name, size }) => {
      if (size > MAX_UPLOAD_BYTES) {
        throw new AppError('bad_input', `${name} is larger than 4 GB.`, { reason: 'too_large' });
      }
      const fileId = randomBytes(18).toString('base64url');
      const path = join(staging(), `${fileId}.upload`);
      await (await open(path, 'wx')).close();
      const file: Staged = {
        fileId,
        name: basename(name.replaceAll('\\', '/')),
        size,
        path,
        received: 0,
        contentHash: null,
        dayOrder: null,
      };
      uploads.set(fileId, file);
      return { fileId, name: file.name, size };
    },

    uploadChunk: async ({ fileId, offset, data }) => {
      const file = staged(fileId);
      if (offset !== file.received) {
        throw new AppError('bad_input', `Expected the chunk at byte ${file.received}.`, {
          field: 'offset',
          reason: 'out_of_order',
          expected: file.received,
        });
      }
      const bytes = Buffer.from(data, 'base64');
      if (file.received + bytes.length > file.size) {
        throw new AppError('bad_input', `${file.name} is longer than announced.`, {
          reason: 'too_long',
        });
      }
      await appendFile(file.path, bytes);
      file.received += bytes.length;
      return { received: file.received };
    },

    uploadEnd: async (fileId) => {
      const file = staged(fileId);
      const onDisk = (await stat(file.path)).size;
      if (onDisk !== file.size || file.received !== file.size) {
        throw new AppError(
          'bad_input',
          `${file.name} arrived incomplete (${onDisk} of ${file.size} bytes).`,
          { reason: 'incomplete_upload' },
        );
      }
      file.contentHash = await hashFile(file.path);
      return { fileId, name: file.name, size: file.size };
    },

    preview: async (input) => {
      const file = completeFile(input.fileId);
      const settings = await getSettings(ctx);
      const request: PreviewRequest = {
        ...(input.read && { read: input.read }),
        ...(input.headerLine !== undefined && { headerLine: input.headerLine }),
        ...(input.mapping && { mapping: input.mapping }),
        ...(input.options && { options: input.options }),
        ...(input.presetId && { presetId: input.presetId }),
      };
      const preview = await buildPreview(
        file.path,
        { fileId: file.fileId, name: file.name, size: file.size },
        request,
        { currency: settings.currency, displayUnit: settings.displayUnit },
        allPresets(),
      ).catch((error: unknown) => {
        throw withFileName(error, file);
      });
      return { ...preview, previousImport: findBatchByContent(sqlite, file.contentHash) };
    },

    start: async (fileId, plan, dryRun) => {
      const file = completeFile(fileId);
      const problem = planProblem(plan);
      if (problem) {
        throw new AppError('bad_input', `${file.name}: ${problem}.`, {
          reason: 'incomplete_mapping',
        });
      }
      if ([...jobs.values()].some((state) => state.job.state === 'running')) {
        throw new AppError('conflict', 'Another import is running; wait for it or cancel it.', {
          reason: 'import_running',
        });
      }
      const settings = await getSettings(ctx);
      const id = ctx.newId();
      const state: JobState = {
        job: {
          id,
          dryRun,
          state: 'running',
          phase: 'reading',
          position: 0,
          total: file.size,
          rowsRead: 0,
          rowsPerSecond: 0,
          secondsLeft: null,
          elapsedMs: 0,
          report: null,
          error: null,
        },
        cancelRequested: false,
        fileId,
        stop: () => {},
        startedMs: performance.now(),
        done: Promise.resolve(),
      };
      jobs.set(id, state);
      const finish = (patch: Partial<ImportJob>) => {
        const view = jobView(state);
        state.job = { ...view, ...patch, secondsLeft: null };
      };
      const input: RunInput = {
        path: file.path,
        fileName: file.name,
        fileSize: file.size,
        contentHash: file.contentHash,
        plan,
        shop: { currency: settings.currency, timeZone: settings.timeZone },
        dryRun,
        createdBy,
        dayOrderHint: file.dayOrder,
      };
      const onProgress = (progress: RunProgress) => {
        state.job = { ...state.job, ...progress };
      };
      let run: Promise<ImportReport>;
      if (dbPath === ':memory:') {
        // An in-memory database cannot be opened twice (tests only): the run shares the app's
        // connection, on this thread.
        run = runImport(sqlite, input, {
          now: ctx.now,
          newId: createMonotonicIds(() => ctx.now().getTime()),
          isCancelled: () => state.cancelRequested,
          onProgress,
        }).then((report) => {
          checkpointAfterRun(sqlite);
          return report;
        });
      } else {
        const worker = runInWorker(dbPath, input, ctx.now(), onProgress);
        state.stop = worker.cancel;
        run = worker.done.then(async (report) => {
          // Committed: the job goes on to 'finishing' while the worker writes the new sales'
          // loyalty points and tiers, and then Today's follow-ups are planned (afterCommit).
          state.job = { ...state.job, phase: 'finishing' };
          await worker.afterDone;
          return report;
        });
      }
      state.done = run
        .then(async (report: ImportReport) => {
          // The job reads done once Today reflects the new sales; a failing run of the playbook
          // does not fail an import that is committed.
          if (!dryRun && hooks.afterCommit) {
            await hooks.afterCommit().catch((error: unknown) => console.error('[playbook]', error));
          }
          finish({ state: 'done', phase: 'finishing', report, position: state.job.total });
          // The real run needs no second guess at the day order the check settled.
          if (report.dayOrder) file.dayOrder = report.dayOrder;
          // Imported for good: importing it again would add nothing, so the copy can go.
          if (!dryRun) {
            uploads.delete(fileId);
            rmSync(file.path, { force: true });
          }
        })
        .catch((caught: unknown) => {
          const error = withFileName(caught, file);
          if (error instanceof AppError && error.code === 'cancelled') {
            finish({ state: 'cancelled', error: { code: error.code, message: error.message } });
          } else if (error instanceof AppError) {
            finish({ state: 'failed', error: { code: error.code, message: error.message } });
          } else {
            finish({
              state: 'failed',
              error: {
                code: 'internal',
                message: 'The import failed; the details are in the log.',
              },
            });
            console.error('[import]', error);
          }
        });
      return jobView(state);
    },

    job: (jobId) => {
      const state = jobs.get(jobId);
      if (!state) throw new AppError('not_found', `No import run ${jobId}.`, { id: jobId });
      return jobView(state);
    },

    cancel: (jobId) => {
      const state = jobs.get(jobId);
      if (!state) throw new AppError('not_found', `No import run ${jobId}.`, { id: jobId });
      if (state.job.state === 'running') {
        state.cancelRequested = true;
        state.stop();
      }
      return jobView(state);
    },

    current: () => {
      const running = [...jobs.values()].find((state) => state.job.state === 'running');
      return running ? jobView(running) : null;
    },
    discard: (fileId) => {
      const file = uploads.get(fileId);
      if (!file) return false;
      const isRunning = [...jobs.values()].some(
        (state) => state.job.state === 'running' && state.fileId === fileId,
      );
      if (isRunning) {
        throw new AppError('conflict', `${file.name} is being imported.`, {
          reason: 'import_running',
        });
      }
      uploads.delete(fileId);
      rmSync(file.path, { force: true });
      return true;
    },
    history: () => listBatches(sqlite),
    batch: (batchId) => getBatch(sqlite, batchId),
    undo: (batchId) => {
      if ([...jobs.values()].some((state) => state.job.state === 'running')) {
        throw new AppError('conflict', 'An import is running; undo when it has finished.', {
          reason: 'import_running',
        });
      }
      return undoBatch(sqlite, batchId, nowIso(ctx));
    },
    rejected: (batchId, offset, limit) => listRejected(sqlite, batchId, offset, limit),
    rejectedCsv: (batchId) => rejectedCsv(sqlite, batchId),

    presets: allPresets,
    savePreset: ({ name, fields, options }) => {
      const now = nowIso(ctx);
      const definition = JSON.stringify({
        fields,
        options: importOptions.partial().parse(options),
      });
      const existing = sqlite
        .prepare('SELECT id FROM import_presets WHERE name = ?')
        .pluck()
        .get(name) as string | undefined;
      const id = existing ?? ctx.newId();
      sqlite
        .prepare(
          `INSERT INTO import_presets (id, name, definition, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET definition = excluded.definition,
             updated_at = excluded.updated_at`,
        )
        .run(id, name, definition, now, now);
      return { id, name, builtIn: false, fields, options };
    },
    deletePreset: (id) => {
      const deleted = sqlite.prepare('DELETE FROM import_presets WHERE id = ?').run(id);
      if (deleted.changes === 0) {
        throw new AppError('not_found', `No saved preset ${id}.`, { id });
      }
      return allPresets();
    },

    close: async () => {
      for (const state of jobs.values()) {
        state.cancelRequested = true;
        state.stop();
      }
      await Promise.all([...jobs.values()].map((state) => state.done));
      if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
    },
  };
};

/** The reader names the staged copy ('x1y2….upload'); the user knows the file by its name. */
const withFileName = (error: unknown, file: Staged): unknown => {
  if (!(error instanceof AppError)) return error;
  const staged = basename(file.path);
  const message = error.message.replaceAll(staged, file.name);
  const details =
    error.details.file === staged ? { ...error.details, file: file.name } : error.details;
  return new AppError(error.code, message, details);
};

export const hashFile = (path: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
