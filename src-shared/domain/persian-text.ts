/**
 * Persian-aware text helpers: digit conversion and the search key that makes Arabic/Persian
 * letter variants, ZWNJ, diacritics and odd spacing irrelevant when matching (DESIGN.md §8).
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII; separators such as ٫ and ٬ are kept. */
export function normaliseDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(0x30 + code - zero);
  });
}

/** ASCII digits to Persian (extended Arabic-Indic) digits, as Persian readers expect. */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9]/g, (ch) => String.fromCharCode(PERSIAN_ZERO + ch.charCodeAt(0) - 0x30));
}

// Letters that Arabic keyboards, older software and PDFs produce in place of the Persian ones.
// Hamza/madda forms (أ إ آ ؤ ئ) are not listed: NFKD splits them into a base letter plus a
// combining mark, and the mark is dropped.
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', // ي Arabic yeh → ی
  '\u0649': '\u06cc', // ى alef maksura → ی
  '\u0643': '\u06a9', // ك Arabic kaf → ک
  '\u0629': '\u0647', // ة teh marbuta → ه
  '\u0671': '\u0627', // ٱ alef wasla → ا
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/**
 * The search/match key. Both the stored text and the typed query go through this, so it only has
 * to be consistent, not pretty. It is idempotent, which lets callers store keys and re-key
 * queries without caring whether a string was already normalised.
 *
 * Most names and ids are plain: ASCII and the Persian letters, spaces, maybe a ZWNJ. For those
 * the full treatment (fullSearchKey) only lower-cases, drops the ZWNJ and tidies the spaces, and
 * that is done directly: an import of 50,000 new customers builds 100,000 keys.
 */
export function normaliseForSearch(s: string): string {
  let hasUpper = false;
  let hasZwnj = false;
  let needsSpaces = false;
  const last = s.length - 1;
  for (let i = 0; i <= last; i += 1) {
    const c = s.charCodeAt(i);
    if (c === SPACE) {
      if (i === 0 || i === last || s.charCodeAt(i + 1) === SPACE) needsSpaces = true;
    } else if (c >= 0x41 && c <= 0x5a) {
      hasUpper = true;
    } else if (c === ZWNJ) {
      hasZwnj = true;
    } else if (c >= PLAIN_CHARS.length || PLAIN_CHARS[c] !== 1) {
      return fullSearchKey(s);
    }
  }
  let key = hasUpper ? s.toLowerCase() : s;
  if (hasZwnj) key = key.replaceAll('\u200c', '');
  if (needsSpaces || hasZwnj) key = key.replace(/ {2,}/g, ' ').trim();
  return key;
}

/** normaliseForSearch for any text (exported for the tests, which hold the short cut to it). */
export function fullSearchKey(s: string): string {
  return (
    s
      // Compatibility decomposition also turns Arabic presentation forms (from copied PDFs),
      // full-width Latin and NBSP into their plain equivalents. Lowercasing sits between two
      // decompositions because each can create input for the other (e.g. '㎒' → 'MHz', 'İ' → 'i̇').
      .normalize('NFKD')
      // ۀ decomposes to the Kurdish ە plus hamza: fold that pair to ه, leaving a bare ە alone.
      .replace(/\u06d5(\p{M}*)\u0654/gu, '\u0647$1')
      .toLowerCase()
      .normalize('NFKD')
      // Combining marks: Latin accents, Arabic harakat (U+064B–U+065F, U+0670), hamza and madda.
      .replace(/\p{M}/gu, '')
      // Format characters (ZWNJ, ZWJ, LRM/RLM, BOM, soft hyphen…) and tatweel are invisible in
      // the written word, so they must not split or break a match.
      .replace(/[\p{Cf}\u0640]/gu, '')
      .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS[ch] ?? ch)
      .replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (ch) => normaliseDigits(ch))
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const SPACE = 0x20;
const ZWNJ = 0x200c;
/**
 * 1 for the characters below U+0700 that the full treatment leaves as they are, wherever they
 * stand: printable ASCII but capitals and the space (handled on their own), and the Arabic block's
 * letters that neither decompose nor fold (ا ب پ … ی, not آ أ ي ك ة, marks, digits or tatweel).
 * Worked out from fullSearchKey itself, one character at a time: one it keeps as it is is no
 * combining mark (those it drops) and has no other case (capitals it lowers), so a string of
 * them keeps them as they are too.
 */
const PLAIN_CHARS = new Uint8Array(0x0700);
for (let c = 0x21; c < PLAIN_CHARS.length; c += 1) {
  const char = String.fromCharCode(c);
  if ((c <= 0x7e || c >= 0x0600) && fullSearchKey(char) === char) PLAIN_CHARS[c] = 1;
}

/** Query words for an all-words match; each token is already a search key. */
export function searchTokens(query: string): string[] {
  return normaliseForSearch(query)
    .split(' ')
    .filter((token) => token.length > 0);
}
