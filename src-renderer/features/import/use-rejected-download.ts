import { useCallback, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { downloadText } from '../../components/download.ts';

/** Downloads a batch's rejected rows as the CSV the core writes (with its BOM, for Excel). */
export function useRejectedDownload(): {
  download: (batchId: string) => Promise<void>;
  busyId: string | null;
  error: unknown;
} {
  const api = useApi();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = useCallback(
    async (batchId: string) => {
      setBusyId(batchId);
      setError(null);
      try {
        const { fileName, content } = await api.call('import:rejected-csv', { batchId });
        downloadText(fileName, content, 'text/csv;charset=utf-8');
      } catch (caught) {
        setError(caught);
      } finally {
        setBusyId(null);
      }
    },
    [api],
  );
  return { download, busyId, error };
}
