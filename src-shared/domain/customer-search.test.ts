import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSortKey } from './customer-search.ts';
import { normaliseForSearch } from './persian-text.ts';

describe('customerSortKey', () => {
  it('orders names in Persian alphabetical order, after Latin names', () => {
    const names = ['ژاله', 'پری', 'بابک', 'Zoe', 'تینا', 'گلی', 'کاوه', 'آرش', 'Adam', 'یاسمن'];
    const sorted = [...names].sort((a, b) => {
      const [x, y] = [customerSortKey(a), customerSortKey(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    expect(sorted).toEqual([
      'Adam',
      'Zoe',
      'آرش',
      'بابک',
      'پری',
      'تینا',
      'ژاله',
      'کاوه',
      'گلی',
      'یاسمن',
    ]);
  });

  it('is the search key with each Persian letter replaced by its rank', () => {
    const order = 'آاءأإبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ';
    const reference = (name: string): string => {
      let key = '';
      for (const char of normaliseForSearch(name)) {
        const rank = order.indexOf(char);
        key += rank < 0 ? char : String.fromCharCode(0x4e00 + rank);
      }
      return key;
    };
    const letters = fc.constantFrom(...order, ...'abc 12\u200cيك😀', '\ud800');
    const names = fc.oneof(
      fc.array(letters, { maxLength: 30 }).map((chars) => chars.join('')),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(names, (name) => {
        expect(customerSortKey(name)).toBe(reference(name));
      }),
      { numRuns: 3000 },
    );
    // Longer than one String.fromCharCode call takes.
    const long = 'پری '.repeat(3000);
    expect(customerSortKey(long)).toBe(reference(long));
  });
});
