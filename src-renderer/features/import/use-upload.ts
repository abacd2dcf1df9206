import { useCallback, useEffect, useRef, useState } from 'react';
import type { UploadedFile } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { discardStaged } from './discard.ts';
import { bytesToBase64, chunkRanges, uploadName } from './upload-chunks.ts';

export type UploadProgress = { name: string; sent: number; total: number };

export type Upload = {
  /** The upload under way, or null. */
  progress: UploadProgress | null;
  /**
   * Hands the file to the core in chunks, one after the other; resolves with the staged file, or
   * null when it was cancelled (or the screen left). Throws the core's refusal. A file that does
   * not arrive whole is discarded in the core.
   */
  upload: (file: File) => Promise<UploadedFile | null>;
  cancel: () => void;
};

type Run = { isCancelled: boolean };

/**
 * Uploads go over the same calls on every host (Electron IPC or the HTTP bridge), so a file is
 * read in 512 KiB slices and sent as base64; only one slice is in memory at a time.
 */
export function useUpload(): Upload {
  const api = useApi();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const current = useRef<Run | null>(null);

  // Leaving the screen stops the upload between two chunks.
  useEffect(
    () => () => {
      if (current.current) current.current.isCancelled = true;
    },
    [],
  );

  const upload = useCallback(
    async (file: File) => {
      if (current.current) current.current.isCancelled = true;
      const run: Run = { isCancelled: false };
      current.current = run;
      const name = uploadName(file.name);
      setProgress({ name, sent: 0, total: file.size });
      let fileId: string | null = null;
      let isComplete = false;
      try {
        const staged = await api.call('import:upload-begin', { name, size: file.size });
        fileId = staged.fileId;
        for (const { start, end } of chunkRanges(file.size)) {
          if (run.isCancelled) return null;
          const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
          const { received } = await api.call('import:upload-chunk', {
            fileId: staged.fileId,
            offset: start,
            data: bytesToBase64(bytes),
          });
          if (!run.isCancelled) setProgress({ name, sent: received, total: file.size });
        }
        if (run.isCancelled) return null;
        const complete = await api.call('import:upload-end', { fileId: staged.fileId });
        isComplete = true;
        return complete;
      } finally {
        if (fileId !== null && !isComplete) discardStaged(api, fileId);
        if (current.current === run) {
          current.current = null;
          setProgress(null);
        }
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    if (current.current) current.current.isCancelled = true;
    current.current = null;
    setProgress(null);
  }, []);

  return { progress, upload, cancel };
}
