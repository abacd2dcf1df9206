import type { CSSProperties } from 'react';
import type { KpiSeries } from '../../../src-shared/contract/index.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { ChartCard, ChartEmpty } from './ChartCard.tsx';
import { useChartFormat } from './use-chart-format.ts';

/** NPS and CSAT of the period by the staff member who recorded the answers. */
export function StaffScores({ series }: { series: KpiSeries }) {
  const { t } = useLocale();
  const format = useChartFormat();
  return (
    <ChartCard
      title={t('insights.staff.title')}
      definition={`${t('insights.def.nps')} ${t('insights.def.csat')}`}
      lead={t('insights.staff.lead')}
      testId="insights-staff"
    >
      {series.staff.length === 0 ? (
        <ChartEmpty title={t('insights.staff.none')} body={t('insights.empty.surveysBody')} />
      ) : (
        <table className="staff-scores">
          <thead>
            <tr>
              <th scope="col">{t('insights.staff.member')}</th>
              <th scope="col">{t('insights.figure.nps')}</th>
              <th scope="col">{t('insights.figure.csat')}</th>
            </tr>
          </thead>
          <tbody>
            {series.staff.map((row) => (
              <tr key={row.staffId ?? ''} data-testid="staff-scores-row">
                <th scope="row">{row.name ?? t('insights.staff.nobody')}</th>
                <td>
                  <Score
                    text={row.nps === null ? '—' : format.signed(row.nps)}
                    fill={row.nps === null ? null : (row.nps + 100) / 200}
                    answers={t('insights.detail.answers', { count: row.npsResponses })}
                  />
                </td>
                <td>
                  <Score
                    text={row.csat === null ? '—' : format.percent(row.csat)}
                    fill={row.csat}
                    answers={t('insights.detail.answers', { count: row.csatResponses })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ChartCard>
  );
}

function Score({ text, fill, answers }: { text: string; fill: number | null; answers: string }) {
  return (
    <span className="staff-score">
      <span className="staff-score-value">{text}</span>
      <span className="staff-score-meter" aria-hidden="true">
        {fill === null ? null : (
          <span
            className="staff-score-fill"
            style={{ inlineSize: `${Math.round(fill * 100)}%` } as CSSProperties}
          />
        )}
      </span>
      <span className="staff-score-answers">{answers}</span>
    </span>
  );
}
