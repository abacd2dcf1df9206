import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { SEGMENT_NAMES } from '../../app/i18n/rfm-segments.ts';

/**
 * "RFM segment: Champions", shown while the book is narrowed to a segment (from the Insights
 * screen's RFM grid, or the segment filter); its × shows everyone again.
 */
export function RfmFilterChip({ segment, onClear }: { segment: RfmSegment; onClear: () => void }) {
  const { t } = useLocale();
  const name = t(SEGMENT_NAMES[segment]);
  return (
    <span
      className="filter-chip"
      title={t('customers.rfmFilterHint')}
      data-testid="customers-rfm-filter"
    >
      <svg className="filter-chip-icon" viewBox="0 0 24 24" aria-hidden="true">
        <rect x="4" y="4" width="6.5" height="6.5" rx="1.2" />
        <rect x="13.5" y="4" width="6.5" height="6.5" rx="1.2" />
        <rect x="4" y="13.5" width="6.5" height="6.5" rx="1.2" />
        <rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.2" />
      </svg>
      <span className="filter-chip-text" data-testid="customers-rfm-filter-text">
        {t('customers.rfmFilter', { segment: name })}
      </span>
      <button
        type="button"
        className="filter-chip-clear"
        aria-label={t('customers.clearRfmFilter', { segment: name })}
        title={t('customers.clearRfmFilter', { segment: name })}
        onClick={onClear}
        data-testid="customers-rfm-filter-clear"
      >
        <span aria-hidden="true">×</span>
      </button>
    </span>
  );
}
