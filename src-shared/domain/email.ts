/**
 * E-mail addresses: a practical check, not RFC 5322. It accepts what mail providers hand out and
 * rejects what is clearly a typo or a different field pasted into the email column.
 */
import { normaliseDigits } from './persian-text.ts';

// Dot-atom local part: no quoted strings or comments, which real shops' customers never have.
const LOCAL_RE = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// Letters (including internationalised domain names), digits and inner hyphens.
const LABEL_RE = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
// A top-level domain is letters, or an ASCII-encoded IDN ('xn--…').
const TLD_RE = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** Trimmed and lowercased address, or null when it is not a plausible address. */
export function normaliseEmail(raw: string): string | null {
  // A Persian keyboard types Persian digits, and RTL editors leave invisible bidi marks.
  const email = normaliseDigits(raw)
    .replace(/\p{Cf}/gu, '')
    .trim()
    .toLowerCase();
  if (email.length > 254) return null;
  const at = email.indexOf('@');
  if (at <= 0 || at !== email.lastIndexOf('@')) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !LOCAL_RE.test(local)) return null;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || tld === undefined || !TLD_RE.test(tld)) return null;
  return labels.every((label) => LABEL_RE.test(label)) ? email : null;
}
