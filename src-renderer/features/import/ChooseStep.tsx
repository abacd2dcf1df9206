import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview, UploadedFile } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { discardStaged } from './discard.ts';
import { DropZone } from './DropZone.tsx';
import { formatSize, importErrorText } from './import-text.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useUpload } from './use-upload.ts';

/** What the file picker offers; the core decides by content, so a mislabelled file still works. */
const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls';

type Failure = { kind: 'file'; fileName: string; error: unknown } | { kind: 'several' };

/**
 * The first step: a drop zone that also opens the file picker (click, Enter or Space), the upload
 * with its progress, and the file's first preview, where an unreadable file is explained.
 */
export function ChooseStep({
  onPreviewed,
}: {
  onPreviewed: (file: UploadedFile, preview: ImportPreview) => void;
}) {
  const { t, locale } = useLocale();
  const api = useApi();
  const { progress, upload, cancel } = useUpload();
  const [isReading, setReading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Each file chosen is one attempt; a cancelled or replaced attempt's answers are dropped.
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

  const take = useCallback(
    async (file: File) => {
      const mine = ++attempt.current;
      setFailure(null);
      // A file staged for an attempt that does not reach its preview (cancelled, replaced by
      // another file, the screen left, or unreadable) will not be imported: the core lets it go.
      let staged: UploadedFile | null = null;
      try {
        staged = await upload(file);
        if (!staged) return;
        if (mine !== attempt.current) {
          discardStaged(api, staged.fileId);
          return;
        }
        setReading(true);
        const preview = await api.call('import:preview', { fileId: staged.fileId });
        if (mine !== attempt.current) {
          discardStaged(api, staged.fileId);
          return;
        }
        onPreviewed(staged, preview);
      } catch (error) {
        if (staged) discardStaged(api, staged.fileId);
        if (mine !== attempt.current) return;
        setFailure({ kind: 'file', fileName: file.name, error });
        setReading(false);
      }
    },
    [api, upload, onPreviewed],
  );

  const stop = () => {
    attempt.current += 1;
    cancel();
    setReading(false);
  };

  const openPicker = () => input.current?.click();

  const isBusy = progress !== null || isReading;
  return (
    <section className="card import-choose" aria-label={t('import.drop.label')}>
      {isBusy ? (
        <div className="import-upload" data-testid="import-upload" aria-live="polite">
          <p className="import-upload-title">
            {progress
              ? t('import.upload.title', { name: isolate(progress.name) })
              : t('import.upload.reading')}
          </p>
          <ProgressBar
            value={progress ? progress.sent : null}
            max={progress?.total ?? 0}
            label={t('import.progress.label')}
          />
          <div className="import-upload-foot">
            <span className="muted">
              {progress
                ? t('import.upload.progress', {
                    sent: formatSize(progress.sent, locale),
                    total: formatSize(progress.total, locale),
                  })
                : '\u00a0'}
            </span>
            <button
              type="button"
              className="button"
              onClick={stop}
              data-testid="import-upload-cancel"
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <DropZone
          title={t('import.drop.title')}
          formats={t('import.drop.formats')}
          onPick={openPicker}
          onFile={(file: File) => void take(file)}
          onSeveral={() => setFailure({ kind: 'several' })}
          testId="import-drop-zone"
        />
      )}
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) is a change too.
          event.target.value = '';
          if (file) void take(file);
        }}
        data-testid="import-file-input"
      />
      <div className="drop-zone-help">
        <p>{t('import.drop.sources')}</p>
        <p className="muted">{t('import.drop.privacy')}</p>
      </div>
      {failure ? (
        <div className="import-file-error" role="alert" data-testid="import-file-error">
          <p className="import-file-error-title">{t('import.fileError.title')}</p>
          <p data-testid="import-file-error-message">
            {failure.kind === 'several'
              ? t('import.drop.oneFile')
              : importErrorText(t, failure.error, failure.fileName)}
          </p>
          <div>
            <button
              type="button"
              className="button"
              onClick={openPicker}
              data-testid="import-choose-another"
            >
              {t('import.chooseAnother')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
