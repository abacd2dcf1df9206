import { useState } from 'react';
import type { InputOf } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { useToast } from '../../components/use-toast.ts';
import { downloadBase64 } from '../../components/download.ts';
import './exports.css';

/** Which list to export, with its screen's filters; the format is the button's. */
export type ExportRequest = DistributiveOmit<InputOf<'exports:file'>, 'format' | 'locale'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * "Export CSV" and "Export Excel" for a list: the core writes the file (headers and dates in the
 * user's language) and the browser saves it (Electron shows its save dialog).
 */
export function ExportButtons({ request }: { request: ExportRequest }) {
  const api = useApi();
  const { t, locale } = useLocale();
  const toast = useToast();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const file = await api.call('exports:file', {
        ...request,
        format,
        locale,
      } as InputOf<'exports:file'>);
      downloadBase64(file.fileName, file.base64, file.mimeType);
      toast.show({ message: t('export.done', { count: file.rows, name: file.fileName }) });
    } catch (error) {
      toast.show({ message: errorText(t, error), tone: 'error' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label={t('export.label')}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <BusyButton
          key={format}
          type="button"
          className="button"
          isBusy={busy === format}
          disabled={busy !== null}
          busyLabel={t('export.working')}
          onClick={() => void run(format)}
          data-testid={`export-${format}`}
        >
          {t(format === 'csv' ? 'export.csv' : 'export.xlsx')}
        </BusyButton>
      ))}
    </div>
  );
}
