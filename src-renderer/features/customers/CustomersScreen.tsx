import { useCallback, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CustomerRow } from '../../../src-shared/contract/index.ts';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import { SEGMENT_NAMES } from '../../app/i18n/rfm-segments.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { hrefOf, navigate } from '../../app/router.ts';
import { useSearchFocus } from '../../app/search-focus.ts';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { ExportButtons } from '../exports/ExportButtons.tsx';
import { AddCustomerDialog } from './AddCustomerDialog.tsx';
import { ImportFilterChip } from './ImportFilterChip.tsx';
import { RfmFilterChip } from './RfmFilterChip.tsx';
import { SegmentFilter } from './SegmentFilter.tsx';
import { TierFilter } from '../loyalty/TierFilter.tsx';
import { CustomerGrid } from './CustomerGrid.tsx';
import type { ListMemory, ListView } from './list-view.ts';
import { TagFilter } from './TagFilter.tsx';
import { useCustomerPages } from './use-customer-pages.ts';
import { useCustomerTags } from './use-customer-tags.ts';
import './customers.css';
import { LoadFailed } from '../../components/LoadFailed.tsx';

const SEARCH_DEBOUNCE_MS = 150;

type Props = {
  /** Only the customers this import created (the import's result links here); null for all. */
  importBatchId: string | null;
  /** Only the customers in this RFM segment today (the Insights grid links here); null for all. */
  rfmSegment: RfmSegment | null;
  /** Only the customers in this loyalty tier (the Loyalty screen links here); null for all. */
  tier: string | null;
  view: ListView;
  onViewChange: (update: (view: ListView) => ListView) => void;
  memory: ListMemory;
  version: number;
  onCustomersChanged: () => void;
};

/** The customer book: instant search, a tag filter, sortable columns, every customer one scroll away. */
export function CustomersScreen({
  importBatchId,
  rfmSegment,
  tier,
  view,
  onViewChange,
  memory,
  version,
  onCustomersChanged,
}: Props) {
  const { t } = useLocale();
  const searchFocus = useSearchFocus();
  const search = useDebouncedValue(view.search, SEARCH_DEBOUNCE_MS);
  const archived = view.showArchived ? 'include' : 'exclude';
  const pages = useCustomerPages({
    search,
    sort: view.sort,
    direction: view.direction,
    archived,
    tag: view.tag,
    importBatchId,
    rfmSegment,
    tier,
    version,
  });
  const tags = useCustomerTags(version);
  const [isAdding, setAdding] = useState(false);
  const gridBody = useRef<HTMLDivElement | null>(null);

  // The active row belongs to one query; a new search, sort or tag starts again at the top.
  const queryKey = JSON.stringify([
    search,
    view.sort,
    view.direction,
    archived,
    view.tag,
    importBatchId,
    rfmSegment,
    tier,
  ]);
  const [active, setActive] = useState({ key: queryKey, index: memory.activeIndex });
  const activeIndex = active.key === queryKey ? active.index : 0;
  const setActiveIndex = useCallback(
    (index: number) => {
      memory.activeIndex = index;
      setActive({ key: queryKey, index });
    },
    [memory, queryKey],
  );

  const open = useCallback((customer: CustomerRow) => {
    navigate({ name: 'customer', id: customer.id });
  }, []);

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && pages.total > 0) {
      event.preventDefault();
      setActiveIndex(0);
      gridBody.current?.focus();
    } else if (event.key === 'Enter') {
      const customer = pages.rowAt(activeIndex);
      if (customer && !pages.isRefreshing) open(customer);
    } else if (event.key === 'Escape' && view.search) {
      onViewChange((v) => ({ ...v, search: '' }));
    }
  };

  const isSearching = pages.shownSearch !== '';
  const shownTag = pages.shownTag;
  const isFiltered = isSearching || shownTag !== null;
  const countText =
    isFiltered || rfmSegment !== null || tier !== null
      ? t('customers.matchCount', { count: pages.total })
      : t('customers.count', { count: pages.total });

  const clearSearch = () => {
    onViewChange((v) => ({ ...v, search: '' }));
    searchFocus.focus();
  };
  const setTag = (tag: string | null) => onViewChange((v) => ({ ...v, tag }));
  const clearImport = () =>
    navigate({
      name: 'customers',
      ...(rfmSegment !== null ? { rfmSegment } : {}),
      ...(tier !== null ? { tier } : {}),
    });
  const setSegment = (segment: RfmSegment | null) =>
    navigate({
      name: 'customers',
      ...(importBatchId !== null ? { importBatchId } : {}),
      ...(segment !== null ? { rfmSegment: segment } : {}),
      ...(tier !== null ? { tier } : {}),
    });
  const setTier = (next: string | null) =>
    navigate({
      name: 'customers',
      ...(importBatchId !== null ? { importBatchId } : {}),
      ...(rfmSegment !== null ? { rfmSegment } : {}),
      ...(next !== null ? { tier: next } : {}),
    });

  return (
    <div className="screen customers-screen">
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{t('customers.title')}</h1>
          <p className="screen-subtitle" data-testid="customer-count" aria-live="polite">
            {pages.status === 'ready' ? countText : '\u00a0'}
          </p>
        </div>
        <div className="screen-actions">
          <ExportButtons
            request={{
              dataset: 'customers',
              filters: {
                ...(search !== '' && { search }),
                sort: view.sort,
                direction: view.direction,
                archived,
                ...(view.tag !== null && { tag: view.tag }),
                ...(importBatchId !== null && { importBatchId }),
                ...(rfmSegment !== null && { rfmSegment }),
                ...(tier !== null && { tier }),
              },
            }}
          />
          <a
            className="button"
            href={hrefOf({
              name: 'messages',
              audience: {
                ...(search !== '' && { search }),
                ...(view.tag !== null && { tag: view.tag }),
                ...(importBatchId !== null && { importBatchId }),
                ...(rfmSegment !== null && { rfmSegment }),
                ...(tier !== null && { tier }),
              },
            })}
            data-testid="customers-message"
          >
            {t('send.fromCustomers')}
          </a>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAdding(true)}
            data-testid="customer-add"
          >
            <span aria-hidden="true">+</span> {t('customers.add')}
          </button>
        </div>
      </header>

      <div className="toolbar">
        <div className="search-box">
          <svg className="search-icon" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="11" cy="11" r="6.5" />
            <path d="m16 16 4.5 4.5" />
          </svg>
          <input
            ref={searchFocus.register}
            type="search"
            className="input search-input"
            value={view.search}
            placeholder={t('customers.searchPlaceholder')}
            aria-label={t('customers.searchLabel')}
            aria-keyshortcuts="/ Control+K"
            onChange={(event) => onViewChange((v) => ({ ...v, search: event.target.value }))}
            onKeyDown={onSearchKeyDown}
            autoComplete="off"
            spellCheck={false}
            data-testid="customers-search"
          />
        </div>
        <TagFilter tags={tags} value={view.tag} onChange={setTag} />
        <SegmentFilter value={rfmSegment} onChange={setSegment} />
        <TierFilter value={tier} onChange={setTier} />
        {importBatchId !== null ? (
          <ImportFilterChip batchId={importBatchId} onClear={clearImport} />
        ) : null}
        {rfmSegment !== null ? (
          <RfmFilterChip segment={rfmSegment} onClear={() => setSegment(null)} />
        ) : null}
        <label className="switch">
          <input
            type="checkbox"
            checked={view.showArchived}
            onChange={(event) =>
              onViewChange((v) => ({ ...v, showArchived: event.target.checked }))
            }
            data-testid="customers-show-archived"
          />
          <span className="switch-track" aria-hidden="true" />
          <span>{t('customers.showArchived')}</span>
        </label>
      </div>

      {pages.status === 'failed' ? (
        <LoadFailed
          title={t('customers.loadFailed')}
          error={pages.error}
          onRetry={onCustomersChanged}
        />
      ) : pages.status === 'loading' ? (
        <div className="grid-loading" aria-busy="true" aria-label={t('common.loading')} />
      ) : pages.total === 0 ? (
        isFiltered ? (
          <div className="empty-state" data-testid="customers-no-match">
            <p className="empty-title">
              {shownTag === null
                ? t('customers.noMatchTitle', { query: pages.shownSearch })
                : isSearching
                  ? t('customers.noTagMatchTitle', { tag: shownTag, query: pages.shownSearch })
                  : t('customers.noTagTitle', { tag: shownTag })}
            </p>
            <p>
              {shownTag === null
                ? t('customers.noMatchBody')
                : isSearching
                  ? t('customers.noTagMatchBody')
                  : t('customers.noTagBody')}
            </p>
            <div className="empty-actions">
              {shownTag !== null ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setTag(null);
                    searchFocus.focus();
                  }}
                  data-testid="customers-clear-tag"
                >
                  {t('customers.clearTag')}
                </button>
              ) : null}
              {isSearching ? (
                <button
                  type="button"
                  className="button"
                  onClick={clearSearch}
                  data-testid="customers-clear-search"
                >
                  {t('customers.clearSearch')}
                </button>
              ) : null}
            </div>
          </div>
        ) : tier !== null ? (
          <div className="empty-state" data-testid="customers-no-tier">
            <p className="empty-title">{t('loyalty.filter.emptyTitle')}</p>
            <p>{t('loyalty.filter.emptyBody')}</p>
            <button type="button" className="button" onClick={() => setTier(null)}>
              {t('loyalty.filter.clear')}
            </button>
          </div>
        ) : rfmSegment !== null ? (
          <div className="empty-state" data-testid="customers-no-segment">
            <p className="empty-title">
              {t('customers.noSegmentTitle', { segment: t(SEGMENT_NAMES[rfmSegment]) })}
            </p>
            <p>{t('customers.noSegmentBody')}</p>
            <button type="button" className="button" onClick={() => setSegment(null)}>
              {t('customers.clearSegment')}
            </button>
          </div>
        ) : importBatchId !== null ? (
          <div className="empty-state" data-testid="customers-no-import">
            <p className="empty-title">{t('customers.noImportTitle')}</p>
            <p>{t('customers.noImportBody')}</p>
            <button type="button" className="button" onClick={clearImport}>
              {t('customers.clearImportFilter')}
            </button>
          </div>
        ) : (
          <div className="empty-state" data-testid="customers-empty">
            <p className="empty-title">{t('customers.emptyTitle')}</p>
            <p>{t('customers.emptyBody')}</p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setAdding(true)}
              data-testid="customers-empty-add"
            >
              {t('customers.addFirst')}
            </button>
          </div>
        )
      ) : (
        <CustomerGrid
          pages={pages}
          sort={view.sort}
          direction={view.direction}
          onSortChange={(sort, direction) => onViewChange((v) => ({ ...v, sort, direction }))}
          activeIndex={activeIndex}
          onActiveIndexChange={setActiveIndex}
          onOpen={open}
          initialScrollOffset={memory.scrollOffset}
          onScrollOffsetChange={(offset) => {
            memory.scrollOffset = offset;
          }}
          bodyRef={(element) => {
            gridBody.current = element;
          }}
          label={t('customers.title')}
          queryKey={queryKey}
        />
      )}

      {isAdding ? (
        <AddCustomerDialog
          onClose={() => setAdding(false)}
          onCreated={(customer) => {
            setAdding(false);
            onCustomersChanged();
            navigate({ name: 'customer', id: customer.id });
          }}
        />
      ) : null}
    </div>
  );
}
