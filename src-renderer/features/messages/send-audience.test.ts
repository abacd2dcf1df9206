import { describe, expect, it } from 'vitest';
import { messagesAudience } from '../../../src-shared/contract/schemas.ts';
import { audienceInput, isWholeBook, withFilter } from './send-audience.ts';

describe('audience for the messages channels', () => {
  it('is the whole book, in name order, when nothing is chosen', () => {
    expect(audienceInput({})).toEqual({ filters: { sort: 'name', direction: 'asc' } });
    expect(isWholeBook({})).toBe(true);
    expect(isWholeBook({ search: '  ' })).toBe(true);
  });

  it('carries every chosen filter and drops an empty search', () => {
    const audience = audienceInput({
      search: ' علی ',
      tag: 'vip',
      tier: 'gold',
      rfmSegment: 'atRisk',
      importBatchId: 'b1',
    });
    expect(audience).toEqual({
      filters: {
        search: 'علی',
        tag: 'vip',
        tier: 'gold',
        rfmSegment: 'atRisk',
        importBatchId: 'b1',
        sort: 'name',
        direction: 'asc',
      },
    });
    expect(audienceInput({ search: '   ', tier: 'gold' }).filters).not.toHaveProperty('search');
    expect(isWholeBook({ tier: 'gold' })).toBe(false);
  });

  it('is accepted by the contract as it stands', () => {
    const parsed = messagesAudience.safeParse({
      templateId: 't1',
      audience: audienceInput({ search: 'x', rfmSegment: 'champions' }),
    });
    expect(parsed.success).toBe(true);
  });

  it('changes or removes one filter and leaves the others', () => {
    const filters = { tier: 'gold', tag: 'vip' };
    expect(withFilter(filters, 'tier', 'silver')).toEqual({ tier: 'silver', tag: 'vip' });
    expect(withFilter(filters, 'tier', null)).toEqual({ tag: 'vip' });
    expect(withFilter(filters, 'search', '')).toEqual(filters);
    expect(filters).toEqual({ tier: 'gold', tag: 'vip' });
  });
});
