import { useEffect, useState } from 'react';
import type { Customer, CustomerProfile, CustomerRow } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Ltr } from '../../components/Ltr.tsx';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { BusyButton } from '../../components/BusyButton.tsx';
import { FormError } from '../../components/FormError.tsx';

type Props = {
  keep: Customer;
  onClose: () => void;
  onMerged: (profile: CustomerProfile) => void;
};

type Search = { query: string; rows: CustomerRow[]; error: unknown };

/**
 * Merging a duplicate into this customer: find the other record, then confirm, with what moves
 * spelt out, because a merge cannot be undone.
 */
export function MergeDialog({ keep, onClose, onMerged }: Props) {
  const { t, fmt } = useLocale();
  const api = useApi();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 150);
  const [search, setSearch] = useState<Search>({ query: '', rows: [], error: null });
  const [picked, setPicked] = useState<CustomerRow | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (query === '') return;
    let isCurrent = true;
    api
      .call('customers:list', { search: query, limit: 8, archived: 'exclude' })
      .then((page) => {
        if (isCurrent) {
          setSearch({ query, rows: page.rows.filter((row) => row.id !== keep.id), error: null });
        }
      })
      .catch((caught: unknown) => {
        if (isCurrent) setSearch({ query, rows: [], error: caught });
      });
    return () => {
      isCurrent = false;
    };
  }, [api, query, keep.id]);

  const merge = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      onMerged(await api.call('customers:merge', { keepId: keep.id, mergeId: picked.id }));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const results = query === '' ? [] : search.query === query ? search.rows : null;

  return (
    <Dialog
      title={t('merge.title', { name: keep.name })}
      onClose={onClose}
      isDismissible={!isBusy}
      size="medium"
      testId="merge-dialog"
    >
      {picked === null ? (
        <div className="merge-pick">
          <p className="dialog-lead">{t('merge.pickLead', { name: keep.name })}</p>
          <input
            type="search"
            className="input"
            value={text}
            placeholder={t('customers.searchPlaceholder')}
            aria-label={t('merge.searchLabel')}
            onChange={(event) => setText(event.target.value)}
            data-testid="merge-search"
            data-autofocus
          />
          <FormError
            message={
              search.error !== null && search.query === query ? errorText(t, search.error) : null
            }
          />
          {results !== null && query !== '' && results.length === 0 ? (
            <p className="muted merge-none">{t('merge.noResults')}</p>
          ) : null}
          <ul className="merge-results" aria-label={t('merge.resultsLabel')}>
            {(results ?? []).map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className="merge-result"
                  onClick={() => setPicked(row)}
                  data-testid="merge-result"
                >
                  <span className="merge-result-name">{row.name}</span>
                  <span className="muted">
                    {row.phone ? <Ltr>{fmt.phone(row.phone)}</Ltr> : null}
                    {row.phone ? ' · ' : null}
                    {t('merge.orderCount', { count: row.orders })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="merge-confirm" data-testid="merge-confirm">
          <p className="dialog-lead">
            {t('merge.confirmLead', { from: picked.name, into: keep.name })}
          </p>
          <ul className="merge-moves">
            <li>{t('merge.movesOrders', { count: picked.orders })}</li>
            <li>{t('merge.movesNotes')}</li>
            <li>{t('merge.movesContacts')}</li>
            <li>{t('merge.movesIds')}</li>
          </ul>
          <p className="merge-warning">{t('merge.archivedAfter', { name: picked.name })}</p>
          <FormError message={error ? errorText(t, error) : null} />
          <div className="form-actions">
            <button
              type="button"
              className="button"
              onClick={() => setPicked(null)}
              disabled={isBusy}
            >
              {t('common.back')}
            </button>
            <BusyButton
              type="button"
              className="button button-danger"
              onClick={() => void merge()}
              data-testid="merge-confirm-button"
              autoFocus
              isBusy={isBusy}
              busyLabel={t('common.working')}
            >
              {t('merge.confirm')}
            </BusyButton>
          </div>
        </div>
      )}
    </Dialog>
  );
}
