import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../src-shared/contract/errors.ts';
import type { exportFile } from '../../../src-shared/contract/schemas.ts';
import type { ExportJob, ExportedFile } from '../../../src-shared/contract/types.ts';
import { todayIn } from '../../../src-shared/i18n/locale.ts';
import type { CoreContext } from '../context.ts';
import { getSettings } from '../settings/settings.service.ts';
import { makeDownloadDir, readForDownload } from './download.ts';
import { exportTableToFile } from './export-file.ts';
import { tableOf } from './exports.service.ts';
import type { ExportFormat } from './table.ts';

export type ExportInput = z.output<typeof exportFile>;

type JobState = {
  job: ExportJob;
  controller: AbortController;
  /** The folder the file is written to; removed once the file is taken, or on failure. */
  dir: string;
  path: string;
  format: ExportFormat;
  done: Promise<void>;
};

export type ExportJobs = {
  /** Starts writing a list's file in the background (exports:start); poll job(). */
  start: (input: ExportInput) => Promise<ExportJob>;
  job: (jobId: string) => ExportJob;
  /** Stops a running export: no file is kept. */
  cancel: (jobId: string) => Promise<ExportJob>;
  /** A finished export's file, handed over once: the job and its file are then forgotten. */
  take: (jobId: string) => Promise<ExportedFile>;
  close: () => Promise<void>;
};

/**
 * Exports as background jobs (DESIGN.md §7: long work shows progress and can be cancelled). The
 * list is written by exportToFile (temporary file, renamed when complete) into a folder of its
 * own; the renderer polls the rows written, then takes the bytes to save (a browser page cannot be
 * given a path to write to; the desktop app shows its save dialog for them).
 */
export const createExportJobs = (ctx: CoreContext): ExportJobs => {
  const jobs = new Map<string, JobState>();

  const requireJob = (jobId: string): JobState => {
    const state = jobs.get(jobId);
    if (!state) throw new AppError('not_found', `No export ${jobId}.`, { id: jobId });
    return state;
  };

  const forget = async (state: JobState) => {
    jobs.delete(state.job.id);
    await rm(state.dir, { recursive: true, force: true });
  };

  return {
    start: async (input) => {
      const { format, locale, persianDigits, ...request } = input;
      const table = await tableOf(ctx, request, { locale, persianDigits });
      const { timeZone } = await getSettings(ctx);
      const fileName = `${table.fileStem ?? request.dataset}-${todayIn(ctx.now(), timeZone)}.${format}`;
      const dir = await makeDownloadDir();
      const id = ctx.newId();
      const state: JobState = {
        job: { id, state: 'running', fileName, rows: 0, total: null, error: null },
        controller: new AbortController(),
        dir,
        path: join(dir, fileName),
        format,
        done: Promise.resolve(),
      };
      jobs.set(id, state);
      const finish = (patch: Partial<ExportJob>) => {
        state.job = { ...state.job, ...patch };
      };
      state.done = exportTableToFile(state.path, table, {
        persianDigits,
        signal: state.controller.signal,
        onProgress: ({ rows, total }) => finish({ rows, total }),
      }).then(
        ({ rows }) => finish({ state: 'done', rows, total: rows }),
        async (error: unknown) => {
          await rm(dir, { recursive: true, force: true });
          if (state.controller.signal.aborted) {
            finish({ state: 'cancelled' });
          } else if (error instanceof AppError) {
            finish({ state: 'failed', error: { code: error.code, message: error.message } });
          } else {
            console.error('[export]', error);
            finish({
              state: 'failed',
              error: {
                code: 'internal',
                message: 'The export failed; the details are in the log.',
              },
            });
          }
        },
      );
      return state.job;
    },

    job: (jobId) => requireJob(jobId).job,

    cancel: async (jobId) => {
      const state = requireJob(jobId);
      if (state.job.state === 'running') {
        state.controller.abort();
        await state.done;
      }
      const { job } = state;
      if (job.state !== 'done') jobs.delete(jobId);
      return job;
    },

    take: async (jobId) => {
      const state = requireJob(jobId);
      if (state.job.state !== 'done') {
        throw new AppError('conflict', `The export ${state.job.fileName} is not finished.`, {
          reason: state.job.state,
        });
      }
      const file = await readForDownload(
        state.path,
        state.job.fileName,
        state.format,
        state.job.rows,
      );
      await forget(state);
      return file;
    },

    close: async () => {
      for (const state of jobs.values()) state.controller.abort();
      await Promise.all([...jobs.values()].map((state) => state.done));
      await Promise.all([...jobs.values()].map(forget));
    },
  };
};
