import { useState } from 'react';
import type { Kpis } from '../../../src-shared/contract/index.ts';
import { formatNumber, todayIn } from '../../../src-shared/i18n/locale.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { ChartCard, ChartEmpty } from './ChartCard.tsx';
import { FocusFigureCard } from './FocusFigureCard.tsx';
import { FollowUpEffect, LoyaltyComparison } from './GroupComparison.tsx';
import { HeadlineFigures } from './HeadlineFigures.tsx';
import { ImportSalesLink } from './ImportSalesLink.tsx';
import { InfoTip } from './InfoTip.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { presetPeriod } from './period.ts';
import type { Period } from './period.ts';
import { RetentionHeatmap } from './RetentionHeatmap.tsx';
import { RfmGrid } from './RfmGrid.tsx';
import { StaffScores } from './StaffScores.tsx';
import {
  ChurnByCohort,
  RepeatAndReturning,
  RevenueAndAov,
  SatisfactionOverTime,
} from './TrendCharts.tsx';
import { useInsights } from './use-insights.ts';
import './insights.css';
import { LoadFailed } from '../../components/LoadFailed.tsx';

/** The period chosen last, kept while the app runs: back from a segment's customers, it stays. */
let chosenPeriod: Period | null = null;

/**
 * Insights: the retention figures of DESIGN.md §3 for a period of the shop's calendar, against the
 * period before; the charts month by month; the RFM grid (a segment opens its customers); and the
 * owner's focus figure.
 */
export function InsightsScreen() {
  const { t, fmt, calendar } = useLocale();
  const { settings } = useSettings();
  const today = todayIn(new Date(), settings.timeZone);
  const [chosen, setChosen] = useState<Period>(
    () => chosenPeriod ?? presetPeriod('last12Months', today, calendar),
  );
  // A preset follows the calendar and the day; custom days stay as typed.
  const period = chosen.preset === 'custom' ? chosen : presetPeriod(chosen.preset, today, calendar);
  const insights = useInsights(period);
  const choose = (next: Period) => {
    chosenPeriod = next;
    setChosen(next);
  };

  const data = insights.data;
  return (
    <div
      className="screen insights-screen"
      data-testid="insights-screen"
      aria-busy={insights.status === 'loading' || insights.isRefreshing}
    >
      <header className="screen-header insights-header">
        <div>
          <h1 className="screen-title">{t('insights.title')}</h1>
          <p className="screen-subtitle">{t('insights.subtitle', { date: fmt.date(today) })}</p>
        </div>
      </header>
      <PeriodPicker period={period} today={today} onChange={choose} />

      {insights.status === 'failed' ? (
        <LoadFailed
          title={t('insights.loadFailed')}
          error={insights.error}
          onRetry={insights.retry}
        />
      ) : !data ? (
        <div className="grid-loading" aria-label={t('common.loading')} />
      ) : (
        <div className={`insights-body${insights.isRefreshing ? ' is-refreshing' : ''}`}>
          {data.current.customers === 0 && data.current.revenue === 0 ? (
            <div className="notice insights-no-sales" data-testid="insights-no-sales">
              <span>{t('insights.empty.noSales')}</span>
              <ImportSalesLink />
            </div>
          ) : null}
          <HeadlineFigures current={data.current} series={data.series} />
          <FocusFigureCard today={today} />
          <div className="insights-grid">
            <ChurnByCohort kpis={data.current} series={data.series} />
            <RepeatAndReturning kpis={data.current} series={data.series} />
            <RetentionHeatmap kpis={data.current} period={period} />
            <RevenueAndAov kpis={data.current} series={data.series} />
            <SatisfactionOverTime kpis={data.current} series={data.series} />
            <SecondPurchase kpis={data.current} />
            <StaffScores series={data.series} />
            <FollowUpEffect kpis={data.current} />
            <LoyaltyComparison kpis={data.current} />
            <RfmGrid kpis={data.current} />
          </div>
        </div>
      )}
    </div>
  );
}

/** Median days to the second purchase and the 12-month customer value: figures of all history. */
function SecondPurchase({ kpis }: { kpis: Kpis }) {
  const { t, fmt, locale } = useLocale();
  const median = kpis.medianDaysToSecondPurchase;
  const clvName = t('insights.figure.historicClv12m');
  return (
    <ChartCard
      title={t('insights.secondPurchase.title')}
      definition={t('insights.def.medianDaysToSecondPurchase')}
      lead={t('insights.secondPurchase.lead')}
      testId="insights-second-purchase"
    >
      {median === null ? (
        <ChartEmpty
          title={
            kpis.customers === 0
              ? t('insights.empty.importSales')
              : t('insights.secondPurchase.none')
          }
          action={kpis.customers === 0 ? <ImportSalesLink /> : undefined}
        />
      ) : (
        <div className="insights-big-figures">
          <div>
            <p className="insights-big-value" data-testid="insights-median-days">
              {t('insights.days', {
                count: median,
                days: formatNumber(median, locale, { maximumFractionDigits: 1 }),
              })}
            </p>
            <p className="insights-figure-detail">{t('insights.secondPurchase.detail')}</p>
          </div>
          <div>
            <div className="insights-figure-name">
              <h3>{clvName}</h3>
              <InfoTip
                label={t('insights.whatIs', { figure: clvName })}
                text={t('insights.def.historicClv12m')}
              />
            </div>
            <p className="insights-big-value is-small">
              {kpis.historicClv12m === null
                ? t('insights.notEnoughData')
                : fmt.money(Math.round(kpis.historicClv12m))}
            </p>
            <p className="insights-figure-detail">
              {t('insights.detail.clv', { count: kpis.clvCustomers })}
            </p>
          </div>
        </div>
      )}
    </ChartCard>
  );
}
