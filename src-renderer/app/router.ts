import { useSyncExternalStore } from 'react';
import { RFM_SEGMENTS } from '../../src-shared/domain/kpis.ts';
import type { RfmSegment } from '../../src-shared/domain/kpis.ts';
import { isLeaveBlocked, whenLeaveAllowed } from './leave-guard.ts';

/** The screens, addressed by the location hash so a reload stays on the same screen. */
export type Route =
  /** The follow-up inbox: the first screen once the shop is set up. */
  | { name: 'today' }
  /**
   * The customer book; with importBatchId, only the customers that import created; with
   * rfmSegment, only the customers in that RFM segment today; with tier, only the customers in
   * that loyalty tier (its id).
   */
  | { name: 'customers'; importBatchId?: string; rfmSegment?: RfmSegment; tier?: string }
  | { name: 'customer'; id: string }
  /** Importing sales; with kind 'surveys', survey answers. */
  | { name: 'import'; kind?: 'surveys' }
  /** Settings; with section 'email', scrolled to the outgoing mail server. */
  | { name: 'settings'; section?: 'email' }
  /** Loyalty tiers and points: the rules, the distribution, who is close to the next tier. */
  | { name: 'loyalty' }
  /** The retention figures and charts. */
  | { name: 'insights' }
  /**
   * Messages and exports; with audience, who the send panel starts with: the customer book's
   * search and filters when "Message these customers" was chosen.
   */
  | { name: 'messages'; audience?: AudienceFilters };

/** The customer book's filters a message audience is carried with (archived never are). */
export type AudienceFilters = {
  search?: string;
  tag?: string;
  tier?: string;
  rfmSegment?: RfmSegment;
  importBatchId?: string;
};

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first, second] = path.split('/');
  if (first === 'settings')
    return second === 'email' ? { name: 'settings', section: 'email' } : { name: 'settings' };
  if (first === 'messages') {
    const audience = audienceOf(new URLSearchParams(query));
    return Object.keys(audience).length > 0 ? { name: 'messages', audience } : { name: 'messages' };
  }
  if (first === 'loyalty') return { name: 'loyalty' };
  if (first === 'today' || first === '') return { name: 'today' };
  if (first === 'import')
    return second === 'surveys' ? { name: 'import', kind: 'surveys' } : { name: 'import' };
  if (first === 'insights') return { name: 'insights' };
  if (first === 'customers' && second) return { name: 'customer', id: decodeURIComponent(second) };
  const params = new URLSearchParams(query);
  const importBatchId = params.get('import');
  const segment = params.get('segment');
  const tier = params.get('tier');
  return {
    name: 'customers',
    ...(importBatchId ? { importBatchId } : {}),
    ...(isRfmSegment(segment) ? { rfmSegment: segment } : {}),
    ...(isTierId(tier) ? { tier } : {}),
  };
}

const isRfmSegment = (value: string | null): value is RfmSegment =>
  (RFM_SEGMENTS as readonly (string | null)[]).includes(value);

const isTierId = (value: string | null): value is string =>
  value !== null && /^[A-Za-z0-9_-]{1,40}$/.test(value);

/** The audience filters an address carries; a malformed one is left out, as the book does. */
const audienceOf = (params: URLSearchParams): AudienceFilters => {
  const search = params.get('q')?.slice(0, 200);
  const tag = params.get('tag')?.slice(0, 60);
  const tier = params.get('tier');
  const segment = params.get('segment');
  const importBatchId = params.get('import')?.slice(0, 64);
  return {
    ...(search ? { search } : {}),
    ...(tag ? { tag } : {}),
    ...(isTierId(tier) ? { tier } : {}),
    ...(isRfmSegment(segment) ? { rfmSegment: segment } : {}),
    ...(importBatchId ? { importBatchId } : {}),
  };
};

const audienceParams = (audience: AudienceFilters): URLSearchParams => {
  const params = new URLSearchParams();
  if (audience.search) params.set('q', audience.search);
  if (audience.tag) params.set('tag', audience.tag);
  if (audience.tier) params.set('tier', audience.tier);
  if (audience.rfmSegment) params.set('segment', audience.rfmSegment);
  if (audience.importBatchId) params.set('import', audience.importBatchId);
  return params;
};

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'today':
      return '#/today';
    case 'customers': {
      const params = new URLSearchParams();
      if (route.importBatchId) params.set('import', route.importBatchId);
      if (route.rfmSegment) params.set('segment', route.rfmSegment);
      if (route.tier) params.set('tier', route.tier);
      const query = params.toString();
      return query ? `#/customers?${query}` : '#/customers';
    }
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'import':
      return route.kind === 'surveys' ? '#/import/surveys' : '#/import';
    case 'settings':
      return route.section === 'email' ? '#/settings/email' : '#/settings';
    case 'messages': {
      const query = audienceParams(route.audience ?? {}).toString();
      return query ? `#/messages?${query}` : '#/messages';
    }
    case 'loyalty':
      return '#/loyalty';
    case 'insights':
      return '#/insights';
  }
}

/** Goes to `route`, once unsaved changes on the current screen are saved or let go. */
export function navigate(route: Route): void {
  const hash = hrefOf(route);
  if (hash === window.location.hash) return;
  whenLeaveAllowed(() => {
    window.location.hash = hash;
  });
}

/*
 * The route changes by three doors, all checked against the leave guard:
 * - navigate() from code;
 * - a click on an in-app link (`href="#/…"`), held before the browser follows it, so a kept
 *   screen leaves no stray history entry;
 * - any other hash change (Back, Forward, an edited address): the address is put back with
 *   replaceState before the screen is told, and set again if the user agrees to leave.
 */
const listeners = new Set<() => void>();
/** The hash the screen shows; the screen is only told of changes the guard let through. */
let shownHash = '';

const onHashChange = (): void => {
  const to = window.location.hash;
  if (to === shownHash) return;
  if (isLeaveBlocked()) {
    const from = shownHash || `${window.location.pathname}${window.location.search}`;
    window.history.replaceState(window.history.state, '', from);
    whenLeaveAllowed(() => {
      window.location.hash = to;
    });
    return;
  }
  shownHash = to;
  for (const listener of listeners) listener();
};

const onLinkClick = (event: MouseEvent): void => {
  const isPlainClick =
    event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  if (event.defaultPrevented || !isPlainClick) return;
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  const href = link?.getAttribute('href');
  if (!link || !href?.startsWith('#/') || link.target !== '') return;
  if (href === window.location.hash || !isLeaveBlocked()) return;
  event.preventDefault();
  whenLeaveAllowed(() => {
    window.location.hash = href;
  });
};

const subscribe = (onChange: () => void): (() => void) => {
  if (listeners.size === 0) {
    shownHash = window.location.hash;
    window.addEventListener('hashchange', onHashChange);
    document.addEventListener('click', onLinkClick);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size > 0) return;
    window.removeEventListener('hashchange', onHashChange);
    document.removeEventListener('click', onLinkClick);
  };
};

// Once subscribed, the shown hash: the address may run ahead of the hashchange event (and be put
// back by it), and a render in between must not show a screen the guard has not let through.
const getHash = (): string => (listeners.size > 0 ? shownHash : window.location.hash);

/** The current route; components re-render when the hash changes. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}
