import type { MessageChannel } from '../../../src-shared/contract/index.ts';
import type { AudienceFilters } from '../../app/router.ts';
import { errorText } from '../../app/i18n/error-text.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { ImportFilterChip } from '../customers/ImportFilterChip.tsx';
import { SegmentFilter } from '../customers/SegmentFilter.tsx';
import { TagFilter } from '../customers/TagFilter.tsx';
import { useCustomerTags } from '../customers/use-customer-tags.ts';
import { TierFilter } from '../loyalty/TierFilter.tsx';
import { withFilter } from './send-audience.ts';
import type { AudienceCount } from './use-audience-summary.ts';
import '../customers/customers.css';

type Props = {
  filters: AudienceFilters;
  onChange: (filters: AudienceFilters) => void;
  channel: MessageChannel;
  count: AudienceCount;
};

/**
 * Who a message goes to: the whole book, narrowed by the customer book's own filters (tag, RFM
 * segment, loyalty tier), plus the search or import the book carried here. Under it, the counts
 * the core gives for the template's channel: everyone, who gets it, who is skipped and why.
 */
export function AudiencePicker({ filters, onChange, channel, count }: Props) {
  const { t } = useLocale();
  const tags = useCustomerTags(0);
  const set = <K extends keyof AudienceFilters>(key: K, value: AudienceFilters[K] | null) =>
    onChange(withFilter(filters, key, value));

  return (
    <section className="send-audience" aria-labelledby="send-audience-title">
      <div>
        <h3 id="send-audience-title" className="send-section-title">
          {t('send.audience.title')}
        </h3>
        <p className="muted">{t('send.audience.lead')}</p>
      </div>
      <div className="toolbar send-audience-filters" data-testid="send-audience">
        <SegmentFilter value={filters.rfmSegment ?? null} onChange={(v) => set('rfmSegment', v)} />
        <TierFilter value={filters.tier ?? null} onChange={(v) => set('tier', v)} />
        <TagFilter tags={tags} value={filters.tag ?? null} onChange={(v) => set('tag', v)} />
        {filters.search ? (
          <span className="filter-chip" data-testid="send-audience-search">
            <span className="filter-chip-text">
              {t('send.audience.search', { query: filters.search })}
            </span>
            <button
              type="button"
              className="filter-chip-clear"
              aria-label={t('send.audience.clearSearch')}
              title={t('send.audience.clearSearch')}
              onClick={() => set('search', null)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        ) : null}
        {filters.importBatchId ? (
          <ImportFilterChip
            batchId={filters.importBatchId}
            onClear={() => set('importBatchId', null)}
          />
        ) : null}
      </div>
      <AudienceCounts channel={channel} count={count} />
    </section>
  );
}

function AudienceCounts({ channel, count }: { channel: MessageChannel; count: AudienceCount }) {
  const { t, fmt } = useLocale();
  if (count.status === 'failed') {
    return (
      <p className="form-error" role="alert" data-testid="send-count-error">
        {t('send.audience.failed')} {errorText(t, count.error)}
      </p>
    );
  }
  const summary = count.summary;
  const figures = [
    { key: 'total', label: t('send.count.total'), value: summary?.total },
    { key: 'reachable', label: t('send.count.reachable'), value: summary?.sendable },
    {
      key: 'do-not-contact',
      label: t('send.count.doNotContact'),
      value: summary?.skipped.doNotContact,
    },
    {
      key: 'no-address',
      label: t(channel === 'email' ? 'send.count.noEmail' : 'send.count.noMobile'),
      value: summary?.skipped.noAddress,
    },
  ];
  return (
    <div className="send-counts-block" aria-live="polite">
      <dl
        className={`send-counts${count.status === 'loading' ? ' is-loading' : ''}`}
        aria-label={t('send.count.label')}
        aria-busy={count.status === 'loading'}
      >
        {figures.map((figure) => (
          <div key={figure.key} className={`send-count send-count-${figure.key}`}>
            <dt>{figure.label}</dt>
            <dd data-testid={`send-count-${figure.key}`}>
              {figure.value === undefined ? '…' : fmt.number(figure.value)}
            </dd>
          </div>
        ))}
      </dl>
      {count.status === 'ready' && count.summary.sendable === 0 ? (
        <p className="muted" data-testid="send-count-nobody">
          {t('send.audience.nobody')}
        </p>
      ) : null}
    </div>
  );
}
