import type { ImportPreview } from '../../../src-shared/contract/index.ts';
import type { ColumnMapping } from '../../../src-shared/domain/import-fields.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { columnCount, fieldOfColumn } from './field-mapping.ts';

/** The first rows as read, with their line numbers: the file as the import sees it. */
export function SampleRows({
  preview,
  mapping,
}: {
  preview: ImportPreview;
  mapping: ColumnMapping;
}) {
  const { t, fmt } = useLocale();
  const { rows, headers } = preview;
  const width = columnCount(headers, rows);
  return (
    <section className="card" aria-labelledby="import-rows-title">
      <div className="card-heading">
        <h2 className="card-title" id="import-rows-title">
          {t('import.rows.title')}
        </h2>
        {rows.length > 0 ? (
          <p className="muted">{t('import.rows.lead', { count: rows.length })}</p>
        ) : null}
      </div>
      {rows.length === 0 ? (
        <p className="section-empty">{t('import.rows.none')}</p>
      ) : (
        <div className="table-scroll sample-rows" tabIndex={0} aria-labelledby="import-rows-title">
          <table className="data-table rows-table" data-testid="import-rows">
            <thead>
              <tr>
                <th scope="col" className="line-cell">
                  {t('import.rows.line')}
                </th>
                {Array.from({ length: width }, (_, column) => {
                  const field = fieldOfColumn(mapping, column);
                  return (
                    <th key={column} scope="col" className={field ? 'is-mapped' : undefined}>
                      <bdi>
                        {headers[column]?.trim() ||
                          t('import.mapping.columnNumber', { n: column + 1 })}
                      </bdi>
                      {field ? (
                        <span className="rows-field">{t(`import.field.${field}`)}</span>
                      ) : null}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.line}>
                  <th scope="row" className="line-cell">
                    {fmt.number(row.line)}
                  </th>
                  {Array.from({ length: width }, (_, column) => (
                    <td key={column}>
                      <bdi>{row.fields[column] ?? ''}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
