import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ImportJob,
  ImportPlan,
  ImportPreview,
  ImportReport,
  UploadedFile,
} from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import type { T } from '../../app/i18n/translate.ts';
import { ChooseStep } from './ChooseStep.tsx';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportResult } from './ImportResult.tsx';
import { ImportSteps } from './ImportSteps.tsx';
import type { Notice } from './NoticeLine.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { RunProgress } from './RunProgress.tsx';
import { usePresets } from './use-presets.ts';
import { usePreview } from './use-preview.ts';
import { ValidationSummary } from './ValidationSummary.tsx';
import './import.css';

type Stage =
  | { name: 'choose' }
  | { name: 'preview'; notice: Notice | null }
  | { name: 'run'; job: ImportJob; plan: ImportPlan; checked: ImportReport | null }
  | { name: 'checked'; plan: ImportPlan; report: ImportReport; notice: Notice | null }
  | { name: 'result'; report: ImportReport; file: UploadedFile };

const STEP_OF: Record<Stage['name'], number> = {
  choose: 0,
  preview: 1,
  run: 2,
  checked: 2,
  result: 3,
};

/** The failure of a run as a notice: what stopped, and the core's own words for the detail. */
const failureNotice = (t: T, job: ImportJob): Notice => ({
  tone: 'error',
  text: t(job.dryRun ? 'import.failed.check' : 'import.failed.import'),
  detail: job.error?.message ?? null,
});

/**
 * Importing sales (DESIGN.md §5), one step after the other: choose a file → check how it is read
 * and what each column holds → a dry run that reads every row → the import itself → the result.
 * The history of imports, each undoable, sits under the first and the last step.
 */
export function ImportScreen() {
  const { t } = useLocale();
  const api = useApi();
  const { session, isUpdating, start, change, clear } = usePreview();
  const presets = usePresets();
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [historyVersion, setHistoryVersion] = useState(0);
  const body = useRef<HTMLDivElement>(null);

  // A new step starts at the top, with the focus on its heading (or on the drop zone), so the
  // keyboard and a screen reader carry on from there rather than from a button that has gone.
  const shownStep = useRef(stage.name);
  useEffect(() => {
    if (shownStep.current === stage.name) return;
    shownStep.current = stage.name;
    window.scrollTo(0, 0);
    body.current?.querySelector<HTMLElement>('[data-step-focus]')?.focus({ preventScroll: true });
  }, [stage.name]);

  const onPreviewed = useCallback(
    (file: UploadedFile, first: ImportPreview) => {
      start(file, first);
      setStage({ name: 'preview', notice: null });
    },
    [start],
  );

  const chooseAnother = () => {
    clear();
    setStage({ name: 'choose' });
  };

  const run = async (plan: ImportPlan, dryRun: boolean, checked: ImportReport | null) => {
    if (!session) return;
    const job = await api.call('import:start', { fileId: session.file.fileId, plan, dryRun });
    setStage({ name: 'run', job, plan, checked });
  };

  const onSettled = (job: ImportJob) => {
    if (stage.name !== 'run') return;
    const { plan, checked } = stage;
    if (job.dryRun) {
      if (job.state === 'done' && job.report) {
        setStage({ name: 'checked', plan, report: job.report, notice: null });
      } else {
        const notice: Notice =
          job.state === 'cancelled'
            ? { tone: 'info', text: t('import.cancelled.check') }
            : failureNotice(t, job);
        setStage({ name: 'preview', notice });
      }
      return;
    }
    if (job.state === 'done' && job.report && session) {
      setStage({ name: 'result', report: job.report, file: session.file });
      // The core lets the staged copy go once it is imported for good.
      clear();
      setHistoryVersion((v) => v + 1);
    } else if (checked) {
      const notice: Notice =
        job.state === 'cancelled'
          ? { tone: 'info', text: t('import.cancelled.import') }
          : failureNotice(t, job);
      setStage({ name: 'checked', plan, report: checked, notice });
    } else {
      setStage({ name: 'preview', notice: failureNotice(t, job) });
    }
  };

  const fileName = session?.file.name ?? '';
  return (
    <div className="screen import-screen" data-testid="import-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{t('import.title')}</h1>
          <p className="screen-subtitle">{t('import.subtitle')}</p>
        </div>
      </header>
      <ImportSteps current={STEP_OF[stage.name]} />
      <div className="import-body" ref={body}>
        {stage.name === 'choose' ? (
          <>
            <ChooseStep onPreviewed={onPreviewed} />
            <ImportHistory version={historyVersion} />
          </>
        ) : null}

        {stage.name === 'preview' && session ? (
          <PreviewStep
            session={session}
            presets={presets}
            isUpdating={isUpdating}
            notice={stage.notice}
            onChange={change}
            onCheck={(plan) => run(plan, true, null)}
            onChooseAnother={chooseAnother}
          />
        ) : null}

        {stage.name === 'run' ? (
          <RunProgress
            key={stage.job.id}
            job={stage.job}
            fileName={fileName}
            onSettled={onSettled}
          />
        ) : null}

        {stage.name === 'checked' && session ? (
          <ValidationSummary
            fileName={fileName}
            report={stage.report}
            wasDayOrderOpen={session.preview.warnings.some(
              (warning) => warning.code === 'day_order_undecided',
            )}
            notice={stage.notice}
            onImport={() => run(stage.plan, false, stage.report)}
            onBack={() => setStage({ name: 'preview', notice: null })}
            onCancel={chooseAnother}
          />
        ) : null}

        {stage.name === 'result' ? (
          <>
            <ImportResult
              report={stage.report}
              fileName={stage.file.name}
              onAnother={chooseAnother}
            />
            <ImportHistory version={historyVersion} />
          </>
        ) : null}
      </div>
    </div>
  );
}
