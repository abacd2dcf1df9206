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
const PERSIAN_BASE = 0x4e00; // any block above Latin: Persian names sort after Latin ones
/** Each letter's stand-in by its UTF-16 code (all are below U+0700); 0 for other characters. */
const PERSIAN_CODES = new Uint16Array(0x0700);
[...PERSIAN_ORDER].forEach((letter, rank) => {
  PERSIAN_CODES[letter.charCodeAt(0)] = PERSIAN_BASE + rank;
});
/** Characters per String.fromCharCode call (its arguments go on the stack). */
const CODES_PER_CALL = 4096;

/** A key whose plain text order (SQLite BINARY) is the Persian alphabetical order of the name. */
export const customerSortKey = (name: string): string => {
  const normalised = normaliseForSearch(name);
  const codes: number[] = [];
  for (let i = 0; i < normalised.length; i += 1) {
    const code = normalised.charCodeAt(i);
    codes.push((code < PERSIAN_CODES.length && PERSIAN_CODES[code]) || code);
  }
  let key = '';
  for (let at = 0; at < codes.length; at += CODES_PER_CALL) {
    key += String.fromCharCode(...codes.slice(at, at + CODES_PER_CALL));
  }
  return key;
};
