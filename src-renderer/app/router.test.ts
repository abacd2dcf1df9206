import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './router.ts';
import type { Route } from './router.ts';

describe('routes', () => {
  it.each<[string, Route]>([
    ['#/today', { name: 'today' }],
    ['#/customers', { name: 'customers' }],
    ['#/customers?import=01ab-cd', { name: 'customers', importBatchId: '01ab-cd' }],
    ['#/customers/c%2F1', { name: 'customer', id: 'c/1' }],
    ['#/import', { name: 'import' }],
    ['#/import/surveys', { name: 'import', kind: 'surveys' }],
    ['#/settings', { name: 'settings' }],
    ['#/insights', { name: 'insights' }],
    ['#/loyalty', { name: 'loyalty' }],
    ['#/customers?tier=gold', { name: 'customers', tier: 'gold' }],
    ['#/customers?segment=atRisk', { name: 'customers', rfmSegment: 'atRisk' }],
    [
      '#/customers?import=b1&segment=champions',
      { name: 'customers', importBatchId: 'b1', rfmSegment: 'champions' },
    ],
    ['#/settings/email', { name: 'settings', section: 'email' }],
    ['#/messages', { name: 'messages' }],
    ['#/messages?segment=atRisk', { name: 'messages', audience: { rfmSegment: 'atRisk' } }],
    [
      '#/messages?q=%D8%B9%D9%84%DB%8C+0912&tag=vip&tier=gold&import=b1',
      {
        name: 'messages',
        audience: { search: 'علی 0912', tag: 'vip', tier: 'gold', importBatchId: 'b1' },
      },
    ],
  ])('%s is read back from its own address', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('opens Today for an empty address and the customer book for an unknown one', () => {
    expect(parseRoute('')).toEqual({ name: 'today' });
    expect(parseRoute('#/')).toEqual({ name: 'today' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers?import=')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers?segment=nobody')).toEqual({ name: 'customers' });
    expect(parseRoute('#/customers?tier=no%20such%20id')).toEqual({ name: 'customers' });
    expect(parseRoute('#/settings/nowhere')).toEqual({ name: 'settings' });
  });

  it('carries to Messages only the audience filters that are well formed', () => {
    expect(parseRoute('#/messages?segment=nobody&tier=no%20such%20id&q=')).toEqual({
      name: 'messages',
    });
    expect(parseRoute('#/messages?archived=include&tag=vip')).toEqual({
      name: 'messages',
      audience: { tag: 'vip' },
    });
  });
});
