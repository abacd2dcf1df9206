import { useCallback, useEffect, useState } from 'react';
import type { ImportPreview, UploadedFile } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { applyChange, previewInput } from './preview-request.ts';
import type { PreviewChange, PreviewRequest } from './preview-request.ts';

/** The file being imported, what the user changed on its preview, and the latest preview. */
export type PreviewSession = {
  file: UploadedFile;
  request: PreviewRequest;
  preview: ImportPreview;
  /** The request the shown preview answers; another one means a new preview is on its way. */
  previewFor: PreviewRequest;
  /** Why the preview for the current request failed; the previous preview stays on show. */
  error: unknown;
};

export type PreviewState = {
  session: PreviewSession | null;
  /** A change is waiting for its preview. */
  isUpdating: boolean;
  start: (file: UploadedFile, preview: ImportPreview) => void;
  change: (change: PreviewChange) => void;
  /** Lets the file go: another file is chosen, or the import is over. */
  clear: () => void;
};

// Long enough to let a few quick changes (typing a source name) make one call.
const DEBOUNCE_MS = 300;

/**
 * The preview of the chosen file, asked again (debounced) whenever a setting or a column
 * changes. The session outlives the preview step, so going back from the check finds the
 * settings as they were left; `initial` is one kept from an earlier visit to the screen.
 */
export function usePreview(initial: PreviewSession | null = null): PreviewState {
  const api = useApi();
  const [session, setSession] = useState<PreviewSession | null>(initial);

  const start = useCallback((file: UploadedFile, preview: ImportPreview) => {
    const request: PreviewRequest = {};
    setSession({ file, request, preview, previewFor: request, error: null });
  }, []);

  const change = useCallback((next: PreviewChange) => {
    setSession((current) =>
      current ? { ...current, request: applyChange(current.request, next), error: null } : null,
    );
  }, []);

  const clear = useCallback(() => setSession(null), []);

  const fileId = session?.file.fileId;
  const request = session?.request;
  const isUpdating = session !== null && session.request !== session.previewFor;
  useEffect(() => {
    if (!isUpdating || fileId === undefined || request === undefined) return;
    let isActive = true;
    const timer = window.setTimeout(() => {
      api.call('import:preview', previewInput(fileId, request)).then(
        (preview) => {
          if (!isActive) return;
          setSession((current) =>
            current?.request === request
              ? { ...current, preview, previewFor: request, error: null }
              : current,
          );
        },
        (error: unknown) => {
          if (!isActive) return;
          setSession((current) =>
            current?.request === request ? { ...current, previewFor: request, error } : current,
          );
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      isActive = false;
      window.clearTimeout(timer);
    };
  }, [api, fileId, request, isUpdating]);

  return { session, isUpdating, start, change, clear };
}
