import { useCallback, useState } from 'react';

const read = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Storage can be switched off; the default then holds for this visit.
    return null;
  }
};

/**
 * A choice remembered on this computer (localStorage under `key`), as text: `parse` turns what
 * was stored (null when nothing, or storage is off) into the value, falling back to its default.
 */
export function useStoredChoice<T>(
  key: string,
  parse: (stored: string | null) => T,
): [T, (next: T) => void] {
  const [value, setValue] = useState(() => parse(read(key)));
  const choose = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, String(next));
      } catch {
        // Not remembered, but still used for this visit.
      }
    },
    [key],
  );
  return [value, choose];
}
