import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';

/**
 * "Created by the import of FILE", shown while the book is narrowed to one import's new
 * customers; its × shows everyone again.
 */
export function ImportFilterChip({ batchId, onClear }: { batchId: string; onClear: () => void }) {
  const { t } = useLocale();
  const api = useApi();
  const [fileName, setFileName] = useState<{ batchId: string; name: string | null } | null>(null);

  useEffect(() => {
    let isActive = true;
    api.call('import:batch', { batchId }).then(
      (batch) => {
        if (isActive) setFileName({ batchId, name: batch.fileName });
      },
      () => {
        if (isActive) setFileName({ batchId, name: null });
      },
    );
    return () => {
      isActive = false;
    };
  }, [api, batchId]);

  const name = fileName?.batchId === batchId ? fileName.name : null;
  return (
    <span className="filter-chip" data-testid="customers-import-filter">
      <svg className="filter-chip-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5" />
        <path d="M4 14.5v3.75A1.75 1.75 0 0 0 5.75 20h12.5A1.75 1.75 0 0 0 20 18.25V14.5" />
      </svg>
      <span className="filter-chip-text">
        {name === null
          ? t('customers.importFilterUnknown')
          : t('customers.importFilter', { file: isolate(name) })}
      </span>
      <button
        type="button"
        className="filter-chip-clear"
        aria-label={t('customers.clearImportFilter')}
        title={t('customers.clearImportFilter')}
        onClick={onClear}
        data-testid="customers-import-filter-clear"
      >
        <span aria-hidden="true">×</span>
      </button>
    </span>
  );
}
