import type { CSSProperties } from 'react';
import type { Kpis } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { ExportButtons } from '../exports/ExportButtons.tsx';
import { ChartCard, ChartEmpty } from './ChartCard.tsx';
import { ImportSalesLink } from './ImportSalesLink.tsx';
import { useChartFormat } from './use-chart-format.ts';

/** Months after the first purchase the heatmap shows: the cohort's own month and eleven more. */
const MONTHS_SHOWN = 12;

/**
 * Cohort retention (DESIGN.md §3) as a grid: a row per month of first purchase, a column per
 * month after it (k = 0 is the cohort's own month, always 100 %), each cell the share of the
 * cohort that bought in that month, shaded by it. Cells after today stay blank. The export holds
 * the same cohorts (those of the period shown), with every month after each.
 */
export function RetentionHeatmap({
  kpis,
  period,
}: {
  kpis: Kpis;
  period: { from: string; to: string };
}) {
  const { t, fmt } = useLocale();
  const format = useChartFormat();
  const cohorts = kpis.cohorts;
  const hasCohort = cohorts.some((cohort) => cohort.size > 0);
  const columns = Array.from({ length: MONTHS_SHOWN }, (_, k) => k);
  return (
    <ChartCard
      title={t('insights.cohorts.title')}
      definition={t('insights.def.cohorts')}
      lead={t('insights.cohorts.lead')}
      isWide
      testId="insights-cohorts"
      actions={
        hasCohort ? (
          <ExportButtons request={{ dataset: 'cohorts', from: period.from, to: period.to }} />
        ) : null
      }
    >
      {!hasCohort ? (
        kpis.customers === 0 ? (
          <ChartEmpty title={t('insights.empty.cohorts')} action={<ImportSalesLink />} />
        ) : (
          <ChartEmpty title={t('insights.cohorts.none')} />
        )
      ) : (
        <div className="heatmap-scroll">
          <div
            className="heatmap"
            role="table"
            aria-label={t('insights.cohorts.title')}
            style={{ '--heatmap-columns': MONTHS_SHOWN } as CSSProperties}
          >
            <div className="heatmap-row heatmap-head" role="row">
              <span role="columnheader">{t('insights.cohorts.cohort')}</span>
              <span role="columnheader">{t('insights.cohorts.size')}</span>
              {columns.map((k) => (
                <span role="columnheader" key={k} className="heatmap-k">
                  <span className="visually-hidden">{t('insights.cohorts.monthK')}</span>
                  {fmt.number(k)}
                </span>
              ))}
            </div>
            {cohorts.map((cohort) => (
              <div className="heatmap-row" role="row" key={cohort.cohort} data-testid="heatmap-row">
                <span role="rowheader" className="heatmap-cohort">
                  {format.month(cohort)}
                </span>
                <span role="cell" className="heatmap-size">
                  {fmt.number(cohort.size)}
                </span>
                {columns.map((k) => {
                  const share = cohort.retention[k];
                  if (share === undefined)
                    return <span role="cell" key={k} className="heatmap-cell is-future" />;
                  return (
                    <span
                      role="cell"
                      key={k}
                      className={`heatmap-cell${share !== null && share >= 0.45 ? ' is-dark' : ''}`}
                      style={{ '--share': share ?? 0 } as CSSProperties}
                    >
                      {share === null ? '—' : format.percentTick(share)}
                    </span>
                  );
                })}
              </div>
            ))}
          </div>
          <p className="heatmap-axis">{t('insights.cohorts.axis')}</p>
        </div>
      )}
    </ChartCard>
  );
}
