import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api.ts';

/**
 * The distinct tags in use, for the book's tag filter; fetched again when customers change. A
 * failed fetch keeps the last list: the filter is a convenience, the book still works without it.
 */
export function useCustomerTags(version: number): readonly string[] {
  const api = useApi();
  const [tags, setTags] = useState<readonly string[]>([]);
  useEffect(() => {
    let isCurrent = true;
    api
      .call('customers:tags', {})
      .then((next) => {
        if (isCurrent) setTags(next);
      })
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, [api, version]);
  return tags;
}
