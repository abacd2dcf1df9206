/**
 * Phone numbers: one canonical form (E.164) for storage and matching, whatever way staff or an
 * import typed them (DESIGN.md §2, §8).
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max';
import { normaliseDigits, toPersianDigits } from './persian-text.ts';

export type NormalisedPhone = {
  /** '+989121234567' */
  e164: string;
  /** National format digits with the trunk prefix, e.g. '09121234567' for Iran. */
  national: string;
};

// Punctuation people put in phone numbers, plus the invisible bidi marks that RTL editors and
// Excel exports leave around them.
const PHONE_PUNCTUATION_RE = /[\s\-.()\u2010-\u2015\u2212\p{Cf}]/gu;

function parseValid(text: string, country: CountryCode | undefined): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(text, country);
  return parsed?.isValid() ? parsed : null;
}

function nationalDigits(phone: PhoneNumber): string {
  // Iran's trunk prefix is always written, and formatNational() includes it; elsewhere the
  // national format is what a local would dial.
  return phone.formatNational().replace(/\D/g, '');
}

/**
 * Accepts Persian/Arabic digits and common punctuation; `+98…`, `0098…`, `98 9…` (12 digits),
 * `09…`, a bare `9…` (10 digits, an Iranian mobile without its 0), landlines, and international
 * numbers with `+` or `00`. Returns null unless libphonenumber's full metadata says the number
 * is valid.
 */
export function normalisePhone(raw: string, defaultCountry: string = 'IR'): NormalisedPhone | null {
  const compact = normaliseDigits(raw).replace(PHONE_PUNCTUATION_RE, '');
  if (!/^(\+|00)?\d+$/.test(compact)) return null;

  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  let text = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (country === 'IR') {
    // Iranian mobiles are often written without the trunk 0 or with 98 but no '+'.
    if (/^989\d{9}$/.test(text)) text = `+${text}`;
    else if (/^9\d{9}$/.test(text)) text = `+98${text}`;
  }
  if (country === 'IR') {
    const nsn = iranianNsnOf(text);
    if (nsn !== null)
      return isValidIranianNsn(nsn) ? { e164: `+98${nsn}`, national: `0${nsn}` } : null;
  }
  const phone = parseValid(text, country);
  if (!phone) return null;
  return { e164: phone.number, national: nationalDigits(phone) };
}

/** The national significant number of a 10-digit Iranian number starting with 9 (mobiles). */
const iranianNsnOf = (text: string): string | null =>
  /^\+989\d{9}$/.test(text) ? text.slice(3) : /^09\d{9}$/.test(text) ? text.slice(1) : null;

/**
 * Whether libphonenumber calls a 10-digit Iranian number starting with 9 valid. Its metadata
 * decides that by the first digits alone (the mobile pattern by the first five, the 94… fixed
 * lines by the first six, then any digits), so the answer is asked once per six-digit prefix:
 * an import of 50,000 customers parses a few hundred numbers instead of 50,000 (a second of a
 * big import). phone.test.ts checks the shortcut against libphonenumber on random numbers.
 */
const validByPrefix = new Map<string, boolean>();
export function isValidIranianNsn(nsn: string): boolean {
  const prefix = nsn.slice(0, IRANIAN_PREFIX_DIGITS);
  let valid = validByPrefix.get(prefix);
  if (valid === undefined) {
    valid = parseValid(`+98${nsn}`, 'IR') !== null;
    validByPrefix.set(prefix, valid);
  }
  return valid;
}
export const IRANIAN_PREFIX_DIGITS = 6;

/**
 * The digit strings a typed query may be a fragment of, for substring matching: the E.164
 * digits, the same with the `00` international prefix, the national form with its trunk prefix
 * and the national significant number.
 */
export function phoneSearchVariants(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  // Iran's national form is always the trunk 0 before the national number: no parse needed,
  // which matters when an import creates tens of thousands of customers.
  if (/^\+98\d+$/.test(e164))
    return [digits, `00${digits}`, `0${digits.slice(2)}`, digits.slice(2)];
  const variants = [digits, `00${digits}`];
  const phone = parsePhoneNumberFromString(e164);
  if (phone) variants.push(nationalDigits(phone), phone.nationalNumber);
  return [...new Set(variants.filter((v) => v.length > 0))];
}

/**
 * The digits of a query that looks like part of a phone number (at least three digits once
 * punctuation and a leading `+` or `00` are removed), or null for a name-like query.
 */
export function phoneQueryDigits(query: string): string | null {
  const compact = normaliseDigits(query).replace(PHONE_PUNCTUATION_RE, '');
  const digits = compact.replace(/^(\+|00)/, '');
  return /^\d{3,}$/.test(digits) ? digits : null;
}

/**
 * Display form: national format for Iranian numbers ('0912 123 4567'), international
 * otherwise. Bidi isolation is the caller's job: it depends on where the text is placed.
 */
export function formatPhone(e164: string, locale: 'fa' | 'en'): string {
  const phone = parsePhoneNumberFromString(e164);
  const text = !phone
    ? e164
    : phone.country === 'IR'
      ? phone.formatNational()
      : phone.formatInternational();
  return locale === 'fa' ? toPersianDigits(text) : text;
}
