import { normaliseForSearch, searchTokens } from './persian-text.ts';
import { phoneQueryDigits, phoneSearchVariants } from './phone.ts';

/**
 * The text a customer is found by: normalised name, every digit form of the phone a person may
 * type (0912…, 912…, 98912…) and the email. Stored in customers.search_text, indexed by trigrams.
 */
export const buildCustomerSearchText = (customer: {
  name: string;
  phoneE164: string | null;
  email: string | null;
}): string =>
  [
    normaliseForSearch(customer.name),
    ...(customer.phoneE164 ? phoneSearchVariants(customer.phoneE164) : []),
    customer.email ? customer.email.toLowerCase() : '',
  ]
    .filter((part) => part.length > 0)
    .join(' ');

/**
 * The fragments a query must all contain. A query that reads as a phone number, however it was
 * typed (spaces, dashes, +98, Persian digits), is one digit fragment; otherwise each word is one.
 * LIKE wildcards are dropped so a fragment only ever matches itself.
 */
export const customerQueryFragments = (query: string): string[] => {
  const digits = phoneQueryDigits(query);
  const fragments = digits ? [digits] : searchTokens(query);
  return fragments.map((fragment) => fragment.replace(/[%_\\]/g, '')).filter((f) => f.length > 0);
};

// Persian alphabetical order; code-point order would put پ چ ژ گ after the Arabic letters.
const PERSIAN_ORDER = 'آاءأإبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ';
const PERSIAN_RANK = new Map([...PERSIAN_ORDER].map((letter, index) => [letter, index]));
const PERSIAN_BASE = 0x4e00; // any block above Latin: Persian names sort after Latin ones

/** A key whose plain text order (SQLite BINARY) is the Persian alphabetical order of the name. */
export const customerSortKey = (name: string): string => {
  let key = '';
  for (const char of normaliseForSearch(name)) {
    const rank = PERSIAN_RANK.get(char);
    key += rank === undefined ? char : String.fromCharCode(PERSIAN_BASE + rank);
  }
  return key;
};
