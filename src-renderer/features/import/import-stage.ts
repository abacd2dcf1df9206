import type {
  ImportJob,
  ImportPlan,
  ImportReport,
  UploadedFile,
} from '../../../src-shared/contract/index.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import type { Notice } from './NoticeLine.tsx';
import type { PreviewSession } from './use-preview.ts';

/**
 * A check or an import under way. `plan` is null for a run this page did not start (found with
 * `import:current` after a reload, or begun in another window): it can be followed, cancelled and
 * its outcome shown, but its file is not at hand here to import.
 */
export type RunStage = {
  name: 'run';
  job: ImportJob;
  plan: ImportPlan | null;
  /** The check an import follows, to go back to if the import does not finish. */
  checked: ImportReport | null;
};

/** The Import screen's steps (DESIGN.md §5). */
export type Stage =
  /** Asking the core whether a run is still going, before offering to choose a file. */
  | { name: 'resume' }
  | { name: 'choose'; notice: Notice | null }
  | { name: 'preview'; notice: Notice | null }
  | RunStage
  | { name: 'checked'; plan: ImportPlan | null; report: ImportReport; notice: Notice | null }
  | { name: 'result'; report: ImportReport; fileName: string | null };

/** The failure of a run as a notice: what stopped, and the core's own words for the detail. */
const failureNotice = (t: T, job: ImportJob): Notice => ({
  tone: 'error',
  text: t(job.dryRun ? 'import.failed.check' : 'import.failed.import'),
  detail: job.error?.message ?? null,
});

/**
 * Where a settled run leads: a check to its summary, an import to its result; a cancelled or
 * failed run back to the step it started from (the settings, or the check an import followed),
 * or to choosing a file when its file is not at hand here.
 */
export function stageAfterRun(
  t: T,
  run: RunStage,
  job: ImportJob,
  file: UploadedFile | null,
): Stage {
  if (job.state === 'done' && job.report) {
    return job.dryRun
      ? { name: 'checked', plan: run.plan, report: job.report, notice: null }
      : { name: 'result', report: job.report, fileName: file?.name ?? null };
  }
  const notice: Notice =
    job.state === 'cancelled'
      ? { tone: 'info', text: t(job.dryRun ? 'import.cancelled.check' : 'import.cancelled.import') }
      : failureNotice(t, job);
  if (!job.dryRun && run.checked) {
    return { name: 'checked', plan: run.plan, report: run.checked, notice };
  }
  return file ? { name: 'preview', notice } : { name: 'choose', notice };
}

/** A run the screen was following when it was left, with the file and settings it was for. */
export type KeptRun = { stage: RunStage; session: PreviewSession | null };

/*
 * The screen's steps outlive the screen while a run is going: leaving Import during a check or
 * an import and coming back (within this page) finds the run with its file name and plan, and
 * then its summary or result. Any other step is let go on leaving, with its staged file. A
 * reload forgets this; the screen then finds the run with `import:current` alone.
 */
let kept: KeptRun | null = null;

export const keptRun = (): KeptRun | null => kept;

export const keepRun = (next: KeptRun | null): void => {
  kept = next;
};
