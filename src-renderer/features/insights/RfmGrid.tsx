import { RFM_SEGMENTS } from '../../../src-shared/domain/kpis.ts';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import type { Kpis } from '../../../src-shared/contract/index.ts';
import { SEGMENT_NAMES } from '../../app/i18n/rfm-segments.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf } from '../../app/router.ts';
import { ExportButtons } from '../exports/ExportButtons.tsx';
import { ChartCard, ChartEmpty } from './ChartCard.tsx';
import { ImportSalesLink } from './ImportSalesLink.tsx';
import { SEGMENT_TONES, rfmGridCells } from './rfm.ts';

/**
 * The RFM grid as of today: recency score (5: bought most recently) down the side, frequency
 * score along the top, each cell's customers shaded by its segment. A cell or a segment opens
 * the Customers list filtered to that segment.
 */
export function RfmGrid({ kpis }: { kpis: Kpis }) {
  const { t, fmt } = useLocale();
  const rows = rfmGridCells(kpis.rfm.grid);
  const linkTo = (segment: RfmSegment) => hrefOf({ name: 'customers', rfmSegment: segment });
  return (
    <ChartCard
      title={t('insights.rfm.title')}
      definition={t('insights.def.rfm')}
      lead={kpis.rfm.method === 'fixed' ? t('insights.rfm.fixed') : t('insights.rfm.quintiles')}
      isWide
      testId="insights-rfm"
      actions={kpis.rfm.customers === 0 ? null : <ExportButtons request={{ dataset: 'rfm' }} />}
    >
      {kpis.rfm.customers === 0 ? (
        <ChartEmpty title={t('insights.empty.rfm')} action={<ImportSalesLink />} />
      ) : (
        <div className="rfm">
          <div className="rfm-grid" role="table" aria-label={t('insights.rfm.title')}>
            <div className="rfm-row" role="row">
              <span role="columnheader" className="rfm-corner">
                <span className="visually-hidden">{t('insights.rfm.recency')}</span>
              </span>
              {[1, 2, 3, 4, 5].map((f) => (
                <span role="columnheader" key={f} className="rfm-axis">
                  {t('insights.rfm.f', { score: f })}
                </span>
              ))}
            </div>
            {rows.map((row) => (
              <div className="rfm-row" role="row" key={row[0]?.r}>
                <span role="rowheader" className="rfm-axis">
                  {t('insights.rfm.r', { score: row[0]?.r ?? 0 })}
                </span>
                {row.map((cell) => (
                  <span role="cell" key={cell.f} className="rfm-cell-slot">
                    <a
                      className={`rfm-cell ${SEGMENT_TONES[cell.segment]}${cell.customers === 0 ? ' is-empty' : ''}`}
                      href={linkTo(cell.segment)}
                      aria-label={t('insights.rfm.cellLabel', {
                        segment: t(SEGMENT_NAMES[cell.segment]),
                        count: cell.customers,
                        r: cell.r,
                        f: cell.f,
                      })}
                      data-testid={`rfm-cell-${cell.r}-${cell.f}`}
                      data-segment={cell.segment}
                    >
                      <span className="rfm-cell-count">{fmt.number(cell.customers)}</span>
                    </a>
                  </span>
                ))}
              </div>
            ))}
          </div>
          <div className="rfm-side">
            <p className="rfm-axis-note">{t('insights.rfm.axes')}</p>
            <ul className="rfm-legend" aria-label={t('insights.rfm.segments')}>
              {RFM_SEGMENTS.map((segment) => (
                <li key={segment}>
                  <a
                    className="rfm-legend-link"
                    href={linkTo(segment)}
                    data-testid={`rfm-segment-${segment}`}
                  >
                    <span
                      className={`insights-swatch ${SEGMENT_TONES[segment]}`}
                      aria-hidden="true"
                    />
                    <span className="rfm-legend-name">{t(SEGMENT_NAMES[segment])}</span>
                    <span className="rfm-legend-count" data-testid={`rfm-segment-${segment}-count`}>
                      {fmt.number(kpis.rfmSegments[segment])}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </ChartCard>
  );
}
