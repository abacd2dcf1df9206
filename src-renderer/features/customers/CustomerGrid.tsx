import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type { SortingState, Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CustomerRow, CustomerSort } from '../../../src-shared/contract/index.ts';
import type { Formatter } from '../../app/i18n/format.ts';
import type { T } from '../../../src-shared/i18n/translate.ts';
import { useLocale } from '../../app/i18n/use-t.ts';
import { Ltr } from '../../components/Ltr.tsx';
import { TierBadge } from '../loyalty/TierBadge.tsx';
import type { CustomerPages } from './use-customer-pages.ts';

const ROW_HEIGHT = 48;
const OVERSCAN = 8;
const PAGE_REQUEST_DELAY_MS = 40;

/** One loaded row of the book, with its position in the whole result. */
type Item = { index: number; customer: CustomerRow };

// The core sorts, searches and pages; the table only owns the columns and the sort state.
const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, Item>();

const NUMERIC_COLUMNS = new Set(['orders', 'totalSpent']);

function buildColumns(t: T, fmt: Formatter) {
  return helper.columns([
    helper.accessor((item) => item.customer.name, {
      id: 'name',
      header: t('customers.column.name'),
      cell: (info) => <NameCell customer={info.row.original.customer} t={t} />,
    }),
    helper.accessor((item) => item.customer.phone, {
      id: 'phone',
      header: t('customers.column.phone'),
      cell: (info) => {
        const phone = info.getValue();
        return phone ? <Ltr>{fmt.phone(phone)}</Ltr> : <Muted>—</Muted>;
      },
    }),
    helper.accessor((item) => item.customer.orders, {
      id: 'orders',
      header: t('customers.column.orders'),
      sortDescFirst: true,
      cell: (info) => fmt.number(info.getValue()),
    }),
    helper.accessor((item) => item.customer.totalSpent, {
      id: 'totalSpent',
      header: t('customers.column.totalSpent'),
      sortDescFirst: true,
      cell: (info) => fmt.money(info.getValue()),
    }),
    helper.accessor((item) => item.customer.firstPurchaseAt, {
      id: 'firstPurchaseAt',
      header: t('customers.column.firstPurchase'),
      sortDescFirst: true,
      cell: (info) => <DateCell value={info.getValue()} fmt={fmt} />,
    }),
    helper.accessor((item) => item.customer.lastPurchaseAt, {
      id: 'lastPurchaseAt',
      header: t('customers.column.lastPurchase'),
      sortDescFirst: true,
      cell: (info) => <DateCell value={info.getValue()} fmt={fmt} />,
    }),
    helper.accessor((item) => item.customer.tags, {
      id: 'tags',
      header: t('customers.column.tags'),
      enableSorting: false,
      cell: (info) => <TagList tags={info.getValue()} fmt={fmt} />,
    }),
  ]);
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="muted">{children}</span>;
}

function NameCell({ customer, t }: { customer: CustomerRow; t: T }) {
  return (
    <span className="name-cell">
      <span className="name-cell-text" data-testid="customer-name">
        {customer.name}
      </span>
      <TierBadge tier={customer.tier} />
      {customer.archivedAt ? <span className="pill">{t('customers.archived')}</span> : null}
      {customer.doNotContact ? (
        <span className="pill pill-warn" title={t('customer.doNotContact')}>
          {t('customers.doNotContactShort')}
        </span>
      ) : null}
    </span>
  );
}

function DateCell({ value, fmt }: { value: string | null; fmt: Formatter }) {
  return value ? <span>{fmt.date(value, 'short')}</span> : <Muted>—</Muted>;
}

function TagList({ tags, fmt }: { tags: readonly string[]; fmt: Formatter }) {
  if (tags.length === 0) return null;
  return (
    <span className="tag-list">
      {tags.slice(0, 3).map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      ))}
      {tags.length > 3 ? <span className="muted">+{fmt.number(tags.length - 3)}</span> : null}
    </span>
  );
}

type Props = {
  pages: CustomerPages;
  sort: CustomerSort;
  direction: 'asc' | 'desc';
  onSortChange: (sort: CustomerSort, direction: 'asc' | 'desc') => void;
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onOpen: (customer: CustomerRow) => void;
  initialScrollOffset: number;
  onScrollOffsetChange: (offset: number) => void;
  bodyRef: (element: HTMLDivElement | null) => void;
  label: string;
  /** Changes with the search and sort: a new result starts at the top. */
  queryKey: string;
};

/**
 * The customer book as a virtualised grid: the DOM holds only the rows in view (plus a few), the
 * scroll height comes from the total, and pages load as rows come into view. Focus stays on the
 * grid body; arrow keys move the active row (aria-activedescendant) and Enter opens it.
 */
export function CustomerGrid({
  pages,
  sort,
  direction,
  onSortChange,
  activeIndex,
  onActiveIndexChange,
  onOpen,
  initialScrollOffset,
  onScrollOffsetChange,
  bodyRef,
  label,
  queryKey,
}: Props) {
  const { t, fmt } = useLocale();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const columns = useMemo(() => buildColumns(t, fmt), [t, fmt]);
  const { total, rowAt, requestRange } = pages;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialOffset: initialScrollOffset,
    onChange: (instance) => onScrollOffsetChange(instance.scrollOffset ?? 0),
  });
  const shownQuery = useRef(queryKey);
  useEffect(() => {
    if (shownQuery.current === queryKey) return;
    shownQuery.current = queryKey;
    virtualizer.scrollToOffset(0);
  }, [queryKey, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const firstIndex = virtualItems[0]?.index ?? 0;
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? -1;

  // Pages load where the view settles: a fling across 100,000 rows does not fetch every page on
  // the way, and a short pause shows placeholder rows rather than blocking the scroll.
  useEffect(() => {
    if (lastIndex < 0) return;
    const timer = window.setTimeout(
      () => requestRange(firstIndex, lastIndex),
      PAGE_REQUEST_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [firstIndex, lastIndex, requestRange]);

  // Only the rows on screen go through the table: its row model stays tiny at any book size.
  const data = useMemo(() => {
    const items: Item[] = [];
    for (let index = firstIndex; index <= lastIndex; index++) {
      const customer = rowAt(index);
      if (customer) items.push({ index, customer });
    }
    return items;
  }, [firstIndex, lastIndex, rowAt]);

  const sorting = useMemo<SortingState>(
    () => [{ id: sort, desc: direction === 'desc' }],
    [sort, direction],
  );
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (item) => item.customer.id,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSortChange(first.id as CustomerSort, first.desc ? 'desc' : 'asc');
    },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  const rowsByIndex = new Map(table.getRowModel().rows.map((row) => [row.original.index, row]));
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    onActiveIndexChange(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 480) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageRows,
      PageUp: activeIndex - pageRows,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const customer = rowAt(activeIndex);
      if (customer) {
        event.preventDefault();
        onOpen(customer);
      }
    }
  };

  const activeId = rowAt(activeIndex) ? `customer-row-${activeIndex}` : undefined;

  return (
    <div
      className="grid"
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={headers.length}
      aria-busy={pages.isRefreshing}
      data-testid="customer-grid"
    >
      <div className="grid-head" role="rowgroup">
        <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
          {headers.map((header) => {
            const column = header.column;
            const sorted = column.getIsSorted();
            const ariaSort =
              sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
            const alignEnd = NUMERIC_COLUMNS.has(column.id);
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-sort={column.getCanSort() ? ariaSort : undefined}
                className={`grid-cell grid-header-cell${alignEnd ? ' align-end' : ''}`}
                data-testid={`column-${column.id}`}
              >
                {column.getCanSort() ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={column.getToggleSortingHandler()}
                  >
                    <table.FlexRender header={header} />
                    <SortArrow direction={sorted} />
                  </button>
                ) : (
                  <table.FlexRender header={header} />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={(element) => {
          scrollRef.current = element;
          bodyRef(element);
        }}
        className="grid-body"
        role="rowgroup"
        tabIndex={0}
        aria-activedescendant={activeId}
        onKeyDown={onKeyDown}
        data-testid="customer-grid-body"
      >
        <div className="grid-spacer" style={{ blockSize: virtualizer.getTotalSize() }}>
          {virtualItems.map((virtualRow) => {
            const row = rowsByIndex.get(virtualRow.index);
            const isActive = virtualRow.index === activeIndex;
            const style = { transform: `translateY(${virtualRow.start}px)`, blockSize: ROW_HEIGHT };
            if (!row) {
              return (
                <div
                  key={`placeholder-${virtualRow.index}`}
                  className="grid-row grid-row-placeholder"
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  style={style}
                >
                  {headers.map((header) => (
                    <div key={header.id} role="gridcell" className="grid-cell">
                      <span className="skeleton" />
                    </div>
                  ))}
                </div>
              );
            }
            const customer = row.original.customer;
            return (
              <div
                key={row.id}
                id={`customer-row-${virtualRow.index}`}
                className={`grid-row grid-body-row${isActive ? ' is-active' : ''}${customer.archivedAt ? ' is-archived' : ''}`}
                role="row"
                aria-rowindex={virtualRow.index + 2}
                aria-selected={isActive}
                style={style}
                onClick={() => {
                  onActiveIndexChange(virtualRow.index);
                  onOpen(customer);
                }}
                data-testid="customer-row"
                data-customer-id={customer.id}
              >
                {row.getAllCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className={`grid-cell${NUMERIC_COLUMNS.has(cell.column.id) ? ' align-end' : ''}`}
                    data-column={cell.column.id}
                  >
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function SortArrow({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <span className={`sort-arrow${direction ? ' is-sorted' : ''}`} aria-hidden="true">
      {direction === 'desc' ? '↓' : direction === 'asc' ? '↑' : '↕'}
    </span>
  );
}
