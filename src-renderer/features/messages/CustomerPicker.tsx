import { useId } from 'react';
import type { CustomerRow } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';

type Props = {
  search: string;
  onSearch: (search: string) => void;
  /** The customers matching the search; the chosen one is among them. */
  rows: readonly CustomerRow[];
  chosen: CustomerRow | null;
  onChoose: (id: string) => void;
};

/** Who the preview is filled for: a search over the book and a choice among its matches. */
export function CustomerPicker({ search, onSearch, rows, chosen, onChoose }: Props) {
  const { t } = useLocale();
  const id = useId();
  return (
    <div className="field preview-customer">
      <label className="field-label" htmlFor={`${id}-choice`}>
        {t('messages.preview.customer')}
      </label>
      <div className="preview-customer-controls">
        <input
          type="search"
          className="input"
          value={search}
          placeholder={t('messages.preview.search')}
          aria-label={t('messages.preview.search')}
          onChange={(event) => onSearch(event.target.value)}
          data-testid="preview-customer-search"
        />
        <select
          id={`${id}-choice`}
          className="input"
          value={chosen?.id ?? ''}
          disabled={rows.length === 0}
          onChange={(event) => onChoose(event.target.value)}
          data-testid="preview-customer"
        >
          {rows.map((row) => (
            <option key={row.id} value={row.id}>
              {row.name}
            </option>
          ))}
        </select>
      </div>
      {rows.length === 0 ? (
        <p className="field-hint" data-testid="preview-no-match">
          {t('messages.preview.noMatch')}
        </p>
      ) : null}
    </div>
  );
}
