import { useSyncExternalStore } from 'react';

/** The screens, addressed by the location hash so a reload stays on the same screen. */
export type Route = { name: 'customers' } | { name: 'customer'; id: string } | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [first, second] = path.split('/');
  if (first === 'settings') return { name: 'settings' };
  if (first === 'customers' && second) return { name: 'customer', id: decodeURIComponent(second) };
  return { name: 'customers' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'customers':
      return '#/customers';
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'settings':
      return '#/settings';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const getHash = (): string => window.location.hash;

/** The current route; components re-render when the hash changes. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}
