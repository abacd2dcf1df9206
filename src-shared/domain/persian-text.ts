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
 */
export function normaliseForSearch(s: string): string {
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

/** Query words for an all-words match; each token is already a search key. */
export function searchTokens(query: string): string[] {
  return normaliseForSearch(query)
    .split(' ')
    .filter((token) => token.length > 0);
}
