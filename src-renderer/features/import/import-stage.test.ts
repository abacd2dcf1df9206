import { describe, expect, it } from 'vitest';
import type { ImportJob, ImportPlan, ImportReport } from '../../../src-shared/contract/index.ts';
import { createTranslator } from '../../../src-shared/i18n/translate.ts';
import { stageAfterRun } from './import-stage.ts';
import type { RunStage } from './import-stage.ts';

const t = createTranslator('en');
const file = { fileId: 'f1', name: 'sales.csv', size: 10 };
const plan = { read: {}, mapping: {}, options: {} } as unknown as ImportPlan;

const report = (dryRun: boolean): ImportReport => ({
  batchId: dryRun ? null : 'b1',
  dryRun,
  rowsRead: 3,
  ordersCreated: 2,
  ordersAlreadyPresent: 0,
  refundsRecorded: 0,
  customersCreated: 1,
  customersMatched: 0,
  rowsRejected: 1,
  rejected: [],
  warnings: [],
  durationMs: 5,
  dayOrder: null,
});

const job = (dryRun: boolean, state: ImportJob['state']): ImportJob => ({
  id: 'j1',
  dryRun,
  state,
  phase: 'reading',
  position: 1,
  total: 10,
  rowsRead: 1,
  rowsPerSecond: 0,
  secondsLeft: null,
  elapsedMs: 1,
  report: state === 'done' ? report(dryRun) : null,
  error: state === 'failed' ? { code: 'internal', message: 'boom' } : null,
});

const check: RunStage = { name: 'run', job: job(true, 'running'), plan, checked: null };
const importing: RunStage = {
  name: 'run',
  job: job(false, 'running'),
  plan,
  checked: report(true),
};
/** A run found with import:current after a reload: no plan, no file. */
const found = (dryRun: boolean): RunStage => ({
  name: 'run',
  job: job(dryRun, 'running'),
  plan: null,
  checked: null,
});

describe('stageAfterRun', () => {
  it('leads a finished check to its summary and a finished import to its result', () => {
    expect(stageAfterRun(t, check, job(true, 'done'), file)).toEqual({
      name: 'checked',
      plan,
      report: report(true),
      notice: null,
    });
    expect(stageAfterRun(t, importing, job(false, 'done'), file)).toEqual({
      name: 'result',
      report: report(false),
      fileName: 'sales.csv',
    });
  });

  it('takes a cancelled or failed check back to the settings, saying so', () => {
    expect(stageAfterRun(t, check, job(true, 'cancelled'), file)).toEqual({
      name: 'preview',
      notice: { tone: 'info', text: t('import.cancelled.check') },
    });
    expect(stageAfterRun(t, check, job(true, 'failed'), file)).toEqual({
      name: 'preview',
      notice: { tone: 'error', text: t('import.failed.check'), detail: 'boom' },
    });
  });

  it('takes a cancelled or failed import back to the check it followed', () => {
    expect(stageAfterRun(t, importing, job(false, 'cancelled'), file)).toEqual({
      name: 'checked',
      plan,
      report: report(true),
      notice: { tone: 'info', text: t('import.cancelled.import') },
    });
    expect(stageAfterRun(t, importing, job(false, 'failed'), file)).toMatchObject({
      name: 'checked',
      notice: { tone: 'error', text: t('import.failed.import') },
    });
  });

  it('shows the outcome of a run found without its file, and otherwise starts again', () => {
    expect(stageAfterRun(t, found(true), job(true, 'done'), null)).toEqual({
      name: 'checked',
      plan: null,
      report: report(true),
      notice: null,
    });
    expect(stageAfterRun(t, found(false), job(false, 'done'), null)).toEqual({
      name: 'result',
      report: report(false),
      fileName: null,
    });
    expect(stageAfterRun(t, found(true), job(true, 'cancelled'), null)).toEqual({
      name: 'choose',
      notice: { tone: 'info', text: t('import.cancelled.check') },
    });
    expect(stageAfterRun(t, found(false), job(false, 'failed'), null)).toMatchObject({
      name: 'choose',
      notice: { tone: 'error', text: t('import.failed.import') },
    });
  });
});
