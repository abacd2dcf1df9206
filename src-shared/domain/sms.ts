/**
 * SMS part counting (DESIGN.md §6: "a Persian SMS part is 70 characters, so show the count").
 *
 * A message made only of GSM 03.38 characters goes as GSM-7: 160 septets in one SMS, 153 per part
 * once it is split (each part carries a 7-septet concatenation header); the extension-table
 * characters (€ [ ] { } \ ^ ~ | and form feed) take two septets, an escape and the character. Any
 * other character, Persian letters and Persian digits included, sends the whole message as UCS-2:
 * 70 UTF-16 units in one SMS, 67 per part; a character outside the BMP (most emoji) is two units.
 *
 * Parts are filled the way phones and panels split them: an extension character's two septets,
 * or an emoji's surrogate pair, never straddle two parts, so a part can end one unit short.
 */

export type SmsEncoding = 'gsm7' | 'ucs2';

export type SmsCount = {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 units (UCS-2) the message takes. */
  units: number;
  /** SMS it is sent as (0 for an empty message). */
  parts: number;
  /** Units one part holds at this length: 160/70 for a single SMS, 153/67 once split. */
  perPart: number;
  /** Units still free in the last part before another part is needed. */
  remaining: number;
};

export const SMS_LIMITS = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
} as const;

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

/** Septets a character takes in GSM-7, or null when GSM-7 cannot carry it. */
const gsmSeptets = (char: string): 1 | 2 | null =>
  GSM_BASIC.has(char) ? 1 : GSM_EXTENSION.has(char) ? 2 : null;

/** Whether the text can go as GSM-7 (every character in the basic or extension table). */
export const isGsm7 = (text: string): boolean => {
  for (const char of text) if (gsmSeptets(char) === null) return false;
  return true;
};

/** Packs characters of the given widths into parts of `size`, never splitting a character. */
const packedParts = (widths: number[], size: number): { parts: number; lastUsed: number } => {
  let parts = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > size) {
      parts += 1;
      used = 0;
    }
    used += width;
  }
  return { parts, lastUsed: used };
};

/** How many SMS a message is sent as, in which encoding, and how much room is left. */
export const countSms = (text: string): SmsCount => {
  const chars = [...text];
  const encoding: SmsEncoding = isGsm7(text) ? 'gsm7' : 'ucs2';
  const widths = chars.map((char) => (encoding === 'gsm7' ? (gsmSeptets(char) ?? 1) : char.length));
  const units = widths.reduce((sum, width) => sum + width, 0);
  const limits = SMS_LIMITS[encoding];
  if (units === 0) {
    return { encoding, units, parts: 0, perPart: limits.single, remaining: limits.single };
  }
  if (units <= limits.single) {
    return { encoding, units, parts: 1, perPart: limits.single, remaining: limits.single - units };
  }
  const { parts, lastUsed } = packedParts(widths, limits.multi);
  return { encoding, units, parts, perPart: limits.multi, remaining: limits.multi - lastUsed };
};
