import type { ReactNode } from 'react';
import type { RejectedRow } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { rejectReasonText } from './import-text.ts';

/** The rows a run left out: their line in the file, why, and what they held. */
export function RejectedRows({
  rows,
  total,
  isDone,
  onDownload,
  actions,
}: {
  rows: readonly RejectedRow[];
  total: number;
  /** After the import ("were not imported") rather than after the check ("will not be"). */
  isDone: boolean;
  /** Offers the rows listed here as a file. */
  onDownload?: () => void;
  /** After the import: every rejected row of the batch as a file (the export buttons). */
  actions?: ReactNode;
}) {
  const { t, fmt } = useLocale();
  if (total === 0) return null;
  const isCut = rows.length < total;
  return (
    <section className="card" aria-labelledby="import-rejected-title" data-testid="import-rejected">
      <div className="card-heading">
        <h2 className="card-title" id="import-rejected-title">
          {t(isDone ? 'import.rejected.titleDone' : 'import.rejected.title')}
          <span className="card-count">{fmt.number(total)}</span>
        </h2>
        <p className="muted">{t('import.rejected.lead')}</p>
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
            {rows.map((row) => (
              <tr key={row.line} data-testid="rejected-row" data-line={row.line}>
                <th scope="row" className="line-cell" data-testid="rejected-line">
                  {fmt.number(row.line)}
                </th>
                <td className="rejected-reason" data-testid="rejected-reason">
                  {rejectReasonText(t, row)}
                </td>
                <td>
                  <RejectedFields fields={row.fields} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isCut || onDownload || actions ? (
        <div className="rejected-foot">
          {isCut ? (
            <p className="muted" data-testid="import-rejected-cut">
              {t(onDownload ? 'import.rejected.downloadCut' : 'import.rejected.more', {
                shown: rows.length,
                count: total,
              })}
            </p>
          ) : null}
          {onDownload ? (
            <button
              type="button"
              className="button"
              onClick={onDownload}
              data-testid="import-download-checked"
            >
              {t('import.rejected.download')}
            </button>
          ) : null}
          {actions}
        </div>
      ) : null}
    </section>
  );
}

/** What a rejected line held, field by field (an empty field says so). */
export function RejectedFields({ fields }: { fields: readonly string[] }) {
  const { t } = useLocale();
  return (
    <span className="rejected-fields">
      {fields.map((field, index) =>
        field === '' ? (
          <span key={index} className="rejected-field is-empty">
            {t('import.mapping.empty')}
          </span>
        ) : (
          <bdi key={index} className="rejected-field">
            {field}
          </bdi>
        ),
      )}
    </span>
  );
}
