import { useMemo } from 'react';
import type { TierDistribution } from '../../../src-shared/contract/index.ts';
import { formatPercent } from '../../../src-shared/i18n/locale.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartSpec } from '../../components/charts/chart-config.ts';
import { TierBadge } from './TierBadge.tsx';

/**
 * How many customers each tier holds (a bar per tier, lowest first) with each tier's threshold,
 * and a link to the tier's customers in the book.
 */
export function TierDistributionCard({ distribution }: { distribution: TierDistribution }) {
  const { t, fmt, locale } = useLocale();
  const percent = (count: number) =>
    formatPercent(distribution.customers === 0 ? null : count / distribution.customers, locale, 1);
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: distribution.tiers.map((tier) => tier.name),
      series: [
        {
          label: t('loyalty.distribution.customers'),
          kind: 'bar',
          tone: 'primary',
          values: distribution.tiers.map((tier) => tier.customers),
          format: (value) => fmt.number(value),
        },
      ],
      // Customers are whole: no ticks between them.
      y: { format: (value) => (Number.isInteger(value) ? fmt.number(value) : ''), min: 0 },
      isHorizontal: true,
      isLegendHidden: true,
    }),
    [distribution, t, fmt],
  );
  return (
    <section
      className="card loyalty-distribution"
      aria-labelledby="loyalty-distribution-title"
      data-testid="loyalty-distribution"
    >
      <div className="loyalty-heading">
        <h2 id="loyalty-distribution-title" className="card-title">
          {t('loyalty.distribution.title')}
          <span className="card-count">{fmt.number(distribution.customers)}</span>
        </h2>
        <p className="muted">
          {t('loyalty.distribution.lead', { date: fmt.date(distribution.asOf) })}
        </p>
      </div>
      {distribution.customers === 0 ? (
        <div className="section-empty" data-testid="loyalty-distribution-empty">
          <p>{t('loyalty.distribution.empty')}</p>
          <a className="button button-small" href={hrefOf({ name: 'import' })}>
            {t('loyalty.distribution.import')}
          </a>
        </div>
      ) : (
        <>
          <Chart
            spec={spec}
            title={t('loyalty.distribution.title')}
            categoryLabel={t('loyalty.distribution.tier')}
            height={Math.max(120, distribution.tiers.length * 44)}
            testId="loyalty-distribution-chart"
          />
          <ul className="loyalty-tier-list">
            {distribution.tiers.map((tier) => (
              <li key={tier.id} className="loyalty-tier-item" data-testid="loyalty-tier-count">
                <TierBadge tier={tier} isBaseShown />
                <span className="muted">
                  {tier.rank === 0
                    ? t('loyalty.distribution.base')
                    : t('loyalty.distribution.from', { amount: fmt.money(tier.threshold) })}
                </span>
                <span className="loyalty-tier-number">
                  {t('loyalty.distribution.count', {
                    count: tier.customers,
                    share: percent(tier.customers),
                  })}
                </span>
                {tier.customers > 0 ? (
                  <a
                    className="loyalty-tier-link"
                    href={hrefOf({ name: 'customers', tier: tier.id })}
                    data-testid="loyalty-tier-customers"
                  >
                    {t('loyalty.distribution.show', { tier: tier.name })}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
