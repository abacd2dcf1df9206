import { useEffect, useState } from 'react';
import type { CustomerRow } from '../../../src-shared/contract/index.ts';
import { useApi } from '../../api/use-api.ts';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';

/** How many matches the preview's customer picker offers. */
const SHOWN = 20;

export type PreviewCustomers =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; rows: CustomerRow[]; hasAnyCustomer: boolean };

type Answer = { query: string; rows: CustomerRow[] } | { query: string; error: unknown };

/**
 * The customers a preview can be filled for: those matching `search` (the first page of the
 * book when it is empty), and whether the shop has any customer at all, so the preview can say
 * it needs one rather than "no match".
 */
export function usePreviewCustomers(search: string): PreviewCustomers {
  const api = useApi();
  const query = useDebouncedValue(search.trim(), 200);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [hasAnyCustomer, setHasAnyCustomer] = useState<boolean | null>(null);

  useEffect(() => {
    let isCurrent = true;
    api
      .call('customers:list', {
        ...(query === '' ? {} : { search: query }),
        limit: SHOWN,
        archived: 'exclude',
      })
      .then(
        (page) => {
          if (!isCurrent) return;
          setAnswer({ query, rows: page.rows });
          if (query === '') setHasAnyCustomer(page.total > 0);
        },
        (error: unknown) => {
          if (isCurrent) setAnswer({ query, error });
        },
      );
    return () => {
      isCurrent = false;
    };
  }, [api, query]);

  if (answer === null || answer.query !== query) return { status: 'loading' };
  if ('error' in answer) return { status: 'failed', error: answer.error };
  // A search that found nobody in a shop whose book was never listed empty: a miss, not an
  // empty shop.
  const hasAny = answer.rows.length > 0 || (hasAnyCustomer ?? query !== '');
  return { status: 'ready', rows: answer.rows, hasAnyCustomer: hasAny };
}
