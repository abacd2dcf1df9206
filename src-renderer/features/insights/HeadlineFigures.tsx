import { useId } from 'react';
import type { Kpis, KpiSeries } from '../../../src-shared/contract/index.ts';
import type { MessageKey } from '../../../src-shared/i18n/messages/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { useSettings } from '../../app/use-settings.ts';
import { HEADLINES, changeOf, formatChangeNumber, formatValue, previousValue } from './figures.ts';
import type { Change, Headline, HeadlineKey } from './figures.ts';
import { InfoTip } from './InfoTip.tsx';

type Props = { current: Kpis; series: KpiSeries };

/** The period's headline figures, each with its definition and its change against before. */
export function HeadlineFigures({ current, series }: Props) {
  const { t } = useLocale();
  return (
    <section className="insights-headlines" aria-label={t('insights.headlinesLabel')}>
      {HEADLINES.map((headline) => (
        <FigureCard
          key={headline.key}
          headline={headline}
          current={current}
          previous={previousValue(headline, series)}
          beforeDay={series.beforePeriod.asOf}
        />
      ))}
    </section>
  );
}

const NAMES: Record<HeadlineKey, MessageKey> = {
  newCustomers: 'insights.figure.newCustomers',
  newCustomerChurn90: 'insights.figure.newCustomerChurn90',
  repeatPurchaseRate: 'insights.figure.repeatPurchaseRate',
  returningCustomerRate: 'insights.figure.returningCustomerRate',
  revenue: 'insights.figure.revenue',
  averageOrderValue: 'insights.figure.averageOrderValue',
  purchaseFrequency: 'insights.figure.purchaseFrequency',
  refundRate: 'insights.figure.refundRate',
  nps: 'insights.figure.nps',
  csat: 'insights.figure.csat',
};

const DEFINITIONS: Record<HeadlineKey, MessageKey> = {
  newCustomers: 'insights.def.newCustomers',
  newCustomerChurn90: 'insights.def.newCustomerChurn90',
  repeatPurchaseRate: 'insights.def.repeatPurchaseRate',
  returningCustomerRate: 'insights.def.returningCustomerRate',
  revenue: 'insights.def.revenue',
  averageOrderValue: 'insights.def.averageOrderValue',
  purchaseFrequency: 'insights.def.purchaseFrequency',
  refundRate: 'insights.def.refundRate',
  nps: 'insights.def.nps',
  csat: 'insights.def.csat',
};

export const figureName = (key: HeadlineKey): MessageKey => NAMES[key];
export const figureDefinition = (key: HeadlineKey): MessageKey => DEFINITIONS[key];

function FigureCard({
  headline,
  current,
  previous,
  beforeDay,
}: {
  headline: Headline;
  current: Kpis;
  previous: number | null;
  beforeDay: string;
}) {
  const { t, fmt, locale } = useLocale();
  const { settings } = useSettings();
  const money = { currency: settings.currency, displayUnit: settings.displayUnit };
  const nameId = useId();
  const { key, kind } = headline;
  const value = current[key];
  const change = changeOf(key, kind, value, previous);
  const name = t(NAMES[key]);
  return (
    <article
      className="insights-figure"
      aria-labelledby={nameId}
      data-testid={`insights-figure-${key}`}
    >
      <div className="insights-figure-name">
        <h3 id={nameId}>{name}</h3>
        <InfoTip
          label={t('insights.whatIs', { figure: name })}
          text={t(DEFINITIONS[key])}
          testId={`insights-figure-${key}-info`}
        />
      </div>
      <p className="insights-figure-value" data-testid={`insights-figure-${key}-value`}>
        {value === null ? t('insights.notEnoughData') : formatValue(kind, value, locale, money)}
      </p>
      <p className="insights-figure-detail">{detailOf(key, current, t, fmt.money)}</p>
      <ChangeLine
        change={change}
        comparedWith={
          headline.scope === 'asOf'
            ? t('insights.change.since', { date: fmt.date(beforeDay) })
            : t('insights.change.vsPrevious')
        }
      />
    </article>
  );
}

function ChangeLine({ change, comparedWith }: { change: Change | null; comparedWith: string }) {
  const { t, locale } = useLocale();
  if (change === null) {
    return <p className="insights-change is-none">{t('insights.change.none')}</p>;
  }
  const number = formatChangeNumber(change, locale);
  const amount = change.unit === 'points' ? t('insights.change.points', { value: number }) : number;
  return (
    <p className={`insights-change is-${change.tone}`}>
      <span className="insights-change-arrow" aria-hidden="true">
        {change.direction === 'up' ? '▲' : change.direction === 'down' ? '▼' : '●'}
      </span>
      <span>
        {change.direction === 'flat' ? t('insights.change.flat') : amount} {comparedWith}
      </span>
      {change.tone !== 'neutral' ? (
        <span className="visually-hidden">
          {change.tone === 'good' ? t('insights.change.better') : t('insights.change.worse')}
        </span>
      ) : null}
    </p>
  );
}

const detailOf = (
  key: HeadlineKey,
  kpis: Kpis,
  t: ReturnType<typeof useLocale>['t'],
  money: (minor: number) => string,
): string => {
  switch (key) {
    case 'newCustomers':
      return t('insights.detail.newCustomers');
    case 'newCustomerChurn90':
      return t('insights.detail.churn', { count: kpis.churn90Customers });
    case 'repeatPurchaseRate':
      return t('insights.detail.repeatPurchaseRate', { count: kpis.customers });
    case 'returningCustomerRate':
      return t('insights.detail.returningCustomerRate', { count: kpis.activeCustomers });
    case 'revenue':
      return t('insights.detail.revenue', { count: kpis.orders });
    case 'averageOrderValue':
      return t('insights.detail.averageOrderValue');
    case 'purchaseFrequency':
      return t('insights.detail.purchaseFrequency', { count: kpis.activeCustomers });
    case 'refundRate':
      return t('insights.detail.refundRate', { amount: money(kpis.refunded) });
    case 'nps':
      return t('insights.detail.answers', { count: kpis.npsResponses });
    case 'csat':
      return t('insights.detail.answers', { count: kpis.csatResponses });
  }
};
