import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustomerRow, CustomerSort } from '../../../src-shared/contract/index.ts';
import type { RfmSegment } from '../../../src-shared/domain/kpis.ts';
import { useApi } from '../../api/use-api.ts';

export type CustomerQuery = {
  search: string;
  sort: CustomerSort;
  direction: 'asc' | 'desc';
  archived: 'exclude' | 'include';
  /** Only customers with this tag; null for all. */
  tag: string | null;
  /** Only the customers this import created; null for all. */
  importBatchId: string | null;
  /** Only the customers in this RFM segment today; null for all. */
  rfmSegment: RfmSegment | null;
  /** Only the customers in this loyalty tier (its id); null for all. */
  tier: string | null;
  /** Bumped when customers change elsewhere, so the cached pages are dropped. */
  version: number;
};

export const PAGE_SIZE = 100;

type Book = {
  key: string;
  total: number;
  pages: ReadonlyMap<number, readonly CustomerRow[]>;
};

export type CustomerPages = {
  status: 'loading' | 'ready' | 'failed';
  error: unknown;
  /** Rows of the query being shown (the previous one until the new first page arrives). */
  total: number;
  /** The text the shown rows were searched with. */
  shownSearch: string;
  /** The tag the shown rows were filtered by. */
  shownTag: string | null;
  isRefreshing: boolean;
  rowAt: (index: number) => CustomerRow | undefined;
  /** Asks for the pages covering rows start..end (inclusive); cached pages are not refetched. */
  requestRange: (start: number, end: number) => void;
};

const keyOf = (q: CustomerQuery): string =>
  JSON.stringify([
    q.search.trim(),
    q.sort,
    q.direction,
    q.archived,
    q.tag,
    q.importBatchId,
    q.rfmSegment,
    q.tier,
    q.version,
  ]);

/**
 * The customer book as pages fetched on demand from `customers:list`: the server searches, sorts
 * and counts; the UI asks only for the pages the user scrolls to and keeps them. A new search or
 * sort or tag starts a new book, and the old one stays on screen until the new first page arrives, so
 * typing never flashes an empty list.
 */
export function useCustomerPages(query: CustomerQuery): CustomerPages {
  const api = useApi();
  const key = keyOf(query);
  const [book, setBook] = useState<Book | null>(null);
  const [shown, setShown] = useState<{ search: string; tag: string | null }>({
    search: '',
    tag: null,
  });
  const [failure, setFailure] = useState<{ key: string; error: unknown } | null>(null);
  const latest = useRef({ key, query });
  const inFlight = useRef(new Set<string>());

  const fetchPage = useCallback(
    async (page: number) => {
      const { key: forKey, query: q } = latest.current;
      const requestId = `${forKey}#${page}`;
      if (inFlight.current.has(requestId)) return;
      inFlight.current.add(requestId);
      try {
        const search = q.search.trim();
        const result = await api.call('customers:list', {
          ...(search ? { search } : {}),
          sort: q.sort,
          direction: q.direction,
          archived: q.archived,
          ...(q.tag !== null ? { tag: q.tag } : {}),
          ...(q.importBatchId !== null ? { importBatchId: q.importBatchId } : {}),
          ...(q.rfmSegment !== null ? { rfmSegment: q.rfmSegment } : {}),
          ...(q.tier !== null ? { tier: q.tier } : {}),
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
        });
        // A reply for a query the user has already replaced is dropped.
        if (latest.current.key !== forKey) return;
        setBook((previous) => {
          const pages = new Map(previous?.key === forKey ? previous.pages : []);
          pages.set(page, result.rows);
          return { key: forKey, total: result.total, pages };
        });
        setShown((previous) =>
          previous.search === search && previous.tag === q.tag ? previous : { search, tag: q.tag },
        );
        setFailure(null);
      } catch (error) {
        if (latest.current.key === forKey) setFailure({ key: forKey, error });
      } finally {
        inFlight.current.delete(requestId);
      }
    },
    [api],
  );

  const { search, sort, direction, archived, tag, importBatchId, rfmSegment, tier, version } =
    query;
  useEffect(() => {
    latest.current = {
      key,
      query: { search, sort, direction, archived, tag, importBatchId, rfmSegment, tier, version },
    };
    void fetchPage(0);
  }, [
    key,
    search,
    sort,
    direction,
    archived,
    tag,
    importBatchId,
    rfmSegment,
    tier,
    version,
    fetchPage,
  ]);

  const requestRange = useCallback(
    (start: number, end: number) => {
      // Until the current query's first page is in, the shown rows belong to the previous one.
      if (!book || book.key !== latest.current.key) return;
      const last = Math.min(end, book.total - 1);
      for (let page = Math.floor(start / PAGE_SIZE); page * PAGE_SIZE <= last; page++) {
        if (!book.pages.has(page)) void fetchPage(page);
      }
    },
    [book, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => book?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [book],
  );

  const isFailed = failure !== null && failure.key === key;
  return {
    status: isFailed ? 'failed' : book ? 'ready' : 'loading',
    error: isFailed ? failure.error : null,
    total: book?.total ?? 0,
    shownSearch: shown.search,
    shownTag: shown.tag,
    isRefreshing: book !== null && book.key !== key,
    rowAt,
    requestRange,
  };
}
