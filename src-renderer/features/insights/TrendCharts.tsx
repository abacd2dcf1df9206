import { useMemo } from 'react';
import type { Kpis, KpiSeries } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartSpec } from '../../components/charts/chart-config.ts';
import { ChartCard, ChartEmpty } from './ChartCard.tsx';
import { InfoTip } from './InfoTip.tsx';
import { ImportSalesLink } from './ImportSalesLink.tsx';
import { useChartFormat } from './use-chart-format.ts';

type Props = { kpis: Kpis; series: KpiSeries };

/** New-customer 90-day churn of each monthly cohort of the period. */
export function ChurnByCohort({ kpis, series }: Props) {
  const { t } = useLocale();
  const format = useChartFormat();
  const known = series.months.filter((month) => month.churn90Customers > 0);
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: series.months.map(format.month),
      series: [
        {
          label: t('insights.figure.newCustomerChurn90'),
          kind: 'bar',
          tone: 'danger',
          values: series.months.map((month) => month.newCustomerChurn90),
          format: format.percent,
        },
      ],
      y: { format: format.percentTick, min: 0, max: 1 },
    }),
    [series, format, t],
  );
  return (
    <ChartCard
      title={t('insights.churn.title')}
      definition={t('insights.def.newCustomerChurn90')}
      lead={t('insights.churn.lead')}
      testId="insights-churn"
    >
      {known.length > 0 ? (
        <Chart
          spec={spec}
          title={t('insights.churn.title')}
          categoryLabel={t('insights.chart.month')}
        />
      ) : kpis.customers === 0 ? (
        <ChartEmpty title={t('insights.empty.importSales')} action={<ImportSalesLink />} />
      ) : (
        <ChartEmpty title={t('insights.churn.tooEarly')} body={t('insights.churn.tooEarlyBody')} />
      )}
    </ChartCard>
  );
}

/** Repeat purchase rate (as of each month's end) and returning customer rate (of each month). */
export function RepeatAndReturning({ kpis, series }: Props) {
  const { t } = useLocale();
  const format = useChartFormat();
  const repeat = t('insights.figure.repeatPurchaseRate');
  const returning = t('insights.figure.returningCustomerRate');
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: series.months.map(format.month),
      series: [
        {
          label: repeat,
          kind: 'line',
          tone: 'primary',
          values: series.months.map((month) => month.repeatPurchaseRate),
          format: format.percent,
        },
        {
          label: returning,
          kind: 'line',
          tone: 'info',
          values: series.months.map((month) => month.returningCustomerRate),
          format: format.percent,
        },
      ],
      y: { format: format.percentTick, min: 0, max: 1 },
      isLegendHidden: true,
    }),
    [series, format, repeat, returning],
  );
  return (
    <ChartCard
      title={t('insights.repeat.title')}
      lead={t('insights.repeat.lead')}
      testId="insights-repeat"
    >
      {kpis.customers === 0 ? (
        <ChartEmpty title={t('insights.empty.importSales')} action={<ImportSalesLink />} />
      ) : (
        <>
          <ul className="insights-legend">
            <li>
              <span className="insights-swatch tone-primary" aria-hidden="true" />
              {repeat}
              <InfoTip
                label={t('insights.whatIs', { figure: repeat })}
                text={t('insights.def.repeatPurchaseRate')}
                testId="insights-repeat-info"
              />
            </li>
            <li>
              <span className="insights-swatch tone-info" aria-hidden="true" />
              {returning}
              <InfoTip
                label={t('insights.whatIs', { figure: returning })}
                text={t('insights.def.returningCustomerRate')}
                testId="insights-returning-info"
              />
            </li>
          </ul>
          <Chart
            spec={spec}
            title={t('insights.repeat.title')}
            categoryLabel={t('insights.chart.month')}
          />
        </>
      )}
    </ChartCard>
  );
}

/** Revenue (bars) and average order value (a line on its own axis), month by month. */
export function RevenueAndAov({ kpis, series }: Props) {
  const { t } = useLocale();
  const format = useChartFormat();
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: series.months.map(format.month),
      series: [
        {
          label: t('insights.figure.revenue'),
          kind: 'bar',
          tone: 'primary',
          values: series.months.map((month) => month.revenue),
          format: format.money,
        },
        {
          label: t('insights.figure.averageOrderValue'),
          kind: 'line',
          tone: 'accent',
          axis: 'y2',
          values: series.months.map((month) => month.averageOrderValue),
          format: format.money,
        },
      ],
      y: { format: format.moneyTick },
      y2: { format: format.moneyTick },
    }),
    [series, format, t],
  );
  const hasSales = series.months.some((month) => month.orders > 0);
  return (
    <ChartCard
      title={t('insights.revenue.title')}
      definition={t('insights.def.averageOrderValue')}
      lead={t('insights.revenue.lead')}
      testId="insights-revenue"
    >
      {hasSales ? (
        <Chart
          spec={spec}
          title={t('insights.revenue.title')}
          categoryLabel={t('insights.chart.month')}
        />
      ) : (
        <ChartEmpty
          title={
            kpis.customers === 0 ? t('insights.empty.importSales') : t('insights.revenue.none')
          }
          action={<ImportSalesLink />}
        />
      )}
    </ChartCard>
  );
}

/** NPS (−100…100) and CSAT (a share, on the other axis), month by month. */
export function SatisfactionOverTime({ series }: Props) {
  const { t } = useLocale();
  const format = useChartFormat();
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: series.months.map(format.month),
      series: [
        {
          label: t('insights.figure.nps'),
          kind: 'line',
          tone: 'primary',
          values: series.months.map((month) => month.nps),
          format: format.signed,
        },
        {
          label: t('insights.figure.csat'),
          kind: 'line',
          tone: 'accent',
          axis: 'y2',
          values: series.months.map((month) => month.csat),
          format: format.percent,
        },
      ],
      y: { format: format.signed, min: -100, max: 100 },
      y2: { format: format.percentTick, min: 0, max: 1 },
    }),
    [series, format, t],
  );
  const hasAnswers = series.months.some(
    (month) => month.npsResponses > 0 || month.csatResponses > 0,
  );
  return (
    <ChartCard
      title={t('insights.satisfaction.title')}
      definition={`${t('insights.def.nps')} ${t('insights.def.csat')}`}
      lead={t('insights.satisfaction.lead')}
      testId="insights-satisfaction"
    >
      {hasAnswers ? (
        <Chart
          spec={spec}
          title={t('insights.satisfaction.title')}
          categoryLabel={t('insights.chart.month')}
        />
      ) : (
        <ChartEmpty title={t('insights.empty.surveys')} body={t('insights.empty.surveysBody')} />
      )}
    </ChartCard>
  );
}
