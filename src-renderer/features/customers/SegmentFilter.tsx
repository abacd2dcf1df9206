import { RFM_SEGMENTS } from '../../../src-shared/domain/kpis.ts';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { SEGMENT_NAMES } from '../../app/i18n/rfm-segments.ts';

type Props = {
  value: RfmSegment | null;
  onChange: (segment: RfmSegment | null) => void;
};

/**
 * The saved filters of the book: the RFM segments (DESIGN.md §3) as of today, scored as the
 * Insights screen's grid scores them. A native select, like the tag filter beside it.
 */
export function SegmentFilter({ value, onChange }: Props) {
  const { t } = useLocale();
  return (
    <div className={`tag-filter segment-filter${value !== null ? ' is-active' : ''}`}>
      <svg className="tag-filter-icon" viewBox="0 0 24 24" aria-hidden="true">
        <rect x="4" y="4" width="6.5" height="6.5" rx="1.2" />
        <rect x="13.5" y="4" width="6.5" height="6.5" rx="1.2" />
        <rect x="4" y="13.5" width="6.5" height="6.5" rx="1.2" />
        <rect x="13.5" y="13.5" width="6.5" height="6.5" rx="1.2" />
      </svg>
      <select
        className="input tag-filter-select"
        value={value ?? ''}
        aria-label={t('customers.segmentFilterLabel')}
        onChange={(event) =>
          onChange(event.target.value === '' ? null : (event.target.value as RfmSegment))
        }
        data-testid="customers-segment-filter"
      >
        <option value="">{t('customers.allSegments')}</option>
        <optgroup label={t('customers.rfmSegments')}>
          {RFM_SEGMENTS.map((segment) => (
            <option key={segment} value={segment}>
              {t(SEGMENT_NAMES[segment])}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
