import { useEffect, useRef, useState } from 'react';
import type { SurveyImportReport, SurveyRejectedLine } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { useSettings } from '../../app/use-settings.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { downloadText } from '../../components/download.ts';
import { DropZone } from './DropZone.tsx';
import { WarnIcon } from './ImportIcons.tsx';
import { ImportKinds } from './ImportKinds.tsx';
import { formatSize } from './import-text.ts';
import { NoticeLine } from './NoticeLine.tsx';
import type { Notice } from './NoticeLine.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { RejectedFields } from './RejectedRows.tsx';
import { rejectedFileName, rejectedRowsCsv } from './rejected-csv.ts';
import {
  SHOWN_LINES,
  SURVEY_ACCEPT,
  SURVEY_FILE_MAX_BYTES,
  checkFigures,
  checkOutcome,
  exampleCsv,
  resultFigures,
  surveyFileTooLarge,
  surveyImportErrorText,
  surveyRejectText,
} from './survey-file.ts';
import type { SurveyFigure } from './survey-file.ts';
import { bytesToBase64, uploadName } from './upload-chunks.ts';
import './import.css';

/** A file read into memory (at most 512 KiB), kept to import once the check is done. */
type Chosen = { name: string; data: string };

type Failure = { text: string };

type Stage =
  | { name: 'choose'; failure: Failure | null }
  | { name: 'reading'; fileName: string }
  | { name: 'checked'; file: Chosen; report: SurveyImportReport; notice: Notice | null }
  | { name: 'result'; fileName: string; report: SurveyImportReport };

/**
 * Import → Survey answers: NPS and CSAT answers from a CSV or Excel file (phone or email, date,
 * kind, score, comment). As with sales: choose or drop a file, a check that reads every line and
 * names the ones it cannot use, then the import and what it did. All or nothing: a file with a
 * rejected line records nothing until it is fixed.
 */
export function SurveyImportScreen() {
  const { t, locale } = useLocale();
  const api = useApi();
  const { settings } = useSettings();
  const [stage, setStage] = useState<Stage>({ name: 'choose', failure: null });
  const input = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLDivElement>(null);
  // Each file chosen is one attempt; a cancelled or replaced attempt's answer is dropped.
  const attempt = useRef(0);

  useEffect(
    () => () => {
      attempt.current += 1;
    },
    [],
  );

  // A file dropped beside the zone would make the browser open it in place of the app.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  // A new step starts at the top with the focus on its heading, as the sales import does.
  const shownStep = useRef(stage.name);
  useEffect(() => {
    if (shownStep.current === stage.name) return;
    shownStep.current = stage.name;
    window.scrollTo(0, 0);
    body.current?.querySelector<HTMLElement>('[data-step-focus]')?.focus({ preventScroll: true });
  }, [stage.name]);

  const take = async (file: File) => {
    const mine = ++attempt.current;
    const name = uploadName(file.name);
    const tooLarge = surveyFileTooLarge(t, locale, { name, size: file.size });
    if (tooLarge) {
      setStage({ name: 'choose', failure: { text: tooLarge } });
      return;
    }
    setStage({ name: 'reading', fileName: name });
    try {
      const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const report = await api.call('surveys:import', {
        fileName: name,
        data,
        dryRun: true,
        staffId: settings.currentStaffId,
      });
      if (mine !== attempt.current) return;
      setStage({ name: 'checked', file: { name, data }, report, notice: null });
    } catch (error) {
      if (mine !== attempt.current) return;
      setStage({
        name: 'choose',
        failure: { text: surveyImportErrorText(t, locale, error, name) },
      });
    }
  };

  const openPicker = () => input.current?.click();
  const startAgain = () => {
    attempt.current += 1;
    setStage({ name: 'choose', failure: null });
  };

  const record = async (file: Chosen) => {
    const report = await api.call('surveys:import', {
      fileName: file.name,
      data: file.data,
      dryRun: false,
      staffId: settings.currentStaffId,
    });
    // All or nothing: lines the check passed may have been refused since (a customer merged or
    // archived meanwhile), and then nothing was written.
    if (report.written) setStage({ name: 'result', fileName: file.name, report });
    else
      setStage({
        name: 'checked',
        file,
        report,
        notice: { tone: 'error', text: t('surveyImport.changed') },
      });
  };

  return (
    <div className="screen import-screen" data-testid="survey-import-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{t('surveyImport.title')}</h1>
          <p className="screen-subtitle">{t('surveyImport.subtitle')}</p>
        </div>
        <ImportKinds current="surveys" />
      </header>
      <div className="import-body" ref={body}>
        {stage.name === 'choose' || stage.name === 'reading' ? (
          <ChooseSurveyFile
            readingName={stage.name === 'reading' ? stage.fileName : null}
            failure={stage.name === 'choose' ? stage.failure : null}
            onFile={(file) => void take(file)}
            onSeveral={() =>
              setStage({ name: 'choose', failure: { text: t('import.drop.oneFile') } })
            }
            onPick={openPicker}
            onCancel={startAgain}
          />
        ) : null}
        {stage.name === 'checked' ? (
          <SurveyCheck
            file={stage.file}
            report={stage.report}
            notice={stage.notice}
            onImport={() => record(stage.file)}
            onChooseAgain={openPicker}
            onCancel={startAgain}
          />
        ) : null}
        {stage.name === 'result' ? (
          <SurveyResult fileName={stage.fileName} report={stage.report} onAnother={startAgain} />
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept={SURVEY_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) is a change too.
          event.target.value = '';
          if (file) void take(file);
        }}
        data-testid="survey-file-input"
      />
    </div>
  );
}

function ChooseSurveyFile({
  readingName,
  failure,
  onFile,
  onSeveral,
  onPick,
  onCancel,
}: {
  /** The file being checked, or null while waiting for one. */
  readingName: string | null;
  failure: Failure | null;
  onFile: (file: File) => void;
  onSeveral: () => void;
  onPick: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useLocale();

  return (
    <>
      <section className="card import-choose" aria-label={t('surveyImport.drop.label')}>
        {readingName !== null ? (
          <div className="import-upload" data-testid="survey-reading" aria-live="polite">
            <p className="import-upload-title">
              {t('surveyImport.reading', { name: isolate(readingName) })}
            </p>
            <ProgressBar value={null} max={0} label={t('import.progress.label')} />
            <div className="import-upload-foot">
              <span className="muted">{'\u00a0'}</span>
              <button type="button" className="button" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <DropZone
            title={t('surveyImport.drop.title')}
            formats={t('surveyImport.drop.formats', {
              size: formatSize(SURVEY_FILE_MAX_BYTES, locale),
            })}
            onPick={onPick}
            onFile={onFile}
            onSeveral={onSeveral}
            testId="survey-drop-zone"
          />
        )}
        {failure ? (
          <div className="import-file-error" role="alert" data-testid="survey-file-error">
            <p className="import-file-error-title">{t('import.fileError.title')}</p>
            <p data-testid="survey-file-error-message">{failure.text}</p>
            <div>
              <button type="button" className="button" onClick={onPick}>
                {t('import.chooseAnother')}
              </button>
            </div>
          </div>
        ) : null}
        <p className="muted">{t('import.drop.privacy')}</p>
      </section>

      <section className="card survey-columns" aria-labelledby="survey-columns-title">
        <div className="card-heading">
          <h2 className="card-title" id="survey-columns-title">
            {t('surveyImport.columns.title')}
          </h2>
          <p className="muted">{t('surveyImport.columns.lead')}</p>
        </div>
        <ul className="survey-column-list">
          <li>{t('surveyImport.column.customer')}</li>
          <li>{t('surveyImport.column.date')}</li>
          <li>{t('surveyImport.column.kind')}</li>
          <li>{t('surveyImport.column.score')}</li>
          <li>{t('surveyImport.column.comment')}</li>
        </ul>
        <div>
          <button
            type="button"
            className="button"
            onClick={() =>
              downloadText(
                locale === 'fa' ? 'نمونه-نظرسنجی.csv' : 'survey-answers-example.csv',
                exampleCsv(locale),
                'text/csv;charset=utf-8',
              )
            }
            data-testid="survey-example"
          >
            {t('surveyImport.example')}
          </button>
        </div>
      </section>
    </>
  );
}

function Figures({ figures }: { figures: readonly SurveyFigure[] }) {
  const { t, fmt } = useLocale();
  return (
    <dl className="import-figures" aria-label={t('import.figuresLabel')}>
      {figures.map(({ id, label, value, hint, tone }) => (
        <div
          key={id}
          className={`import-figure${tone ? ` is-${tone}` : ''}`}
          data-testid={`survey-figure-${id}`}
        >
          <dt className="import-figure-label">{t(label)}</dt>
          <dd className="import-figure-value" data-testid={`survey-figure-${id}-value`}>
            {fmt.number(value)}
          </dd>
          {hint ? <dd className="import-figure-hint">{t(hint)}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

function SurveyCheck({
  file,
  report,
  notice,
  onImport,
  onChooseAgain,
  onCancel,
}: {
  file: Chosen;
  report: SurveyImportReport;
  notice: Notice | null;
  onImport: () => Promise<void>;
  onChooseAgain: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useLocale();
  const [isImporting, setImporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const outcome = checkOutcome(report);

  const start = async () => {
    setImporting(true);
    setError(null);
    try {
      await onImport();
    } catch (caught) {
      setError(caught);
      setImporting(false);
    }
  };

  return (
    <div className="import-checked" data-testid="survey-check">
      <NoticeLine notice={notice} testId="survey-notice" />
      <section className="card" aria-labelledby="survey-check-title">
        <div className="card-heading">
          <h2 className="card-title" id="survey-check-title" tabIndex={-1} data-step-focus>
            {t('surveyImport.check.title')}
          </h2>
          <p className="muted">{t('surveyImport.check.lead', { name: isolate(file.name) })}</p>
        </div>
        <Figures figures={checkFigures(report)} />
        {outcome === 'fix' ? (
          <div
            className="import-callout import-callout-warn"
            role="note"
            data-testid="survey-blocked"
          >
            <WarnIcon />
            <p>{t('surveyImport.blocked')}</p>
          </div>
        ) : null}
      </section>

      <RejectedLines fileName={file.name} lines={report.rejected} />

      <div className="import-actions">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('import.action.cancel')}
        </button>
        {outcome === 'fix' ? (
          <button
            type="button"
            className="button button-primary button-large"
            onClick={onChooseAgain}
            data-testid="survey-choose-again"
          >
            {t('surveyImport.action.chooseAgain')}
          </button>
        ) : (
          <BusyButton
            type="button"
            className="button button-primary button-large"
            onClick={() => void start()}
            disabled={outcome === 'nothing_new'}
            isBusy={isImporting}
            busyLabel={t('common.working')}
            data-testid="survey-commit"
          >
            {outcome === 'nothing_new'
              ? t('surveyImport.action.nothingNew')
              : t('surveyImport.action.import', { count: report.imported })}
          </BusyButton>
        )}
      </div>
      <FormError message={error ? surveyImportErrorText(t, locale, error, file.name) : null} />
    </div>
  );
}

/** The lines a check could not use: their number in the file, why, and what they held. */
function RejectedLines({
  fileName,
  lines,
}: {
  fileName: string;
  lines: readonly SurveyRejectedLine[];
}) {
  const { t, fmt } = useLocale();
  if (lines.length === 0) return null;
  const shown = lines.slice(0, SHOWN_LINES);
  const download = () =>
    downloadText(
      rejectedFileName(fileName),
      rejectedRowsCsv([], lines, (line) => surveyRejectText(t, line)),
      'text/csv;charset=utf-8',
    );
  return (
    <section className="card" aria-labelledby="survey-rejected-title" data-testid="survey-rejected">
      <div className="card-heading">
        <h2 className="card-title" id="survey-rejected-title">
          {t('surveyImport.rejected.title')}
          <span className="card-count">{fmt.number(lines.length)}</span>
        </h2>
        <p className="muted">{t('surveyImport.rejected.lead')}</p>
      </div>
      <div className="table-scroll rejected-scroll">
        <table className="data-table rejected-table">
          <thead>
            <tr>
              <th scope="col" className="line-cell">
                {t('import.rejected.line')}
              </th>
              <th scope="col">{t('import.rejected.reason')}</th>
              <th scope="col">{t('import.rejected.fields')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr key={line.line} data-testid="survey-rejected-line" data-line={line.line}>
                <th scope="row" className="line-cell">
                  {fmt.number(line.line)}
                </th>
                <td className="rejected-reason" data-testid="survey-rejected-reason">
                  {surveyRejectText(t, line)}
                </td>
                <td>
                  <RejectedFields fields={line.fields} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="rejected-foot">
        {shown.length < lines.length ? (
          <p className="muted">
            {t('surveyImport.rejected.more', { shown: shown.length, count: lines.length })}
          </p>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={download}
          data-testid="survey-download-rejected"
        >
          {t('import.rejected.download')}
        </button>
      </div>
    </section>
  );
}

function SurveyResult({
  fileName,
  report,
  onAnother,
}: {
  fileName: string;
  report: SurveyImportReport;
  onAnother: () => void;
}) {
  const { t } = useLocale();
  return (
    <div className="import-result" data-testid="survey-result">
      <section className="card import-result-card" aria-labelledby="survey-result-title">
        <div className="import-result-head">
          <span className="import-result-mark" aria-hidden="true">
            ✓
          </span>
          <div>
            <h2 className="card-title" id="survey-result-title" tabIndex={-1} data-step-focus>
              {t('surveyImport.result.title')}
            </h2>
            <p className="muted">{t('surveyImport.result.lead', { name: isolate(fileName) })}</p>
          </div>
        </div>
        <Figures figures={resultFigures(report)} />
        <div className="import-result-actions">
          {report.recoveryTasksCreated > 0 ? (
            <a
              className="button button-primary"
              href={hrefOf({ name: 'today' })}
              data-testid="survey-open-today"
            >
              {t('surveyImport.result.openToday')}
            </a>
          ) : null}
          <button type="button" className="button" onClick={onAnother} data-testid="survey-another">
            {t('surveyImport.result.another')}
          </button>
        </div>
      </section>
    </div>
  );
}
