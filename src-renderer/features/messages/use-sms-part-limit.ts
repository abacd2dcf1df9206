import { useCallback, useState } from 'react';
import { SMS_LIMIT_STORAGE_KEY, readSmsPartLimit } from './template-draft.ts';

const stored = (): string | null => {
  try {
    return window.localStorage.getItem(SMS_LIMIT_STORAGE_KEY);
  } catch {
    // Storage can be switched off; the default limit then holds for this visit.
    return null;
  }
};

/** The most SMS a message should take, as chosen on this computer and remembered there. */
export function useSmsPartLimit(): [number, (limit: number) => void] {
  const [limit, setLimit] = useState(() => readSmsPartLimit(stored()));
  const choose = useCallback((next: number) => {
    setLimit(next);
    try {
      window.localStorage.setItem(SMS_LIMIT_STORAGE_KEY, String(next));
    } catch {
      // Not remembered, but still used for this visit.
    }
  }, []);
  return [limit, choose];
}
