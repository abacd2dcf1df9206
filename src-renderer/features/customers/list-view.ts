import type { CustomerSort } from '../../../src-shared/contract/index.ts';

/** What the user chose to see in the customer book. */
export type ListView = {
  search: string;
  sort: CustomerSort;
  direction: 'asc' | 'desc';
  showArchived: boolean;
  /** Only customers carrying this tag; null for all. */
  tag: string | null;
};

/** Where the user was in the book, remembered while a profile is open. */
export type ListMemory = { scrollOffset: number; activeIndex: number };

export const INITIAL_LIST_VIEW: ListView = {
  search: '',
  sort: 'name',
  direction: 'asc',
  showArchived: false,
  tag: null,
};
