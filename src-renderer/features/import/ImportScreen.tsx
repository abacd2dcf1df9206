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
import { ChooseStep } from './ChooseStep.tsx';
import { discardStaged } from './discard.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportKinds } from './ImportKinds.tsx';
import { ImportResult } from './ImportResult.tsx';
import { ImportSteps } from './ImportSteps.tsx';
import { keepRun, keptRun, stageAfterRun } from './import-stage.ts';
import type { RunStage, Stage } from './import-stage.ts';
import { NoticeLine } from './NoticeLine.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { RunProgress } from './RunProgress.tsx';
import { usePresets } from './use-presets.ts';
import { usePreview } from './use-preview.ts';
import { ValidationSummary } from './ValidationSummary.tsx';
import './import.css';

const STEP_OF: Record<Stage['name'], number> = {
  resume: 0,
  choose: 0,
  preview: 1,
  run: 2,
  checked: 2,
  result: 3,
};

/**
 * Importing sales (DESIGN.md §5), one step after the other: choose a file → check how it is read
 * and what each column holds → a dry run that reads every row → the import itself → the result.
 * The history of imports, each undoable, sits under the first and the last step. A run goes on
 * in the core when the screen is left; coming back picks it up again.
 */
export function ImportScreen() {
  const { t } = useLocale();
  const api = useApi();
  // The run this screen was following when it was last left, if any (read once).
  const [kept] = useState(keptRun);
  const { session, isUpdating, start, change, clear } = usePreview(kept?.session ?? null);
  const presets = usePresets();
  const [stage, setStage] = useState<Stage>(() => kept?.stage ?? { name: 'resume' });
  const [historyVersion, setHistoryVersion] = useState(0);
  const body = useRef<HTMLDivElement>(null);

  // No run of this page to come back to: one may still be going (the page was reloaded, or it
  // began in another window), and starting another would be refused, so ask before offering
  // the file chooser.
  const isResuming = stage.name === 'resume';
  useEffect(() => {
    if (!isResuming) return;
    let isActive = true;
    api.call('import:current', {}).then(
      ({ job }) => {
        if (!isActive) return;
        setStage(
          job ? { name: 'run', job, plan: null, checked: null } : { name: 'choose', notice: null },
        );
      },
      () => {
        if (isActive) setStage({ name: 'choose', notice: null });
      },
    );
    return () => {
      isActive = false;
    };
  }, [api, isResuming]);

  // A run outlives the screen; any other step is let go when the screen is left, and so is its
  // staged file (a run of it needs it, so not while one is going or starting).
  const left = useRef({ stage, session });
  const isStarting = useRef(false);
  useEffect(() => {
    left.current = { stage, session };
    keepRun(stage.name === 'run' ? { stage, session } : null);
  }, [stage, session]);
  useEffect(
    () => () => {
      const { stage: leftStage, session: leftSession } = left.current;
      if (leftStage.name === 'run' || !leftSession || isStarting.current) return;
      discardStaged(api, leftSession.file.fileId);
    },
    [api],
  );

  // A new step starts at the top, with the focus on its heading (or on the drop zone), so the
  // keyboard and a screen reader carry on from there rather than from a button that has gone.
  // The first step shown after opening the screen keeps the focus where it was.
  const shownStep = useRef(stage.name);
  useEffect(() => {
    if (shownStep.current === stage.name) return;
    const isFirst = shownStep.current === 'resume';
    shownStep.current = stage.name;
    if (isFirst) return;
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
    if (session) discardStaged(api, session.file.fileId);
    clear();
    setStage({ name: 'choose', notice: null });
  };

  const run = async (plan: ImportPlan, dryRun: boolean, checked: ImportReport | null) => {
    if (!session) return;
    isStarting.current = true;
    try {
      const job = await api.call('import:start', { fileId: session.file.fileId, plan, dryRun });
      const next: RunStage = { name: 'run', job, plan, checked };
      // Kept at once: the screen may have been left while the run was starting.
      keepRun({ stage: next, session });
      setStage(next);
    } finally {
      isStarting.current = false;
    }
  };

  // Importing what was checked needs the file and its plan, which a run found with
  // import:current (not started on this page) does not have here.
  const importChecked = (plan: ImportPlan | null, checked: ImportReport) =>
    plan && session ? () => run(plan, false, checked) : null;

  const onSettled = (job: ImportJob) => {
    if (stage.name !== 'run') return;
    const next = stageAfterRun(t, stage, job, session?.file ?? null);
    setStage(next);
    if (next.name === 'result') {
      // The core lets the staged copy go once it is imported for good.
      clear();
      setHistoryVersion((v) => v + 1);
    }
  };

  const fileName = session?.file.name ?? null;
  return (
    <div className="screen import-screen" data-testid="import-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{t('import.title')}</h1>
          <p className="screen-subtitle">{t('import.subtitle')}</p>
        </div>
        <ImportKinds current="sales" />
      </header>
      <ImportSteps current={STEP_OF[stage.name]} />
      <div className="import-body" ref={body}>
        {stage.name === 'choose' ? (
          <>
            <NoticeLine notice={stage.notice} />
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

        {stage.name === 'checked' ? (
          <ValidationSummary
            fileName={fileName}
            headers={session?.preview.headers ?? []}
            report={stage.report}
            wasDayOrderOpen={
              session?.preview.warnings.some((warning) => warning.code === 'day_order_undecided') ??
              false
            }
            notice={stage.notice}
            onImport={importChecked(stage.plan, stage.report)}
            onBack={session ? () => setStage({ name: 'preview', notice: null }) : null}
            onCancel={chooseAnother}
          />
        ) : null}

        {stage.name === 'result' ? (
          <>
            <ImportResult
              report={stage.report}
              fileName={stage.fileName}
              onAnother={chooseAnother}
            />
            <ImportHistory version={historyVersion} />
          </>
        ) : null}
      </div>
    </div>
  );
}
