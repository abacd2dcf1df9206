import { useEffect, useState } from 'react';
import type { ImportBatch } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { isolate } from '../../app/i18n/bidi.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useToast } from '../../components/use-toast.ts';
import { importErrorText } from './import-text.ts';
import { useRejectedDownload } from './use-rejected-download.ts';

/**
 * Every import so far, newest first, with what it did; each can be undone (asking first, saying
 * exactly what goes) and its rejected rows downloaded again.
 */
export function ImportHistory({ version }: { version: number }) {
  const { t, fmt } = useLocale();
  const api = useApi();
  const toast = useToast();
  const [batches, setBatches] = useState<ImportBatch[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const rejected = useRejectedDownload();

  useEffect(() => {
    let isActive = true;
    api.call('import:history', {}).then(
      (history) => {
        if (!isActive) return;
        setBatches(history);
        setError(null);
      },
      (caught: unknown) => {
        if (isActive) setError(caught);
      },
    );
    return () => {
      isActive = false;
    };
  }, [api, version, reload]);

  const undo = async (batch: ImportBatch) => {
    await api.call('import:undo', { batchId: batch.id });
    setUndoing(null);
    toast.show({
      message: t('import.undo.done', { file: isolate(batch.fileName) }),
      tone: 'success',
      testId: 'import-undo-toast',
    });
    setReload((n) => n + 1);
  };

  return (
    <section className="card import-history" aria-labelledby="import-history-title">
      <h2 className="card-title" id="import-history-title">
        {t('import.history.title')}
        {batches && batches.length > 0 ? (
          <span className="card-count">{fmt.number(batches.length)}</span>
        ) : null}
      </h2>
      {error && !batches ? (
        <div className="section-empty" role="alert">
          <p>{t('import.history.loadFailed')}</p>
          <p>{importErrorText(t, error)}</p>
          <div>
            <button type="button" className="button" onClick={() => setReload((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </div>
        </div>
      ) : batches === null ? (
        <div className="import-history-loading" aria-busy="true" aria-label={t('common.loading')}>
          <span className="skeleton" />
          <span className="skeleton" />
        </div>
      ) : batches.length === 0 ? (
        <p className="section-empty" data-testid="import-history-empty">
          {t('import.history.empty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table history-table" data-testid="import-history">
            <thead>
              <tr>
                <th scope="col">{t('import.history.when')}</th>
                <th scope="col">{t('import.history.file')}</th>
                <th scope="col">{t('import.history.source')}</th>
                <th scope="col" className="align-end">
                  {t('import.history.rows')}
                </th>
                <th scope="col" className="align-end">
                  {t('import.history.orders')}
                </th>
                <th scope="col" className="align-end">
                  {t('import.history.refunds')}
                </th>
                <th scope="col" className="align-end">
                  {t('import.history.customers')}
                </th>
                <th scope="col" className="align-end">
                  {t('import.history.rejected')}
                </th>
                <th scope="col">{t('import.history.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('import.history.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr
                  key={batch.id}
                  className={batch.status === 'undone' ? 'is-undone' : undefined}
                  data-testid="history-row"
                  data-batch-id={batch.id}
                  data-status={batch.status}
                >
                  <td className="nowrap">{fmt.dateTime(batch.startedAt)}</td>
                  <td>
                    <bdi className="history-file" title={batch.fileName}>
                      {batch.fileName}
                    </bdi>
                  </td>
                  <td>
                    <bdi className="history-source" title={batch.source}>
                      {batch.source}
                    </bdi>
                  </td>
                  <td className="align-end">{fmt.number(batch.rowsRead)}</td>
                  <td className="align-end nowrap">
                    {fmt.number(batch.ordersCreated)}
                    <span className="muted"> / {fmt.number(batch.ordersAlreadyPresent)}</span>
                  </td>
                  <td className="align-end">{fmt.number(batch.refundsRecorded)}</td>
                  <td className="align-end">{fmt.number(batch.customersCreated)}</td>
                  <td className="align-end">{fmt.number(batch.rowsRejected)}</td>
                  <td data-testid="history-status">
                    {batch.status === 'committed' ? (
                      <span className="pill pill-status-completed">
                        {t('import.history.imported')}
                      </span>
                    ) : (
                      <span className="history-undone">
                        <span className="pill">{t('import.history.undone')}</span>
                        <span className="history-undone-at">{fmt.dateTime(batch.undoneAt)}</span>
                      </span>
                    )}
                  </td>
                  <td>
                    <div className="history-actions">
                      {batch.rowsRejected > 0 ? (
                        <BusyButton
                          type="button"
                          className="button button-small"
                          onClick={() => void rejected.download(batch.id)}
                          isBusy={rejected.busyId === batch.id}
                          busyLabel={t('common.working')}
                          aria-label={t('import.history.downloadLabel', {
                            file: isolate(batch.fileName),
                          })}
                          data-testid="history-download"
                        >
                          {t('import.history.download')}
                        </BusyButton>
                      ) : null}
                      {batch.status === 'committed' ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setUndoing(batch)}
                          data-testid="history-undo"
                        >
                          {t('import.history.undo')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError message={rejected.error ? importErrorText(t, rejected.error) : null} />

      {undoing ? (
        <ConfirmDialog
          title={t('import.undo.title', { file: isolate(undoing.fileName) })}
          confirmLabel={t('import.undo.confirm')}
          tone="danger"
          initialFocus="cancel"
          onConfirm={() => undo(undoing)}
          onClose={() => setUndoing(null)}
          testId="import-undo-dialog"
        >
          <p>{t('import.undo.lead')}</p>
          <ul className="undo-list">
            <li>{t('import.undo.orders', { count: undoing.ordersCreated })}</li>
            {undoing.refundsRecorded > 0 ? (
              <li>{t('import.undo.refunds', { count: undoing.refundsRecorded })}</li>
            ) : null}
            {undoing.customersCreated > 0 ? (
              <li>{t('import.undo.customers', { count: undoing.customersCreated })}</li>
            ) : null}
          </ul>
          <p className="muted">{t('import.undo.kept')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
