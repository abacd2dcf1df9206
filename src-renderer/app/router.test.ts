import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './router.ts';
import type { Route } from './router.ts';

describe('routes', () => {
  it.each<[string, Route]>([
    ['#/customers', { name: 'customers' }],
    ['#/customers?import=01ab-cd', { name: 'customers', importBatchId: '01ab-cd' }],
    ['#/customers/c%2F1', { name: 'customer', id: 'c/1' }],
    ['#/import', { name: 'import' }],
    ['#/settings', { name: 'settings' }],
  ])('%s is read back from its own address', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('opens the customer book for an empty or unknown address', () => {
    expect(parseRoute('')).toEqual({ name: 'customers' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers?import=')).toEqual({ name: 'customers' });
  });
});
