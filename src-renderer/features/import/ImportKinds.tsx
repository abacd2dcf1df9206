import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';

/** Sales or survey answers: the two things the Import screen brings in, one link each. */
export function ImportKinds({ current }: { current: 'sales' | 'surveys' }) {
  const { t } = useLocale();
  return (
    <nav className="segmented import-kinds" aria-label={t('importKinds.label')}>
      <a
        className="segmented-option"
        href={hrefOf({ name: 'import' })}
        aria-current={current === 'sales' ? 'page' : undefined}
        data-testid="import-kind-sales"
      >
        {t('importKinds.sales')}
      </a>
      <a
        className="segmented-option"
        href={hrefOf({ name: 'import', kind: 'surveys' })}
        aria-current={current === 'surveys' ? 'page' : undefined}
        data-testid="import-kind-surveys"
      >
        {t('importKinds.surveys')}
      </a>
    </nav>
  );
}
