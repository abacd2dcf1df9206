import { createContext, useContext } from 'react';

/** Lets the frame's shortcut (/ or Ctrl+K) reach the customer search wherever the user is. */
export type SearchFocus = {
  /** Ref callback for the search input. */
  register: (input: HTMLInputElement | null) => void;
  /** Focuses the search, opening the customer book first when needed. */
  focus: () => void;
};

export const SearchFocusContext = createContext<SearchFocus>({
  register: () => {},
  focus: () => {},
});

export function useSearchFocus(): SearchFocus {
  return useContext(SearchFocusContext);
}
