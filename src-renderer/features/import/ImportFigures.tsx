import type { ImportReport } from '../../../src-shared/contract/index.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';

type Figure = {
  key: keyof ImportReport & string;
  label: MessageKey;
  hint?: MessageKey;
};

const FIGURES: readonly Figure[] = [
  { key: 'rowsRead', label: 'import.figure.rowsRead' },
  { key: 'ordersCreated', label: 'import.figure.ordersNew' },
  {
    key: 'ordersAlreadyPresent',
    label: 'import.figure.ordersPresent',
    hint: 'import.figure.ordersPresentHint',
  },
  { key: 'refundsRecorded', label: 'import.figure.refunds' },
  { key: 'customersCreated', label: 'import.figure.customersNew' },
  { key: 'customersMatched', label: 'import.figure.customersMatched' },
  { key: 'rowsRejected', label: 'import.figure.rejected' },
];

/** What a run found or did, as a row of figures. */
export function ImportFigures({ report }: { report: ImportReport }) {
  const { t, fmt } = useLocale();
  return (
    <dl className="import-figures" aria-label={t('import.figuresLabel')}>
      {FIGURES.map(({ key, label, hint }) => {
        const value = report[key];
        const count = typeof value === 'number' ? value : 0;
        const tone =
          key === 'rowsRejected' && count > 0
            ? ' is-warn'
            : key === 'ordersCreated' || key === 'customersCreated'
              ? ' is-key'
              : '';
        return (
          <div key={key} className={`import-figure${tone}`} data-testid={`figure-${key}`}>
            <dt className="import-figure-label">{t(label)}</dt>
            <dd className="import-figure-value" data-testid={`figure-${key}-value`}>
              {fmt.number(count)}
            </dd>
            {hint ? <dd className="import-figure-hint">{t(hint)}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}
