import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';

/** The way to the data a chart is missing: the Import screen. */
export function ImportSalesLink() {
  const { t } = useLocale();
  return (
    <a className="button button-small" href={hrefOf({ name: 'import' })}>
      {t('insights.empty.importAction')}
    </a>
  );
}
