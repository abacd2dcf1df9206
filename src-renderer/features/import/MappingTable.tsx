import type { ImportPreview } from '../../../src-shared/contract/index.ts';
import type { ColumnMapping, ImportField } from '../../../src-shared/domain/import-fields.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { assignField, columnCount, FIELD_GROUPS, fieldOfColumn } from './field-mapping.ts';
import { sampleProblemText } from './import-text.ts';
import { columnValues, filledCells, sampleDisplay } from './sample-value.ts';

const SAMPLE_COUNT = 3;

type Props = {
  preview: ImportPreview;
  /** The mapping as the user last set it (the preview may still be catching up). */
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
};

/**
 * One row per column of the file: its header, what it is imported as (a field, or nothing), and
 * its first values next to what they will be read as, so a wrong choice shows at once.
 */
export function MappingTable({ preview, mapping, onChange }: Props) {
  const { t } = useLocale();
  const width = columnCount(preview.headers, preview.rows);
  return (
    <div className="table-scroll">
      <table className="data-table mapping-table" data-testid="mapping-table">
        <thead>
          <tr>
            <th scope="col">{t('import.mapping.column')}</th>
            <th scope="col">{t('import.mapping.field')}</th>
            <th scope="col">{t('import.mapping.sample')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: width }, (_, column) => (
            <MappingRow
              key={column}
              column={column}
              header={preview.headers[column]?.trim() ?? ''}
              field={fieldOfColumn(mapping, column)}
              preview={preview}
              onChoose={(field) => onChange(assignField(mapping, column, field))}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MappingRow({
  column,
  header,
  field,
  preview,
  onChoose,
}: {
  column: number;
  header: string;
  field: ImportField | null;
  preview: ImportPreview;
  onChoose: (field: ImportField | null) => void;
}) {
  const { t } = useLocale();
  const numberLabel = t('import.mapping.columnNumber', { n: column + 1 });
  const name = header || numberLabel;
  const hintId = `mapping-hint-${column}`;
  return (
    <tr
      className={field ? 'is-mapped' : undefined}
      data-testid="mapping-row"
      data-field={field ?? ''}
    >
      <th scope="row" className="mapping-column">
        <bdi className="mapping-header">{name}</bdi>
        {header ? <span className="mapping-number">{numberLabel}</span> : null}
      </th>
      <td className="mapping-field">
        <select
          className="input"
          value={field ?? ''}
          aria-label={t('import.mapping.selectLabel', { column: name })}
          aria-describedby={field ? hintId : undefined}
          onChange={(event) =>
            onChoose(event.target.value === '' ? null : (event.target.value as ImportField))
          }
          data-testid={`mapping-select-${column}`}
        >
          <option value="">{t('import.mapping.notImported')}</option>
          {FIELD_GROUPS.map(({ group, fields }) => (
            <optgroup key={group} label={t(`import.mapping.group.${group}`)}>
              {fields.map((option) => (
                <option key={option} value={option}>
                  {t(`import.field.${option}`)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {field ? (
          <p className="field-hint" id={hintId}>
            {t(`import.fieldHint.${field}`)}
          </p>
        ) : null}
      </td>
      <td className="mapping-sample" data-testid={`mapping-sample-${column}`}>
        <SampleValues column={column} field={field} preview={preview} />
      </td>
    </tr>
  );
}

function SampleValues({
  column,
  field,
  preview,
}: {
  column: number;
  field: ImportField | null;
  preview: ImportPreview;
}) {
  const { t, fmt, locale } = useLocale();
  const cells = field ? preview.samples[field] : undefined;
  // The column's parse, once the preview has caught up with the choice; its raw values till then.
  const isParsed = cells !== undefined && preview.plan.mapping[field as ImportField] === column;
  if (field && isParsed) {
    const filled = filledCells(cells, SAMPLE_COUNT);
    if (filled.length === 0) return <span className="muted">{t('import.mapping.noValues')}</span>;
    return (
      <ul className="sample-list">
        {filled.map((cell, index) => {
          if (cell.problem !== null || cell.parsed === null) {
            return (
              <li key={index} className="sample is-problem" data-testid="sample-problem">
                <bdi className="sample-raw">{cell.raw}</bdi>
                <span className="sample-problem">
                  {sampleProblemText(t, cell.problem ?? 'other')}
                </span>
              </li>
            );
          }
          const shown = sampleDisplay(field, cell.parsed, fmt, locale);
          return (
            <li key={index} className="sample">
              {shown === cell.raw ? null : (
                <>
                  <bdi className="sample-raw">{cell.raw}</bdi>
                  <span className="sample-arrow" aria-label={t('import.mapping.readAs')}>
                    →
                  </span>
                </>
              )}
              <bdi className="sample-parsed" data-testid="sample-parsed">
                {shown}
              </bdi>
            </li>
          );
        })}
      </ul>
    );
  }
  const values = columnValues(preview.rows, column, SAMPLE_COUNT);
  if (values.length === 0) return <span className="muted">{t('import.mapping.noValues')}</span>;
  return (
    <ul className={`sample-list${field ? '' : ' is-unmapped'}`}>
      {values.map((value, index) => (
        <li key={index} className="sample">
          <bdi className="sample-raw">{value}</bdi>
        </li>
      ))}
    </ul>
  );
}
