import { describe, expect, it } from 'vitest';
import {
  ENCODINGS,
  bomEncoding,
  bomLength,
  createChunkDecoder,
  decodeSample,
  detectEncoding,
  guessLegacyCodePage,
  isValidUtf8,
} from './text-decoding.ts';
import type { EncodingName } from './text-decoding.ts';

/** Single-byte code-page encoding for tests (Node has decoders for them, not encoders). */
const encodeCodePage = (encoding: 'windows-1256' | 'windows-1252', text: string): Uint8Array => {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>([['ی', 0xed]]);
  for (let byte = 0; byte < 256; byte += 1) {
    const ch = decoder.decode(new Uint8Array([byte]));
    if (!table.has(ch)) table.set(ch, byte);
  }
  return Uint8Array.from([...text].map((ch) => table.get(ch) ?? 0x3f));
};

const encode = (encoding: EncodingName, text: string): Uint8Array => {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    default:
      return encodeCodePage(encoding, text);
  }
};

describe('BOMs', () => {
  it('names the encoding a BOM declares and its length', () => {
    expect(bomEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(bomEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
    expect(bomEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toBe('utf-16be');
    expect(bomEncoding(Uint8Array.from([0xef, 0xbb]))).toBeNull();
    expect(bomLength(Uint8Array.from([0xef, 0xbb, 0xbf]), 'utf-8')).toBe(3);
    expect(bomLength(Uint8Array.from([0xef, 0xbb, 0xbf]), 'windows-1256')).toBe(0);
    expect(bomLength(Uint8Array.from([0xff, 0xfe]), 'utf-16le')).toBe(2);
  });
});

describe('detectEncoding', () => {
  const persian = 'نام مشتری,موبایل\r\nعلی رضایی,09121234567\r\nمريم كاظمي,09351234567\r\n';
  const western = 'Customer,Phone\r\nJosé Müller,+4915112345678\r\nFrançois Côté,+33612345678\r\n';

  it('lets a BOM win', () => {
    const utf8 = Uint8Array.from([0xef, 0xbb, 0xbf, ...encode('utf-8', persian)]);
    expect(detectEncoding(utf8, true)).toEqual({ encoding: 'utf-8', hasBom: true });
    const le = Uint8Array.from([0xff, 0xfe, ...encode('utf-16le', persian)]);
    expect(detectEncoding(le, true)).toEqual({ encoding: 'utf-16le', hasBom: true });
    const be = Uint8Array.from([0xfe, 0xff, ...encode('utf-16be', persian)]);
    expect(detectEncoding(be, true)).toEqual({ encoding: 'utf-16be', hasBom: true });
  });

  it('finds UTF-16 without a BOM by the side its zero bytes are on', () => {
    expect(detectEncoding(encode('utf-16le', western), true).encoding).toBe('utf-16le');
    expect(detectEncoding(encode('utf-16be', western), true).encoding).toBe('utf-16be');
    // Persian letters have no zero byte, but the digits, commas and line ends of a table do.
    expect(detectEncoding(encode('utf-16le', persian), true).encoding).toBe('utf-16le');
    expect(detectEncoding(encode('utf-16be', persian), true).encoding).toBe('utf-16be');
  });

  it('takes valid UTF-8 (and plain ASCII) as UTF-8', () => {
    expect(detectEncoding(encode('utf-8', persian), true)).toEqual({
      encoding: 'utf-8',
      hasBom: false,
    });
    expect(detectEncoding(encode('utf-8', 'a,b\n1,2\n'), true).encoding).toBe('utf-8');
  });

  it('does not fail UTF-8 on a character cut at the end of a sample', () => {
    const bytes = encode('utf-8', 'علی');
    const cut = bytes.subarray(0, bytes.length - 1);
    expect(isValidUtf8(cut, false)).toBe(true);
    expect(isValidUtf8(cut, true)).toBe(false);
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
  });

  it('tells Persian Windows-1256 from Western Windows-1252', () => {
    expect(detectEncoding(encode('windows-1256', persian), true).encoding).toBe('windows-1256');
    expect(detectEncoding(encode('windows-1252', western), true).encoding).toBe('windows-1252');
  });

  it.each([
    ['گزارش فروش', 'windows-1256'],
    ['پرویز چگینی و ژاله', 'windows-1256'],
    ['Größe: 42, Straße 7', 'windows-1252'],
    ['Café crème, naïve', 'windows-1252'],
    ['Price: 5 €', 'windows-1252'],
  ] as const)('guesses %s as %s', (text, expected) => {
    const encoding = expected === 'windows-1256' ? 'windows-1256' : 'windows-1252';
    expect(guessLegacyCodePage(encodeCodePage(encoding, text))).toBe(expected);
  });
});

describe('createChunkDecoder', () => {
  const text = 'شماره,نام\r\n1001,علی رضایی 😀,José\r\n';

  it.each(ENCODINGS.filter((encoding) => encoding.startsWith('utf')))(
    'decodes %s fed one byte at a time',
    (encoding) => {
      const bytes = encode(encoding, text);
      const decoder = createChunkDecoder(encoding);
      let decoded = '';
      for (let i = 0; i < bytes.length; i += 1) {
        for (const piece of decoder.decode(bytes.subarray(i, i + 1))) decoded += piece;
      }
      expect(decoded + decoder.end()).toBe(text);
    },
  );

  it('decodes a chunk larger than one piece whole, across piece boundaries', () => {
    const long = 'علی رضایی,09121234567\n'.repeat(5000);
    const bytes = encode('utf-8', long);
    const decoder = createChunkDecoder('utf-8');
    const pieces = [...decoder.decode(bytes)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('') + decoder.end()).toBe(long);
  });

  it('turns invalid bytes into U+FFFD and an incomplete end into one', () => {
    expect(decodeSample(Uint8Array.from([0x61, 0xff, 0x62]), 'utf-8', true)).toBe('a\uFFFDb');
    expect(decodeSample(Uint8Array.from([0x61, 0xd8]), 'utf-8', true)).toBe('a\uFFFD');
    expect(decodeSample(Uint8Array.from([0x61, 0xd8]), 'utf-8', false)).toBe('a');
  });

  it('keeps a BOM-like character: the caller skips the real BOM', () => {
    expect(decodeSample(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8', true)).toBe('\uFEFFa');
  });
});
