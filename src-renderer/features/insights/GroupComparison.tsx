import { useMemo } from 'react';
import type { Kpis } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartSpec, ChartTone } from '../../components/charts/chart-config.ts';
import { ChartCard, ChartEmpty } from './ChartCard.tsx';
import { loyaltyComparisonOf } from './loyalty.ts';
import { useChartFormat } from './use-chart-format.ts';

type Group = { label: string; customers: number };
type Measure = { label: string; values: (number | null)[]; tone: ChartTone };

/** Groups' rates side by side, as horizontal bars, with the groups' sizes in their labels. */
function GroupBars({
  groups,
  measures,
  title,
}: {
  groups: Group[];
  measures: Measure[];
  title: string;
}) {
  const { t } = useLocale();
  const format = useChartFormat();
  const spec = useMemo<ChartSpec>(
    () => ({
      labels: groups.map((group) =>
        t('insights.group.label', { group: group.label, count: group.customers }),
      ),
      series: measures.map((measure) => ({
        label: measure.label,
        kind: 'bar',
        tone: measure.tone,
        values: measure.values,
        format: format.percent,
      })),
      y: { format: format.percentTick, min: 0, max: 1 },
      isHorizontal: true,
    }),
    [groups, measures, format, t],
  );
  return (
    <Chart
      spec={spec}
      title={title}
      categoryLabel={t('insights.group.group')}
      height={measures.length > 1 ? 190 : 150}
    />
  );
}

/**
 * The follow-up effect (DESIGN.md §3): the period's new customers (those with 90 days behind
 * them) reached by their post-purchase check-in against those never reached, by 90-day repeat
 * rate.
 */
export function FollowUpEffect({ kpis }: { kpis: Kpis }) {
  const { t } = useLocale();
  const { reached, notReached } = kpis.followUpEffect;
  const groups = useMemo(
    () => [
      { label: t('insights.followUp.reached'), customers: reached.customers },
      { label: t('insights.followUp.notReached'), customers: notReached.customers },
    ],
    [t, reached.customers, notReached.customers],
  );
  const measures = useMemo<Measure[]>(
    () => [
      {
        label: t('insights.figure.repeatRate90'),
        tone: 'primary',
        values: [reached.repeatRate90, notReached.repeatRate90],
      },
    ],
    [t, reached.repeatRate90, notReached.repeatRate90],
  );
  return (
    <ChartCard
      title={t('insights.followUp.title')}
      definition={t('insights.def.followUpEffect')}
      lead={t('insights.followUp.lead')}
      testId="insights-follow-up"
    >
      {kpis.churn90Customers === 0 ? (
        <ChartEmpty
          title={t('insights.churn.tooEarly')}
          body={t('insights.followUp.tooEarlyBody')}
        />
      ) : reached.customers === 0 ? (
        <ChartEmpty
          title={t('insights.followUp.noneReached')}
          body={t('insights.followUp.noneReachedBody')}
        />
      ) : (
        <GroupBars groups={groups} measures={measures} title={t('insights.followUp.title')} />
      )}
    </ChartCard>
  );
}

/** Loyalty members vs the rest (DESIGN.md §3), once the figures carry it; nothing until then. */
export function LoyaltyComparison({ kpis }: { kpis: Kpis }) {
  const { t } = useLocale();
  const comparison = useMemo(() => loyaltyComparisonOf(kpis), [kpis]);
  const groups = useMemo(
    () =>
      comparison
        ? [
            { label: t('insights.loyalty.members'), customers: comparison.members.customers },
            { label: t('insights.loyalty.others'), customers: comparison.others.customers },
          ]
        : [],
    [comparison, t],
  );
  const measures = useMemo<Measure[]>(
    () =>
      comparison
        ? comparison.measures.map((measure, i) => ({
            label:
              measure === 'repeatRate90'
                ? t('insights.figure.repeatRate90')
                : t('insights.figure.repeatPurchaseRate'),
            tone: i === 0 ? 'primary' : 'accent',
            values: [comparison.members[measure], comparison.others[measure]],
          }))
        : [],
    [comparison, t],
  );
  if (!comparison) return null;
  return (
    <ChartCard
      title={t('insights.loyalty.title')}
      definition={t('insights.def.loyalty')}
      testId="insights-loyalty"
    >
      {comparison.members.customers === 0 ? (
        <ChartEmpty title={t('insights.loyalty.none')} />
      ) : (
        <GroupBars groups={groups} measures={measures} title={t('insights.loyalty.title')} />
      )}
    </ChartCard>
  );
}
